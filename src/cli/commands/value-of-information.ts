import { valueOfInformation } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { usageError } from '../command.js';
import { valueOfInformationText } from '../decisions-table.js';
import { formatFlag, runsAndSeed, runsFlag, seedFlag } from '../flags.js';
import { usageMistake } from '../help.js';
import { readScenario } from '../input.js';
import { chosenFormat, writeResult } from '../output.js';

async function run({ io, values, files }: CommandContext): Promise<number> {
  const [file, ...extra] = files;
  if (extra.length > 0) return usageMistake(io, valueOfInformationCommand, `unexpected argument "${extra[0]}"`);
  const format = chosenFormat(io, values.format, ['table', 'json']);
  if (format === undefined) return usageError;
  const input = await readScenario(io, file);
  if (!input.ok) return usageError;
  await writeResult(io, format, valueOfInformation(input.value as object, runsAndSeed(values)), valueOfInformationText);
  return 0;
}

/** `cx-roi value-of-information`: what knowing an assumption before deciding would be worth. */
export const valueOfInformationCommand: Command = {
  name: 'value-of-information',
  aliases: ['voi'],
  summary: 'what knowing each assumption is worth (EVPI, EVPPI)',
  usage: 'cx-roi value-of-information [scenario.json] [--runs N] [--seed S] [--format table|json]',
  description: 'EVPI of the invest-or-not decision and EVPPI of each uncertain assumption, in currency.',
  flags: [runsFlag('10,000'), seedFlag, formatFlag(['table', 'json'])],
  run,
};
