import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { effectWords } from '../../playground/change-effect.js';

describe('what a cell’s change did, in words', () => {
  const before = simulate({}, { runs: 300, seed: 1 });
  it('says each of the three figures before → after', () => {
    const after = simulate({ investment: { upfront: 50_000_000 } }, { runs: 300, seed: 1 });
    expect(effectWords(before, after)).toMatch(
      /^This change: median ROI [+−]\d+% → −\d+%; chance it pays for itself \d+% → 0%; median payback (month \d+|not within 5 years) → not within 5 years\.$/,
    );
  });
  it('says "unchanged" for a figure that did not move', () => {
    expect(effectWords(before, before)).toMatch(
      /^This change: median ROI [+−]\d+% \(unchanged\); chance it pays for itself \d+% \(unchanged\); median payback .* \(unchanged\)\.$/,
    );
  });
});
