import { describe, expect, it } from 'vitest';
import { breakEven, compare } from '../../src/index.js';
import { n, page, pct, signed } from './pages.js';

describe('the deciding page’s figures are today’s', () => {
  it('compare and break-even', () => {
    const doc = page('docs/deciding.md');
    const bold = { investment: { upfront: 250_000, failureReduction: { dist: 'pert', min: 0.3, mode: 0.5, max: 0.7 } } } as const;
    const pair = compare({ now: {}, bold }, { runs: 2000, seed: 1 }).pairs[0];
    if (!pair) throw new Error('no pair');
    expect(doc).toContain(
      `bold beats it in ${pct(pair.probabilityBBeatsA)} ± ${pct(pair.probabilityBBeatsAStandardError)} of runs, the NPV difference has median ${n(pair.npv.p50)} and 5–95% band ${n(pair.npv.p5)} to ${signed(pair.npv.p95)} (the mean, ${signed(pair.npv.mean)} ± ${n(pair.npvMeanStandardError)}`,
    );
    expect(doc).toContain(`the default pays back sooner in ${pct(pair.paybackMonth.aSoonerShare)} of runs`);
    const upfront = breakEven({}, { vary: 'investment.upfront', target: { metric: 'roiMedian', value: 0 } });
    expect(doc).toContain(
      `spend up front for a median ROI of 0 is ${n(upfront.value ?? 0)} ± ${n(upfront.valueStandardError ?? 0)} (${upfront.evaluations.length} simulations of 1,000 runs`,
    );
    const capped = breakEven(
      {},
      { vary: 'investment.failureReduction', target: { metric: 'probabilityPaidBackBy', month: 36, value: 0.8 } },
    );
    expect(capped.status).toBe('not-reached');
    expect(doc).toContain(`at a cut of 100% the chance is ${pct(capped.best.reached)}`);
    const certain = breakEven(
      { investment: { executionSuccess: 1 } },
      { vary: 'investment.failureReduction', target: { metric: 'probabilityPaidBackBy', month: 36, value: 0.8 } },
    );
    expect(doc).toContain(`a failure reduction of ${pct(certain.value ?? 0)} ± ${pct(certain.valueStandardError ?? 0)} does it`);
    const ties = 1 - pair.paybackMonth.aSoonerShare - pair.paybackMonth.bSoonerShare;
    expect(doc).toContain(`(in ${pct(ties)} the two pay back in the same month or neither does; 2,000 runs)`);
  });
});
