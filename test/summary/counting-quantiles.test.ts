import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantilesByCounting } from '../../src/maths/counting-quantiles.js';
import { quantilesInPlace } from '../../src/maths/select.js';

const probabilities = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

/** Arrays long enough to be counted (≥ 64), of the shapes that strain bins: ties, a far outlier, a spike, narrow ranges, −0. */
const shaped = fc
  .record({
    length: fc.integer({ min: 64, max: 3000 }),
    kind: fc.constantFrom('spread', 'ties', 'outlier', 'spike', 'narrow', 'zeros'),
    seed: fc.integer(),
  })
  .map(({ length, kind, seed }) => {
    let s = seed >>> 0 || 1;
    const uniform = () => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 2 ** 32;
    };
    return Float64Array.from({ length }, (_, i) => {
      const u = uniform();
      switch (kind) {
        case 'spread':
          return (u - 0.3) * 1e6;
        case 'ties':
          return Math.floor(u * 7) - 3;
        case 'outlier':
          return i === 0 ? 1e300 : u;
        case 'spike':
          return u < 0.9 ? 42 : u;
        case 'narrow':
          return 1 + u * 1e-12;
        default:
          return u < 0.5 ? -0 : u < 0.7 ? 0 : u - 0.5;
      }
    });
  });

describe('quantiles by counting', () => {
  it('are the quantiles selection gives, bit for bit, on every shape of data', () => {
    fc.assert(
      fc.property(shaped, (values) => {
        const counted = quantilesByCounting(values.slice(), probabilities);
        const selected = quantilesInPlace(values.slice(), probabilities);
        // The same order statistics, the same bits (toEqual tells −0 from 0); only where −0 and 0 tie at a rank
        // may either come out, as with any selection.
        const hasNegativeZero = values.some((x) => Object.is(x, -0));
        const zeroAsOne = (xs: number[]) => xs.map((x) => (x === 0 ? 0 : x));
        if (hasNegativeZero) expect(zeroAsOne(counted)).toEqual(zeroAsOne(selected));
        else expect(counted).toEqual(selected);
      }),
      { numRuns: 200 },
    );
  });

  it('leave the values where they were (nothing is reordered when counting)', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 1000);
    const before = values.slice();
    quantilesByCounting(values, probabilities);
    expect(values).toEqual(before);
  });

  it('fall back to selection below 64 values and for ranges bins cannot cut', () => {
    expect(quantilesByCounting(Float64Array.from([3, 1, 2]), [0.5])).toEqual([2]);
    const tiny = Float64Array.from({ length: 1000 }, (_, i) => (i % 2) * 5e-324);
    expect(quantilesByCounting(tiny.slice(), [0.25, 0.75])).toEqual(quantilesInPlace(tiny.slice(), [0.25, 0.75]));
  });
});
