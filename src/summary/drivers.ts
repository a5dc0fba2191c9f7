import type { SimulationResult } from '../simulate/result.js';

/** How strongly one uncertain input moves the ROI at the horizon. */
export interface RoiDriver {
  /** The assumption's dotted path, or `investment.executed` for whether the programme was carried out as planned. */
  readonly path: string;
  /** Spearman's rank correlation with the horizon ROI over the runs, from −1 to 1. */
  readonly correlation: number;
}

/** Ranks 1..n, ties sharing their average rank. */
function ranks(values: readonly number[]): Float64Array {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const out = new Float64Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1] as number] === values[order[i] as number]) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) out[order[k] as number] = rank;
    i = j + 1;
  }
  return out;
}

/** Pearson's correlation of two equally long samples (0 when either is constant). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
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
 * const result = simulate({}, { runs: 2000, keepRuns: true });
 * roiDrivers(result)[0]; // { path: 'investment.executed', correlation: 0.8… }
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
