import { kolmogorovSmirnov } from '../../src/testing/assertions.js';
/** log Γ(x) by Lanczos (g = 7, n = 9): ~15 significant digits, for exact reference pmfs. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < 9; i += 1) a += (c[i] as number) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(n: number, p: number, k: number): number {
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** Sample mean and (n − 1) variance. */
export function meanVariance(xs: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < xs.length; i += 1) {
    const x = xs[i] as number;
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  }
  return { mean, variance: m2 / (xs.length - 1) };
}

/**
 * Pearson's chi-square statistic of observed counts against expected
 * probabilities, pooling cells expected below 5 into one; returns the
 * statistic and its degrees of freedom.
 */
export function chiSquare(observed: Map<number, number>, probability: (k: number) => number, support: [number, number], draws: number) {
  let statistic = 0;
  let cells = 0;
  let pooledObserved = 0;
  let pooledExpected = 0;
  let covered = 0;
  let seen = 0;
  for (let k = support[0]; k <= support[1]; k += 1) {
    const p = probability(k);
    covered += p;
    const o = observed.get(k) ?? 0;
    seen += o;
    const e = draws * p;
    if (e < 5) {
      pooledObserved += o;
      pooledExpected += e;
    } else {
      statistic += (o - e) ** 2 / e;
      cells += 1;
    }
  }
  pooledObserved += draws - seen;
  pooledExpected += draws * Math.max(0, 1 - covered);
  if (pooledExpected > 0) {
    statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
    cells += 1;
  }
  return { statistic, degreesOfFreedom: cells - 1 };
}

/**
 * Upper bound of a chi-square with `df` degrees of freedom that is exceeded
 * with probability about 1e-4 (Wilson–Hilferty, z = 3.72).
 */
export function chiSquareCritical(df: number): number {
  const z = 3.72;
  return df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
}

/** Two-sample Kolmogorov–Smirnov statistic: the largest gap between the empirical CDFs (the testing kit's). */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  return kolmogorovSmirnov(a, b).statistic;
}

/** The KS statistic's critical value at level `alpha` for samples of sizes n and m (asymptotic). */
export function ksCritical(n: number, m: number, alpha: number): number {
  return Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt((n + m) / (n * m));
}

/** Pearson's correlation (the library's own, tested with the drivers). */
export { pearson } from '../../src/summary/correlation.js';
