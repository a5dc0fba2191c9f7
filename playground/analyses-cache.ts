/**
 * Where the page keeps each result's run-by-run analyses, and which runs
 * they read: no computation here (that is analyses.ts, loaded with the
 * charts and in the analyses worker), so the page's main script stays small.
 */
import type { RoiDriver, Sensitivity, SimulationResult, ValueOfInformation } from 'cx-roi';

/**
 * Most runs these analyses read, so a big result does not hold up the page:
 * the first ones, which are exactly the runs a simulation of that many with
 * the same seed would give (run i depends only on the seed and i).
 */
export const decisionRunCap = 5000;

/** What the analyses read of a result: its scenario, seed, run count and first runs. */
export type RunsOf = Pick<SimulationResult, 'scenario' | 'seed' | 'runCount' | 'runs'>;

export function firstRuns<R extends RunsOf>(result: R): R {
  const runs = result.runs;
  return runs && runs.length > decisionRunCap ? { ...result, runs: runs.slice(0, decisionRunCap), runCount: decisionRunCap } : result;
}

export interface Analyses {
  readonly drivers: readonly RoiDriver[];
  readonly sensitivity: Sensitivity;
  readonly valueOfInformation: ValueOfInformation;
}

const cache = new WeakMap<object, Analyses>();

/** Whether a result's analyses are at hand. */
export function analysesKnown(result: object): boolean {
  return cache.has(result);
}

/** A result's analyses, if at hand. */
export function knownAnalyses(result: object): Analyses | undefined {
  return cache.get(result);
}

/** Records analyses computed elsewhere (in a worker) for a result. */
export function rememberAnalyses(result: object, analyses: Analyses): void {
  cache.set(result, analyses);
}
