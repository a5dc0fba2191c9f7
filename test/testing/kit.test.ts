import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate, domains, impliedKpis, parseScenario, simulate } from 'cx-roi';
import {
  assumptionArbitrary,
  distributionArbitrary,
  expectSameDistribution,
  expectWithinMonteCarloError,
  kolmogorovSmirnov,
  modelProperties,
  observedBusinessArbitrary,
  scenarioInputArbitrary,
} from 'cx-roi/testing';
import { createStream } from '../../src/index.js';

describe('cx-roi/testing: arbitraries', () => {
  it('generates scenario inputs that cx-roi accepts, from every section of the schema', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenarioInputArbitrary(), (input) => {
        parseScenario(input);
        for (const [section, value] of Object.entries(input)) {
          seen.add(section);
          if (value && typeof value === 'object') for (const key of Object.keys(value)) seen.add(`${section}.${key}`);
        }
      }),
      { numRuns: 200 },
    );
    // Derived from the schema: its sections and fields appear without being listed here.
    for (const path of [
      'horizonMonths',
      'churn.switchAfterBad',
      'spend.goodMultiplier',
      'wordOfMouth.recommendAfterBad',
      'investment.delayMonths',
      'outcomeClasses.positiveFrom',
      'valuation.terminalValue',
    ])
      expect(seen, path).toContain(path);
  });

  it('with sections, also channels with a budget, a stage gate and maturity answers, all valid', () => {
    const inputs = fc.sample(scenarioInputArbitrary({ sections: true, maxHorizonMonths: 24 }), { numRuns: 120, seed: 7 });
    for (const input of inputs) parseScenario(input);
    expect(inputs.some((i) => i.channels !== undefined && i.investment?.channels !== undefined)).toBe(true);
    expect(inputs.some((i) => i.investment?.stageGate !== undefined)).toBe(true);
    expect(inputs.some((i) => i.investment?.maturity !== undefined)).toBe(true);
  });

  it('keeps sizes bounded, and numbers only when asked', () => {
    for (const input of fc.sample(scenarioInputArbitrary({ maxHorizonMonths: 12, maxAmount: 5000, distributions: false }), {
      numRuns: 150,
      seed: 3,
    })) {
      const scenario = parseScenario(input);
      expect(scenario.horizonMonths).toBeLessThanOrEqual(12);
      expect(JSON.stringify(input)).not.toContain('"dist"');
      if (typeof input.spend?.averagePerMonth === 'number') expect(input.spend.averagePerMonth).toBeLessThanOrEqual(5000);
    }
    expect(() => scenarioInputArbitrary({ maxHorizonMonths: 0 })).toThrow(/maxHorizonMonths/);
  });

  it('shrinks a failure to the one field that causes it', () => {
    const details = fc.check(
      fc.property(
        scenarioInputArbitrary({ distributions: false }),
        (input) => !(typeof input.churn?.base === 'number' && input.churn.base > 0.5),
      ),
      { seed: 11, numRuns: 500 },
    );
    expect(details.failed).toBe(true);
    const [counterexample] = details.counterexample ?? [];
    // Base churn is solved while a business is held: an input that sets it is one for the raw model.
    expect(counterexample).toEqual({ business: null, churn: { base: expect.any(Number) } });
  });

  it('distributions over a range are accepted for any field of that range', () => {
    fc.assert(
      fc.property(distributionArbitrary(domains.probability), distributionArbitrary(domains.money), (p, money) => {
        parseScenario({ business: null, churn: { base: p }, investment: { upfront: money, monthly: 10 } });
      }),
      { numRuns: 100 },
    );
  });

  it('refuses options it does not know or cannot use, in its own words', () => {
    expect(() => scenarioInputArbitrary('x' as never)).toThrow('scenarioInputArbitrary: options must be an object');
    expect(() => scenarioInputArbitrary({ distributions: 'no' } as never)).toThrow(
      'scenarioInputArbitrary: distributions must be true or false (got no)',
    );
    expect(() => scenarioInputArbitrary({ sections: 'yes' } as never)).toThrow(/sections must be true or false/);
    expect(() => scenarioInputArbitrary({ maxAmount: Infinity })).toThrow('maxAmount must be a finite number of at least 1 (got Infinity)');
    expect(() => scenarioInputArbitrary({ maxMonths: 12 } as never)).toThrow(
      'scenarioInputArbitrary: maxMonths is not an option (options: maxHorizonMonths, maxAmount, distributions, sections)',
    );
    expect(() => assumptionArbitrary(domains.probability, { distributions: 'no' } as never)).toThrow(
      'assumptionArbitrary: distributions must be true or false (got no)',
    );
  });

  it('refuses a range it cannot draw from in its own words, naming the option, and draws from a narrow one', () => {
    const range = (min: number, max: number, integer = false) => ({ min, max, integer, label: 'a test range' });
    expect(() => distributionArbitrary(range(1, 0))).toThrow(
      /distributionArbitrary: domain\.min must be at most domain\.max \(got min 1, max 0\)/,
    );
    expect(() => distributionArbitrary(range(Number.NaN, 1))).toThrow(
      /distributionArbitrary: domain\.min must be a finite number \(got NaN\)/,
    );
    expect(() => distributionArbitrary(range(0, Number.POSITIVE_INFINITY))).toThrow(
      /distributionArbitrary: domain\.max must be a finite number \(got Infinity\)/,
    );
    expect(() => distributionArbitrary(undefined as never)).toThrow(/distributionArbitrary: domain must be a range/);
    expect(() => assumptionArbitrary(range(0.2, 0.8, true))).toThrow(
      /assumptionArbitrary: domain\.integer is true, but no whole number lies from 0\.2 to 0\.8/,
    );
    expect(() => assumptionArbitrary(range(2, 1))).toThrow(/assumptionArbitrary: domain\.min must be at most domain\.max/);
    // A range below 0.002 has no room for a lognormal (all its mass is above 0): the other shapes are drawn.
    const narrow = fc.sample(distributionArbitrary(range(-1, 0.001)), { numRuns: 60, seed: 1 });
    expect(narrow.some((d) => d.dist === 'lognormal')).toBe(false);
    for (const d of narrow) if ('min' in d && d.min !== undefined) expect(d.min).toBeGreaterThanOrEqual(-1);
  });

  it('observed businesses that calibrate reproduces (the library’s calibration property, on the kit)', () => {
    fc.assert(
      fc.property(observedBusinessArbitrary(), (observed) => {
        const { baseline } = impliedKpis(calibrate(observed));
        expect(baseline.annualRetention).toBeCloseTo(observed.annualRetention as number, 6);
        expect(baseline.revenuePerCustomerMonthly).toBeCloseTo(observed.averageRevenuePerCustomerMonthly, 6);
      }),
      { numRuns: 40 },
    );
  });
});

describe('cx-roi/testing: the model’s invariants', () => {
  it('hold for generated scenarios', () => {
    fc.assert(
      fc.property(scenarioInputArbitrary({ maxHorizonMonths: 24 }), (input) => {
        modelProperties.deterministic(input, { runs: 8, seed: 3 });
        modelProperties.boundedAndOrdered(input, { runs: 8, seed: 3 });
        modelProperties.leversAddUp(input, { runs: 8, seed: 3 });
        modelProperties.sameAgainstItself(input, { runs: 8, seed: 3 });
      }),
      { numRuns: 25 },
    );
    modelProperties.monotoneInEffect({}, 0.1, 0.6, { runs: 300 });
  });

  it('say what broke', () => {
    // Cutting failures less is worth less: asked the wrong way round, the check fails.
    expect(() => modelProperties.monotoneInEffect({}, 0.6, 0.1)).toThrow(RangeError);
    expect(() => modelProperties.monotoneInEffect({ investment: { executionSuccess: 1 } }, 0.1, 0.1)).not.toThrow();
  });
});

describe('cx-roi/testing: Monte Carlo assertions', () => {
  it('expectWithinMonteCarloError passes within z standard errors and says how far off otherwise', () => {
    const { horizon } = simulate({}, { runs: 2000, seed: 5 });
    const again = simulate({}, { runs: 2000, seed: 6 }).horizon;
    expectWithinMonteCarloError(
      horizon.probabilityPositiveRoi,
      again.probabilityPositiveRoi,
      Math.hypot(horizon.probabilityPositiveRoiStandardError, again.probabilityPositiveRoiStandardError),
    );
    expect(() => expectWithinMonteCarloError(0.5, 0.4, 0.01)).toThrow(/10\.0 standard errors away/);
    expect(() => expectWithinMonteCarloError(Number.NaN, 0, 1)).toThrow(RangeError);
  });

  it('kolmogorovSmirnov: the statistic of the tests’ own helper, and p-values that tell alike from shifted', () => {
    const random = createStream(2, 'ks');
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const a = Array.from({ length: 2000 }, normal);
    const b = Array.from({ length: 1500 }, normal);
    const shifted = b.map((x) => x + 0.3);
    // The statistic against its definition, by brute force: the largest |F_a(t) − F_b(t)| over every sample point.
    const cdf = (xs: number[], t: number) => xs.filter((x) => x <= t).length / xs.length;
    const brute = Math.max(...[...a, ...b].map((t) => Math.abs(cdf(a, t) - cdf(b, t))));
    expect(kolmogorovSmirnov(a, b).statistic).toBeCloseTo(brute, 12);
    expect(kolmogorovSmirnov(a, b).pValue).toBeGreaterThan(0.001);
    expect(kolmogorovSmirnov(a, shifted).pValue).toBeLessThan(1e-6);
    expectSameDistribution(a, b);
    expect(() => expectSameDistribution(a, shifted)).toThrow(/the samples differ/);
    // Under the null, p-values are about uniform: 5% of them below 0.05.
    let below = 0;
    for (let k = 0; k < 200; k += 1) {
      const x = Array.from({ length: 200 }, normal);
      const y = Array.from({ length: 200 }, normal);
      if (kolmogorovSmirnov(x, y).pValue < 0.05) below += 1;
    }
    expect(below / 200).toBeGreaterThan(0.01);
    expect(below / 200).toBeLessThan(0.1);
    expect(() => kolmogorovSmirnov([], [1])).toThrow(/a is empty/);
  });

  it('expectSameDistribution refuses an alpha outside (0, 1), naming it, rather than always or never failing', () => {
    const a = [1, 2, 3, 4, 5];
    // At alpha 2 every sample "differs", at NaN or 0 none ever would: each is a mistake, said as one.
    for (const alpha of [2, 1, 0, -0.1, Number.NaN, Number.POSITIVE_INFINITY, '0.05' as unknown as number])
      expect(() => expectSameDistribution(a, a, alpha), String(alpha)).toThrow(
        /alpha must be a number above 0 and below 1, such as 0\.001 \(got /,
      );
    expect(() => expectSameDistribution(a, a, 0.05)).not.toThrow();
  });
});
