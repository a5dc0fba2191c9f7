import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulateRange } from '../../src/simulate/matrix.js';
import { summarizeSeries } from '../../src/simulate/summarize.js';
import { quantileSorted } from '../../src/maths/band.js';
import { quantilesInPlace, selectInPlace } from '../../src/maths/select.js';

const arrays = fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -3, max: 3 })), {
  minLength: 1,
  maxLength: 300,
});

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

  it('gives exactly the quantiles a full sort gives', () => {
    const probabilities = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
    fc.assert(
      fc.property(arrays, (xs) => {
        const sorted = Float64Array.from(xs).sort();
        expect(quantilesInPlace(Float64Array.from(xs), probabilities)).toEqual(probabilities.map((p) => quantileSorted(sorted, p)));
      }),
    );
  });

  it('summarising blocks leaves their values untouched', () => {
    const scenario = parseScenario({ horizonMonths: 6 });
    const blocks = [simulateRange(scenario, 1, 0, 40, false), simulateRange(scenario, 1, 40, 25, false)];
    const before = blocks.map((b) => Object.values(b.values).map((a) => a.slice()));
    const rows = summarizeSeries(blocks, 65);
    expect(blocks.map((b) => Object.values(b.values))).toEqual(before);
    expect(rows).toEqual(summarizeSeries([simulateRange(scenario, 1, 0, 65, false)], 65));
  });
});

describe('quantiles on an exact rank', () => {
  it('return the value itself, by sort or by selection, −0 included', () => {
    expect(Object.is(quantileSorted(Float64Array.from([-0]), 0.5), -0)).toBe(true);
    expect(Object.is(quantilesInPlace(Float64Array.from([-0]), [0.5])[0], -0)).toBe(true);
  });
});
