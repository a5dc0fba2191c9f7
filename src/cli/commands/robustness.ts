import { robustness } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { usageError } from '../command.js';
import { robustnessText } from '../decisions-table.js';
import { formatFlag, runsAndSeed, runsFlag, seedFlag } from '../flags.js';
import { usageMistake } from '../help.js';
import { readScenario } from '../input.js';
import { chosenFormat, writeResult } from '../output.js';

async function run({ io, values, files }: CommandContext): Promise<number> {
  const [file, ...extra] = files;
  if (extra.length > 0) return usageMistake(io, robustnessCommand, `unexpected argument "${extra[0]}"`);
  const format = chosenFormat(io, values.format, ['table', 'json']);
  if (format === undefined) return usageError;
  const input = await readScenario(io, file);
  if (!input.ok) return usageError;
  const found = robustness(input.value as object, { ...runsAndSeed(values), ...(values['no-flips'] ? { flips: false } : {}) });
  await writeResult(io, format, found, robustnessText);
  return 0;
}

/** `cx-roi robustness`: the decision under every reading the sources disagree on. */
export const robustnessCommand: Command = {
  name: 'robustness',
  summary: 'the decision under each reading the sources disagree on',
  usage: 'cx-roi robustness [scenario.json] [--no-flips] [--runs N] [--seed S] [--format table|json]',
  description:
    'The decision under every reading the sources disagree on (19% or 22% instead of 86% switching, a delay of two to three years, ' +
    '9 people per excellent month) and at the plausible ends of the numbers nobody measured, the business held; where each figure ' +
    'flips the decision; the answer at 3, 5 and 10 years; and one sentence.',
  flags: [
    { name: 'no-flips', type: 'boolean', description: 'skip the search for where each figure flips the decision (8 simulations each)' },
    runsFlag('1,000 a simulation'),
    seedFlag,
    formatFlag(['table', 'json']),
  ],
  run,
};
