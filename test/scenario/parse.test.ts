import { describe, expect, it } from 'vitest';
import { ScenarioError, defaultScenario, parseScenario } from '../../src/index.js';
import { deepFreeze as frozen } from '../../src/scenario/defaults.js';

function issuesOf(input: unknown): { path: string; value: unknown; message: string }[] {
  try {
    parseScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return [...(error as ScenarioError).issues];
  }
  throw new Error('expected a ScenarioError');
}

describe('parseScenario', () => {
  it('returns the defaults for an empty input', () => {
    expect(parseScenario({})).toEqual(defaultScenario);
    expect(parseScenario()).toEqual(defaultScenario);
  });

  it('has the brief’s published figures as defaults', () => {
    expect(defaultScenario.churn.switchAfterBad).toBe(0.86);
    expect(defaultScenario.wordOfMouth.toldAfterExcellent).toBe(9);
    expect(defaultScenario.wordOfMouth.toldAfterBad).toBe(16);
    expect(defaultScenario.spend.goodMultiplier).toBe(2.4);
    expect(defaultScenario.wordOfMouth.recommendAfterExcellent).toBe(0.9);
    expect(defaultScenario.wordOfMouth.speakAfterBad).toBe(0.5);
  });

  it('merges a deep-partial input over the defaults without changing either', () => {
    const input = frozen({ business: null, churn: { base: 0.02 }, investment: { rampMonths: 12 } });
    const scenario = parseScenario(input);
    expect(scenario.churn).toEqual({ switchAfterBad: 0.86, base: 0.02 });
    expect(scenario.investment.rampMonths).toBe(12);
    expect(scenario.investment.failureReduction).toEqual(defaultScenario.investment.failureReduction);
    expect(input).toEqual({ business: null, churn: { base: 0.02 }, investment: { rampMonths: 12 } });
    // A held business merges figure by figure; one churn figure replaces the other; a whole one replaces the default's.
    expect(parseScenario({ business: { nps: 30 } }).business).toEqual({ ...defaultScenario.business, nps: 30 });
    const { annualRetention: _, ...rest } = defaultScenario.business as Record<string, unknown>;
    expect(parseScenario({ business: { monthlyChurn: 0.02 } }).business).toEqual({ ...rest, monthlyChurn: 0.02 });
    const whole = { customers: 500, monthlyChurn: 0.03, averageRevenuePerCustomerMonthly: 20, newCustomersMonthly: 15 };
    expect(parseScenario({ business: whole }).business).toEqual(whole);
    expect(Object.isFrozen(defaultScenario.churn)).toBe(true);
  });

  it('replaces distributions and lists whole; merges named touchpoints name by name', () => {
    // The raw model (business: null): a held business would scale the touchpoints to its bad-experience rate.
    const scenario = parseScenario({
      business: null,
      investment: { failureReduction: { dist: 'uniform', min: 0.1, max: 0.2 } },
      journey: { touchpointFailure: { delivery: 0.05 } },
    });
    expect(scenario.investment.failureReduction).toEqual({ dist: 'uniform', min: 0.1, max: 0.2 });
    // Only delivery changes; the other four default touchpoints stay.
    expect(scenario.journey.touchpointFailure).toEqual({ ...(defaultScenario.journey.touchpointFailure as object), delivery: 0.05 });
    const added = parseScenario({ business: null, journey: { touchpointFailure: { returns: { dist: 'uniform', min: 0, max: 0.01 } } } })
      .journey.touchpointFailure;
    expect(Object.keys(added)).toEqual(['discover', 'order', 'delivery', 'product', 'service', 'returns']);
    // A list or a single number replaces the whole journey.
    expect(parseScenario({ business: null, journey: { touchpointFailure: [0.01, 0.02] } }).journey.touchpointFailure).toEqual([0.01, 0.02]);
    expect(parseScenario({ business: null, journey: { touchpointFailure: 0.03 } }).journey.touchpointFailure).toBe(0.03);
    // Held, the journey gives the shape: scaled together to the business's 1.5% bad experiences a month.
    const held = parseScenario({ journey: { touchpointFailure: [0.01, 0.03] } }).journey.touchpointFailure as number[];
    expect((held[1] as number) / (held[0] as number)).toBeCloseTo(3, 12);
    expect(1 - (1 - (held[0] as number)) * (1 - (held[1] as number))).toBeCloseTo(0.015, 14);
    // A record over a list or a number replaces it.
    expect(parseScenario({ business: null, journey: { touchpointFailure: { web: 0.01 } } }).journey.touchpointFailure).toMatchObject({
      web: 0.01,
    });
  });

  it('accepts every distribution kind', () => {
    const kinds = [
      { dist: 'uniform', min: 0.1, max: 0.3 },
      { dist: 'triangular', min: 0.1, mode: 0.2, max: 0.3 },
      { dist: 'pert', min: 0.1, mode: 0.2, max: 0.3, lambda: 6 },
      { dist: 'beta', alpha: 2, beta: 8 },
      { dist: 'normal', mean: 0.2, sd: 0.05 },
      { dist: 'lognormal', mu: -2, sigma: 0.5 },
    ];
    for (const kind of kinds) expect(parseScenario({ business: null, churn: { base: kind } }).churn.base).toEqual(kind);
  });

  it('refuses a Map, a Promise (a forgotten await), a Date or a Set where fields go, naming where, instead of reading it as {} and running the defaults', () => {
    const refusal = (input: unknown) => {
      try {
        parseScenario(input as never);
      } catch (error) {
        return (error as ScenarioError).issues?.[0];
      }
      return 'accepted';
    };
    expect(refusal(new Map([['horizonMonths', 12]]))).toMatchObject({
      path: '',
      message: 'must be a plain object of fields ({ … }), not a Map',
    });
    expect(refusal(Promise.resolve({ horizonMonths: 12 }))).toMatchObject({
      message: 'must be a plain object of fields ({ … }), not a Promise (was an await forgotten?)',
    });
    expect(refusal(new Date())).toMatchObject({ message: expect.stringMatching(/not a Date$/) });
    expect(refusal({ journey: { touchpointFailure: new Set([0.1]) } })).toMatchObject({
      path: 'journey.touchpointFailure',
      message: expect.stringMatching(/not a Set$/),
    });
    // A plain object of any realm or prototype-less, and a class instance's fields, still read.
    expect(refusal(Object.assign(Object.create(null), { horizonMonths: 12 }))).toBe('accepted');
    expect(
      refusal(
        new (class {
          horizonMonths = 12;
        })(),
      ),
    ).toBe('accepted');
  });

  it('names a probability out of range, with the value and what is allowed', () => {
    expect(issuesOf({ churn: { switchAfterBad: 1.2 } })).toEqual([
      { path: 'churn.switchAfterBad', value: 1.2, message: 'must be a probability from 0 to 1' },
    ]);
  });

  it('lists every bad field, not only the first', () => {
    const issues = issuesOf({
      churn: { base: -0.1 },
      spend: { averagePerMonth: Number.NaN, goodMultiplier: Number.POSITIVE_INFINITY },
      horizonMonths: 1000,
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['churn.base', 'horizonMonths', 'spend.averagePerMonth', 'spend.goodMultiplier']);
    expect(issues.find((i) => i.path === 'spend.averagePerMonth')?.message).toBe('must be a finite number, not NaN');
    expect(issues.find((i) => i.path === 'spend.goodMultiplier')?.message).toBe('must be a finite number, not Infinity');
    expect(issues.find((i) => i.path === 'horizonMonths')?.message).toContain('240');
  });

  it('names unknown keys and suggests the nearest allowed one', () => {
    const [issue] = issuesOf({ churn: { switchAfterBadd: 0.5 } });
    expect(issue?.path).toBe('churn.switchAfterBadd');
    expect(issue?.message).toContain('did you mean "switchAfterBad"');
    expect(issuesOf({ nonsense: 1 })[0]?.message).toContain('unknown field');
  });

  it('rejects wrong types and negative or fractional counts', () => {
    expect(issuesOf({ customers: { initial: -5 } })[0]).toMatchObject({ path: 'customers.initial', value: -5 });
    expect(issuesOf({ customers: { initial: 10.5 } })[0]?.message).toContain('whole number');
    expect(issuesOf({ churn: { base: '0.1' } })[0]).toMatchObject({ path: 'churn.base', value: '0.1' });
    expect(issuesOf({ churn: 'high' })[0]).toMatchObject({ path: 'churn' });
    expect(issuesOf('a string')[0]?.message).toContain('must be an object');
    expect(issuesOf(null)[0]?.message).toContain('must be an object');
    expect(issuesOf([1, 2])[0]?.message).toContain('must be an object');
  });

  it('keeps a probability’s distribution inside [0, 1]', () => {
    expect(issuesOf({ churn: { base: { dist: 'uniform', min: 0.5, max: 1.2 } } })).toEqual([
      { path: 'churn.base.max', value: 1.2, message: 'must lie within the allowed range: a probability from 0 to 1' },
    ]);
    expect(issuesOf({ churn: { base: { dist: 'normal', mean: 5, sd: 0.1 } } })[0]?.message).toContain('of its probability inside [0, 1]');
    expect(issuesOf({ churn: { base: { dist: 'beta', alpha: 2, beta: 2, max: 3 } } })[0]?.path).toBe('churn.base.max');
  });

  it('never says a distribution puts a negative share of its probability inside the range, and calls a tiny share almost none', () => {
    // normal(0.01, 1e300): the two CDFs cancel to just below zero.
    const message = issuesOf({ churn: { switchAfterBad: { dist: 'normal', mean: 0.01, sd: 1e300 } } })[0]?.message ?? '';
    expect(message).toContain('puts almost none (< 0.0001%) of its probability inside [0, 1]');
    expect(message).not.toMatch(/-\d/);
    expect(issuesOf({ churn: { switchAfterBad: { dist: 'normal', mean: 0.01, sd: 1e6 } } })[0]?.message).toContain(
      'puts almost none (< 0.0001%)',
    );
    // A share worth naming is still given as a number.
    expect(issuesOf({ churn: { switchAfterBad: { dist: 'normal', mean: -0.25, sd: 0.07 } } })[0]?.message).toMatch(
      /puts 0\.\d+% of its probability inside/,
    );
  });

  it('checks the shape of distributions', () => {
    expect(issuesOf({ churn: { base: { dist: 'unif', min: 0 } } })[0]).toMatchObject({ path: 'churn.base.dist', value: 'unif' });
    expect(issuesOf({ churn: { base: { dist: 'triangular', min: 0.3, mode: 0.2, max: 0.4 } } })[0]?.path).toBe('churn.base.mode');
    expect(
      issuesOf({ churn: { base: { dist: 'pert', min: 0.1, mod: 0.2, max: 0.3 } } })
        .map((i) => i.path)
        .sort(),
    ).toEqual(['churn.base.mod', 'churn.base.mode']);
    expect(issuesOf({ churn: { base: { dist: 'normal', mean: 0.1, sd: 0 } } })[0]?.path).toBe('churn.base.sd');
  });

  it('checks touchpoints: names, count and each failure rate', () => {
    expect(issuesOf({ journey: { touchpointFailure: { delivery: 1.5 } } })[0]?.path).toBe('journey.touchpointFailure.delivery');
    expect(issuesOf({ journey: { touchpointFailure: { 'bad name': 0.1 } } })[0]?.message).toContain('touchpoint name');
    expect(issuesOf({ journey: { touchpointFailure: [] } })[0]?.message).toContain('at least one');
    expect(issuesOf({ journey: { touchpointFailure: 'late' } })[0]?.message).toContain('an object of named touchpoints');
    expect(issuesOf({ journey: { touchpointFailure: [0.1, 'x'] } })[0]?.path).toBe('journey.touchpointFailure.1');
  });

  it('requires the programme to cost something, and ordered outcome thresholds', () => {
    expect(issuesOf({ investment: { upfront: 0, monthly: 0 } })[0]?.message).toContain('must cost at least 1 in every run');
    expect(issuesOf({ outcomeClasses: { negativeBelow: 2 } })[0]?.path).toBe('outcomeClasses.negativeBelow');
  });

  it('formats one line per issue in the error message', () => {
    try {
      parseScenario({ churn: { base: 2, switchAfterBad: -1 } });
      expect.unreachable();
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines[0]).toBe('Invalid scenario:');
      expect(lines).toContain('  churn.base: must be a probability from 0 to 1 (got 2)');
      expect(lines).toContain('  churn.switchAfterBad: must be a probability from 0 to 1 (got -1)');
    }
  });
});

describe('distribution parameters that would make draws meaningless', () => {
  it('rejects beta shapes below 0.01 (two vanishing shapes would draw 0/0)', () => {
    expect(() => parseScenario({ churn: { base: { dist: 'beta', alpha: 1e-300, beta: 1e-300 } } })).toThrow(
      /churn\.base\.alpha: must be ≥ 0\.01/,
    );
  });
});
