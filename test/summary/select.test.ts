import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../src/summary/band.js';
import { quantilesBySelection, selectInPlace } from '../../src/summary/select.js';

const arrays = fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 300 });

describe('selection', () => {
  it('puts the k-th smallest at k, smaller before and larger after', () => {
    fc.assert(
      fc.property(arrays, fc.nat(), (xs, seed) => {
        const a = Float64Array.from(xs);
        const k = seed % a.length;
        selectInPlace(a, k, 0, a.length - 1);
        const sorted = Float64Array.from(xs).sort();
        expect(a[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i += 1) expect(a[i]).toBeLessThanOrEqual(a[k] as number);
        for (let i = k + 1; i < a.length; i += 1) expect(a[i]).toBeGreaterThanOrEqual(a[k] as number);
        expect(Float64Array.from(a).sort()).toEqual(sorted);
      }),
    );
  });

  it('gives exactly the quantiles a full sort gives, and leaves the input alone', () => {
    const probabilities = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
    fc.assert(
      fc.property(arrays, (xs) => {
        const values = Float64Array.from(xs);
        const copy = Float64Array.from(xs);
        const sorted = Float64Array.from(xs).sort();
        const got = quantilesBySelection(values, probabilities, new Float64Array(values.length + 3));
        expect(got).toEqual(probabilities.map((p) => quantileSorted(sorted, p)));
        expect(values).toEqual(copy);
      }),
    );
  });
});
