import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';

// Frozen outputs of the default scenario for one seed (re-frozen in 0.2.0,
// whose streams are seeded by a hash of their keys: see CHANGELOG.md). A change here means
// the numbers users get for the same seed changed: do it on purpose, say so
// in the changelog, and update these values.
describe('default scenario, seed 2026, 200 runs (frozen)', () => {
  const result = simulate({}, { runs: 200, seed: 2026, keepRuns: true });

  it('horizon ROI band', () => {
    expect(result.horizon.roi).toEqual({
      mean: 0.6474740853738742,
      p5: -0.21575705830990602,
      p25: 0.018247334083852908,
      p50: 0.20819720526255492,
      p75: 0.8222215474566625,
      p95: 3.1188623018647146,
    });
  });

  it('probability of positive ROI, payback and outcome classes', () => {
    expect(result.horizon.probabilityPositiveRoi).toBe(0.755);
    expect(result.horizon.paybackMonth.month?.p50).toBe(50);
    expect(result.horizon.paybackMonth.neverShare).toBeCloseTo(0.245, 12);
    const { positive, middling, negative } = result.horizon.outcomeClasses;
    expect([positive, middling, negative]).toEqual([0.245, 0.51, 0.245]);
  });

  it('run 0', () => {
    const run = result.runs?.[0];
    expect(run).toMatchObject({ run: 0, roi: 1.4771407600244135, paybackMonth: 36, customers: { baseline: 16763, invested: 22976 }, executed: true });
    expect(run?.parameters['investment.rampMonths']).toBe(25.40750448181432);
  });

  it('customers at month 12', () => {
    expect(result.series[11]?.customers.baseline.p50).toBe(13648.5);
    expect(result.series[11]?.customers.invested.p50).toBe(13909);
  });
});
