import { describe, expect, it } from 'vitest';
import { assumptionFields } from '../../src/scenario/assumptions.js';
import {
  ScenarioError,
  calibrate,
  defaultBusiness,
  describeAssumptions,
  impliedKpis,
  maxReportedIssues,
  parseScenario,
  simulate,
} from '../../src/index.js';
import { handleWorkerRequest } from '../../src/parallel/protocol.js';
import type { ShardMessage } from '../../src/parallel/protocol.js';

// Regressions from the adversarial sweep: each input once hung, crashed,
// returned NaN or took seconds. Each now simulates or is refused with a
// ScenarioError that names the field.

function refusal(make: () => unknown): ScenarioError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}

describe('touchpoints named like Object’s own properties', () => {
  for (const name of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'])
    it(`"${name}" parses, simulates and is described`, () => {
      const input = JSON.parse(`{ "business": null, "journey": { "touchpointFailure": { "${name}": 0.02, "delivery": 0.01 } } }`);
      const result = simulate(input, { runs: 20, keepRuns: true });
      expect(Number.isFinite(result.horizon.roi.mean)).toBe(true);
      expect(result.runs?.[0]?.parameters[`journey.touchpointFailure.${name}`]).toBe(0.02);
      expect(describeAssumptions(input).map((r) => r.path)).toContain(`journey.touchpointFailure.${name}`);
    });

  it('"__proto__" is refused by name, not merged into the prototype', () => {
    const error = refusal(() => parseScenario(JSON.parse('{ "journey": { "touchpointFailure": { "__proto__": 0.02 } } }')));
    expect(error.issues[0]?.path).toBe('journey.touchpointFailure.__proto__');
  });
});

describe('oversized or deeply nested input is refused quickly with a short message', () => {
  it('8 KB of nested arrays', () => {
    const text = `{ "journey": { "touchpointFailure": ${'['.repeat(4000)}0.1${']'.repeat(4000)} } }`;
    const error = refusal(() => parseScenario(JSON.parse(text)));
    expect(error.issues[0]?.message).toMatch(/nested too deeply/);
    expect(error.issues[0]?.path.startsWith('journey.touchpointFailure')).toBe(true);
  });

  it('deeply nested objects', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
    expect(refusal(() => parseScenario({ churn: deep })).issues[0]?.message).toMatch(/nested too deeply/);
  });

  it('100,000 unknown keys', () => {
    const many = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 1]));
    const error = refusal(() => parseScenario(many));
    expect(error.message.length).toBeLessThan(2_000);
    expect(error.issues[0]?.message).toMatch(/too many fields/);
  });

  it('a few thousand unknown keys list the first 50 and count the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`field${i}`, 1]));
    const error = refusal(() => parseScenario(many));
    expect(error.issues.length).toBe(maxReportedIssues + 1);
    expect(error.issues.at(-1)?.message).toBe('and 2,950 more issues');
    expect(error.message.length).toBeLessThan(50_000);
  });

  it('a 10 MB field name', () => {
    const error = refusal(() => parseScenario({ ['x'.repeat(10_000_000)]: 1 }));
    expect(error.message.length).toBeLessThan(500);
    expect(error.issues[0]?.message).toMatch(/field name of 10,000,000 characters/);
  });

  it('a long misspelt name still gets a hint when it is near one', () => {
    expect(refusal(() => parseScenario({ churn: { swichAfterBad: 0.5 } })).issues[0]?.message).toMatch(/did you mean "switchAfterBad"/);
  });
});

describe('the programme’s cost is checked over every draw, not only its parameters', () => {
  it('a lognormal upfront cost that draws 0 is refused, naming investment.upfront', () => {
    const error = refusal(() =>
      simulate({ investment: { upfront: { dist: 'lognormal', mu: -1000, sigma: 1 }, monthly: 0 } }, { runs: 10 }),
    );
    expect(error.issues[0]?.path).toBe('investment.upfront');
    expect(error.issues[0]?.message).toMatch(/must cost at least 1 in every run/);
  });

  it('an upfront cost of 5e-324 with no monthly cost is refused', () => {
    expect(refusal(() => simulate({ investment: { upfront: 5e-324, monthly: 0 } }, { runs: 10 })).issues[0]?.path).toBe(
      'investment.upfront',
    );
  });

  it('a normal that can reach 0 is refused; one that cannot is simulated', () => {
    expect(
      refusal(() => simulate({ investment: { upfront: { dist: 'normal', mean: 5, sd: 50 }, monthly: 0 } }, { runs: 10 })).issues[0]?.path,
    ).toBe('investment.upfront');
    const { horizon } = simulate({ investment: { upfront: { dist: 'lognormal', mu: 13, sigma: 0.3 }, monthly: 0 } }, { runs: 200 });
    expect(Number.isFinite(horizon.roi.mean)).toBe(true);
  });
});

describe('extreme beta shapes', () => {
  it('the input that once hung simulate returns', () => {
    const { horizon } = simulate({ churn: { switchAfterBad: { dist: 'beta', alpha: 0.01, beta: 0.01 } } }, { runs: 1, seed: 137103 });
    expect(Number.isFinite(horizon.roi.mean)).toBe(true);
  });

  it('beta(0.01, 0.01) margins give finite means over 3,000 runs', () => {
    const { horizon } = simulate(
      { horizonMonths: 12, spend: { grossMargin: { dist: 'beta', alpha: 0.01, beta: 0.01 } } },
      { runs: 3000, seed: 1 },
    );
    expect(Number.isFinite(horizon.roi.mean)).toBe(true);
    expect(Number.isFinite(horizon.npv.mean)).toBe(true);
  });
});

describe('seeds', () => {
  for (const seed of [Number.NaN, Infinity, -Infinity, {}, true, null, [1], 'x'.repeat(201)])
    it(`${JSON.stringify(seed)?.slice(0, 20) ?? String(seed)} is refused naming options.seed`, () => {
      const error = refusal(() => simulate({}, { runs: 2, seed: seed as never }));
      expect(error.issues[0]?.path).toBe('options.seed');
      expect(error.issues[0]?.message).toMatch(/a seed must be a finite number or a string of at most 200 characters/);
    });

  it('0 and -0 are the same seed; 1 and "1" are not', () => {
    expect(simulate({}, { runs: 5, seed: -0 }).horizon).toEqual(simulate({}, { runs: 5, seed: 0 }).horizon);
    expect(simulate({}, { runs: 5, seed: 1 }).horizon).not.toEqual(simulate({}, { runs: 5, seed: '1' }).horizon);
  });
});

describe('found by the second adversarial review', () => {
  it('a sparse array of 120 million holes is refused at once (it once crashed V8 in JSON.stringify)', () => {
    expect(refusal(() => parseScenario({ foo: new Array(1.2e8) })).issues[0]?.message).toMatch(/too many fields/);
    expect(refusal(() => parseScenario({ journey: { touchpointFailure: new Array(1.2e8) } })).issues[0]?.message).toMatch(
      /too many fields/,
    );
  });

  it('a BigInt inside an object without a prototype is shown, not thrown on', () => {
    const error = refusal(() => parseScenario({ foo: Object.assign(Object.create(null), { a: 1n }) }));
    expect(error.message).toContain('{"a":1n}');
  });

  it('a 90-million-character string is refused by its length', () => {
    expect(refusal(() => parseScenario({ churn: { base: '\x01'.repeat(9e7) } })).issues[0]?.message).toMatch(
      /text of 90,000,000 characters/,
    );
  });

  it('calibrate takes null options', () => {
    expect(calibrate(defaultBusiness, {}, null).customers.initial).toBe(10_000);
  });

  it('a terminal value without discounting is refused, naming discountRateAnnual', () => {
    const error = refusal(() =>
      simulate(
        { discountRateAnnual: 0, churn: { base: 0 }, journey: { touchpointFailure: 0 }, valuation: { terminalValue: 'customerLifetime' } },
        { runs: 5 },
      ),
    );
    expect(error.issues[0]?.path).toBe('discountRateAnnual');
  });

  it('a good-month multiplier near zero is refused, naming spend.goodMultiplier', () => {
    expect(
      refusal(() => simulate({ spend: { goodMultiplier: 5e-324 }, journey: { touchpointFailure: 0 } }, { runs: 5 })).issues[0]?.path,
    ).toBe('spend.goodMultiplier');
  });

  it('impliedKpis gives finite figures or null, never Infinity or NaN', () => {
    for (const input of [
      { business: null, churn: { base: 5e-324 }, journey: { touchpointFailure: 0 } },
      { business: null, customers: { initial: { dist: 'uniform', min: 0, max: 1e-320 } } },
      { business: null, churn: { base: 0 }, journey: { touchpointFailure: 0 }, discountRateAnnual: 0 },
      {
        business: { badExperienceShareMonthly: 0, monthlyChurn: 0, nps: 100, newCustomersMonthly: 1000 },
        wordOfMouth: { recommendAfterExcellent: 1 },
      },
    ] as const) {
      const numbers: number[] = [];
      const walk = (x: unknown) =>
        typeof x === 'number' ? numbers.push(x) : x && typeof x === 'object' ? Object.values(x).forEach(walk) : undefined;
      walk(impliedKpis(input as never));
      expect(numbers.every(Number.isFinite)).toBe(true);
    }
  });

  it('a ScenarioError in a worker crosses back as a ScenarioError with its issues', () => {
    // A scenario no parse would let through (the programme costs nothing), sent straight to a worker.
    const scenario = { ...parseScenario({}), investment: { ...parseScenario({}).investment, upfront: 0, monthly: 0 } };
    const messages: ShardMessage[] = [];
    // Its fields as a worker is sent them, with the same two costs of 0.
    const fields = assumptionFields(parseScenario({})).map((f) =>
      f.path === 'investment.upfront' || f.path === 'investment.monthly' ? { ...f, value: 0 } : f,
    );
    handleWorkerRequest({ type: 'shard', scenario, fields, seed: 1, first: 0, count: 2, keepParameters: false }, (message) =>
      messages.push(message),
    );
    expect(messages.at(-1)).toMatchObject({ type: 'error', issues: [{ path: 'investment.upfront' }] });
  });
});

describe('found by the third adversarial review', () => {
  it('a complete scenario is read as it is: a removed touchpoint stays removed on the way back in', () => {
    const first = simulate({ journey: { touchpointFailure: { delivery: null } } }, { runs: 50, seed: 3 });
    expect(Object.keys(first.scenario.journey.touchpointFailure)).not.toContain('delivery');
    const again = simulate(JSON.parse(JSON.stringify(first.scenario)), { runs: 50, seed: 3 });
    expect(again.scenario).toEqual(first.scenario);
    expect(again.horizon).toEqual(first.horizon);
  });

  it('calibrate keeps a touchpoint the input removed, and reproduces the observations', () => {
    const observed = {
      customers: 42_000,
      annualRetention: 0.72,
      averageRevenuePerCustomerMonthly: 31,
      newCustomersMonthly: 1_100,
      badExperienceShareMonthly: 0.02,
      nps: 31,
    };
    const scenario = calibrate(observed, { journey: { touchpointFailure: { discover: null } } });
    expect(Object.keys(scenario.journey.touchpointFailure)).not.toContain('discover');
    const { baseline } = impliedKpis(scenario);
    expect(baseline.annualRetention).toBeCloseTo(0.72, 6);
    expect(baseline.badExperienceShareMonthly).toBeCloseTo(0.02, 9);
  });

  for (const name of ['dist', 'min', 'mean', 'sigma'])
    it(`a touchpoint named "${name}" is refused by name`, () => {
      const error = refusal(() => parseScenario({ journey: { touchpointFailure: { [name]: 0.01, checkout: 0.02 } } }));
      expect(error.issues[0]?.path).toBe(`journey.touchpointFailure.${name}`);
      expect(error.issues[0]?.message).toMatch(/words of a distribution/);
    });

  it('calibrate’s options are checked, and a steady state at the end of the search is refused', () => {
    const observed = {
      customers: 10_000,
      annualRetention: 0.8,
      averageRevenuePerCustomerMonthly: 90,
      newCustomersMonthly: 180,
      badExperienceShareMonthly: 0.015,
      nps: 20,
    };
    expect(refusal(() => calibrate(observed, {}, { startAtSteadyState: 'true' } as never)).issues[0]?.path).toBe(
      'options.startAtSteadyState',
    );
    expect(refusal(() => calibrate(observed, {}, { steadyState: true } as never)).issues[0]?.path).toBe('options.steadyState');
    expect(() =>
      calibrate(
        {
          customers: 1000,
          monthlyChurn: 1e-9,
          averageRevenuePerCustomerMonthly: 10,
          newCustomersMonthly: 180,
          badExperienceShareMonthly: 0,
        },
        { customers: { prospects: 1e9 }, wordOfMouth: { conversionPerTell: 0 } },
        { startAtSteadyState: true },
      ),
    ).toThrow(/no steady state|prospect pool/);
  });

  it('the levers of two identical arms are exactly zero, however large the business', () => {
    const input = {
      business: null,
      customers: { initial: 1e9, prospects: 0 },
      spend: { averagePerMonth: 1e12 },
      investment: { failureReduction: 0, excellentShareIncrease: 0, upfront: 1, monthly: 0 },
    };
    const { horizon, runs } = simulate(input, { runs: 20, seed: 1, keepRuns: true });
    expect(horizon.levers).toMatchObject({ retention: 0, spend: 0, positiveWordOfMouth: 0, negativeWordOfMouth: 0, cost: -1, npv: -1 });
    expect(runs).toHaveLength(20);
    for (const run of runs ?? [])
      expect(
        run.levers.retention + run.levers.spend + run.levers.positiveWordOfMouth + run.levers.negativeWordOfMouth + run.levers.cost,
      ).toBe(run.npv);
  });

  it('calibrate bounds the shape of its observations too', () => {
    const many = Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`k${i}`, 1]));
    const error = refusal(() => calibrate(many as never));
    expect(error.issues[0]?.message).toMatch(/too many fields/);
    expect(error.issues[0]?.path).toBe('observed');
  });
});
