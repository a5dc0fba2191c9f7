import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ScenarioInput, type SimulationResult, ScenarioError, impliedKpis, limits, simulate } from '../src/index.js';
import { statisticalCount } from './helpers/counts.js';

// The adversarial sweep, kept: generated scenarios with extreme but allowed
// values and distribution shapes. Every one must simulate to finite figures
// or be refused with a ScenarioError that names a field: never NaN,
// Infinity, a hang or another kind of error. 2,000 scenarios in `npm test`:
// every kind of value or distribution of every field comes up about 60 times or
// more (the rarest, one distribution kind in a mostly fixed field, is 1 in 32);
// the full 10,000 under `npm run test:stats`; CX_FUZZ_RUNS sets any count.
const scenarios = Number(process.env.CX_FUZZ_RUNS ?? statisticalCount(2_000, 10_000));

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const sorted = (min: number, max: number) =>
  fc.tuple(finite(min, max), finite(min, max), finite(min, max)).map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);
// Shapes from the smallest allowed (0.01) to the largest (10⁶), weighted to the extremes.
const shape = fc.oneof(fc.constantFrom(0.01, 0.0100001, 0.02, 0.5, 1, 1e6), finite(0.01, 1), finite(1, 1e6));

/** A value in [min, max], or a distribution over it of any kind, extreme shapes included. */
function assumption(min: number, max: number, integer = false) {
  const fixed = integer ? fc.integer({ min, max }) : fc.oneof(fc.constantFrom(min, max, Math.min(Number.MIN_VALUE, max)), finite(min, max));
  const span = max - min;
  return fc.oneof(
    { weight: 2, arbitrary: fixed },
    sorted(min, max).map(([a, , c]) => ({ dist: 'uniform' as const, min: a, max: c })),
    sorted(min, max).map(([a, b, c]) => ({ dist: 'triangular' as const, min: a, mode: b, max: c })),
    fc
      .tuple(sorted(min, max), fc.option(finite(1e-6, 100), { nil: undefined }))
      .map(([[a, b, c], lambda]) => ({ dist: 'pert' as const, min: a, mode: b, max: c, ...(lambda === undefined ? {} : { lambda }) })),
    fc.tuple(shape, shape, sorted(min, max)).map(([alpha, beta, [a, , c]]) => ({ dist: 'beta' as const, alpha, beta, min: a, max: c })),
    fc
      .tuple(finite(min - span, max + span), fc.oneof(finite(1e-9, 1e-3), finite(span / 1000 + 1e-12, 10 * span + 1e-9)))
      .map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd })),
    fc
      .tuple(finite(-50, Math.log(Math.max(max, 2)) + 5), finite(1e-6, 20))
      .map(([mu, sigma]) => ({ dist: 'lognormal' as const, mu, sigma })),
  );
}

/** The new parts of 0.4.0 are mostly fixed values, so that adding them does not turn the sweep into a test of refusals. */
const mostlyFixed = (min: number, max: number) =>
  fc.oneof({ weight: 3, arbitrary: fc.oneof(fc.constantFrom(min, max), finite(min, max)) }, { weight: 1, arbitrary: assumption(min, max) });

const extremeScenario: fc.Arbitrary<ScenarioInput> = fc
  .record(
    {
      horizonMonths: fc.integer({ min: 1, max: 24 }),
      discountRateAnnual: fc.oneof({ weight: 3, arbitrary: assumption(0.001, 1) }, { weight: 1, arbitrary: assumption(0, 1) }),
      // The raw model, the default business (undefined), or a held business of extreme figures.
      business: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.record(
            {
              customers: fc.oneof(fc.constantFrom(1, 1e9), fc.integer({ min: 1, max: 1e9 })),
              annualRetention: fc.oneof(fc.constantFrom(Number.MIN_VALUE, 1), finite(0, 1)).filter((x) => x > 0),
              averageRevenuePerCustomerMonthly: fc.oneof(fc.constantFrom(0, 1e12), finite(0, 1e12)),
              newCustomersMonthly: fc.oneof(fc.constantFrom(0, 1e9), finite(0, 1e9)),
              badExperienceShareMonthly: fc.oneof(fc.constantFrom(0, 0.999), finite(0, 0.999)),
              nps: fc.oneof(fc.constantFrom(-100, 100), finite(-100, 100)),
              startAtSteadyState: fc.boolean(),
            },
            { requiredKeys: ['customers', 'annualRetention', 'averageRevenuePerCustomerMonthly', 'newCustomersMonthly'] },
          ),
        },
      ),
      customers: fc.record({ initial: assumption(0, 1e9, true), prospects: assumption(0, 1e9, true) }, { requiredKeys: [] }),
      journey: fc.record({
        touchpointFailure: fc.oneof(
          assumption(0, 1),
          fc.array(assumption(0, 1), { minLength: 1, maxLength: 6 }),
          fc.dictionary(
            fc.constantFrom('web', 'order', 'delivery', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'),
            assumption(0, 1),
            { minKeys: 1, maxKeys: 5 },
          ),
        ),
      }),
      churn: fc.record({ switchAfterBad: assumption(0, 1), base: assumption(0, 1) }, { requiredKeys: [] }),
      spend: fc.record(
        { averagePerMonth: assumption(0, 1e12), goodMultiplier: assumption(0.01, 100), grossMargin: assumption(0, 1) },
        { requiredKeys: [] },
      ),
      wordOfMouth: fc.record(
        {
          excellentShare: assumption(0, 1),
          recommendAfterExcellent: assumption(0, 1),
          toldAfterExcellent: assumption(0, 1000),
          speakAfterBad: assumption(0, 1),
          toldAfterBad: assumption(0, 1000),
          conversionPerTell: assumption(0, 1),
          deterrencePerTell: assumption(0, 1),
          recommendAfterBad: mostlyFixed(0, 1),
          detractorAfterOrdinary: mostlyFixed(0, 1),
        },
        { requiredKeys: [] },
      ),
      // Channels: shares that add up to 1, extreme failures and penalties, names that shadow Object's.
      channels: fc.option(
        fc
          .array(
            fc.tuple(
              fc.constantFrom('phone', 'chat', 'constructor', 'toString', 'web', 'post'),
              mostlyFixed(0, 1),
              fc.boolean(),
              finite(1e-9, 1),
            ),
            { minLength: 1, maxLength: 6 },
          )
          .map((list) => {
            const unique = [...new Map(list.map((c) => [c[0], c])).values()];
            const total = unique.reduce((sum, c) => sum + c[3], 0);
            const offered = Object.fromEntries(
              unique.map(([name, failure, connected, w], i) => [
                name,
                {
                  failure,
                  connected,
                  share: i === unique.length - 1 ? 1 - unique.slice(0, -1).reduce((sum, c) => sum + c[3] / total, 0) : w / total,
                },
              ]),
            );
            return offered;
          })
          .chain((offered) =>
            fc.record({ contactRate: mostlyFixed(0, 1), siloPenalty: mostlyFixed(1, 100), offered: fc.constant(offered) }),
          ),
        { nil: undefined, freq: 2 },
      ),
      acquisition: fc.record({ organicMonthly: assumption(0, 1) }),
      valuation: fc.record({ terminalValue: fc.constantFrom('none' as const, 'customerLifetime' as const) }),
      investment: fc.record(
        {
          upfront: fc.oneof({ weight: 7, arbitrary: assumption(1, 1e12) }, { weight: 1, arbitrary: assumption(0, 1e12) }),
          monthly: assumption(0, 1e12),
          failureReduction: fc.oneof(
            assumption(-1, 1),
            fc.dictionary(fc.constantFrom('web', 'order', 'delivery', 'constructor'), mostlyFixed(-1, 1), { minKeys: 1, maxKeys: 3 }),
          ),
          delayMonths: mostlyFixed(0, 240),
          rampMonths: assumption(0, 240),
          executionSuccess: assumption(0, 1),
          missedEffectShare: assumption(-1, 1),
          excellentShareIncrease: assumption(0, 1),
          stageGate: fc.option(
            fc.record({
              month: fc.integer({ min: 1, max: 24 }),
              measure: fc.constantFrom('effect' as const, 'roi' as const),
              threshold: finite(-1, 1),
              afterStop: fc.constantFrom('fade' as const, 'hold' as const),
              fadeMonths: fc.integer({ min: 1, max: 240 }),
            }),
            { nil: undefined, freq: 2 },
          ),
          channels: fc.record({
            budget: fc.dictionary(fc.constantFrom('phone', 'chat', 'constructor', 'web'), mostlyFixed(0, 1e12), { minKeys: 1, maxKeys: 3 }),
            setupCost: mostlyFixed(0, 1e12),
            halfEffectSpend: mostlyFixed(1, 1e12),
          }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['business'] },
  )
  .map(consistent);

/**
 * Keeps most generated scenarios valid where the new parts refer to each
 * other (a gate within the horizon, budgets for offered channels, targets
 * that are touchpoints of the journey), so the sweep simulates more than it
 * refuses; one in eight is left as generated, to exercise the refusals.
 */
function consistent(input: ScenarioInput, index = 0): ScenarioInput {
  const text = JSON.stringify(input);
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  if (((hash ^ index) & 7) === 0) return input;
  const investment = { ...input.investment } as Record<string, unknown>;
  // A held business (the default's when none is given) solves these: giving them too is refused.
  if (input.business !== null) {
    const solved = { ...input } as Record<string, Record<string, unknown> | undefined>;
    for (const [section, field] of [
      ['customers', 'initial'],
      ['churn', 'base'],
      ['spend', 'averagePerMonth'],
      ['acquisition', 'organicMonthly'],
      ['wordOfMouth', 'excellentShare'],
    ] as const) {
      const at = solved[section];
      if (at && Object.hasOwn(at, field)) {
        const { [field]: _, ...rest } = at;
        solved[section] = rest;
      }
    }
    input = solved as ScenarioInput;
  }
  const horizon = input.horizonMonths ?? 60;
  const gate = investment.stageGate as { month: number } | undefined;
  if (gate) investment.stageGate = { ...gate, month: Math.min(gate.month, horizon) };
  const offered = input.channels?.offered ? Object.keys(input.channels.offered) : [];
  const channels = investment.channels as { budget: Record<string, unknown> } | undefined;
  if (channels) {
    if (offered.length === 0) delete investment.channels;
    else
      investment.channels = {
        ...channels,
        budget: Object.fromEntries(Object.values(channels.budget).map((x, i) => [offered[i % offered.length], x])),
      };
  }
  const journey = input.journey?.touchpointFailure;
  const names = journey && typeof journey === 'object' && !Array.isArray(journey) && !('dist' in journey) ? Object.keys(journey) : [];
  const cut = investment.failureReduction;
  if (cut && typeof cut === 'object' && !('dist' in cut)) {
    if (names.length === 0) investment.failureReduction = 0.3;
    else investment.failureReduction = Object.fromEntries(Object.values(cut).map((x, i) => [names[i % names.length], x]));
  }
  return { ...input, investment };
}

/** Every number in a result, with its path; `null` is allowed (a payback that never comes). */
function nonFinite(value: unknown, path = ''): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} = ${value}`;
  if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      const found = nonFinite(child, `${path}.${key}`);
      if (found) return found;
    }
  return undefined;
}

describe(`fuzz: ${scenarios.toLocaleString('en-US')} generated scenarios with extreme values and shapes`, () => {
  it('each simulates to finite figures or is refused with a ScenarioError naming a field', () => {
    let simulated = 0;
    let refused = 0;
    const reasons = new Map<string, number>();
    fc.assert(
      fc.property(extremeScenario, fc.oneof(fc.integer(), fc.string({ maxLength: 20 })), (input, seed) => {
        let result: SimulationResult;
        try {
          result = simulate(input, { runs: 3, seed, keepRuns: true });
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(ScenarioError);
          const issues = (error as ScenarioError).issues;
          expect(issues.length).toBeGreaterThan(0);
          expect(issues.every((issue) => typeof issue.path === 'string' && issue.message.length > 0)).toBe(true);
          refused += 1;
          if (process.env.CX_FUZZ_REASONS) reasons.set(issues[0]?.path ?? '', (reasons.get(issues[0]?.path ?? '') ?? 0) + 1);
          return;
        }
        expect(nonFinite(result)).toBeUndefined();
        expect(nonFinite(impliedKpis(input))).toBeUndefined();
        simulated += 1;
      }),
      { numRuns: scenarios },
    );
    // The sweep must simulate a good share, or it tests only the validation: with held businesses of extreme
    // figures (a third of the scenarios hold one, and many of those cannot be reconciled with the CX figures drawn
    // beside them) about 36% of the generated scenarios simulate (36.2% of 3,000 with CI's seed, 36.6% of 10,000).
    // The floor is 4 standard errors of that share below it, for the count and any seed (31.7% of 2,000).
    expect(simulated).toBeGreaterThan((0.36 - 4 * Math.sqrt((0.36 * 0.64) / scenarios)) * scenarios);
    expect(simulated + refused).toBe(scenarios);
    expect(limits.runs).toBeGreaterThan(0);
  });
});
