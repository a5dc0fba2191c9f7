import { describe, expect, it } from 'vitest';
import { simulateRun } from '../../src/model/run.js';
import { type ScenarioInput, defaultBusiness, impliedKpis, parseScenario, simulate } from '../../src/index.js';
import { meanVariance } from '../helpers/statistics.js';

/** Mean and standard error of a sample. */
function estimate(xs: number[]): { mean: number; se: number } {
  const { mean, variance } = meanVariance(xs);
  return { mean, se: Math.sqrt(variance / xs.length) };
}

/** The first month of both arms over many runs of a scenario. */
function firstMonths(input: ScenarioInput, runs: number) {
  const scenario = parseScenario(input);
  type Month = { churned: number; revenue: number; converted: number; deterred: number; acquired: number };
  const out: { baseline: Month[]; invested: Month[] } = { baseline: [], invested: [] };
  for (let run = 0; run < runs; run += 1)
    simulateRun(scenario, 'kpis', run, undefined, (month, baseline, invested) => {
      if (month !== 1) return;
      for (const [arm, o] of [
        ['baseline', baseline],
        ['invested', invested],
      ] as const)
        out[arm].push({
          churned: o.churned,
          revenue: o.revenue,
          converted: o.convertedByWordOfMouth,
          deterred: o.deterred,
          acquired: o.acquired,
        });
    });
  return out;
}

describe('impliedKpis', () => {
  it('describes the default business: 80% annual retention, 90 a month, NPS 20, about 180 new customers a month', () => {
    const { baseline, withoutProgramme } = impliedKpis();
    expect(baseline.annualRetention).toBeCloseTo(defaultBusiness.annualRetention, 2);
    expect(baseline.revenuePerCustomerMonthly).toBeCloseTo(defaultBusiness.averageRevenuePerCustomerMonthly, 6);
    expect(baseline.badExperienceShareMonthly).toBeCloseTo(defaultBusiness.badExperienceShareMonthly, 3);
    expect(Math.abs(baseline.nps - defaultBusiness.nps)).toBeLessThan(0.5);
    expect(Math.abs(baseline.newCustomersMonthly / defaultBusiness.newCustomersMonthly - 1)).toBeLessThan(0.02);
    // Neither booming nor collapsing without the programme.
    expect(Math.abs(withoutProgramme.growth)).toBeLessThan(0.1);
  });

  it('agrees with the simulated means of the first month within 4 standard errors, in both arms', () => {
    // The programme at full effect from month 1, carried out as planned, so the invested arm's month 1 is its full effect.
    const input: ScenarioInput = { investment: { failureReduction: 0.4, delayMonths: 0, rampMonths: 0, executionSuccess: 1 } };
    const kpis = impliedKpis(input);
    const A = parseScenario(input).customers.initial as number;
    const months = firstMonths(input, 3000);
    for (const arm of ['baseline', 'invested'] as const) {
      const k = kpis[arm];
      const rows = months[arm];
      const checks: [string, number[], number][] = [
        ['monthly churn', rows.map((r) => r.churned / A), k.monthlyChurn],
        ['revenue per customer', rows.map((r) => r.revenue / A), k.revenuePerCustomerMonthly],
        ['won by recommendation a year', rows.map((r) => (12 * r.converted) / A), k.wordOfMouthConversionsPerCustomerYearly],
        ['lost to negative stories a year', rows.map((r) => (12 * r.deterred) / A), k.wordOfMouthLossesPerCustomerYearly],
        ['new customers', rows.map((r) => r.acquired), k.newCustomersMonthly],
      ];
      for (const [name, xs, expected] of checks) {
        const { mean, se } = estimate(xs);
        expect(Math.abs(mean - expected), `${arm} ${name}: simulated ${mean} ± ${se}, implied ${expected}`).toBeLessThan(4 * se + 1e-12);
      }
    }
  });

  it('agrees with the simulated customers at the horizon without the programme', () => {
    const runs = 2000;
    const result = simulate({}, { runs, seed: 'kpis', keepRuns: true });
    const { mean, se } = estimate((result.runs ?? []).map((r) => r.customers.baseline));
    const implied = impliedKpis().withoutProgramme.customersAtHorizon;
    expect(Math.abs(mean - implied), `simulated ${mean} ± ${se}, implied ${implied}`).toBeLessThan(4 * se);
  });

  it('derives retention, tenure and lifetime value from churn as stated', () => {
    const k = impliedKpis().baseline;
    expect(k.annualRetention).toBeCloseTo((1 - k.monthlyChurn) ** 12, 12);
    expect(k.meanTenureMonths).toBeCloseTo(1 / k.monthlyChurn, 9);
    expect(k.badExperienceShareYearly).toBeCloseTo(1 - (1 - k.badExperienceShareMonthly) ** 12, 12);
    const d = 1.08 ** (-1 / 12);
    expect(k.customerLifetimeValue).toBeCloseTo((0.35 * k.revenuePerCustomerMonthly) / (1 - d * (1 - k.monthlyChurn)), 6);
  });

  it('uses an uncertain assumption at its mean', () => {
    const fixed = impliedKpis({ business: null, churn: { base: 0.006 } }).baseline.monthlyChurn;
    const uncertain = impliedKpis({ business: null, churn: { base: { dist: 'uniform', min: 0.004, max: 0.008 } } }).baseline.monthlyChurn;
    expect(uncertain).toBeCloseTo(fixed, 12);
  });
});

describe('warnings about an implausible baseline', () => {
  it('a held business that looks implausible is named by its own figure', () => {
    const low = simulate({ business: { annualRetention: 0.4, badExperienceShareMonthly: 0.01 } }, { runs: 20 }).warnings;
    expect(low).toContainEqual(expect.objectContaining({ code: 'low-retention', field: 'business.annualRetention' }));
    const growing = simulate({ business: { newCustomersMonthly: 600 } }, { runs: 20 }).warnings;
    expect(growing).toContainEqual(expect.objectContaining({ code: 'baseline-growth', field: 'business.newCustomersMonthly' }));
  });

  it('the default business has none', () => {
    expect(simulate({}, { runs: 20 }).warnings).toEqual([]);
  });

  it('annual retention below 50% is flagged, naming the field that causes it', () => {
    const { warnings } = simulate({ business: null, churn: { base: 0.08 } }, { runs: 20 });
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'low-retention', field: 'churn.base' }));
    const fromBad = simulate({ business: null, journey: { touchpointFailure: 0.1 } }, { runs: 20 }).warnings;
    expect(fromBad).toContainEqual(expect.objectContaining({ code: 'low-retention', field: 'journey.touchpointFailure' }));
  });

  it('growth of more than 50% without the programme is flagged', () => {
    const { warnings } = simulate({ business: null, acquisition: { organicMonthly: 0.003 } }, { runs: 20 });
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'baseline-growth', field: 'acquisition.organicMonthly' }));
    expect(warnings[0]?.message).toMatch(/grows by \d+% over 60 months/);
  });
});
