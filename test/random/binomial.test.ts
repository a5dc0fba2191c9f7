import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomial } from '../../src/random/binomial.js';
import { createStream } from '../../src/random/stream.js';
import { binomialPmf, chiSquare, chiSquareCritical } from '../helpers/statistics.js';

describe('binomial', () => {
  it('gives a fixed sequence for a fixed seed (frozen against regressions)', () => {
    const random = createStream(42, 'binomial');
    expect([
      binomial(random, 10, 0.3),
      binomial(random, 1000, 0.3),
      binomial(random, 1e9, 0.86),
      binomial(random, 5, 0.99),
      binomial(random, 100_000, 1e-6),
    ]).toEqual([4, 306, 860009451, 5, 0]);
  });

  it('handles the edges exactly', () => {
    const random = createStream(1, 'edges');
    expect(binomial(random, 0, 0.5)).toBe(0);
    expect(binomial(random, 100, 0)).toBe(0);
    expect(binomial(random, 100, 1)).toBe(100);
    expect(binomial(random, 1e9, 1)).toBe(1e9);
  });

  it('throws on arguments that are not numbers of trials and probabilities, rather than spinning for ever', () => {
    const random = createStream(1, 'bad');
    for (const [n, p] of [
      [Number.NaN, 0.5],
      [100, Number.NaN],
      [Infinity, 0.5],
      [100, Infinity],
      [-1, 0.5],
      [2.5, 0.5],
      [100, -0.1],
      [100, 1.1],
    ] as const)
      expect(() => binomial(random, n, p), `binomial(${n}, ${p})`).toThrow(RangeError);
  });

  it('throws, rather than spinning, on a stream that is not uniform', () => {
    expect(() => binomial(() => Number.NaN, 100, 0.3)).toThrow(RangeError);
    expect(() => binomial(() => 0.9999999999999999, 1e6, 0.3)).toThrow(/no draw accepted in 10,000 tries/);
    expect(() => binomial(createStream(1, 'x'), 5, '0.5' as unknown as number)).toThrow(RangeError);
  });

  it('always returns a whole number in [0, n]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), (n, p, seed) => {
        const random = createStream(seed, 'range');
        for (let i = 0; i < 5; i += 1) {
          const x = binomial(random, n, p);
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(n);
        }
      }),
    );
  });

  // 10⁶ draws each, across both methods (inversion below mean 10, BTRS above) and both halves of p.
  const cases: [number, number][] = [
    [1, 0.3],
    [20, 0.4],
    [100, 0.05],
    [1_000, 0.86],
    [10_000, 0.001],
    [10_000, 0.3],
    [1_000_000, 0.01],
    [1e9, 0.5],
    [1e9, 1e-8],
    [1e9, 0.999],
  ];
  it.each(cases)('Binomial(%d, %d): mean and variance within 5 standard errors over 10⁶ draws', (n, p) => {
    const random = createStream('moments', n, p);
    const draws = 1_000_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < draws; i += 1) {
      const x = binomial(random, n, p) - n * p; // centred, so the sums stay exact in doubles
      sum += x;
      sumSquares += x * x;
    }
    const variance = n * p * (1 - p);
    const mean = sum / draws;
    const sampleVariance = sumSquares / draws - mean * mean;
    // Var of the sample variance ≈ (μ₄ − σ⁴)/N, with μ₄ = σ²(1 + 3(n − 2)pq) for the binomial.
    const fourthMoment = variance * (1 + 3 * (n - 2) * p * (1 - p));
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(variance / draws));
    expect(Math.abs(sampleVariance - variance)).toBeLessThan(5 * Math.sqrt(Math.max(fourthMoment - variance * variance, 1e-12) / draws));
  });

  const shapes: [number, number][] = [
    [30, 0.5],
    [50, 0.1],
    [1e9, 1e-8],
    [1_000, 0.3],
    [100_000, 0.4],
  ];
  it.each(shapes)('Binomial(%d, %d) matches the exact pmf (chi-square, 2·10⁵ draws)', (n, p) => {
    const random = createStream('shape', n, p);
    const draws = 200_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < draws; i += 1) {
      const x = binomial(random, n, p);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    const sd = Math.sqrt(n * p * (1 - p));
    const support: [number, number] = [Math.max(0, Math.floor(n * p - 7 * sd)), Math.min(n, Math.ceil(n * p + 7 * sd))];
    const { statistic, degreesOfFreedom } = chiSquare(counts, (k) => binomialPmf(n, p, k), support, draws);
    expect(degreesOfFreedom).toBeGreaterThan(5);
    expect(statistic).toBeLessThan(chiSquareCritical(degreesOfFreedom));
  });

  it('a wrong sampler fails the same chi-square check (the test has teeth)', () => {
    const random = createStream('teeth');
    const draws = 200_000;
    const counts = new Map<number, number>();
    // Binomial(30, 0.5) approximated by a rounded normal: close, but not exact.
    for (let i = 0; i < draws; i += 1) {
      const u1 = 1 - random();
      const u2 = random();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      const x = Math.min(30, Math.max(0, Math.round(15 + z * Math.sqrt(7.5) * 1.05)));
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    const { statistic, degreesOfFreedom } = chiSquare(counts, (k) => binomialPmf(30, 0.5, k), [0, 30], draws);
    expect(statistic).toBeGreaterThan(chiSquareCritical(degreesOfFreedom));
  });
});
