import { sensitivity, simulate } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { text, usageError } from '../command.js';
import { sensitivityTable } from '../decisions-table.js';
import { formatFlag, runsAndSeed, runsFlag, seedFlag, toNumber } from '../flags.js';
import { usageMistake } from '../help.js';
import { readScenario } from '../input.js';
import { chosenFormat, writeResult } from '../output.js';

async function run({ io, values, files }: CommandContext): Promise<number> {
  const [file, ...extra] = files;
  if (extra.length > 0) return usageMistake(io, sensitivityCommand, `unexpected argument "${extra[0]}"`);
  const format = chosenFormat(io, values.format, ['table', 'json']);
  if (format === undefined) return usageError;
  const input = await readScenario(io, file);
  if (!input.ok) return usageError;
  const at = text(values, 'at')
    ?.split(',')
    .map((x) => toNumber(x, '--at'));
  // The shares and correlations are read from every run's draws.
  const result = simulate(input.value as object, { runs: 10_000, ...runsAndSeed(values), keepRuns: true });
  const found = sensitivity(result, { ...(at ? { at } : {}), ...(values['no-swings'] ? { swings: false as const } : {}) });
  await writeResult(io, format, found, sensitivityTable);
  return 0;
}

/** `cx-roi sensitivity`: what drives the cumulative NPV, month by month. */
export const sensitivityCommand: Command = {
  name: 'sensitivity',
  summary: 'what drives the cumulative NPV, month by month',
  usage: 'cx-roi sensitivity [scenario.json] [--at 24,60] [--no-swings] [--runs N] [--seed S] [--format table|json]',
  description:
    'What drives the cumulative NPV at every 12th month and the horizon (--at to choose): variance shares, rank correlations ' +
    'and swings of the uncertain assumptions, then the fixed, sourced figures moved 20% each way and at their published alternatives.',
  flags: [
    { name: 'at', type: 'string', value: 'MONTHS', description: 'the months to look at, by commas', default: 'every 12th and the horizon' },
    { name: 'no-swings', type: 'boolean', description: 'skip the fixed figures moved each way (two simulations a figure)' },
    runsFlag('10,000'),
    seedFlag,
    formatFlag(['table', 'json']),
  ],
  run,
};
