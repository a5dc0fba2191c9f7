import { compare } from 'cx-roi';
import type { Command, CommandContext } from '../command.js';
import { usageError } from '../command.js';
import { comparisonTable } from '../decisions-table.js';
import { formatFlag, runsAndSeed, runsFlag, seedFlag } from '../flags.js';
import { usageMistake } from '../help.js';
import { inputName, readJson, standardInputOnce } from '../input.js';
import { chosenFormat, writeResult } from '../output.js';

/** A scenario's name in the comparison: its file's name without `.json`, made unique when two files share a name. */
function nameOf(path: string, taken: Record<string, unknown>): string {
  const base = path === '-' ? inputName(path) : (path.split(/[\\/]/).pop() ?? path).replace(/\.json$/i, '');
  let name = base;
  for (let k = 2; Object.hasOwn(taken, name); k += 1) name = `${base} (${k})`;
  return name;
}

async function run({ io, values, files }: CommandContext): Promise<number> {
  if (files.length < 2) return usageMistake(io, compareCommand, 'compare needs two or more scenario files');
  const format = chosenFormat(io, values.format, ['table', 'json']);
  if (format === undefined) return usageError;
  if (!standardInputOnce(io, files)) return usageError;
  const scenarios: Record<string, unknown> = {};
  for (const path of files) {
    const got = await readJson(io, path);
    if (!got.ok) return usageError;
    // Defined, not assigned: a file named __proto__.json is a scenario like any other.
    Object.defineProperty(scenarios, nameOf(path, scenarios), { value: got.value, enumerable: true, writable: true, configurable: true });
  }
  await writeResult(io, format, compare(scenarios as Record<string, object>, runsAndSeed(values)), comparisonTable);
  return 0;
}

/** `cx-roi compare`: scenarios paired run by run. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'which of two or more scenarios is better, run by run',
  usage: 'cx-roi compare a.json b.json [more.json …] [--runs N] [--seed S] [--format table|json]',
  description:
    'Simulates each file with the same seed and draws and prints, for every pair, the run-by-run differences in NPV, ROI and ' +
    'payback and the chance the second beats the first (names: the file names).',
  flags: [runsFlag('1,000'), seedFlag, formatFlag(['table', 'json'])],
  examples: [['cx-roi compare now.json bold.json', 'which is better, run by run']],
  // Its messages name each file's fields already (bold.churn.base).
  subject: 'compare',
  run,
};
