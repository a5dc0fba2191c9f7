import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalQuantile } from '../../src/maths/normal.js';
import {
  sampleBeta,
  sampleGamma,
  sampleLogGamma,
  samplePert,
  sampleTriangular,
  sampleTruncatedNormal,
  sampleUniform,
} from '../../src/random/samplers.js';
import { createStream } from '../../src/random/stream.js';
import { meanVariance } from '../helpers/statistics.js';

const draws = 100_000;
function sample(name: string, draw: (random: () => number) => number): Float64Array {
  const random = createStream('samplers', name);
  return Float64Array.from({ length: draws }, () => draw(random));
}

/** Mean within 5 s.e. and variance within 5% of the exact values. */
function expectMoments(xs: Float64Array, mean: number, variance: number): void {
  const m = meanVariance(xs);
  expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / xs.length));
  expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.05);
}

describe('normal CDF and quantile', () => {
  it('match known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 8);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 7);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    expect(normalQuantile(0.5)).toBe(0);
  });
  it('invert each other', () => {
    for (const z of [-6, -2.5, -0.3, 0.7, 2.2, 5]) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 4);
  });
  it('rejects u outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('samplers', () => {
  it('uniform(2, 5)', () => {
    const xs = sample('uniform', (r) => sampleUniform(r, 2, 5));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThan(5);
    expectMoments(xs, 3.5, 9 / 12);
  });
  it('triangular(24, 30, 36) and a skewed one', () => {
    expectMoments(
      sample('tri', (r) => sampleTriangular(r, 24, 30, 36)),
      30,
      (24 ** 2 + 30 ** 2 + 36 ** 2 - 24 * 30 - 24 * 36 - 30 * 36) / 18,
    );
    const xs = sample('tri-skew', (r) => sampleTriangular(r, 0, 0, 1));
    expectMoments(xs, 1 / 3, 1 / 18);
  });
  it('gamma, shapes above and below 1', () => {
    expectMoments(
      sample('gamma3', (r) => sampleGamma(r, 3)),
      3,
      3,
    );
    expectMoments(
      sample('gamma.4', (r) => sampleGamma(r, 0.4)),
      0.4,
      0.4,
    );
  });
  it('beta with tiny shapes stays finite and in [0, 1], with the right moments (log-space gammas)', () => {
    // Below shape ~0.03 both gammas of the ratio often underflow to 0, and 0/0 is NaN.
    for (const [a, b] of [
      [0.001, 0.001],
      [0.01, 0.01],
      [0.01, 2],
      [0.3, 0.05],
    ] as const) {
      const xs = sample(`beta-${a}-${b}`, (r) => sampleBeta(r, a, b));
      expect(
        xs.every((x) => x >= 0 && x <= 1),
        `beta(${a}, ${b}) out of [0, 1]`,
      ).toBe(true);
      // Exact raw moments E[Xᵏ] = Π (a + r)/(a + b + r); the sample variance's s.e. from the fourth central moment.
      const raw = (k: number) => Array.from({ length: k }, (_, r) => (a + r) / (a + b + r)).reduce((x, y) => x * y, 1);
      const mean = raw(1);
      const variance = raw(2) - mean ** 2;
      const fourth = raw(4) - 4 * mean * raw(3) + 6 * mean ** 2 * raw(2) - 3 * mean ** 4;
      const m = meanVariance(xs);
      expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / xs.length));
      expect(Math.abs(m.variance - variance)).toBeLessThan(5 * Math.sqrt((fourth - variance ** 2) / xs.length));
    }
  });
  it('log-gamma of tiny shapes is finite where the gamma draw itself underflows', () => {
    const logs = sample('loggamma', (r) => sampleLogGamma(r, 0.001));
    expect(logs.every(Number.isFinite)).toBe(true);
    expect(logs.some((x) => x < -745)).toBe(true); // exp of these is 0 in double precision
  });
  it('beta(2, 5)', () => {
    const a = 2;
    const b = 5;
    expectMoments(
      sample('beta', (r) => sampleBeta(r, a, b)),
      a / (a + b),
      (a * b) / ((a + b) ** 2 * (a + b + 1)),
    );
  });
  it('pert(0.2, 0.4, 0.6): mean (min + 4·mode + max)/6', () => {
    const xs = sample('pert', (r) => samplePert(r, 0.2, 0.4, 0.6));
    // PERT = 0.2 + 0.4·Beta(3, 3): variance 0.16 · 9/(36·7).
    expectMoments(xs, 0.4, (0.16 * 9) / (36 * 7));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...xs)).toBeLessThanOrEqual(0.6);
  });
  it('truncated normal stays inside its bounds and has the truncated mean', () => {
    const xs = sample('tnorm', (r) => sampleTruncatedNormal(r, 0, 1, 0, Infinity));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    // Half-normal: mean √(2/π), variance 1 − 2/π.
    expectMoments(xs, Math.sqrt(2 / Math.PI), 1 - 2 / Math.PI);
    const tail = sample('tnorm-tail', (r) => sampleTruncatedNormal(r, 0.9, 0.3, 0, 1));
    expect(Math.max(...tail)).toBeLessThanOrEqual(1);
    expect(Math.min(...tail)).toBeGreaterThanOrEqual(0);
  });
});
