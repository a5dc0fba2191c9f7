import { mean, quantileSeq, std } from 'mathjs/number';
import { type Band, bandProbabilities, quantileSorted } from './band.js';

// mathjs's own number functions, each built with only its dependencies: the browser bundle is 3 KB
// (gzipped) smaller than the same three made with create(), which pulls in more of its machinery.
const math = { mean, quantileSeq, std };

/** Sample standard deviation (n − 1) of per-run figures; 0 for a single run. */
export function standardDeviation(values: number[]): number {
  return values.length > 1 ? (math.std(values) as unknown as number) : 0;
}

/** The median of per-run figures (the mean of the middle two for an even count), or NaN for none; `values` is not changed. */
export function median(values: ArrayLike<number>): number {
  return values.length === 0 ? Number.NaN : quantileSorted(Float64Array.from(values).sort(), 0.5);
}

/** The band of per-run horizon figures, by mathjs (once per simulation, off the hot path). */
export function horizonBand(values: readonly number[]): Band {
  const sorted = [...values].sort((a, b) => a - b);
  const [p5, p25, p50, p75, p95] = math.quantileSeq(sorted, [...bandProbabilities], true) as unknown as [
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
  return { mean: math.mean(sorted) as number, p5, p25: q25, p50: q50, p75: q75, p95: Math.max(q75, p95) };
}

/** The `probability` quantile of ascending per-run horizon figures, by the same mathjs definition as {@link horizonBand} (so a median matches the result's `p50` bit for bit). */
export function horizonQuantile(sorted: ArrayLike<number>, probability: number): number {
  return math.quantileSeq(Array.from(sorted), probability, true) as unknown as number;
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
