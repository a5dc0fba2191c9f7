import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/scenario/domain.js';

// The domain labels are written without Intl (its first call costs ~25 ms at import):
// they must read exactly as en-US toLocaleString with at most six decimals would write them.
describe('formatNumber', () => {
  it('writes what toLocaleString("en-US", { maximumFractionDigits: 6 }) writes, for the ranges the domains use', () => {
    const same = (x: number): void => {
      expect(formatNumber(x)).toBe(x.toLocaleString('en-US', { maximumFractionDigits: 6 }));
    };
    for (const x of [0, 1, -1, 0.01, 100, 240, 1000, 1e9, 1e12, -200, 200]) same(x);
    // fast-check integers are 32-bit: scaled to reach the money range (10¹²); + 0 turns −0, which no label holds, into 0.
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 1, max: 500 }), (x, scale) =>
        same(x * scale + 0),
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 999_999 }), (whole, millionths) =>
        same(whole + millionths / 1e6),
      ),
    );
  });
});
