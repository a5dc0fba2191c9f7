import { describe, expect, it } from 'vitest';
import { ScenarioError, defaultBusiness, sensitivity, simulate } from '../../src/index.js';

// An assumption that moves the NPS but no money: it must rank at about nothing. (With a held NPS it would set the
// excellent share, and with it money: the raw model, business: null.)
const withNpsOnly = { business: null, wordOfMouth: { recommendAfterBad: { dist: 'uniform', min: 0.1, max: 0.3 } } } as const;
const result = simulate(withNpsOnly, { runs: 3000, seed: 1, keepRuns: true });

describe('sensitivity', () => {
  const s = sensitivity(result, { swings: false });
  const at = (month: number) => s.months.find((m) => m.month === month);

  it('looks every 12 months and at the horizon, at each run’s cumulative NPV', () => {
    expect(s.months.map((m) => m.month)).toEqual([12, 24, 36, 48, 60]);
    expect(s.outcome).toBe('npv');
    expect(s.method).toMatch(/Plischke, Borgonovo & Smith/);
    const npv = (result.runs ?? []).map((r) => r.npv).sort((a, b) => a - b);
    // At the horizon the monthly NPV is the run's NPV.
    expect(at(60)?.median).toBeCloseTo(((npv[1499] as number) + (npv[1500] as number)) / 2, 6);
    expect(sensitivity(result, { at: [60, 7, 7], swings: false }).months.map((m) => m.month)).toEqual([7, 60]);
  });

  it('ranks the delay first in year one and whether the programme was carried out by the horizon', () => {
    expect(at(12)?.drivers[0]?.path).toBe('investment.delayMonths');
    expect(at(12)?.drivers[0]?.spearman).toBeLessThan(0);
    const last = at(60)?.drivers[0];
    expect(last?.path).toBe('investment.executed');
    expect(last?.firstOrder).toBeGreaterThan(0.5);
    // Carried out: the median NPV is higher by hundreds of thousands.
    expect(last?.swing).toBeGreaterThan(100_000);
    for (const month of s.months) {
      for (const d of month.drivers) {
        expect(d.firstOrder).toBeGreaterThanOrEqual(0);
        expect(d.firstOrder).toBeLessThanOrEqual(1);
        expect(d.swing).toBe(d.medianHighTenth - d.medianLowTenth);
      }
      expect(month.firstOrderSum).toBeLessThan(1.1);
    }
  });

  it('compares the no’s with the yes’s when the programme is rarely carried out', () => {
    const rare = simulate({ investment: { executionSuccess: 0.05 } }, { runs: 1000, seed: 3, keepRuns: true });
    const executed = sensitivity(rare, { at: [60], swings: false }).months[0]?.drivers.find((d) => d.path === 'investment.executed');
    const npv = (yes: boolean) => {
      const x = (rare.runs ?? [])
        .filter((r) => r.executed === yes)
        .map((r) => r.npv)
        .sort((a, b) => a - b);
      return x.length % 2 ? (x[x.length >> 1] as number) : ((x[x.length / 2 - 1] as number) + (x[x.length / 2] as number)) / 2;
    };
    expect(executed?.medianLowTenth).toBeCloseTo(npv(false), 6);
    expect(executed?.medianHighTenth).toBeCloseTo(npv(true), 6);
    expect(executed?.swing).toBeGreaterThan(100_000);
  });

  it('leaves to chance within the runs a larger part of the spread early than late (what the shares do not explain)', () => {
    // Every assumption fixed, the programme carried out: what spread is left is the runs' own chance events.
    const fixed = simulate(
      {
        wordOfMouth: { conversionPerTell: 0.025 },
        investment: { failureReduction: 0.4, delayMonths: 6, rampMonths: 24, executionSuccess: 1, excellentShareIncrease: 0.05 },
      },
      { runs: 1000, seed: 1, keepRuns: true },
    );
    const variance = (r: typeof fixed, month: number) => {
      const x = (r.runs ?? []).map((run) => run.npvByMonth?.[month - 1] ?? Number.NaN);
      const m = x.reduce((a, b) => a + b, 0) / x.length;
      return x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1);
    };
    const share = (month: number) => variance(fixed, month) / variance(result, month);
    expect(share(12)).toBeGreaterThan(0.05);
    expect(share(12)).toBeGreaterThan(5 * share(60));
    expect(at(12)?.firstOrderSum).toBeLessThan(at(60)?.firstOrderSum ?? 0);
  });

  it('gives an assumption with no money in it about nothing', () => {
    for (const month of s.months) {
      const nps = month.drivers.find((d) => d.path === 'wordOfMouth.recommendAfterBad');
      expect(nps?.firstOrder).toBeLessThan(0.01);
      expect(Math.abs(nps?.spearman ?? 1)).toBeLessThan(0.06);
    }
  });

  it('swings the fixed, sourced figures one way at a time', () => {
    const swung = sensitivity(result, { at: [24, 60], swings: { runs: 300 } });
    const figures = swung.fixedFigures?.figures ?? [];
    const paths = figures.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'churn.switchAfterBad',
        'wordOfMouth.toldAfterExcellent',
        'wordOfMouth.toldAfterBad',
        'spend.goodMultiplier',
      ]),
    );
    // Drawn figures are ranked by the runs, not swung.
    expect(paths).not.toContain('wordOfMouth.recommendAfterBad');
    const switching = figures.find((f) => f.path === 'churn.switchAfterBad');
    expect(switching).toMatchObject({ value: 0.86, source: 'switchAfterBad', high: 1 });
    expect(switching?.low).toBeCloseTo(0.688, 12);
    // More customers leaving after a bad experience: cutting bad experiences is worth more.
    expect(switching?.atMonths[1]?.swing).toBeGreaterThan(0);
    expect(swung.fixedFigures?.range).toBe(0.2);
    for (let i = 1; i < figures.length; i += 1)
      expect(Math.abs(figures[i - 1]?.atMonths[1]?.swing ?? 0)).toBeGreaterThanOrEqual(Math.abs(figures[i]?.atMonths[1]?.swing ?? 0));
  });

  it('swings the sourced figures to their published alternatives too, the business held, each swing with its simulation error', () => {
    // A business at 2% bad experiences a month: 86% + 20% switching would lose more customers than it does.
    const tight = simulate({ business: { ...defaultBusiness, badExperienceShareMonthly: 0.02 } }, { runs: 300, seed: 2, keepRuns: true });
    const swung = sensitivity(tight, { at: [60], swings: { runs: 300 } });
    const switching = swung.fixedFigures?.figures.find((f) => f.path === 'churn.switchAfterBad');
    // Not dropped: the high end is moved in to what the business can be held under.
    expect(switching?.high).toBeLessThan(1);
    expect(switching?.high).toBeGreaterThan(0.9);
    const at = (value: number) => switching?.readings.find((r) => r.value === value)?.atMonths[0];
    for (const value of [0.19, 0.22]) {
      expect(at(value)?.direction).toBe('down');
      expect(at(value)?.swingStandardError).toBeGreaterThan(0);
      expect(Math.abs(at(value)?.swing ?? 0)).toBeGreaterThan(2 * (at(value)?.swingStandardError ?? 0));
      expect(at(value)?.meanSwing).toBeLessThan(-2 * (at(value)?.meanSwingStandardError ?? 0));
    }
    // 0.5's word-of-mouth reading comes with its chance a tell wins a customer, or the business could not be held.
    const period = swung.fixedFigures?.figures.find((f) => f.path === 'wordOfMouth.tellingPeriodMonths');
    expect(period?.readings.map((r) => r.value)).toEqual([1, 54]);
    expect(period?.readings[0]?.with).toEqual([{ path: 'wordOfMouth.conversionPerTell', value: 0.002 }]);
    // A figure that changes no run at all has no direction to give.
    const none = sensitivity(simulate({ business: null }, { runs: 50, seed: 2, keepRuns: true }), { at: [60], swings: { runs: 50 } });
    expect(none.fixedFigures?.figures.find((f) => f.path === 'wordOfMouth.recommendAfterBad')?.atMonths[0]?.direction).toBe('none');
  });

  it('refuses kept runs with NaN in them, naming the run and figure, as firstOrderIndices does', () => {
    const runs = result.runs ?? [];
    const key = Object.keys(runs[0]?.parameters ?? {})[0] as string;
    const nanNpv = runs.map((r, i) =>
      i === 5 ? { ...r, npvByMonth: (r.npvByMonth ?? []).map((v, t) => (t === 23 ? Number.NaN : v)) } : r,
    );
    expect(() => sensitivity({ ...result, runs: nanNpv }, { swings: false })).toThrow(ScenarioError);
    expect(() => sensitivity({ ...result, runs: nanNpv }, { swings: false })).toThrow(
      /result\.runs\[5\]\.npvByMonth\[23\]: must be a finite number/,
    );
    const nanDraw = runs.map((r, i) => (i === 7 ? { ...r, parameters: { ...r.parameters, [key]: Number.NaN } } : r));
    expect(() => sensitivity({ ...result, runs: nanDraw }, { swings: false })).toThrow(
      new RegExp(`result\\.runs\\[7\\]\\.parameters\\.${key.replace(/\./g, '\\.')}: must be a finite number`),
    );
  });

  it('needs kept runs, good months and a good range, and leaves the result alone', () => {
    expect(() => sensitivity(simulate({}, { runs: 50 }))).toThrow(/keepRuns/);
    expect(() => sensitivity(result, { at: [0] })).toThrow(/options\.at\[0\].*1 to the horizon, 60/);
    expect(() => sensitivity(result, { at: [61] })).toThrow(/options\.at/);
    expect(() => sensitivity(result, { at: '24' as never })).toThrow(/options\.at: must be a list of months/);
    expect(() => sensitivity(result, { at: [] })).toThrow(/options\.at/);
    expect(() => sensitivity(result, { swings: { range: 2 } })).toThrow(/options\.swings\.range/);
    expect(() => sensitivity(result, { swings: { range: '0.2' as never } })).toThrow(/options\.swings\.range/);
    expect(() => sensitivity(result, { swings: { runs: Number.NaN } })).toThrow(/options\.swings\.runs/);
    expect(() => sensitivity(null as never)).toThrow(/keepRuns/);
    expect(() => sensitivity({ ...result, runs: [] })).toThrow(/at least 3 kept runs/);
    expect(() => sensitivity({ ...result, scenario: { ...result.scenario, horizonMonths: 30 } })).toThrow(/one NPV a month/);
    // Before the programme can do anything, every run's NPV is the same: no shares.
    const first = sensitivity(result, { at: [1], swings: false }).months[0];
    expect(first?.firstOrderSum).toBe(0);
    const before = JSON.stringify(result.runs?.slice(0, 50).map((r) => [r.npv, r.parameters, Array.from(r.npvByMonth ?? [])]));
    sensitivity(result, { swings: false });
    expect(JSON.stringify(result.runs?.slice(0, 50).map((r) => [r.npv, r.parameters, Array.from(r.npvByMonth ?? [])]))).toBe(before);
  });
});
