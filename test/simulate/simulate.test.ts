import { describe, expect, it } from 'vitest';
import { ScenarioError, defaultScenario, simulate } from '../../src/index.js';
import { deepFreeze as frozen } from '../../src/scenario/defaults.js';
import { expectSameTwice } from '../helpers/determinism.js';

const quick = { horizonMonths: 24 } as const;

describe('simulate', () => {
  it('returns a row per month with bands of ROI, customers, revenue and margin per arm', () => {
    const result = simulate(quick, { runs: 50, seed: 3 });
    expect(result.series.map((r) => r.month)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    for (const row of result.series) {
      for (const band of [
        row.roi,
        row.customers.baseline,
        row.customers.invested,
        row.revenue.baseline,
        row.revenue.invested,
        row.margin.baseline,
        row.margin.invested,
      ]) {
        expect(band.p5).toBeLessThanOrEqual(band.p25);
        expect(band.p25).toBeLessThanOrEqual(band.p50);
        expect(band.p50).toBeLessThanOrEqual(band.p75);
        expect(band.p75).toBeLessThanOrEqual(band.p95);
        // The mean need not lie between p5 and p95 (one run in 50 far above the rest lifts it past p95): only finite.
        expect(Number.isFinite(band.mean)).toBe(true);
      }
      expect(row.margin.baseline.p50).toBeCloseTo(row.revenue.baseline.p50 * (defaultScenario.spend.grossMargin as number), 6);
    }
    expect(result.horizon.month).toBe(24);
    expect(result.runCount).toBe(50);
    expect(result.runs).toBeUndefined();
  });

  it('is reproducible: the same seed gives the same result, bit for bit', () => {
    expectSameTwice(() => simulate(quick, { runs: 40, seed: 'same' }));
    expect(simulate(quick, { runs: 40, seed: 1 }).horizon.roi).not.toEqual(simulate(quick, { runs: 40, seed: 2 }).horizon.roi);
  });

  it('run i depends only on the seed and i, not on how many runs there are', () => {
    const few = simulate(quick, { runs: 10, seed: 9, keepRuns: true }).runs ?? [];
    const many = simulate(quick, { runs: 60, seed: 9, keepRuns: true }).runs ?? [];
    expect(many.slice(0, 10)).toEqual(few);
  });

  it('keeps each run’s horizon figures and drawn parameters on request', () => {
    const { runs, horizon } = simulate(quick, { runs: 30, seed: 4, keepRuns: true });
    expect(runs).toHaveLength(30);
    const first = runs?.[0];
    expect(first?.run).toBe(0);
    expect(first?.parameters['churn.switchAfterBad']).toBe(0.86);
    const drawn = runs?.map((r) => r.parameters['investment.failureReduction'] as number) ?? [];
    expect(new Set(drawn).size).toBe(30);
    for (const x of drawn) expect(x >= 0.2 && x <= 0.6).toBe(true);
    expect(first?.parameters).not.toHaveProperty('horizonMonths');
    expect(horizon.probabilityPositiveRoi).toBe((runs?.filter((r) => r.roi > 0).length ?? 0) / 30);
  });

  it('reports Monte Carlo standard errors that shrink as 1/√runs', () => {
    const small = simulate(quick, { runs: 100, seed: 5 }).horizon;
    const large = simulate(quick, { runs: 1600, seed: 5 }).horizon;
    expect(large.roiMeanStandardError).toBeGreaterThan(0);
    expect(small.roiMeanStandardError / large.roiMeanStandardError).toBeGreaterThan(2.5);
    expect(small.roiMeanStandardError / large.roiMeanStandardError).toBeLessThan(6);
    const p = large.probabilityPositiveRoi;
    expect(large.probabilityPositiveRoiStandardError).toBeCloseTo(Math.sqrt((p * (1 - p)) / 1600), 12);
  });

  it('splits runs into outcome classes by the documented thresholds and shows Accenture’s split', () => {
    const { horizon, runs } = simulate({}, { runs: 300, seed: 6, keepRuns: true });
    const oc = horizon.outcomeClasses;
    expect(oc.positive + oc.middling + oc.negative).toBeCloseTo(1, 12);
    expect(oc.positive).toBe((runs?.filter((r) => r.roi >= 1).length ?? 0) / 300);
    expect(oc.negative).toBe((runs?.filter((r) => r.roi < 0).length ?? 0) / 300);
    expect(oc.published).toEqual({ positive: 0.23, middling: 0.57, negative: 0.2 });
  });

  it('summarises payback over the runs that pay back, and the share that never does', () => {
    const { horizon, runs } = simulate({}, { runs: 300, seed: 7, keepRuns: true });
    const paid = runs?.filter((r) => r.paybackMonth !== null) ?? [];
    expect(horizon.paybackMonth.paidBackShare).toBe(paid.length / 300);
    expect(horizon.paybackMonth.neverShare).toBeCloseTo(1 - paid.length / 300, 12);
    const months = paid.map((r) => r.paybackMonth as number);
    expect(horizon.paybackMonth.amongPaidBack?.p5).toBeGreaterThanOrEqual(Math.min(...months));
    expect(horizon.paybackMonth.amongPaidBack?.p95).toBeLessThanOrEqual(Math.max(...months));
    // A programme that cannot pay back has no payback band.
    const never = simulate({ ...quick, investment: { failureReduction: 0, excellentShareIncrease: 0 } }, { runs: 20, seed: 7 }).horizon
      .paybackMonth;
    expect(never).toEqual({ median: null, paidBackShare: 0, neverShare: 1, amongPaidBack: null });
  });

  it('reports progress up to the total', () => {
    const calls: [number, number][] = [];
    simulate(quick, { runs: 250, seed: 1, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThanOrEqual(100);
    expect(calls.at(-1)).toEqual([250, 250]);
    for (let i = 1; i < calls.length; i += 1)
      expect((calls[i] as [number, number])[0]).toBeGreaterThan((calls[i - 1] as [number, number])[0]);
  });

  it('does not change its input', () => {
    const input = frozen({
      business: null,
      churn: { base: 0.02 },
      investment: { failureReduction: { dist: 'uniform' as const, min: 0.1, max: 0.3 } },
    });
    const copy = structuredClone(input);
    simulate(input, { runs: 5 });
    expect(input).toEqual(copy);
  });

  it('rejects bad options with a ScenarioError naming the option', () => {
    const bad = (options: object) => {
      try {
        simulate(quick, options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioError);
        return (error as ScenarioError).issues[0];
      }
      throw new Error('expected a ScenarioError');
    };
    expect(bad({ runs: 0 })).toMatchObject({ path: 'options.runs', value: 0 });
    expect(bad({ runs: 2.5 })?.path).toBe('options.runs');
    expect(bad({ runs: 1e9 })?.message).toContain('at most 1,000,000');
    expect(bad({ runs: Number.NaN })?.path).toBe('options.runs');
    expect(bad({ seed: Number.POSITIVE_INFINITY })?.path).toBe('options.seed');
    expect(bad({ keepRuns: 'yes' })?.path).toBe('options.keepRuns');
    expect(bad({ onProgress: 3 })?.path).toBe('options.onProgress');
    expect(bad({ runz: 3 })).toMatchObject({ path: 'options.runz' });
    expect(() => simulate({ horizonMonths: 240 }, { runs: 200_000 })).toThrow(/to fit in memory/);
  });
});
