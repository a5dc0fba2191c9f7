import { quantilesByCounting } from './counting-quantiles.js';

/** Percentile bands of one figure over the runs. */
export interface Band {
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

/** The percentiles every band reports. */
export const bandProbabilities = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * The `probability` quantile of ascending `sorted` values, interpolating
 * linearly between the closest ranks (Hyndman & Fan type 7, the definition
 * mathjs's `quantileSeq`, R and NumPy use by default).
 */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of no values');
  const index = probability * (n - 1);
  const below = Math.floor(index);
  const above = Math.min(below + 1, n - 1);
  const lo = sorted[below] as number;
  // On a rank exactly, the value itself (as selection returns it: −0 stays −0).
  if (index === below) return lo;
  const hi = sorted[above] as number;
  return lo + (hi - lo) * (index - below);
}

/**
 * The band of `a`, by counting and selection (linear: for thousands of runs ×
 * every month × every metric, many times faster than sorting); may reorder `a`.
 * The mean sums in index order, so equal inputs give equal bits.
 */
export function bandInPlace(a: Float64Array): Band {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as number;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const [p5, p25, p50, p75, p95] = quantilesByCounting(a, bandProbabilities, [], min, max) as [number, number, number, number, number];
  return { mean: sum / a.length, p5, p25, p50, p75, p95 };
}
