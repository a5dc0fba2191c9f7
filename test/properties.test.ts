import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateRun } from '../src/model/run.js';
import { type ScenarioInput, ScenarioError, parseScenario, simulate } from '../src/index.js';

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const sortedTriple = (min: number, max: number) =>
  fc.tuple(fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true })).map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);

/** A number in [min, max] or a distribution over it. */
function assumption(min: number, max: number, integer = false) {
  const fixed = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(
    { weight: 3, arbitrary: fixed },
    sortedTriple(min, max).map(([a, , c]) => ({ dist: 'uniform' as const, min: a, max: c })),
    sortedTriple(min, max).map(([a, b, c]) => ({ dist: 'triangular' as const, min: a, mode: b, max: c })),
    sortedTriple(min, max).map(([a, b, c]) => ({ dist: 'pert' as const, min: a, mode: b, max: c })),
    fc.tuple(fc.double({ min: 0.2, max: 20, noNaN: true }), fc.double({ min: 0.2, max: 20, noNaN: true })).map(([alpha, beta]) => ({ dist: 'beta' as const, alpha, beta, min, max })),
    fc.tuple(fc.double({ min, max, noNaN: true }), fc.double({ min: (max - min) / 100 + 1e-9, max: max - min + 1e-9, noNaN: true })).map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd })),
  );
}

const channelsArbitrary = fc
  .array(fc.tuple(assumption(0, 1), fc.boolean(), fc.double({ min: 0.01, max: 1, noNaN: true })), { minLength: 1, maxLength: 4 })
  .chain((list) =>
    fc.record({
      contactRate: assumption(0, 1),
      siloPenalty: assumption(1, 5),
      offered: fc.constant(
        Object.fromEntries(list.map(([failure, connected, weight], i) => [`c${i}`, { failure, connected, share: weight / list.reduce((sum, [, , w]) => sum + w, 0) }])),
      ),
    }),
  )
  // Shares that add up to 1 only to within rounding are the schema's to refuse; keep those that add up exactly.
  .filter((c) => Math.abs(Object.values(c.offered).reduce((sum, x) => sum + x.share, 0) - 1) <= 1e-9);

const stageGateArbitrary = fc.record({
  month: fc.integer({ min: 1, max: 36 }),
  measure: fc.constantFrom('effect' as const, 'roi' as const),
  threshold: fc.double({ min: -1, max: 1, noNaN: true }),
  afterStop: fc.constantFrom('fade' as const, 'hold' as const),
  fadeMonths: fc.integer({ min: 1, max: 24 }),
});

const validScenario: fc.Arbitrary<ScenarioInput> = fc.record({
  horizonMonths: fc.integer({ min: 1, max: 36 }),
  discountRateAnnual: assumption(0, 0.3),
  customers: fc.record({ initial: assumption(0, 1_000_000, true), prospects: assumption(0, 10_000_000, true) }),
  journey: fc.record({
    touchpointFailure: fc.oneof(
      assumption(0, 1),
      fc.array(assumption(0, 0.5), { minLength: 1, maxLength: 5 }),
      fc.dictionary(fc.constantFrom('web', 'order', 'delivery', 'service'), assumption(0, 0.5), { minKeys: 1 }),
    ),
  }),
  churn: fc.record({ switchAfterBad: assumption(0, 1), base: assumption(0, 0.2) }),
  spend: fc.record({ averagePerMonth: assumption(0, 1000), goodMultiplier: assumption(0.01, 5), grossMargin: assumption(0, 1) }),
  wordOfMouth: fc.record({
    excellentShare: assumption(0, 1),
    recommendAfterExcellent: assumption(0, 1),
    toldAfterExcellent: assumption(0, 30),
    speakAfterBad: assumption(0, 1),
    toldAfterBad: assumption(0, 30),
    conversionPerTell: assumption(0, 1),
    deterrencePerTell: assumption(0, 1),
    recommendAfterBad: assumption(0, 1),
    detractorAfterOrdinary: assumption(0, 1),
  }),
  acquisition: fc.record({ organicMonthly: assumption(0, 0.2) }),
  channels: fc.option(channelsArbitrary, { nil: undefined }),
  investment: fc.record({
    upfront: fc.double({ min: 1, max: 1e7, noNaN: true }),
    monthly: assumption(0, 1e5),
    failureReduction: assumption(-1, 1),
    delayMonths: assumption(0, 24),
    rampMonths: assumption(0, 48),
    executionSuccess: assumption(0, 1),
    missedEffectShare: assumption(-1, 1),
    stageGate: fc.option(stageGateArbitrary, { nil: undefined }),
  }),
}).map((input) => {
  // A gate must fall within the horizon; channels, when given, get a budget on their first channel.
  const gate = input.investment?.stageGate;
  const investment = { ...input.investment, ...(gate ? { stageGate: { ...gate, month: Math.min(gate.month, input.horizonMonths ?? 1) } } : {}) };
  const first = input.channels ? Object.keys(input.channels.offered ?? {})[0] : undefined;
  return first ? { ...input, investment: { ...investment, channels: { budget: { [first]: 20_000 }, setupCost: 5_000, halfEffectSpend: 10_000 } } } : { ...input, investment };
});

function everyNumber(value: unknown, visit: (x: number, path: string) => void, path = ''): void {
  if (typeof value === 'number') visit(value, path);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) everyNumber(v, visit, `${path}.${k}`);
}

describe('properties of any valid scenario', () => {
  it('simulates without NaN or Infinity anywhere in the result', () => {
    fc.assert(
      fc.property(validScenario, fc.integer(), (input, seed) => {
        const result = simulate(input, { runs: 4, seed, keepRuns: true });
        everyNumber({ series: result.series, horizon: result.horizon, runs: result.runs }, (x, path) => {
          if (!Number.isFinite(x)) throw new Error(`${path} is ${x}`);
        });
        // NPS is a score from −100 to 100 and its parts are shares, in every month and arm.
        for (const row of result.series)
          for (const arm of [row.nps.baseline, row.nps.invested]) {
            for (const key of ['p5', 'p95', 'mean'] as const) {
              expect(arm.score[key]).toBeGreaterThanOrEqual(-100 - 1e-4);
              expect(arm.score[key]).toBeLessThanOrEqual(100 + 1e-4);
              for (const share of [arm.promoters, arm.passives, arm.detractors]) {
                expect(share[key]).toBeGreaterThanOrEqual(-1e-6);
                expect(share[key]).toBeLessThanOrEqual(1 + 1e-6);
              }
            }
          }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps counts whole and non-negative, and conserves customers and prospects', () => {
    fc.assert(
      fc.property(validScenario, fc.integer(), (input, seed) => {
        const scenario = parseScenario(input);
        simulateRun(scenario, seed, 0, undefined, (_, ...arms) => {
          for (const o of arms) {
            for (const count of [o.bad, o.good, o.churned, o.acquired, o.deterred, o.customersEnd, o.prospectsEnd])
              expect(Number.isInteger(count) && count >= 0).toBe(true);
            expect(o.customersEnd).toBe(o.customersStart - o.churned + o.acquired);
            expect(o.acquired).toBeLessThanOrEqual(o.prospectsStart);
            expect(o.prospectsEnd).toBe(o.prospectsStart - o.acquired - o.deterred);
          }
        });
      }),
    );
  });

  it('is deterministic by seed', () => {
    fc.assert(
      fc.property(validScenario, fc.oneof(fc.integer(), fc.string()), (input, seed) => {
        expect(simulate(input, { runs: 3, seed })).toEqual(simulate(input, { runs: 3, seed }));
      }),
      { numRuns: 20 },
    );
  });

  it('gives run i the same result whatever the total number of runs', () => {
    fc.assert(
      fc.property(validScenario, fc.integer(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), (input, seed, few, more) => {
        const a = simulate(input, { runs: few, seed, keepRuns: true }).runs;
        const b = simulate(input, { runs: few + more, seed, keepRuns: true }).runs;
        expect(b?.slice(0, few)).toEqual(a);
      }),
      { numRuns: 20 },
    );
  });
});

/** Paths of probability fields, and a bad value for any of them. */
const probabilityPaths = [
  ['churn', 'switchAfterBad'],
  ['churn', 'base'],
  ['wordOfMouth', 'recommendAfterExcellent'],
  ['wordOfMouth', 'excellentShare'],
  ['wordOfMouth', 'speakAfterBad'],
  ['wordOfMouth', 'conversionPerTell'],
  ['investment', 'executionSuccess'],
] as const;
const countPaths = [
  ['customers', 'initial'],
  ['customers', 'prospects'],
] as const;
const badProbability = fc.oneof(
  fc.double({ min: 1.000001, max: 1e6, noNaN: true }),
  fc.double({ min: -1e6, max: -1e-9, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '0.5', null, true, [0.5]),
  fc.double({ min: 1.01, max: 5, noNaN: true }).map((max) => ({ dist: 'uniform', min: 0, max })),
);
const badCount = fc.oneof(
  fc.integer({ min: -1e9, max: -1 }),
  fc.double({ min: 0.1, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
  fc.constant(2e9),
);

describe('properties of invalid scenarios', () => {
  it('every bad field throws a ScenarioError that names it', () => {
    const invalid = fc.oneof(
      fc.tuple(fc.constantFrom(...probabilityPaths), badProbability),
      fc.tuple(fc.constantFrom(...countPaths), badCount),
    );
    fc.assert(
      fc.property(invalid, ([[group, field], value]) => {
        const input = { [group]: { [field]: value } };
        try {
          simulate(input as ScenarioInput, { runs: 1 });
        } catch (error) {
          expect(error).toBeInstanceOf(ScenarioError);
          const paths = (error as ScenarioError).issues.map((i) => i.path);
          expect(paths.some((p) => p === `${group}.${field}` || p.startsWith(`${group}.${field}.`))).toBe(true);
          return;
        }
        throw new Error(`accepted ${JSON.stringify(input)}`);
      }),
      { numRuns: 200 },
    );
  });

  it('unknown keys anywhere throw a ScenarioError naming the key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'churn', 'spend', 'wordOfMouth', 'investment', 'customers'),
        fc.string({ minLength: 1, maxLength: 12 }).filter((k) => /^[a-z]+$/i.test(k) && !['base', 'initial', 'upfront', 'monthly', 'prospects'].includes(k)),
        (group, key) => {
          const input = group === '' ? { [key]: 1 } : { [group]: { [key]: 1 } };
          const known = group === '' ? Object.keys(parseScenario({})) : Object.keys((parseScenario({}) as unknown as Record<string, object>)[group] ?? {});
          fc.pre(!known.includes(key));
          expect(() => simulate(input as ScenarioInput, { runs: 1 })).toThrow(ScenarioError);
          try {
            simulate(input as ScenarioInput, { runs: 1 });
          } catch (error) {
            expect((error as ScenarioError).issues.map((i) => i.path)).toContain(group === '' ? key : `${group}.${key}`);
          }
        },
      ),
    );
  });
});

describe('extreme but valid distributions', () => {
  it('either are rejected with a ScenarioError or simulate to finite numbers', () => {
    const extreme = fc.oneof(
      fc.record({ dist: fc.constant('beta'), alpha: fc.double({ min: 0.01, max: 1e6, noNaN: true }), beta: fc.double({ min: 0.01, max: 1e6, noNaN: true }) }),
      fc.record({ dist: fc.constant('normal'), mean: fc.double({ min: -1e3, max: 1e3, noNaN: true }), sd: fc.double({ min: 1e-12, max: 1e6, noNaN: true }) }),
      fc.record({ dist: fc.constant('lognormal'), mu: fc.double({ min: -50, max: 50, noNaN: true }), sigma: fc.double({ min: 1e-9, max: 20, noNaN: true }) }),
      fc.record({ dist: fc.constant('pert'), min: fc.constant(0), mode: fc.double({ min: 0, max: 1, noNaN: true }), max: fc.constant(1), lambda: fc.double({ min: 1e-6, max: 100, noNaN: true }) }),
    );
    const fields = ['churn.base', 'churn.switchAfterBad', 'spend.averagePerMonth', 'customers.initial', 'investment.rampMonths', 'discountRateAnnual'] as const;
    fc.assert(
      fc.property(extreme, fc.constantFrom(...fields), fc.integer(), (distribution, field, seed) => {
        const [group, name] = field.includes('.') ? field.split('.') : [field, undefined];
        const input = (name ? { horizonMonths: 4, [group as string]: { [name]: distribution } } : { horizonMonths: 4, [group as string]: distribution }) as ScenarioInput;
        let result;
        try {
          result = simulate(input, { runs: 3, seed, keepRuns: true });
        } catch (error) {
          expect(error).toBeInstanceOf(ScenarioError);
          return;
        }
        everyNumber({ series: result.series, horizon: result.horizon, runs: result.runs }, (x, path) => {
          if (!Number.isFinite(x)) throw new Error(`${path} is ${x} for ${JSON.stringify(input)}`);
        });
      }),
      { numRuns: 300 },
    );
  });
});
