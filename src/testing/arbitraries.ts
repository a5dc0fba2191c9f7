import fc from 'fast-check';
import { isWholeIn } from '../format/numbers.js';
import * as z from 'zod';
import {
  type Distribution,
  type Domain,
  type ObservedBusiness,
  type ScenarioInput,
  calibrate,
  derivedPaths,
  fieldRegistry,
  maturityQuestionIds,
  parseScenario,
  scenarioSchema,
} from 'cx-roi';
import { checkDomain, checkKitOptions, flag } from './kit-checks.js';

/** Options of {@link scenarioInputArbitrary}. */
export interface ScenarioArbitraryOptions {
  /**
   * Longest horizon generated: a run's cost grows with it. An input without `horizonMonths` has the
   * default scenario's 60 months, so below 60 every input gets one.
   * @defaultValue 60
   */
  readonly maxHorizonMonths?: number | undefined;
  /**
   * Largest amount of money and count of people generated (the schema allows 10¹² and 10⁹, which simulate
   * as fast but make every figure astronomical).
   * @defaultValue 10_000_000
   */
  readonly maxAmount?: number | undefined;
  /**
   * Whether to generate distributions as well as numbers.
   * @defaultValue true
   */
  readonly distributions?: boolean | undefined;
  /**
   * Whether to generate the optional sections too: contact channels with a channel budget, a stage
   * gate, and maturity answers (in place of the execution chance).
   * @defaultValue false
   */
  readonly sections?: boolean | undefined;
}

/** The options but sections, with their defaults filled in (Required<T> would keep their `| undefined`). */
type Settings = { readonly [K in Exclude<keyof ScenarioArbitraryOptions, 'sections'>]-?: Exclude<ScenarioArbitraryOptions[K], undefined> };

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const ordered = (min: number, max: number) =>
  fc.tuple(finite(min, max), finite(min, max), finite(min, max)).map((xs) => xs.sort((a, b) => a - b) as [number, number, number]);

/**
 * Distributions over a field's range: uniform, triangular, PERT and beta
 * inside it, normal and lognormal centred inside it (cx-roi truncates them;
 * lognormal only where the range reaches above 0.002, since all its mass is
 * above 0). Shapes stay moderate, so that every one keeps enough of its mass inside.
 * @param domain - The field's range, e.g. `domains.probability`: finite `min` ≤ `max`.
 * @throws RangeError naming the part of `domain` that is not a range (not finite, `min` above `max`).
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { domains, parseScenario } from 'cx-roi';
 * import { distributionArbitrary } from 'cx-roi/testing';
 * const probabilities = distributionArbitrary(domains.probability);
 * // Every one is a distribution cx-roi takes for a probability (here the base churn, with no business held).
 * const parses = fc.property(probabilities, (d) => void parseScenario({ business: null, churn: { base: d } }));
 * fc.check(parses, { seed: 1, numRuns: 200 }).failed; // => false
 * // All six shapes.
 * const shapes = new Set(fc.sample(probabilities, { seed: 1, numRuns: 200 }).map((d) => d.dist));
 * [...shapes].sort(); // => ['beta', 'lognormal', 'normal', 'pert', 'triangular', 'uniform']
 * distributionArbitrary({ ...domains.probability, min: 1, max: 0 }); // throws RangeError: domain.min must be at most domain.max
 * ```
 */
export function distributionArbitrary(domain: Domain): fc.Arbitrary<Distribution> {
  checkDomain(domain, 'distributionArbitrary');
  return distributions(domain);
}

function distributions(domain: Domain): fc.Arbitrary<Distribution> {
  const { min, max } = domain;
  const span = max - min;
  const mu = { min: Math.log(Math.max(min, 1e-3) + 1e-3), max: Math.log(Math.max(max, 1e-3)) };
  return fc.oneof(
    ordered(min, max).map(([a, , c]): Distribution => ({ dist: 'uniform', min: a, max: c })),
    ordered(min, max).map(([a, b, c]): Distribution => ({ dist: 'triangular', min: a, mode: b, max: c })),
    ordered(min, max).map(([a, b, c]): Distribution => ({ dist: 'pert', min: a, mode: b, max: c })),
    fc
      .tuple(finite(0.5, 20), finite(0.5, 20), ordered(min, max))
      .map(([alpha, beta, [a, , c]]): Distribution => ({ dist: 'beta', alpha, beta, min: a, max: c })),
    fc.tuple(finite(min, max), finite(span / 100 + 1e-9, span + 1e-9)).map(([mean, sd]): Distribution => ({ dist: 'normal', mean, sd })),
    ...(mu.min <= mu.max
      ? [fc.tuple(finite(mu.min, mu.max), finite(0.05, 1)).map(([m, sigma]): Distribution => ({ dist: 'lognormal', mu: m, sigma }))]
      : []),
  );
}

/**
 * A number in a field's range (whole for whole-number fields), or, unless `distributions` is false, a distribution over it.
 * @param domain - The field's range, e.g. `domains.money`: finite `min` ≤ `max`, with a whole number in it when `integer`.
 * @param options - `distributions`: whether to generate distributions as well as numbers (default true).
 * @throws RangeError naming the part of `domain` that is not a range.
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { domains } from 'cx-roi';
 * import { assumptionArbitrary } from 'cx-roi/testing';
 * const counts = fc.sample(assumptionArbitrary(domains.people, { distributions: false }), { seed: 1, numRuns: 100 });
 * counts.every((n) => typeof n === 'number' && Number.isInteger(n)); // => true
 * const either = fc.sample(assumptionArbitrary(domains.probability), { seed: 1, numRuns: 400 });
 * // About a quarter distributions, the rest numbers.
 * either.filter((value) => typeof value === 'object').length; // => 111
 * ```
 */
export function assumptionArbitrary(
  domain: Domain,
  options: { readonly distributions?: boolean } = {},
): fc.Arbitrary<number | Distribution> {
  checkDomain(domain, 'assumptionArbitrary');
  checkKitOptions('assumptionArbitrary', options, { distributions: flag });
  const fixed = domain.integer
    ? fc.integer({ min: Math.ceil(domain.min), max: Math.floor(domain.max) })
    : fc.oneof(fc.constantFrom(domain.min, domain.max), finite(domain.min, domain.max));
  return options.distributions === false
    ? fixed
    : fc.oneof({ weight: 3, arbitrary: fixed }, { weight: 1, arbitrary: distributions(domain) });
}

function capped(domain: Domain, maxAmount: number, maxMonths: number): Domain {
  const cap = domain.label.includes('months') ? maxMonths : domain.max >= 1e6 ? maxAmount : domain.max;
  return { ...domain, max: Math.max(domain.min + (domain.integer ? 1 : 0), Math.min(domain.max, cap)) };
}

/** The schema inside an optional field or one with a default. */
function inner(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s._zod.def.innerType;
  return s;
}

/** Sections with rules across fields that a walk of the schema cannot see: generated by their own arbitraries. */
const ownArbitrary = new Set(['channels', 'investment.channels', 'investment.stageGate', 'investment.maturity']);

/** An arbitrary for one schema node, walking objects and taking every registered field from its metadata. */
function derive(schema: z.core.$ZodType, path: string, options: Settings): fc.Arbitrary<unknown> | null {
  const node = inner(schema);
  const meta = fieldRegistry.get(node as z.ZodType);
  if (meta) {
    if (node instanceof z.ZodEnum) return fc.constantFrom(...(node.options as string[]));
    const domain = capped(meta.domain, options.maxAmount, options.maxHorizonMonths);
    return meta.uncertain
      ? assumptionArbitrary(domain, { distributions: options.distributions })
      : domain.integer
        ? fc.integer({ min: domain.min, max: domain.max })
        : finite(domain.min, domain.max);
  }
  if (node instanceof z.ZodEnum) return fc.constantFrom(...(node.options as string[]));
  if (node instanceof z.ZodBoolean) return fc.boolean();
  if (node instanceof z.ZodObject) {
    const entries = Object.entries(node.shape as Record<string, z.core.$ZodType>).flatMap(([key, child]) => {
      const at = path ? `${path}.${key}` : key;
      if (ownArbitrary.has(at)) return [];
      const arbitrary = derive(child, at, options);
      return arbitrary ? [[key, arbitrary] as const] : [];
    });
    return fc.record(Object.fromEntries(entries), { requiredKeys: [] });
  }
  return null;
}

const channelNames = ['phone', 'chat', 'email', 'shop', 'app', 'social'] as const;

/** Contact channels whose shares add up to 1, and a channel budget on some of them. */
function channelsArbitrary(options: Settings) {
  return fc.uniqueArray(fc.constantFrom(...channelNames), { minLength: 1, maxLength: channelNames.length }).chain((names) =>
    fc
      .record({
        weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: names.length, maxLength: names.length }),
        failures: fc.array(
          assumptionArbitrary({ min: 0, max: 0.2, integer: false, label: 'a probability' }, { distributions: options.distributions }),
          { minLength: names.length, maxLength: names.length },
        ),
        connected: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
        contactRate: assumptionArbitrary(
          { min: 0, max: 1, integer: false, label: 'a probability' },
          { distributions: options.distributions },
        ),
        siloPenalty: assumptionArbitrary(
          { min: 1, max: 3, integer: false, label: 'a multiplier' },
          { distributions: options.distributions },
        ),
        budget: fc
          .subarray([...names])
          .chain((funded) => fc.tuple(...funded.map((name) => fc.tuple(fc.constant(name), fc.integer({ min: 0, max: 200_000 }))))),
        setupCost: fc.integer({ min: 0, max: 50_000 }),
        halfEffectSpend: fc.integer({ min: 1, max: 100_000 }),
      })
      .map(({ weights, failures, connected, contactRate, siloPenalty, budget, setupCost, halfEffectSpend }) => {
        // Shares in sixtieths: they add up to 1 exactly in binary only when the denominator allows, so the last takes the rest.
        const total = weights.reduce((a, b) => a + b, 0);
        const shares = weights.map((w) => w / total);
        shares[shares.length - 1] = 1 - shares.slice(0, -1).reduce((a, b) => a + b, 0);
        const offered = Object.fromEntries(
          names.map((name, i) => [
            name,
            { share: shares[i] as number, failure: failures[i] as number | Distribution, connected: connected[i] as boolean },
          ]),
        );
        return {
          channels: { contactRate, siloPenalty, offered },
          investmentChannels: { budget: Object.fromEntries(budget), setupCost, halfEffectSpend },
        };
      }),
  );
}

const stageGateArbitrary = (maxMonths: number) =>
  fc.constantFrom('effect' as const, 'nps' as const, 'roi' as const).chain((measure) =>
    fc.record({
      month: fc.integer({ min: 1, max: maxMonths }),
      measure: fc.constant(measure),
      threshold: measure === 'nps' ? finite(-20, 20) : measure === 'effect' ? finite(-1, 1) : finite(-1, 2),
      afterStop: fc.constantFrom('fade' as const, 'hold' as const),
      fadeMonths: fc.integer({ min: 1, max: 24 }),
    }),
  );

const maturityArbitrary = fc.record(
  Object.fromEntries(maturityQuestionIds.map((id) => [id, fc.constantFrom('yes' as const, 'partly' as const, 'no' as const)])),
);

/** Whether an input gives a field that a held business solves (see `derivedPaths`, and the excellent share with an NPS). */
function setsSolvedField(input: ScenarioInput): boolean {
  return [...derivedPaths, 'wordOfMouth.excellentShare'].some((path) => {
    const [section, field] = path.split('.') as [string, string];
    const at = (input as Record<string, unknown>)[section];
    return at !== null && typeof at === 'object' && Object.hasOwn(at, field);
  });
}

function isValid(input: ScenarioInput): boolean {
  try {
    parseScenario(input);
    return true;
  } catch {
    return false;
  }
}

/**
 * Valid partial scenario inputs, derived from the scenario's zod schema:
 * every section an optional record, every field a number in its range or
 * a distribution over it (from the field's own metadata), so that new
 * fields are generated as soon as the schema has them. Rules across fields
 * (the programme costs at least 1, outcome thresholds in order) are kept by
 * dropping the few inputs `parseScenario` refuses; the optional sections,
 * whose rules are many, have arbitraries of their own (`sections: true`).
 * Shrinks towards fewer fields and plainer values.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { simulate } from 'cx-roi';
 * import { scenarioInputArbitrary } from 'cx-roi/testing';
 * const shareInRange = fc.property(scenarioInputArbitrary({ maxHorizonMonths: 24 }), (input) => {
 *   const { horizon } = simulate(input, { runs: 20 });
 *   return horizon.probabilityPositiveRoi >= 0 && horizon.probabilityPositiveRoi <= 1;
 * });
 * fc.check(shareInRange, { seed: 1, numRuns: 30 }).failed; // => false
 * // In a test, fc.assert(shareInRange) throws with the smallest input that breaks it.
 * scenarioInputArbitrary({ maxHorizonMonths: 0 }); // throws RangeError: maxHorizonMonths must be a whole number from 1 to 240
 * ```
 */
export function scenarioInputArbitrary(options: ScenarioArbitraryOptions = {}): fc.Arbitrary<ScenarioInput> {
  checkKitOptions('scenarioInputArbitrary', options, {
    maxHorizonMonths: { ok: (v) => isWholeIn(v, 1, 240), rule: 'must be a whole number from 1 to 240', range: true },
    maxAmount: {
      ok: (v) => typeof v === 'number' && v >= 1 && Number.isFinite(v),
      rule: 'must be a finite number of at least 1',
      range: true,
    },
    distributions: flag,
    sections: flag,
  });
  const settings = {
    maxHorizonMonths: options.maxHorizonMonths ?? 60,
    maxAmount: options.maxAmount ?? 1e7,
    distributions: options.distributions ?? true,
  };
  // An input that sets a field a held business solves is one for the raw model (business: null); the
  // rest hold the default business, so both kinds are generated.
  const derived = (derive(scenarioSchema, '', settings) as fc.Arbitrary<ScenarioInput>).map((input) =>
    setsSolvedField(input) ? { business: null, ...input } : input,
  );
  // Below the default horizon, every input names its own.
  const core =
    settings.maxHorizonMonths >= 60
      ? derived
      : fc
          .tuple(derived, fc.integer({ min: 1, max: settings.maxHorizonMonths }))
          .map(([input, months]) => ({ horizonMonths: months, ...input }));
  if (!options.sections) return core.filter(isValid);
  return fc
    .tuple(
      core,
      fc.option(channelsArbitrary(settings), { nil: undefined }),
      fc.option(stageGateArbitrary(settings.maxHorizonMonths), { nil: undefined }),
      fc.option(maturityArbitrary, { nil: undefined }),
    )
    .map(([input, channels, stageGate, maturity]) => {
      const investment: Record<string, unknown> = { ...(input.investment ?? {}) };
      if (channels) investment.channels = channels.investmentChannels;
      if (stageGate) investment.stageGate = stageGate;
      if (maturity) {
        // Answers set the execution chance: the two are not given together.
        delete investment.executionSuccess;
        investment.maturity = maturity;
      }
      // A gate within the horizon.
      const horizon = input.horizonMonths ?? 60;
      if (stageGate && stageGate.month > horizon) investment.stageGate = { ...stageGate, month: horizon };
      return { ...input, ...(channels ? { channels: channels.channels } : {}), investment } as ScenarioInput;
    })
    .filter(isValid);
}

/**
 * What a company observes of its business, as `calibrate` takes it: sizes
 * from a shop to a utility, retention from 60% to 98% a year, and, half of
 * the time each, a bad-experience rate and an NPS. Only sets that
 * `calibrate` can fit are kept (it refuses, by name, churn lower than the
 * bad-experience rate allows).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { calibrate } from 'cx-roi';
 * import { observedBusinessArbitrary } from 'cx-roi/testing';
 * // Whatever the business, the calibrated scenario keeps its size.
 * const keepsSize = fc.property(observedBusinessArbitrary(), (observed) => calibrate(observed).customers.initial === observed.customers);
 * fc.check(keepsSize, { seed: 1, numRuns: 20 }).failed; // => false
 * ```
 */
export function observedBusinessArbitrary(): fc.Arbitrary<ObservedBusiness> {
  return fc
    .record({
      customers: fc.integer({ min: 100, max: 1_000_000 }),
      annualRetention: finite(0.6, 0.98),
      averageRevenuePerCustomerMonthly: finite(5, 500),
      newCustomersShare: finite(0, 0.05),
      badExperienceShareMonthly: fc.option(finite(0.001, 0.05), { nil: undefined }),
      nps: fc.option(fc.integer({ min: -40, max: 70 }), { nil: undefined }),
    })
    .map(({ newCustomersShare, customers, badExperienceShareMonthly, nps, ...rest }) => ({
      ...rest,
      customers,
      newCustomersMonthly: Math.round(customers * newCustomersShare),
      ...(badExperienceShareMonthly === undefined ? {} : { badExperienceShareMonthly }),
      ...(nps === undefined ? {} : { nps }),
    }))
    .filter((observed) => {
      try {
        calibrate(observed);
        return true;
      } catch {
        return false;
      }
    });
}
