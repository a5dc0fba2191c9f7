import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream, firstOrderIndices } from '../../src/index.js';

/** n points of `inputs` uniform inputs on [lo, hi], from a seeded stream. */
function sample(seed: number, n: number, inputs: number, lo: number, hi: number): Float64Array[] {
  const random = createStream(seed, 'first-order test');
  const x = Array.from({ length: inputs }, () => new Float64Array(n));
  for (let i = 0; i < n; i += 1) for (const column of x) column[i] = lo + (hi - lo) * random();
  return x;
}

describe('firstOrderIndices', () => {
  // Ishigami & Homma (1990), a = 7, b = 0.1, inputs uniform on [−π, π]: the standard test of
  // sensitivity estimators. Analytic first-order indices: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
  // S1 = (bπ⁴/5 + b²π⁸/50 + 1/2) / V, S2 = (a²/8) / V, S3 = 0.
  const a = 7;
  const b = 0.1;
  const pi = Math.PI;
  const variance = (a * a) / 8 + (b * pi ** 4) / 5 + (b * b * pi ** 8) / 18 + 0.5;
  const analytic = [((b * pi ** 4) / 5 + (b * b * pi ** 8) / 50 + 0.5) / variance, (a * a) / 8 / variance, 0];

  it('recovers the Ishigami function’s analytic indices (0.314, 0.442, 0) from 10,000 given points, for several seeds', () => {
    expect(analytic[0]).toBeCloseTo(0.3139, 4);
    expect(analytic[1]).toBeCloseTo(0.4424, 4);
    for (const seed of [1, 2, 3]) {
      const [x1, x2, x3] = sample(seed, 10_000, 3, -pi, pi) as [Float64Array, Float64Array, Float64Array];
      const y = x1.map((v, i) => Math.sin(v) + a * Math.sin(x2[i] as number) ** 2 + b * (x3[i] as number) ** 4 * Math.sin(v));
      const s = firstOrderIndices([x1, x2, x3], y);
      s.forEach((estimate, i) => {
        expect(Math.abs(estimate - (analytic[i] as number))).toBeLessThan(0.03);
      });
    }
  });

  it('recovers the Sobol g-function’s analytic indices (a = 0, 1, 4.5, 9, 99, 99)', () => {
    const a = [0, 1, 4.5, 9, 99, 99];
    const partial = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const total = partial.reduce((v, vi) => v * (1 + vi), 1) - 1;
    const x = sample(11, 10_000, a.length, 0, 1);
    const y = (x[0] as Float64Array).map((_, i) =>
      a.reduce((g, ai, j) => g * ((Math.abs(4 * ((x[j] as Float64Array)[i] as number) - 2) + ai) / (1 + ai)), 1),
    );
    firstOrderIndices(x, y).forEach((estimate, i) => {
      expect(Math.abs(estimate - (partial[i] as number) / total)).toBeLessThan(0.02);
    });
  });

  it('gives a linear model’s shares a²/(a² + b²) and about 0 to an input without effect', () => {
    const [x1, x2, x3] = sample(7, 8000, 3, 0, 1) as [Float64Array, Float64Array, Float64Array];
    const y = x1.map((v, i) => 3 * v + (x2[i] as number));
    const [s1, s2, s3] = firstOrderIndices([x1, x2, x3], y) as [number, number, number];
    expect(s1).toBeCloseTo(0.9, 1);
    expect(s2).toBeCloseTo(0.1, 1);
    expect(s3).toBeLessThan(0.01);
  });

  it('uses two classes for a yes/no input: the exact between-group share, corrected', () => {
    const x = [0, 0, 0, 1, 1, 1];
    const y = [1, 2, 3, 7, 8, 9];
    // Means 2 and 8 about 5: SS_between = 54, SS_within = 4, SS_total = 58; within mean square 4 / (6 − 2) = 1: (54 − 1) / 58.
    expect(firstOrderIndices([x], y)[0]).toBeCloseTo(53 / 58, 12);
  });

  it('depends only on the order of an input, and not at all on the output’s scale (property)', () => {
    const [x1, x2] = sample(3, 600, 2, 0, 1) as [Float64Array, Float64Array];
    const y = x1.map((v, i) => v * v + 0.3 * (x2[i] as number));
    const base = firstOrderIndices([x1, x2], y);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), (scale, shift) => {
        // A monotone map of an input keeps its classes: the same index, bit for bit.
        expect(firstOrderIndices([x1.map((v) => Math.exp(3 * v)), x2], y)).toEqual(base);
        const moved = firstOrderIndices(
          [x1, x2],
          y.map((v) => scale * v + shift),
        );
        moved.forEach((s, i) => {
          expect(s).toBeCloseTo(base[i] as number, 9);
        });
      }),
    );
  });

  it('stays between 0 and 1 and leaves its inputs alone (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
          minLength: 3,
          maxLength: 200,
        }),
        (pairs) => {
          const x = Object.freeze(pairs.map(([v]) => v));
          const y = Object.freeze(pairs.map(([, v]) => v));
          const [s] = firstOrderIndices([x], y) as [number];
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('refuses what it cannot estimate, saying what is wrong', () => {
    expect(() => firstOrderIndices([[1, 2]], [1, 2])).toThrow(/at least 3 runs/);
    expect(() => firstOrderIndices([[1, 2, 3]], [1, 2, 3, 4])).toThrow(/inputs\[0\] has 3 values; output has 4/);
    expect(() => firstOrderIndices([[1, Number.NaN, 3]], [1, 2, 3])).toThrow(/inputs\[0\]\[1\] is NaN/);
    expect(() => firstOrderIndices([[1, 2, 3]], [1, 2, 3], { classes: 1 })).toThrow(/classes must be a whole number/);
    expect(firstOrderIndices([[4, 4, 4, 4]], [1, 2, 3, 4])).toEqual([0]);
    expect(() => firstOrderIndices(null as never, [1, 2, 3])).toThrow(/inputs must be a list of columns/);
    expect(() => firstOrderIndices([null as never], [1, 2, 3])).toThrow(/inputs\[0\] must be a list/);
    expect(() => firstOrderIndices([['1', 2, 3] as never], [1, 2, 3])).toThrow(/inputs\[0\]\[0\] is a string/);
    // A constant output has no variance to share out (its mean rounds, which must not read as variance).
    const x = Array.from({ length: 100 }, (_, i) => i);
    expect(
      firstOrderIndices(
        [x],
        x.map(() => 0.1),
      ),
    ).toEqual([0]);
    // Outputs near the largest double: the same shares as at any scale, not NaN.
    const y = x.map((v) => Math.sin(v / 10) + 0.1 * Math.cos(v));
    expect(
      firstOrderIndices(
        [x],
        y.map((v) => v * 1e300),
      )[0],
    ).toBeCloseTo(firstOrderIndices([x], y)[0] as number, 9);
    expect(firstOrderIndices([Float64Array.from(x)], Float32Array.from(y), null)[0]).toBeGreaterThan(0);
    expect(firstOrderIndices([[1, 2, 3, 4]], [5, 5, 5, 5])).toEqual([0]);
  });
});
