import { realityCheck } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { usageError } from '../command.js';
import { formatFlag, runsAndSeed, runsFlag, seedFlag } from '../flags.js';
import { usageMistake } from '../help.js';
import { chosenFormat, writeResult } from '../output.js';
import { realityCheckTable } from '../reality-check-table.js';

async function run({ io, values, files }: CommandContext): Promise<number> {
  if (files.length > 0)
    return usageMistake(io, realityCheckCommand, 'reality-check takes no file (it simulates typicalProgrammes on the default business)');
  const format = chosenFormat(io, values.format, ['table', 'json']);
  if (format === undefined) return usageError;
  await writeResult(io, format, realityCheck(runsAndSeed(values)), realityCheckTable);
  return 0;
}

/** `cx-roi reality-check`: the model's typical programmes beside the published outcomes. */
export const realityCheckCommand: Command = {
  name: 'reality-check',
  summary: 'typical programmes beside the published outcomes',
  usage: 'cx-roi reality-check [--runs N] [--seed S] [--format table|json]',
  description:
    'Simulates a spread of typical programmes and sets their outcome classes and the share that misses its goal beside ' +
    "Accenture's 23 / 57 / 20 and the published 70–80%.",
  flags: [runsFlag('2,000'), seedFlag, formatFlag(['table', 'json'])],
  subject: 'reality-check',
  run,
};
