import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateRun } from '../src/model/run.js';
import { scenarioInputArbitrary } from 'cx-roi/testing';
import { type ScenarioInput, type SimulationResult, ScenarioError, parseScenario, simulate } from '../src/index.js';
import { propertyRuns } from './helpers/counts.js';

const sortedTriple = (min: number, max: number) =>
  fc
    .tuple(fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true }), fc.double({ min, max, noNaN: true }))
    .map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);

/** A number in [min, max] or a distribution over it. */
function assumption(min: number, max: number, integer = false) {
  const fixed = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(
    { weight: 3, arbitrary: fixed },
    sortedTriple(min, max).map(([a, , c]) => ({ dist: 'uniform' as const, min: a, max: c })),
    sortedTriple(min, max).map(([a, b, c]) => ({ dist: 'triangular' as const, min: a, mode: b, max: c })),
    sortedTriple(min, max).map(([a, b, c]) => ({ dist: 'pert' as const, min: a, mode: b, max: c })),
    fc
      .tuple(fc.double({ min: 0.2, max: 20, noNaN: true }), fc.double({ min: 0.2, max: 20, noNaN: true }))
      .map(([alpha, beta]) => ({ dist: 'beta' as const, alpha, beta, min, max })),
    fc
      .tuple(fc.double({ min, max, noNaN: true }), fc.double({ min: (max - min) / 100 + 1e-9, max: max - min + 1e-9, noNaN: true }))
      .map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd })),
  );
}

// Valid scenarios from the testing kit (derived from the schema, the optional sections included), with
// journeys of every form a user may write: one number, a list, or touchpoints by name.
const journeyArbitrary = fc.oneof(
  assumption(0, 1),
  fc.array(assumption(0, 0.5), { minLength: 1, maxLength: 5 }),
  fc.dictionary(fc.constantFrom('web', 'order', 'delivery', 'service'), assumption(0, 0.5), { minKeys: 1 }),
);
const validScenario: fc.Arbitrary<ScenarioInput> = fc
  .tuple(scenarioInputArbitrary({ sections: true, maxHorizonMonths: 36 }), fc.option(journeyArbitrary, { nil: undefined }))
  .map(([input, touchpointFailure]) => (touchpointFailure === undefined ? input : { ...input, journey: { touchpointFailure } }))
  .filter((input) => {
    try {
      parseScenario(input);
      return true;
    } catch {
      return false;
    }
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
      { numRuns: propertyRuns(60) },
    );
  });

  it('keeps counts whole and non-negative, and conserves customers and prospects', () => {
    fc.assert(
      fc.property(validScenario, fc.integer(), (input, seed) => {
        const scenario = parseScenario(input);
        let months = 0;
        simulateRun(scenario, seed, 0, undefined, (_, ...arms) => {
          months += 1;
          expect(arms.length).toBeGreaterThan(0);
          for (const o of arms) {
            for (const count of [o.bad, o.good, o.churned, o.acquired, o.deterred, o.customersEnd, o.prospectsEnd])
              expect(Number.isInteger(count) && count >= 0).toBe(true);
            expect(o.customersEnd).toBe(o.customersStart - o.churned + o.acquired);
            expect(o.acquired).toBeLessThanOrEqual(o.prospectsStart);
            expect(o.prospectsEnd).toBe(o.prospectsStart - o.acquired - o.deterred);
          }
        });
        // The checks above ran on every month, not on none.
        expect(months).toBe(scenario.horizonMonths);
      }),
    );
  });

  it('is deterministic by seed', () => {
    fc.assert(
      fc.property(validScenario, fc.oneof(fc.integer(), fc.string()), (input, seed) => {
        expect(simulate(input, { runs: 3, seed })).toEqual(simulate(input, { runs: 3, seed }));
      }),
      { numRuns: propertyRuns(20) },
    );
  });

  it('gives run i the same result whatever the total number of runs', () => {
    fc.assert(
      fc.property(validScenario, fc.integer(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), (input, seed, few, more) => {
        const a = simulate(input, { runs: few, seed, keepRuns: true }).runs;
        const b = simulate(input, { runs: few + more, seed, keepRuns: true }).runs;
        expect(b?.slice(0, few)).toEqual(a);
      }),
      { numRuns: propertyRuns(20) },
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
      { numRuns: propertyRuns(200) },
    );
  });

  it('unknown keys anywhere throw a ScenarioError naming the key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'churn', 'spend', 'wordOfMouth', 'investment', 'customers'),
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((k) => /^[a-z]+$/i.test(k) && !['base', 'initial', 'upfront', 'monthly', 'prospects'].includes(k)),
        (group, key) => {
          const input = group === '' ? { [key]: 1 } : { [group]: { [key]: 1 } };
          const known =
            group === ''
              ? Object.keys(parseScenario({}))
              : Object.keys((parseScenario({}) as unknown as Record<string, object>)[group] ?? {});
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
      fc.record({
        dist: fc.constant('beta'),
        alpha: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        beta: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
      }),
      fc.record({
        dist: fc.constant('normal'),
        mean: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        sd: fc.double({ min: 1e-12, max: 1e6, noNaN: true }),
      }),
      fc.record({
        dist: fc.constant('lognormal'),
        mu: fc.double({ min: -50, max: 50, noNaN: true }),
        sigma: fc.double({ min: 1e-9, max: 20, noNaN: true }),
      }),
      fc.record({
        dist: fc.constant('pert'),
        min: fc.constant(0),
        mode: fc.double({ min: 0, max: 1, noNaN: true }),
        max: fc.constant(1),
        lambda: fc.double({ min: 1e-6, max: 100, noNaN: true }),
      }),
    );
    const fields = [
      'churn.base',
      'churn.switchAfterBad',
      'spend.averagePerMonth',
      'customers.initial',
      'investment.rampMonths',
      'discountRateAnnual',
    ] as const;
    fc.assert(
      fc.property(extreme, fc.constantFrom(...fields), fc.integer(), (distribution, field, seed) => {
        const [group, name] = field.includes('.') ? field.split('.') : [field, undefined];
        const input = (
          name ? { horizonMonths: 4, [group as string]: { [name]: distribution } } : { horizonMonths: 4, [group as string]: distribution }
        ) as ScenarioInput;
        let result: SimulationResult;
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
      { numRuns: propertyRuns(300) },
    );
  });
});
