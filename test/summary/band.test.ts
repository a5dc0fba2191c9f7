import fc from 'fast-check';
import { quantileSeq } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { bandInPlace, quantileSorted } from '../../src/maths/band.js';
import { horizonBand } from '../../src/maths/statistics.js';

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 });

describe('bands', () => {
  it('the typed-array quantile equals mathjs’s quantileSeq', () => {
    fc.assert(
      // Percent steps: mathjs itself returns undefined for denormal probabilities such as 5e-324.
      fc.property(
        values,
        fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
        (xs, p) => {
          const sorted = [...xs].sort((a, b) => a - b);
          expect(quantileSorted(Float64Array.from(sorted), p)).toBeCloseTo(quantileSeq(sorted, p, true) as number, 6);
        },
      ),
    );
  });

  it('the selection band and the mathjs band agree', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const fast = bandInPlace(Float64Array.from(xs));
        const reference = horizonBand(Object.freeze([...xs]));
        for (const key of ['p5', 'p25', 'p50', 'p75', 'p95'] as const) expect(fast[key]).toBeCloseTo(reference[key], 6);
        expect(fast.mean).toBeCloseTo(reference.mean, 6);
      }),
    );
  });

  it('knows a small case by hand', () => {
    expect(bandInPlace(Float64Array.from([4, 1, 3, 2, 5]))).toEqual({ mean: 3, p5: 1.2, p25: 2, p50: 3, p75: 4, p95: 4.8 });
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });
});
