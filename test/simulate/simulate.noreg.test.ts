import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';

// Frozen outputs of the default scenario for one seed (re-frozen in 0.2.0,
// whose streams are seeded by a hash of their keys, and in 0.3.0, whose
// default business and word of mouth changed: see CHANGELOG.md). A change here means
// the numbers users get for the same seed changed: do it on purpose, say so
// in the changelog, and update these values.
describe('default scenario, seed 2026, 200 runs (frozen)', () => {
  const result = simulate({}, { runs: 200, seed: 2026, keepRuns: true });

  it('horizon ROI band', () => {
    expect(result.horizon.roi).toEqual({
      mean: 0.6452975203881915,
      p5: -0.1418032413665243,
      p25: 0.06924279562633866,
      p50: 0.22752268961000682,
      p75: 1.0203298263508485,
      p95: 2.8075520486606176,
    });
  });

  it('probability of positive ROI, payback and outcome classes', () => {
    expect(result.horizon.probabilityPositiveRoi).toBe(0.795);
    expect(result.horizon.paybackMonth.median).toBe(53);
    expect(result.horizon.paybackMonth.neverShare).toBeCloseTo(0.205, 12);
    const { positive, middling, negative } = result.horizon.outcomeClasses;
    expect([positive, middling, negative]).toEqual([0.255, 0.54, 0.205]);
  });

  it('run 0', () => {
    const run = result.runs?.[0];
    expect(run).toMatchObject({ run: 0, roi: 1.3937977261219403, paybackMonth: 37, customers: { baseline: 9739, invested: 11460 }, executed: true });
    expect(run?.parameters['investment.rampMonths']).toBe(25.40750448181432);
  });

  it('customers at month 12', () => {
    expect(result.series[11]?.customers.baseline.p50).toBe(9944);
    expect(result.series[11]?.customers.invested.p50).toBe(10026);
  });

  it('levers', () => {
    expect(result.horizon.levers).toEqual({
      retention: 570826.2425149727,
      spend: 23836.14492997339,
      positiveWordOfMouth: 128202.25385639186,
      negativeWordOfMouth: 21948.172836832517,
      cost: -452691.8717791778,
      npv: 292120.9423589925,
      terminalValue: null,
    });
  });
});
