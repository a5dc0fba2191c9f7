import { describe, expect, it } from 'vitest';
import { ScenarioError, calibrate, defaultBusiness, impliedKpis, parseScenario, simulate } from '../../src/index.js';
import { ksCritical, ksStatistic, meanVariance } from '../helpers/statistics.js';
import { businessMonthlyChurn } from '../../src/scenario/held-business.js';
import { drawValues } from '../../src/model/draw.js';
import { runParameters } from '../../src/model/run-parameters.js';
import { monthlyChurn } from '../../src/model/run.js';

const held = { business: defaultBusiness };
const within = (x: number, target: number, share = 0.005) => expect(Math.abs(x / target - 1)).toBeLessThan(share);

describe('a held business', () => {
  const readings = [
    ['86% switch (the default)', {}],
    ['19% stop buying at once (article 000)', { churn: { switchAfterBad: 0.19 } }],
    ['22% do not come back (article 001)', { churn: { switchAfterBad: 0.22 } }],
    ['89% switch (article 003)', { churn: { switchAfterBad: 0.89 } }],
    ['13% more spend (American Express)', { spend: { goodMultiplier: 1.13 } }],
    ['9 people a year', { wordOfMouth: { tellingPeriodMonths: 12 } }],
    ['9 people over a tenure', { wordOfMouth: { tellingPeriodMonths: 54 } }],
    ['a delay of two to three years', { investment: { delayMonths: { dist: 'uniform', min: 24, max: 36 } } }],
  ] as const;

  it.each(readings)('stays the company it observes under %s: retention, revenue and new customers within 0.5%', (_, reading) => {
    const { baseline } = impliedKpis({ ...held, ...reading });
    within(baseline.annualRetention, defaultBusiness.annualRetention);
    within(baseline.revenuePerCustomerMonthly, defaultBusiness.averageRevenuePerCustomerMonthly);
    within(baseline.newCustomersMonthly, defaultBusiness.newCustomersMonthly);
    within(baseline.nps, defaultBusiness.nps);
    within(baseline.badExperienceShareMonthly, defaultBusiness.badExperienceShareMonthly);
  });

  it('holds in the simulation too: the baseline keeps its customers and revenue whichever switching figure is read', () => {
    const month12 = (switchAfterBad: number) => simulate({ ...held, churn: { switchAfterBad } }, { runs: 400, seed: 'held' }).series[11];
    const [at86, at19] = [month12(0.86), month12(0.19)];
    // Without the business held, 19% would keep far more customers (about 90% a year instead of 80%).
    within(at19?.customers.baseline.mean ?? NaN, at86?.customers.baseline.mean ?? NaN, 0.01);
    within(at19?.revenue.baseline.mean ?? NaN, at86?.revenue.baseline.mean ?? NaN, 0.01);
    const free = simulate({ business: null, churn: { switchAfterBad: 0.19 } }, { runs: 400, seed: 'held' }).series[11];
    expect((free?.customers.baseline.mean ?? 0) / (at86?.customers.baseline.mean ?? 1)).toBeGreaterThan(1.05);
  });

  it('is held run by run when the contested figures are uncertain: every run’s expected churn is the observed churn', () => {
    const scenario = parseScenario({
      ...held,
      churn: { switchAfterBad: { dist: 'uniform', min: 0.19, max: 0.89 } },
      wordOfMouth: { conversionPerTell: { dist: 'uniform', min: 0.0005, max: 0.003 } },
    });
    const churn = businessMonthlyChurn(defaultBusiness);
    const switching = new Set<number>();
    for (let run = 0; run < 50; run += 1) {
      const p = runParameters(scenario, drawValues(scenario, 7, run));
      switching.add(p.switchAfterBad);
      expect(Math.abs(monthlyChurn(p.pBad, p) - churn)).toBeLessThan(1e-12);
      expect(Math.abs(p.pBad - (defaultBusiness.badExperienceShareMonthly ?? 0))).toBeLessThan(1e-12);
      expect(p.initialCustomers).toBe(defaultBusiness.customers);
    }
    expect(switching.size).toBe(50);
  });

  it('changes nothing when nothing it solves from varies: the raw model at the solved values has the same distributions', () => {
    // Every figure the business is solved from fixed, so each run solves the values the scenario shows. The held run
    // takes the observed 1.5% itself, the raw one the product of the touchpoints scaled to it: the two differ in the
    // last bit, which moves a rare binomial draw, so the runs are not the same bit for bit but their distributions are.
    const scenario = parseScenario({ wordOfMouth: { conversionPerTell: 0.025 } });
    const raw = { ...JSON.parse(JSON.stringify(scenario)), business: null };
    const runs = 2000;
    const npv = (input: object, seed: string) =>
      Float64Array.from(simulate(input, { runs, seed, keepRuns: true }).runs ?? [], (r) => r.npv);
    const [a, b] = [npv(scenario, 'held'), npv(raw, 'raw')];
    expect(ksStatistic(Array.from(a), Array.from(b))).toBeLessThan(ksCritical(runs, runs, 0.001));
    const [ma, mb] = [meanVariance(Array.from(a)), meanVariance(Array.from(b))];
    expect(Math.abs(ma.mean - mb.mean)).toBeLessThan(4 * Math.sqrt(ma.variance / runs + mb.variance / runs));
  });

  it('refuses a solved field given beside it, naming both; business: null sets it', () => {
    let caught: unknown;
    try {
      parseScenario({ ...held, churn: { base: 0.01 } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).issues[0]?.path).toBe('churn.base');
    expect((caught as ScenarioError).issues[0]?.message).toMatch(/business\.annualRetention.*business: null/);
    expect(parseScenario({ business: null, churn: { base: 0.01 } }).churn.base).toBe(0.01);
  });

  it('reads a complete scenario back as it is, and solves again after a CX figure of it changes', () => {
    const scenario = parseScenario(held);
    expect(parseScenario(JSON.parse(JSON.stringify(scenario)))).toEqual(scenario);
    const changed = parseScenario({ ...JSON.parse(JSON.stringify(scenario)), churn: { ...scenario.churn, switchAfterBad: 0.19 } });
    expect(changed.churn.base as number).toBeGreaterThan(scenario.churn.base as number);
    within(impliedKpis(changed).baseline.annualRetention, 0.8);
  });

  it('scales any journey to the observed rate, even one of failures too small to scale (found by the fuzz)', () => {
    for (const touchpointFailure of [[0, 5e-324], [1e-300, 5e-324], [0, 0], 0.9]) {
      const journey = parseScenario({ journey: { touchpointFailure } }).journey.touchpointFailure as number | number[];
      const failures = ([] as number[]).concat(journey);
      expect(failures.every(Number.isFinite)).toBe(true);
      expect(1 - failures.reduce((good, f) => good * (1 - f), 1)).toBeCloseTo(0.015, 12);
    }
  });

  it('reads its own scenario back unchanged when the journey mixes numbers and distributions (found in review)', () => {
    const input = {
      journey: { touchpointFailure: { delivery: { dist: 'uniform' as const, min: 0.002, max: 0.02 } } },
      investment: { failureReduction: { delivery: 0.5 } },
    };
    const once = parseScenario(input);
    const again = parseScenario(JSON.parse(JSON.stringify(once)));
    expect(again.journey).toEqual(once.journey);
    const npv = (s: object) => simulate(s, { runs: 100, seed: 3 }).horizon.npv.mean;
    expect(npv(again)).toBe(npv(once));
    // Each run scales its draws: the observed rate holds run by run.
    for (let run = 0; run < 20; run += 1) expect(runParameters(once, drawValues(once, 3, run)).pBad).toBeCloseTo(0.015, 12);
  });

  it('names the figure that no parameter can reconcile', () => {
    expect(() => parseScenario({ business: { ...defaultBusiness, annualRetention: 0.95 } })).toThrow(
      /business\.annualRetention: monthly churn 0\.43% is lower than bad experiences alone cause/,
    );
  });

  it('calibrate returns a scenario that holds the business it was given', () => {
    const observed = {
      customers: 42_000,
      annualRetention: 0.72,
      averageRevenuePerCustomerMonthly: 31,
      newCustomersMonthly: 1_100,
      badExperienceShareMonthly: 0.02,
      nps: 31,
    };
    const scenario = calibrate(observed);
    expect(scenario.business).toEqual(observed);
    const reread = impliedKpis({ ...scenario, churn: { ...scenario.churn, switchAfterBad: 0.22 } }).baseline;
    within(reread.annualRetention, 0.72);
    within(reread.newCustomersMonthly, 1_100);
  });

  it('does not change its input', () => {
    const input = Object.freeze({ business: Object.freeze({ ...defaultBusiness }), churn: Object.freeze({ switchAfterBad: 0.19 }) });
    const copy = JSON.stringify(input);
    parseScenario(input);
    expect(JSON.stringify(input)).toBe(copy);
  });
});

describe('word of mouth as the sources tell it', () => {
  it('over a year, a promoter reaches 9 people and a dissatisfied customer 16: more per teller for bad news', () => {
    const { baseline } = impliedKpis({ ...held, wordOfMouth: { tellingPeriodMonths: 12 } });
    expect(baseline.positiveTellsPerTeller).toBeCloseTo(9, 12);
    expect(baseline.negativeTellsPerTeller).toBe(16);
    // Per customer a year: 12 months × the share of excellent, recommending months × 9 ÷ 12.
    const p = parseScenario({ ...held, wordOfMouth: { tellingPeriodMonths: 12 } });
    const expected = 12 * (1 - 0.015) * (p.wordOfMouth.excellentShare as number) * 0.9 * (9 / 12);
    expect(baseline.positiveTellsPerCustomerYearly).toBeCloseTo(expected as number, 9);
    expect(baseline.negativeTellsPerCustomerYearly).toBeCloseTo(12 * 0.015 * 0.5 * 16, 9);
  });

  it('0.5’s reading (9 people every excellent month) tells twelve times as many a customer-year', () => {
    // At today's chance a tell wins a customer, twelve times the tells would bring more new customers than the business has.
    expect(() => impliedKpis({ wordOfMouth: { tellingPeriodMonths: 1 } })).toThrow(
      /business\.newCustomersMonthly: recommendations alone bring \d+ new customers a month/,
    );
    const year = impliedKpis({ wordOfMouth: { tellingPeriodMonths: 12, conversionPerTell: 0.002 } }).baseline;
    const month = impliedKpis({ wordOfMouth: { tellingPeriodMonths: 1, conversionPerTell: 0.002 } }).baseline;
    expect(month.positiveTellsPerCustomerYearly / year.positiveTellsPerCustomerYearly).toBeCloseTo(12, 9);
    expect(month.positiveTellsPerTeller).toBeCloseTo(108, 9);
    expect(month.positiveTellsPerCustomerYearly).toBeGreaterThan(25);
  });
});
