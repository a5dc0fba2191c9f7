import { pearson, ranks } from './correlation.js';
import type { SimulationResult } from '../simulate/result.js';

/** How strongly one uncertain input moves the ROI at the horizon. */
export interface RoiDriver {
  /** The assumption's dotted path, or `investment.executed` for whether the programme was carried out as planned. */
  readonly path: string;
  /** Spearman's rank correlation with the horizon ROI over the runs, from −1 to 1. */
  readonly correlation: number;
}

/**
 * Which uncertain inputs drive the spread of ROI at the horizon (the data of
 * a tornado chart): Spearman's rank correlation of each drawn assumption that
 * varies, and of whether the programme was carried out, with each run's ROI,
 * strongest first.
 *
 * @param result - A result simulated with `{ keepRuns: true }`.
 * @throws Error when the result has no kept runs.
 * @example
 * ```ts
 * import { roiDrivers, simulate } from 'cx-roi';
 * const drivers = roiDrivers(simulate({}, { runs: 1000, seed: 1, keepRuns: true }));
 * drivers[0]; // => { path: 'investment.executed', correlation: 0.745 }
 * drivers[1]; // => { path: 'investment.missedEffectShare', correlation: 0.528 }
 * drivers[2]; // => { path: 'investment.failureReduction', correlation: 0.200 }
 * roiDrivers(simulate({}, { runs: 200, seed: 1 })); // throws Error: roiDrivers needs a result simulated with { keepRuns: true }
 * ```
 */
export function roiDrivers(result: Pick<SimulationResult, 'runs'>): RoiDriver[] {
  const runs = result.runs;
  if (!runs) throw new Error('roiDrivers needs a result simulated with { keepRuns: true }');
  if (runs.length < 3) return [];
  const roi = ranks(runs.map((r) => r.roi));
  const inputs: [string, number[]][] = [
    ['investment.executed', runs.map((r) => (r.executed ? 1 : 0))],
    ...Object.keys(runs[0]?.parameters ?? {}).map((path): [string, number[]] => [path, runs.map((r) => r.parameters[path] as number)]),
  ];
  return inputs
    .filter(([, values]) => values.some((v) => v !== values[0]))
    .map(([path, values]) => ({ path, correlation: pearson(ranks(values), roi) }))
    .sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation));
}
