import { type Band, bandProbabilities, quantileSorted } from './band.js';

// The horizon statistics in mathjs's own arithmetic, step for step (its `mean`, `std` and sorted
// `quantileSeq` on numbers), so every seeded figure keeps its bits: test/maths/statistics.test.ts holds
// them to mathjs bit for bit. Written here because mathjs's three functions bundle 21.7 KB gzipped
// (typed-function and its number namespace) into every page and worker that summarises a result.

/** mathjs's `mean` of numbers: the sum from the first value on, over the count. */
function meanOf(values: readonly number[]): number {
  let sum = values[0] as number;
  for (let i = 1; i < values.length; i += 1) sum += values[i] as number;
  return sum / values.length;
}

/** mathjs's unbiased `variance` of numbers: two passes, the squared deviations summed from the first on. */
function varianceOf(values: readonly number[]): number {
  const mean = meanOf(values);
  const first = (values[0] as number) - mean;
  let sum = first * first;
  for (let i = 1; i < values.length; i += 1) {
    const deviation = (values[i] as number) - mean;
    sum += deviation * deviation;
  }
  return values.length === 1 ? 0 : sum / (values.length - 1);
}

/** mathjs's `quantileSeq(sorted, probability, true)` on numbers: (1 − f)·lo + f·hi between ranks (type 7). */
function quantileOf(sorted: ArrayLike<number>, probability: number): number {
  const index = probability * (sorted.length - 1);
  if (Number.isFinite(index) && index === Math.round(index)) return sorted[index] as number;
  const below = Math.floor(index);
  const fraction = index % 1;
  return (sorted[below] as number) * (1 - fraction) + (sorted[below + 1] as number) * fraction;
}

/** Sample standard deviation (n − 1) of per-run figures; 0 for a single run. */
export function standardDeviation(values: number[]): number {
  return values.length > 1 ? Math.sqrt(varianceOf(values)) : 0;
}

/** The median of per-run figures (the mean of the middle two for an even count), or NaN for none; `values` is not changed. */
export function median(values: ArrayLike<number>): number {
  return values.length === 0 ? Number.NaN : quantileSorted(Float64Array.from(values).sort(), 0.5);
}

/** The band of per-run horizon figures, in mathjs's arithmetic (once per simulation, off the hot path). */
export function horizonBand(values: readonly number[]): Band {
  if (values.length === 0) throw new RangeError('band of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const [p5, p25, p50, p75, p95] = bandProbabilities.map((probability) => quantileOf(sorted, probability)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  // mathjs interpolates as (1 − f)·lo + f·hi, which can put a percentile one rounding below the one before
  // it when the values all but agree: keep them in order.
  const q25 = Math.max(p5, p25);
  const q50 = Math.max(q25, p50);
  const q75 = Math.max(q50, p75);
  return { mean: meanOf(sorted), p5, p25: q25, p50: q50, p75: q75, p95: Math.max(q75, p95) };
}

/** The `probability` quantile of ascending per-run horizon figures, by the same arithmetic as {@link horizonBand} (so a median matches the result's `p50` bit for bit). */
export function horizonQuantile(sorted: ArrayLike<number>, probability: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values');
  return quantileOf(sorted, probability);
}

/**
 * The median and its standard error from the order statistics: half the
 * distance between the ranks n/2 ± √n/2, which bracket the median with
 * about 68% confidence (a binomial interval; no density estimate needed).
 */
export function medianWithError(values: Float64Array): { reached: number; standardError: number } {
  const sorted = values.slice().sort();
  const n = sorted.length;
  const half = Math.sqrt(n) / 2;
  const lo = quantileSorted(sorted, Math.max(0, (n / 2 - half) / n));
  const hi = quantileSorted(sorted, Math.min(1, (n / 2 + half) / n));
  // The median as the result's horizon band computes it, so the two agree bit for bit.
  return { reached: horizonQuantile(sorted, 0.5), standardError: (hi - lo) / 2 };
}
