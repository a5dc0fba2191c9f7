import { describe, expect, it } from 'vitest';
import { effectInMonth, simulateRun } from '../../src/model/run.js';
import type { MonthOutcome } from '../../src/model/month.js';
import { runParameters } from '../../src/model/run-parameters.js';
import { drawValues } from '../../src/model/draw.js';
import { type ScenarioInput, parseScenario, simulate } from '../../src/index.js';
import { meanVariance } from '../helpers/statistics.js';

/** Word of mouth, acquisition and base churn switched off: only bad journeys lose customers (the raw model: no business held). */
const closedWorld: ScenarioInput = {
  business: null,
  horizonMonths: 24,
  customers: { initial: 10_000, prospects: 100_000 },
  journey: { touchpointFailure: 0.05 },
  churn: { base: 0 },
  wordOfMouth: { recommendAfterExcellent: 0, speakAfterBad: 0 },
  acquisition: { organicMonthly: 0 },
};

function expectValidMonth(o: Readonly<MonthOutcome>): void {
  for (const count of [
    o.customersStart,
    o.bad,
    o.good,
    o.excellent,
    o.churned,
    o.acquired,
    o.convertedByWordOfMouth,
    o.acquiredOrganically,
    o.deterred,
    o.customersEnd,
    o.prospectsStart,
    o.prospectsEnd,
  ]) {
    expect(Number.isInteger(count)).toBe(true);
    expect(count).toBeGreaterThanOrEqual(0);
  }
  expect(o.bad + o.good).toBe(o.customersStart);
  expect(o.churned).toBeLessThanOrEqual(o.customersStart);
  expect(o.customersEnd).toBe(o.customersStart - o.churned + o.acquired);
  expect(o.excellent).toBeLessThanOrEqual(o.good);
  expect(o.acquired).toBe(o.convertedByWordOfMouth + o.acquiredOrganically - o.deterred);
  expect(o.deterred).toBeLessThanOrEqual(o.convertedByWordOfMouth + o.acquiredOrganically);
  expect(o.acquired + o.deterred).toBeLessThanOrEqual(o.prospectsStart);
  expect(o.prospectsEnd).toBe(o.prospectsStart - o.acquired - o.deterred);
  expect(Number.isFinite(o.revenue) && o.revenue >= 0).toBe(true);
}

describe('one run', () => {
  it('conserves customers and keeps every count whole and non-negative, month by month', () => {
    const scenario = parseScenario({ wordOfMouth: { conversionPerTell: 0.05, deterrencePerTell: 0.05 }, customers: { prospects: 30_000 } });
    for (let run = 0; run < 20; run += 1) {
      let months = 0;
      let previous: { baseline: number; invested: number } | undefined;
      simulateRun(scenario, 'conservation', run, undefined, (month, baseline, invested) => {
        expectValidMonth(baseline);
        expectValidMonth(invested);
        if (previous) {
          expect(baseline.customersStart).toBe(previous.baseline);
          expect(invested.customersStart).toBe(previous.invested);
        }
        previous = { baseline: baseline.customersEnd, invested: invested.customersEnd };
        months = month;
      });
      expect(months).toBe(scenario.horizonMonths);
    }
  });

  it('exhausts a small prospect pool without ever acquiring more than is left', () => {
    const scenario = parseScenario({
      business: null,
      customers: { initial: 1000, prospects: 500 },
      wordOfMouth: { conversionPerTell: 0.5 },
      acquisition: { organicMonthly: 0.5 },
    });
    let last = -1;
    simulateRun(scenario, 1, 0, undefined, (_, baseline) => {
      expectValidMonth(baseline);
      last = baseline.prospectsEnd;
    });
    expect(last).toBe(0);
  });

  it('uses the same draws and streams in both arms: with no effect the arms are identical', () => {
    const scenario = parseScenario({ investment: { failureReduction: 0, excellentShareIncrease: 0 } });
    simulateRun(scenario, 5, 3, undefined, (_, baseline, invested) => expect(invested).toEqual(baseline));
  });

  it('ramps the effect linearly to full over rampMonths, scaled when the programme misses', () => {
    const scenario = parseScenario({ investment: { failureReduction: 0.5, delayMonths: 0, rampMonths: 24, missedEffectShare: 0.4 } });
    const p = runParameters(scenario, drawValues(scenario, 1, 0));
    expect(effectInMonth(p, true, 12)).toBeCloseTo(0.25, 12);
    expect(effectInMonth(p, true, 24)).toBeCloseTo(0.5, 12);
    expect(effectInMonth(p, true, 48)).toBeCloseTo(0.5, 12);
    expect(effectInMonth(p, false, 48)).toBeCloseTo(0.2, 12);
    expect(effectInMonth({ ...p, rampMonths: 0 }, true, 1)).toBe(0.5);
  });
});

describe('closed forms', () => {
  it('expected customers after T months are A₀(1 − pBad·0.86)^T (simulated mean within 4 standard errors)', () => {
    const runs = 2000;
    const result = simulate(closedWorld, { runs, seed: 'closed-form', keepRuns: true });
    const expected = 10_000 * (1 - 0.05 * 0.86) ** 24;
    for (const arm of ['baseline'] as const) {
      const finals = Float64Array.from(result.runs ?? [], (r) => r.customers[arm]);
      const { mean, variance } = meanVariance(finals);
      expect(Math.abs(mean - expected)).toBeLessThan(4 * Math.sqrt(variance / runs));
    }
    // And month by month, from the series means.
    for (const row of result.series) {
      const expectedHere = 10_000 * (1 - 0.05 * 0.86) ** row.month;
      expect(Math.abs(row.customers.baseline.mean - expectedHere) / expectedHere).toBeLessThan(0.01);
    }
  });

  it('the closed-form check has teeth: a different switch rate is caught', () => {
    const result = simulate(
      { ...closedWorld, churn: { base: 0, switchAfterBad: 0.8 } },
      { runs: 2000, seed: 'closed-form', keepRuns: true },
    );
    const finals = Float64Array.from(result.runs ?? [], (r) => r.customers.baseline);
    const { mean, variance } = meanVariance(finals);
    const claimed = 10_000 * (1 - 0.05 * 0.86) ** 24;
    expect(Math.abs(mean - claimed)).toBeGreaterThan(4 * Math.sqrt(variance / 2000));
  });

  it('with probabilities at 0 or 1 the run is deterministic and equals the closed form', () => {
    const A0 = 1000;
    const T = 12;
    const spendBad = 50;
    const margin = 0.4;
    const upfront = 100_000;
    const monthly = 5000;
    const rate = 0.1;
    const input: ScenarioInput = {
      business: null,
      horizonMonths: T,
      discountRateAnnual: rate,
      customers: { initial: A0, prospects: 0 },
      journey: { touchpointFailure: 1 },
      churn: { switchAfterBad: 1, base: 0 },
      // The baseline's every month is bad, so its average is the bad month's spend.
      spend: { averagePerMonth: spendBad, goodMultiplier: 2.4, grossMargin: margin },
      acquisition: { organicMonthly: 0 },
      investment: { upfront, monthly, failureReduction: 1, delayMonths: 0, rampMonths: 0, executionSuccess: 1 },
    };
    // Baseline: everyone has a bad month 1 and leaves. Invested: pBad = 0, nobody leaves.
    const d = (1 + rate) ** (-1 / 12);
    let cost = upfront;
    let incremental = 0;
    const roi: number[] = [];
    for (let t = 1; t <= T; t += 1) {
      const discount = d ** t;
      cost += discount * monthly;
      const baselineMargin = t === 1 ? A0 * spendBad * margin : 0;
      incremental += discount * (A0 * spendBad * 2.4 * margin - baselineMargin);
      roi.push((incremental - cost) / cost);
    }
    for (const seed of [1, 2, 'x']) {
      const result = simulate(input, { runs: 5, seed, keepRuns: true });
      expect(result.runs).toHaveLength(5);
      for (const run of result.runs ?? []) {
        expect(run.customers).toEqual({ baseline: 0, invested: A0 });
        expect(run.roi).toBeCloseTo(roi[T - 1] as number, 9);
        expect(run.npv).toBeCloseTo(incremental - cost, 4);
        expect(run.paybackMonth).toBe(roi.findIndex((x) => x >= 0) + 1 || null);
      }
      result.series.forEach((row, i) => {
        expect(row.roi.p5).toBeCloseTo(roi[i] as number, 9);
        expect(row.roi.p95).toBeCloseTo(roi[i] as number, 9);
        expect(row.revenue.invested.p50).toBeCloseTo(A0 * spendBad * 2.4, 6);
      });
    }
  });
});

describe('monotonicity', () => {
  it('more touchpoint failure lowers expected customers and revenue', () => {
    const at = (failure: number) =>
      simulate({ business: null, journey: { touchpointFailure: failure } }, { runs: 300, seed: 'mono' }).horizon;
    const low = at(0.03);
    const high = at(0.06);
    expect(high.customers.baseline.mean).toBeLessThan(low.customers.baseline.mean);
    expect(high.customers.invested.mean).toBeLessThan(low.customers.invested.mean);
    const revenue = (failure: number) =>
      simulate({ business: null, journey: { touchpointFailure: failure } }, { runs: 300, seed: 'mono' }).series.at(-1)?.revenue.baseline
        .mean ?? NaN;
    expect(revenue(0.06)).toBeLessThan(revenue(0.03));
  });

  it('a bigger effect at the same cost does not lower expected ROI', () => {
    const roiAt = (failureReduction: number) =>
      simulate({ investment: { failureReduction } }, { runs: 400, seed: 'effect', keepRuns: true }).runs?.map((r) => r.roi) ?? [];
    const small = roiAt(0.2);
    const big = roiAt(0.4);
    const differences = Float64Array.from(big, (x, i) => x - (small[i] as number));
    const { mean, variance } = meanVariance(differences);
    expect(mean).toBeGreaterThan(0);
    expect(mean).toBeGreaterThan(4 * Math.sqrt(variance / differences.length));
  });
});
