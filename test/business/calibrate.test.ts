import { describe, expect, it } from 'vitest';
import { type ObservedBusiness, ScenarioError, calibrate, impliedKpis, simulate } from '../../src/index.js';
import { meanVariance } from '../helpers/statistics.js';

const businesses: Record<string, ObservedBusiness> = {
  'a subscription box': {
    customers: 42_000,
    annualRetention: 0.72,
    averageRevenuePerCustomerMonthly: 31,
    newCustomersMonthly: 1_100,
    badExperienceShareMonthly: 0.02,
    nps: 31,
  },
  'a B2B service (monthly churn, no NPS)': {
    customers: 800,
    monthlyChurn: 0.008,
    averageRevenuePerCustomerMonthly: 2_400,
    newCustomersMonthly: 9,
    badExperienceShareMonthly: 0.004,
  },
  'a retailer (no bad-experience rate)': {
    customers: 120_000,
    annualRetention: 0.6,
    averageRevenuePerCustomerMonthly: 54,
    newCustomersMonthly: 4_500,
    nps: 12,
  },
  'only the required figures': { customers: 10_000, annualRetention: 0.85, averageRevenuePerCustomerMonthly: 90, newCustomersMonthly: 150 },
};

const within = (actual: number, expected: number, share = 0.005) =>
  Math.abs(actual - expected) <= share * Math.max(Math.abs(expected), 1e-9);

describe('calibrate', () => {
  for (const [name, observed] of Object.entries(businesses))
    it(`reproduces what it was given within 0.5%: ${name}`, () => {
      const scenario = calibrate(observed);
      const { baseline } = impliedKpis(scenario);
      expect(scenario.customers.initial).toBe(observed.customers);
      if (observed.annualRetention !== undefined) expect(within(baseline.annualRetention, observed.annualRetention)).toBe(true);
      if (observed.monthlyChurn !== undefined) expect(within(baseline.monthlyChurn, observed.monthlyChurn)).toBe(true);
      expect(within(baseline.revenuePerCustomerMonthly, observed.averageRevenuePerCustomerMonthly)).toBe(true);
      expect(within(baseline.newCustomersMonthly, observed.newCustomersMonthly)).toBe(true);
      if (observed.badExperienceShareMonthly !== undefined)
        expect(within(baseline.badExperienceShareMonthly, observed.badExperienceShareMonthly)).toBe(true);
      if (observed.nps !== undefined) expect(Math.abs(baseline.nps - observed.nps)).toBeLessThan(0.005 * 100);
      // The sourced figures stay.
      expect(scenario.churn.switchAfterBad).toBe(0.86);
      expect(scenario.wordOfMouth.toldAfterExcellent).toBe(9);
      expect(scenario.wordOfMouth.toldAfterBad).toBe(16);
      expect(scenario.spend.goodMultiplier).toBe(2.4);
    });

  it('keeps the shape of the journey: touchpoints scaled together, names kept', () => {
    const scenario = calibrate({ ...businesses['a subscription box'] } as ObservedBusiness);
    const journey = scenario.journey.touchpointFailure as Record<string, number>;
    expect(Object.keys(journey)).toEqual(['discover', 'order', 'delivery', 'product', 'service']);
    expect((journey.delivery as number) / (journey.order as number)).toBeCloseTo(3, 9);
  });

  it('keeps what the input sets (the programme, the horizon) and gives valid simulate input', () => {
    const scenario = calibrate(businesses['only the required figures'] as ObservedBusiness, {
      horizonMonths: 36,
      investment: { upfront: 250_000 },
    });
    expect(scenario.horizonMonths).toBe(36);
    expect(scenario.investment.upfront).toBe(250_000);
    const { horizon } = simulate(scenario, { runs: 100 });
    expect(Number.isFinite(horizon.roi.mean)).toBe(true);
  });

  it('a calibrated scenario with acquisition off keeps annualRetention of its customers after 12 months, within sampling error', () => {
    const observed = businesses['a subscription box'] as ObservedBusiness;
    const scenario = calibrate(observed);
    const runs = 1000;
    // The raw model (business: null), so acquisition can be switched off.
    const closed = {
      ...scenario,
      business: null,
      horizonMonths: 12,
      acquisition: { organicMonthly: 0 },
      wordOfMouth: { ...scenario.wordOfMouth, conversionPerTell: 0 },
    };
    const kept = (simulate(closed, { runs, seed: 'retention', keepRuns: true }).runs ?? []).map(
      (r) => r.customers.baseline / observed.customers,
    );
    const { mean, variance } = meanVariance(kept);
    expect(Math.abs(mean - (observed.annualRetention as number))).toBeLessThan(4 * Math.sqrt(variance / runs));
  });

  it('starts at the steady state on request: new customers balance churn in the first month', () => {
    const observed = businesses['a retailer (no bad-experience rate)'] as ObservedBusiness;
    const scenario = calibrate(observed, {}, { startAtSteadyState: true });
    const { baseline } = impliedKpis(scenario);
    expect(scenario.customers.initial).not.toBe(observed.customers);
    expect(Math.abs(baseline.newCustomersMonthly - baseline.monthlyChurn * (scenario.customers.initial as number))).toBeLessThan(1);
  });

  it('names a conflict with a sourced figure, and the seed figures that would resolve it', () => {
    // 2% of customers have a bad experience a month and 86% of them leave: at least 1.7% churn a month; 0.5% is observed.
    try {
      calibrate({
        customers: 5000,
        monthlyChurn: 0.005,
        averageRevenuePerCustomerMonthly: 40,
        newCustomersMonthly: 25,
        badExperienceShareMonthly: 0.02,
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const issue = (error as ScenarioError).issues[0];
      expect(issue?.path).toBe('observed.monthlyChurn');
      expect(issue?.message).toMatch(/churn.switchAfterBad says 86%/);
      expect(issue?.message).toMatch(/19%.*000_ab32cb94a1089f0b\.txt/);
      expect(issue?.message).toMatch(/22%.*Temkin Group/);
    }
  });

  it('refuses an NPS the bad-experience rate cannot give, and bad observations by name', () => {
    expect(() =>
      calibrate({
        customers: 1000,
        annualRetention: 0.3,
        averageRevenuePerCustomerMonthly: 10,
        newCustomersMonthly: 80,
        badExperienceShareMonthly: 0.1,
        nps: 95,
      }),
    ).toThrow(/observed.nps: an NPS of 95 cannot come from a bad-experience rate of 10.00%/);
    const bad = () =>
      calibrate({
        customers: 0,
        annualRetention: 0.9,
        monthlyChurn: 0.01,
        averageRevenuePerCustomerMonthly: -1,
        newCustomersMonthly: 5,
      } as ObservedBusiness);
    expect(bad).toThrow(ScenarioError);
    try {
      bad();
    } catch (error) {
      const paths = (error as ScenarioError).issues.map((i) => i.path).sort();
      expect(paths).toEqual(['observed.averageRevenuePerCustomerMonthly', 'observed.customers', 'observed.monthlyChurn']);
    }
  });

  it('refuses new customers that recommendations alone exceed, or the pool cannot supply', () => {
    expect(() =>
      calibrate({ customers: 10_000, annualRetention: 0.8, averageRevenuePerCustomerMonthly: 90, newCustomersMonthly: 5 }),
    ).toThrow(/recommendations alone bring \d+ new customers a month/);
    expect(() =>
      calibrate({ customers: 10_000, annualRetention: 0.8, averageRevenuePerCustomerMonthly: 90, newCustomersMonthly: 5_000_000 }),
    ).toThrow(/customers.prospects/);
  });
});

describe('calibrate’s steady state', () => {
  it('is refused, not made up, when there is none', () => {
    // Word of mouth alone outgrows churn: 97% retention, NPS 70, strong recommendations.
    expect(() =>
      calibrate(
        {
          customers: 10_000,
          annualRetention: 0.97,
          averageRevenuePerCustomerMonthly: 50,
          newCustomersMonthly: 400,
          badExperienceShareMonthly: 0.001,
          nps: 70,
        },
        {},
        { startAtSteadyState: true },
      ),
    ).toThrow(/no steady state/);
    expect(() =>
      calibrate(
        {
          customers: 10_000,
          annualRetention: 0.8,
          averageRevenuePerCustomerMonthly: 50,
          newCustomersMonthly: 0,
          badExperienceShareMonthly: 0.01,
          nps: -1,
        },
        { wordOfMouth: { conversionPerTell: 0 } },
        { startAtSteadyState: true },
      ),
    ).toThrow(/empty customer base/);
  });

  it('names the default journey’s rate as illustrative when the user gave none', () => {
    expect(() =>
      calibrate({ customers: 5000, annualRetention: 0.95, averageRevenuePerCustomerMonthly: 40, newCustomersMonthly: 25 }),
    ).toThrow(/give observed.badExperienceShareMonthly: 1\.50% is the default journey's illustrative rate/);
  });
});
