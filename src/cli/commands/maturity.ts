import { executionSuccessFromMaturity, maturityQuestions } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { usageError } from '../command.js';
import { percent } from '../../format/numbers.js';
import { formatFlag } from '../flags.js';
import { usageMistake } from '../help.js';
import { readJson } from '../input.js';
import { chosenFormat, writeResult } from '../output.js';

/** The nine questions, each with its part of the maturity model and the quote it comes from. */
function questionsText(): string {
  const questions = maturityQuestions.map((q) => `${q.id} (part ${q.part}: ${q.partTitle})\n    ${q.text}\n    “${q.quote}”`);
  return (
    `${questions.join('\n')}\n\nAnswer each "yes", "partly" or "no" in a JSON file and run cx-roi maturity answers.json, ` +
    "or give the answers as a scenario's investment.maturity.\n"
  );
}

/** The chance of carrying the programme out that the answers give, and the answers counted. */
function priorText(prior: { readonly min: number; readonly max: number }, answers: Record<string, unknown>): string {
  const tally = (['yes', 'partly', 'no'] as const).map((a) => `${Object.values(answers).filter((x) => x === a).length} ${a}`).join(', ');
  return (
    `Chance the programme is carried out as planned: ${percent(prior.min, 0)}–${percent(prior.max, 0)} ` +
    `(investment.executionSuccess: uniform from ${prior.min} to ${prior.max}).\n` +
    `Your answers: ${tally}. Yes counts 1, partly ½, no 0; the mean sets the chance: ` +
    'all "partly" (or as many yes as no) gives 20–30%, ' +
    'the published figure; the other chances are an illustrative mapping.\n'
  );
}

async function run({ io, values, files }: CommandContext): Promise<number> {
  const [file, ...extra] = files;
  if (extra.length > 0) return usageMistake(io, maturityCommand, `unexpected argument "${extra[0]}"`);
  const format = chosenFormat(io, values.format, ['table', 'json']);
  if (format === undefined) return usageError;
  if (file === undefined) {
    await writeResult(io, format, maturityQuestions, questionsText);
    return 0;
  }
  const answers = await readJson(io, file);
  if (!answers.ok) return usageError;
  const prior = executionSuccessFromMaturity(answers.value as Record<string, string>);
  // The chance in one line of JSON: two numbers and the distribution's name.
  await io.stdout(format === 'json' ? `${JSON.stringify(prior)}\n` : priorText(prior, answers.value as Record<string, unknown>));
  return 0;
}

/** `cx-roi maturity`: the maturity questions, or the chance of carrying the programme out that answers give. */
export const maturityCommand: Command = {
  name: 'maturity',
  summary: 'the maturity questions, or the chance your answers give',
  usage: 'cx-roi maturity [answers.json] [--format table|json]',
  description:
    'Lists the nine maturity questions; with answers.json ({ "<id>": "yes" | "partly" | "no", … }) prints the chance of ' +
    'carrying the programme out that they give (investment.executionSuccess).',
  flags: [formatFlag(['table', 'json'])],
  run,
};
