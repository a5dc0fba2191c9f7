import fc from 'fast-check';
import { mean, quantileSeq, std } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { bandProbabilities } from '../../src/maths/band.js';
import { horizonBand, horizonQuantile, standardDeviation } from '../../src/maths/statistics.js';

// The horizon statistics are written out rather than bundled from mathjs; mathjs stays their reference,
// bit for bit (Object.is: −0, rounding and all), so no seeded figure moves.
const figures = fc.array(
  fc.oneof(
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    fc.constantFrom(0, -0, 1e-300, -1e-300),
    fc.integer({ min: -5, max: 5 }).map((k) => k / 3),
  ),
  { minLength: 1, maxLength: 300 },
);
const ascending = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

describe('horizon statistics, held to mathjs', () => {
  it('the mean of the band is mathjs’s mean, bit for bit', () => {
    fc.assert(
      fc.property(figures, (xs) => {
        expect(Object.is(horizonBand(xs).mean, mean(ascending(xs)) as number)).toBe(true);
      }),
    );
  });

  it('each quantile is mathjs’s quantileSeq of the sorted figures, bit for bit', () => {
    fc.assert(
      fc.property(figures, fc.integer({ min: 0, max: 1000 }), (xs, k) => {
        const sorted = ascending(xs);
        for (const p of [...bandProbabilities, k / 1000]) {
          expect(Object.is(horizonQuantile(Float64Array.from(sorted), p), quantileSeq(sorted, p, true) as number), `p = ${p}`).toBe(true);
        }
      }),
    );
  });

  it('the standard deviation is mathjs’s unbiased std, bit for bit (0 for one figure)', () => {
    fc.assert(
      fc.property(figures, (xs) => {
        expect(Object.is(standardDeviation(xs), xs.length > 1 ? (std(xs) as unknown as number) : 0)).toBe(true);
      }),
    );
  });

  it('the band’s percentiles are in order even where the interpolation rounds', () => {
    fc.assert(
      fc.property(figures, (xs) => {
        const band = horizonBand(Object.freeze([...xs]));
        expect(band.p5 <= band.p25 && band.p25 <= band.p50 && band.p50 <= band.p75 && band.p75 <= band.p95).toBe(true);
      }),
    );
  });

  it('knows small cases by hand, and refuses no figures', () => {
    const band = horizonBand([5, 1, 4, 2, 3]);
    for (const [key, value] of Object.entries({ mean: 3, p5: 1.2, p25: 2, p50: 3, p75: 4, p95: 4.8 })) {
      expect(band[key as keyof typeof band], key).toBeCloseTo(value, 12);
    }
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    expect(() => horizonBand([])).toThrow(RangeError);
    expect(() => horizonQuantile([], 0.5)).toThrow(RangeError);
  });
});
