import { count } from '../format/numbers.js';

/**
 * Assertions that know a Monte Carlo estimate has an error: a test that
 * demands an exact figure from a simulation fails by chance, and one with a
 * loose tolerance passes when the model is wrong. These state the tolerance
 * as standard errors, so the chance of a false alarm is known.
 */

/**
 * Passes when `estimate` is within `z` standard errors of `expected`.
 * With z = 4 a correct model fails about once in 16,000 checks.
 * @throws Error saying by how many standard errors the estimate is off.
 * @example
 * ```ts
 * import { simulate } from 'cx-roi';
 * import { expectWithinMonteCarloError } from 'cx-roi/testing';
 * const { horizon } = simulate({}, { runs: 1000, seed: 1 });
 * const p = horizon.probabilityPositiveRoi;
 * const se = horizon.probabilityPositiveRoiStandardError;
 * p; // => 0.565
 * se; // => 0.0157
 * // Passes: 0.55 is within 4 standard errors.
 * expectWithinMonteCarloError(p, 0.55, se);
 * expectWithinMonteCarloError(p, 0.45, se); // throws Error: it is 7.3 standard errors away
 * ```
 */
export function expectWithinMonteCarloError(estimate: number, expected: number, standardError: number, z = 4): void {
  for (const [name, x] of [
    ['estimate', estimate],
    ['expected', expected],
    ['standardError', standardError],
    ['z', z],
  ] as const)
    if (!Number.isFinite(x)) throw new RangeError(`${name} must be a finite number (got ${x})`);
  if (standardError < 0 || z <= 0) throw new RangeError('standardError must be at least 0 and z above 0');
  const off = Math.abs(estimate - expected);
  if (off > z * standardError)
    throw new Error(
      `expected ${estimate} to be within ${z} standard errors (${z} × ${standardError}) of ${expected}; it is ${standardError > 0 ? `${count(off / standardError, 1)} standard errors` : `${off}`} away`,
    );
}

/** The result of {@link kolmogorovSmirnov}. */
export interface KolmogorovSmirnov {
  /** The largest gap between the two empirical distribution functions, 0 to 1. */
  readonly statistic: number;
  /** The asymptotic p-value of that gap, if both samples came from one distribution. */
  readonly pValue: number;
}

/**
 * The two-sample Kolmogorov–Smirnov test: whether two samples (of runs,
 * say, from two implementations of the same model) could come from one
 * distribution. The p-value is the asymptotic one (Kolmogorov's
 * distribution at √(nm/(n+m))·D, Stephens' correction), good from a few
 * dozen values a sample.
 * @throws RangeError for an empty sample or a value that is not finite.
 * @example
 * ```ts
 * import { kolmogorovSmirnov } from 'cx-roi/testing';
 * // The empirical distribution functions differ most, by a half, between 2 and 3.
 * kolmogorovSmirnov([1, 2, 3, 4], [3, 4, 5, 6]); // => { statistic: 0.5, pValue: 0.534 }
 * // A hundred values, and the same moved up by a fifth of their range: unlikely from one distribution.
 * const low = Array.from({ length: 100 }, (_, i) => i / 100);
 * kolmogorovSmirnov(low, low.map((x) => x + 0.2)); // => { statistic: 0.21, pValue: 0.0205 }
 * kolmogorovSmirnov([], [1]); // throws RangeError: a is empty
 * ```
 */
export function kolmogorovSmirnov(a: ArrayLike<number>, b: ArrayLike<number>): KolmogorovSmirnov {
  const x = sortedCopy(a, 'a');
  const y = sortedCopy(b, 'b');
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i] as number, y[j] as number);
    while (i < x.length && (x[i] as number) <= v) i += 1;
    while (j < y.length && (y[j] as number) <= v) j += 1;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  const n = Math.sqrt((x.length * y.length) / (x.length + y.length));
  return { statistic: d, pValue: kolmogorovSurvival((n + 0.12 + 0.11 / n) * d) };
}

/**
 * Passes unless the two samples differ by the Kolmogorov–Smirnov test at
 * level `alpha` (a false alarm in one check of 1 / alpha when they do not).
 * @param alpha - The test's level, above 0 and below 1.
 * @defaultValue alpha: 0.001
 * @throws Error with the statistic and p-value; RangeError for an `alpha` not above 0 and below 1 (at 0 the check could never fail, at 1 always).
 * @example
 * ```ts
 * import { simulate } from 'cx-roi';
 * import { expectSameDistribution } from 'cx-roi/testing';
 * const roi = (input: object, seed: number) => (simulate(input, { runs: 400, seed, keepRuns: true }).runs ?? []).map((run) => run.roi);
 * // Two seeds of one scenario: passes.
 * expectSameDistribution(roi({ horizonMonths: 24 }, 1), roi({ horizonMonths: 24 }, 2));
 * // An effect from the first month on is another distribution of ROI.
 * const sooner = roi({ horizonMonths: 24, investment: { delayMonths: 1 } }, 2);
 * expectSameDistribution(roi({ horizonMonths: 24 }, 1), sooner); // throws Error: the samples differ: Kolmogorov–Smirnov D = 0.3825
 * ```
 */
export function expectSameDistribution(a: ArrayLike<number>, b: ArrayLike<number>, alpha = 0.001): void {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1))
    throw new RangeError(`alpha must be a number above 0 and below 1, such as 0.001 (got ${String(alpha)})`);
  const { statistic, pValue } = kolmogorovSmirnov(a, b);
  if (pValue < alpha)
    throw new Error(`the samples differ: Kolmogorov–Smirnov D = ${count(statistic, 4)}, p = ${pValue.toExponential(2)} < ${alpha}`);
}

function sortedCopy(values: ArrayLike<number>, name: string): Float64Array {
  if (values.length === 0) throw new RangeError(`${name} is empty`);
  const copy = Float64Array.from(values);
  copy.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`${name}[${i}] is ${v}: every value must be finite`);
  });
  return copy.sort();
}

/** P(K > t) for Kolmogorov's distribution: 2 Σ (−1)^(k−1) e^(−2k²t²). */
function kolmogorovSurvival(t: number): number {
  if (t < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k += 1) {
    const term = Math.exp(-2 * k * k * t * t);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}
