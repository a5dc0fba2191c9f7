import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';

// Frozen outputs of the default scenario for one seed. A change here means
// the numbers users get for the same seed changed: do it on purpose, say so
// in the changelog, and update these values.
describe('default scenario, seed 2026, 200 runs (frozen)', () => {
  const result = simulate({}, { runs: 200, seed: 2026, keepRuns: true });

  it('horizon ROI band', () => {
    expect(result.horizon.roi).toEqual({
      mean: 0.5663631956403316,
      p5: -0.27410981642887566,
      p25: -0.01742556486577613,
      p50: 0.1966232607065037,
      p75: 0.5080837664415745,
      p95: 2.8291306556772566,
    });
  });

  it('probability of positive ROI, payback and outcome classes', () => {
    expect(result.horizon.probabilityPositiveRoi).toBe(0.72);
    expect(result.horizon.paybackMonth.month?.p50).toBe(50);
    expect(result.horizon.paybackMonth.neverShare).toBeCloseTo(0.28, 12);
    const { positive, middling, negative } = result.horizon.outcomeClasses;
    expect([positive, middling, negative]).toEqual([0.22, 0.5, 0.28]);
  });

  it('run 0', () => {
    const run = result.runs?.[0];
    expect(run).toMatchObject({ run: 0, roi: -0.2240875097599908, paybackMonth: null, customers: { baseline: 16602, invested: 18544 }, executed: false });
    expect(run?.parameters['investment.rampMonths']).toBe(31.64284907439184);
  });

  it('customers at month 12', () => {
    expect(result.series[11]?.customers.baseline.p50).toBe(13645.5);
    expect(result.series[11]?.customers.invested.p50).toBe(13898);
  });
});
