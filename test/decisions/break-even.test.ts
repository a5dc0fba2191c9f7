import { describe, expect, it } from 'vitest';
import { breakEven, maturityQuestionIds, maxBreakEvenSimulations, simulate } from '../../src/index.js';

describe('breakEven', () => {
  it('finds the most to spend up front for a median ROI of 0, within 20 simulations', () => {
    const b = breakEven({}, { vary: 'investment.upfront', target: { metric: 'roiMedian', value: 0 }, runs: 600, seed: 3 });
    expect(b.status).toBe('crossed');
    expect(b.meets).toBe('below');
    expect(b.evaluations.length).toBeLessThanOrEqual(maxBreakEvenSimulations);
    const value = b.value as number;
    // Re-simulated at the value the median ROI is at least 0, and within its Monte Carlo error of 0.
    const at = simulate({ investment: { upfront: value } }, { runs: 600, seed: 3 }).horizon.roi.p50;
    expect(at).toBe(b.reached);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(b.standardError);
    // Spending 2% more misses it.
    expect(simulate({ investment: { upfront: value * 1.02 } }, { runs: 600, seed: 3 }).horizon.roi.p50).toBeLessThan(0);
  });

  it('finds the failure reduction for a 20% chance of payback by month 36, met above it', () => {
    const b = breakEven(
      {},
      { vary: 'investment.failureReduction', target: { metric: 'probabilityPaidBackBy', month: 36, value: 0.2 }, runs: 500, seed: 1 },
    );
    expect(b.status).toBe('crossed');
    expect(b.meets).toBe('above');
    expect(b.reached).toBeGreaterThanOrEqual(0.2);
    expect(b.value).toBeGreaterThan(0);
    expect(b.value).toBeLessThan(1);
    expect(b.evaluations.length).toBeLessThanOrEqual(maxBreakEvenSimulations);
    // Probabilities rise with the cut: every evaluation below the value misses, above it meets.
    for (const e of b.evaluations) expect(e.reached >= 0.2).toBe(e.value >= (b.value as number));
  });

  it('says when execution risk caps the chance of payback, whatever the failure reduction', () => {
    const b = breakEven(
      {},
      { vary: 'investment.failureReduction', target: { metric: 'probabilityPaidBackBy', month: 36, value: 0.8 }, runs: 500, seed: 1 },
    );
    expect(b.status).toBe('not-reached');
    expect(b.value).toBeNull();
    expect(b.best.value).toBe(1);
    expect(b.reached).toBeLessThan(0.8);
    expect(b.reason).toMatch(/Execution risk caps it/);
    expect(b.reason).toMatch(/investment\.executionSuccess/);
  });

  it('reports a target met at every value searched', () => {
    // The raw model: with a held NPS, recommendAfterBad would set the excellent share, and with it money.
    const b = breakEven(
      { business: null },
      { vary: 'wordOfMouth.recommendAfterBad', target: { metric: 'probabilityPositiveRoi', value: 0.05 }, runs: 200 },
    );
    expect(b.status).toBe('met-throughout');
    // The NPS-only figure changes no money: every simulation gives the same chance.
    expect(new Set(b.evaluations.map((e) => e.reached)).size).toBe(1);
  });

  it('searches from where the scenario allows, tries the scenario’s own value, and lets answers give way to a varied execution chance', () => {
    // Without a monthly cost an upfront of 0 is no programme: the search starts at 1.
    const free = breakEven(
      { investment: { monthly: 0 } },
      { vary: 'investment.upfront', target: { metric: 'roiMedian', value: 0 }, runs: 200 },
    );
    expect(free.within[0]).toBe(1);
    expect(free.status).toBe('crossed');
    expect(free.evaluations.length).toBeLessThanOrEqual(14);
    // P(ROI > 0) peaks near the default delivery failure rate; the ends and the quarter points all miss 50%.
    // The raw model: a held bad-experience rate would scale the touchpoints back.
    const delivery = breakEven(
      {
        business: null,
        journey: { touchpointFailure: { delivery: 0.006 } },
        wordOfMouth: { conversionPerTell: 0.002, tellingPeriodMonths: 1 },
        investment: { missedEffectShare: 0.4 },
      },
      { vary: 'journey.touchpointFailure.delivery', target: { metric: 'probabilityPositiveRoi', value: 0.5 }, runs: 150, seed: 3 },
    );
    expect(delivery.evaluations.map((e) => e.value)).toContain(0.006);
    expect(delivery.status).toBe('crossed');
    // Maturity answers imply the execution chance; varying it replaces what they imply.
    const answers = Object.fromEntries(maturityQuestionIds.map((id) => [id, 'partly']));
    const chance = breakEven({ investment: { maturity: answers } } as never, {
      vary: 'investment.executionSuccess',
      target: { metric: 'probabilityPositiveRoi', value: 0.9 },
      runs: 200,
    });
    expect(chance.status).toBe('crossed');
    // Months past the horizon all look alike.
    expect(
      breakEven({}, { vary: 'investment.delayMonths', target: { metric: 'probabilityPaidBackBy', month: 48, value: 0.5 }, runs: 100 })
        .within,
    ).toEqual([0, 60]);
  });

  it('names the option at fault', () => {
    const target = { metric: 'roiMedian', value: 0 } as const;
    expect(() => breakEven({}, { vary: 'investment.upfrnt', target })).toThrow(/options\.vary.*investment\.upfront/s);
    expect(() => breakEven({}, { vary: 'investment.upfront', target: { metric: 'roiMean' as never, value: 0 } })).toThrow(
      /options\.target\.metric/,
    );
    expect(() => breakEven({}, { vary: 'investment.upfront', target: { metric: 'probabilityPaidBackBy', value: 0.8 } })).toThrow(
      /options\.target\.month/,
    );
    expect(() => breakEven({}, { vary: 'investment.upfront', target: { metric: 'probabilityPositiveRoi', value: 80 } })).toThrow(
      /options\.target\.value/,
    );
    expect(() => breakEven({}, { vary: 'investment.failureReduction', target, within: [0, 2] })).toThrow(/options\.within/);
    expect(() => breakEven({ churn: { base: 3 } }, { vary: 'investment.upfront', target })).toThrow(/churn\.base/);
    expect(() => breakEven({}, { vary: 'investment.upfront', target, within: [0, 1, 2] as never })).toThrow(/options\.within/);
    expect(() => breakEven({}, { vary: 'customers.initial', target, within: [0.2, 0.7] })).toThrow(/options\.within.*whole numbers/);
    expect(() => breakEven({}, null as never)).toThrow(/options\.vary/);
  });
});
