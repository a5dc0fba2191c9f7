import type { Command } from '../command.js';
import { assumptionsCommand } from './assumptions.js';
import { breakEvenCommand } from './break-even.js';
import { calibrateCommand } from './calibrate.js';
import { compareCommand } from './compare.js';
import { kpisCommand } from './kpis.js';
import { maturityCommand } from './maturity.js';
import { realityCheckCommand } from './reality-check.js';
import { robustnessCommand } from './robustness.js';
import { sensitivityCommand } from './sensitivity.js';
import { simulateCommand } from './simulate.js';
import { valueOfInformationCommand } from './value-of-information.js';
import { workerCommand } from './worker.js';

/** Every command, in the order `cx-roi --help` lists them. */
export const commands: readonly Command[] = [
  simulateCommand,
  workerCommand,
  kpisCommand,
  calibrateCommand,
  assumptionsCommand,
  realityCheckCommand,
  maturityCommand,
  compareCommand,
  breakEvenCommand,
  sensitivityCommand,
  valueOfInformationCommand,
  robustnessCommand,
];

/** Examples for the overview: the commands most reached for. */
export const overviewExamples: readonly (readonly [string, string])[] = [
  ['cx-roi simulate', 'the default scenario'],
  ['cx-roi simulate bold.json --runs 5000 --seed 42', 'a scenario file, more runs'],
  ['cx-roi simulate bold.json --format csv --keep-runs > runs.csv', 'one row per run'],
  ['cx-roi worker --redis redis://10.0.0.5:6379 --concurrency 2', 'on each machine, then'],
  ['cx-roi simulate --runs 1000000 --redis redis://10.0.0.5:6379 --shards 40', 'the runs on those workers'],
  ['cx-roi compare now.json bold.json', 'which is better, run by run'],
  ['cx-roi break-even --vary investment.upfront --metric roiMedian --value 0', 'the upfront cost at which the median ROI is 0'],
];
