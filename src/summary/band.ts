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
  const hi = sorted[above] as number;
  return lo + (hi - lo) * (index - below);
}

/**
 * The band of `values`, sorting `scratch` (a copy, so `values` is untouched).
 * A typed-array sort is several times faster than a generic quantile on
 * unsorted data, which matters for thousands of runs × every month × every metric.
 */
export function bandOf(values: Float64Array, scratch: Float64Array = new Float64Array(values.length)): Band {
  scratch.set(values);
  const sorted = scratch.subarray(0, values.length).sort();
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i] as number;
  return {
    mean: sum / values.length,
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
  };
}
