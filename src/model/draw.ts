import type { Seed, StreamFamily } from '../random/stream.js';
import { drawAssumption } from '../scenario/assumption-values.js';
import type { Scenario } from '../scenario/schema.js';
import { assumptionFields } from './assumptions.js';
import { type SummedPaths, summedPaths } from './parameters.js';
import { modelStreams } from './streams.js';

/** Every assumption's value in one run, by dotted path. */
export type DrawnValues = Readonly<Record<string, number>>;

/**
 * Draws every assumption of a scenario for run `run`. Each uncertain
 * assumption has its own stream, keyed by (seed, "assumption", its path,
 * run), so adding or reordering assumptions never changes another's draw.
 */
export function drawValues(scenario: Scenario, seed: Seed, run: number): DrawnValues {
  const families = modelStreams(scenario, seed).assumptions;
  const values: Record<string, number> = {};
  assumptionFields(scenario).forEach(({ path, value, domain }, i) => {
    values[path] = typeof value === 'number' ? value : drawAssumption((families[i] as StreamFamily).at(run), value, domain);
  });
  return values;
}

const summedOf = new WeakMap<Scenario, SummedPaths>();

/**
 * `summedPaths` of the records drawValues returns for a scenario, found once:
 * their keys are the assumptions' paths in order (never integer-like, which
 * an object would list first), so every run's record lists them alike.
 */
export function drawnSummedPaths(scenario: Scenario): SummedPaths {
  let summed = summedOf.get(scenario);
  if (!summed) {
    summed = summedPaths([...new Set(assumptionFields(scenario).map((field) => field.path))]);
    summedOf.set(scenario, summed);
  }
  return summed;
}

/** Runs whose draws a result reads again, at most: the first ones (the checks of a held business and of what drives the NPV). */
export const redrawnRuns = 2000;

/** The draws of a simulation's first runs (at most {@link redrawnRuns}), made again from the seed: no simulation. */
export function drawFirstRuns(scenario: Scenario, seed: Seed, runs: number): DrawnValues[] {
  return Array.from({ length: Math.min(runs, redrawnRuns) }, (_, run) => drawValues(scenario, seed, run));
}
