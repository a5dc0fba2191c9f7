import { type AssumptionRow, describeAssumptions, describeValue } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { usageError } from '../command.js';
import { formatFlag } from '../flags.js';
import { usageMistake } from '../help.js';
import { readScenario } from '../input.js';
import { chosenFormat, writeResult } from '../output.js';

/** One assumption: its label, path, value and unit, what it is, its source and the figures that compete with it. */
function assumptionText(r: AssumptionRow): string {
  const source = r.source
    ? `source: ${r.source.credit}, ${r.source.article}: “${r.source.quote}”`
    : `illustrative assumption: ${r.note ?? ''}`;
  const competing = r.alternatives.map(
    (a) => `\n    competing figure: ${a.value} (${a.figure}; ${a.note}): ${a.credit}, ${a.article}: “${a.quote}”`,
  );
  return `${r.label}: ${r.path} = ${describeValue(r.value)} ${r.unit}\n    ${r.description}\n    ${source}${competing.join('')}`;
}

async function run({ io, values, files }: CommandContext): Promise<number> {
  const [file, ...extra] = files;
  if (extra.length > 0) return usageMistake(io, assumptionsCommand, `unexpected argument "${extra[0]}"`);
  const format = chosenFormat(io, values.format, ['table', 'json']);
  if (format === undefined) return usageError;
  const input = await readScenario(io, file);
  if (!input.ok) return usageError;
  await writeResult(io, format, describeAssumptions(input.value as object), (rows) => `${rows.map(assumptionText).join('\n')}\n`);
  return 0;
}

/** `cx-roi assumptions`: every assumption of a scenario with its source. */
export const assumptionsCommand: Command = {
  name: 'assumptions',
  summary: 'every assumption: value, unit, source, competing figures',
  usage: 'cx-roi assumptions [scenario.json] [--format table|json]',
  description:
    'Lists every assumption of the scenario (the default one when no file is given): name, value, unit, source and competing figures.',
  flags: [formatFlag(['table', 'json'])],
  run,
};
