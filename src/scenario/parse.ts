import * as z from 'zod';
import { percent } from '../format/numbers.js';
import { deepFreeze, defaultScenario } from './defaults.js';
import { ScenarioError, type ScenarioIssue, fromZodIssues, valueAt } from './error.js';
import { type Assumption, distributionWords } from './distribution.js';
import type { Domain } from './domain.js';
import { childrenAt, scenarioFields, unwrapped } from './schema-walk.js';
import { rememberAssumptionFields } from './assumptions.js';
import { type BusinessConflict, businessMonthlyChurn, holdBusiness, journeyScale } from './held-business.js';
import { alternatives } from './sources.js';
import { drawnParameters } from './parameters.js';
import { centralValue } from './assumption-values.js';
import { derivedFrom, derivedPathsOf } from './business.js';
import { executionSuccessFromMaturity, maturityAnswersSchema } from './maturity.js';
import { shapeIssues } from './guard.js';
import { type Scenario, type ScenarioInput, scenarioSchema } from './schema.js';

/**
 * Validates a scenario, filling every field left out from `defaultScenario`.
 * The input is never changed; the result is a new, frozen object.
 *
 * @param input - A partial scenario (plain data, e.g. parsed JSON). Objects
 *   merge field by field; numbers, arrays and distributions replace the
 *   default whole. Touchpoints given by name merge name by name
 *   (`{ journey: { touchpointFailure: { delivery: 0.03 } } }` changes only
 *   delivery, `{ discover: null }` removes discover); a list or a single
 *   number replaces the whole journey. A complete scenario (every top-level
 *   section given, as this function, `calibrate` and the playground's export
 *   return) is read as it is: its touchpoints replace the default journey.
 * @returns The complete scenario.
 * @throws {@link ScenarioError} listing every bad field: its dotted path, the
 *   value given and what is allowed (unknown keys are named, with the nearest
 *   allowed one).
 * @example
 * ```ts
 * import { parseScenario } from 'cx-roi';
 * const scenario = parseScenario({ horizonMonths: 36 });
 * scenario.horizonMonths; // => 36
 * // The rest from the default:
 * scenario.churn.switchAfterBad; // => 0.86
 * parseScenario({ churn: { switchAfterBad: 2 } }); // throws ScenarioError: churn.switchAfterBad: must be a probability from 0 to 1 (got 2)
 * // A figure the default business solves is set once the scenario lets go of the business:
 * parseScenario({ churn: { base: 0.02 } }); // throws ScenarioError: churn.base: is solved from business.annualRetention
 * parseScenario({ business: null, churn: { base: 0.02 } }).churn.base; // => 0.02
 * ```
 */
export function parseScenario(input: ScenarioInput | unknown = {}): Scenario {
  let given = input;
  if (given === null || typeof given !== 'object' || Array.isArray(given))
    throw new ScenarioError([
      { path: '', value: given, message: 'a scenario must be an object of fields, e.g. { "churn": { "base": 0.01 } }' },
    ]);
  // A scenario file may name its JSON Schema (cx-roi/scenario.schema.json) for editors; it is not a field.
  if (Object.hasOwn(given, '$schema')) {
    const { $schema, ...rest } = given as Record<string, unknown>;
    if (typeof $schema !== 'string' || $schema.length > 2000)
      throw new ScenarioError([
        {
          path: '$schema',
          value: typeof $schema === 'string' ? undefined : $schema,
          message:
            'must be the path or address of a JSON Schema (at most 2,000 characters), e.g. "./node_modules/cx-roi/scenario.schema.json"',
        },
      ]);
    given = rest;
  }
  return parseObject(given as object);
}

function parseObject(input: object): Scenario {
  const shape = shapeIssues(input);
  if (shape.length > 0) throw new ScenarioError(shape);
  const renamed = [...renamedFieldIssues(input), ...reservedTouchpointIssues(input)];
  if (renamed.length > 0) throw new ScenarioError(renamed);
  // A complete scenario (what parseScenario, calibrate and the playground's export give) is read as
  // it is: its touchpoints replace the default journey, so one it removed stays removed. One without
  // a business (as 0.5 and earlier wrote them) sets every parameter itself: it holds none.
  const complete = Object.keys(defaultScenario).every((key) => key === 'business' || Object.hasOwn(input, key));
  const given = complete && !Object.hasOwn(input, 'business') ? asEarlierVersionsRead(input) : input;
  const merged = withMaturity(mergeOver(defaultScenario, given, [], complete), given);
  const result = scenarioSchema.safeParse(merged);
  if (!result.success) throw new ScenarioError(fromZodIssues(result.error.issues, merged, (path) => allowedKeys(merged, path)));
  const fields = (scenario: Scenario) =>
    scenarioFields(scenario)
      .filter((field) => field.meta.uncertain)
      .map(({ path, value, meta }) => ({ path, value, domain: meta.domain }));
  // A complete scenario carries the values a previous reading solved: they are solved again, not clashes.
  const scenario = deepFreeze(
    result.data.business ? withHeldBusiness(result.data, complete ? {} : given, fields(result.data)) : result.data,
  );
  // The assumptions a run draws, found once here while the schema is at hand (settings such as the horizon are not).
  rememberAssumptionFields(scenario, fields(scenario));
  return scenario;
}

/**
 * A complete scenario without a business, as 0.5 and earlier wrote them,
 * read as they read it: it holds no business (it sets every parameter
 * itself) and, unless it says otherwise, a promoter tells toldAfterExcellent
 * people every excellent month.
 */
function asEarlierVersionsRead(input: object): object {
  const wordOfMouth = (input as { wordOfMouth?: unknown }).wordOfMouth;
  const withPeriod =
    wordOfMouth !== null &&
    typeof wordOfMouth === 'object' &&
    !Array.isArray(wordOfMouth) &&
    !Object.hasOwn(wordOfMouth, 'tellingPeriodMonths')
      ? { wordOfMouth: { ...wordOfMouth, tellingPeriodMonths: 1 } }
      : {};
  return { ...input, ...withPeriod, business: null };
}

/**
 * A scenario that holds its business, with the solved parameters written in
 * at the assumptions' central values (each run solves them again from its
 * own draws). Figures the business cannot be reconciled with, and solved
 * fields a partial input gives other values, are errors; a complete
 * scenario's solved values (what an earlier reading wrote) are solved anew.
 */
function withHeldBusiness(
  scenario: Scenario,
  input: object,
  assumptions: readonly { path: string; value: Assumption; domain: Domain }[],
): Scenario {
  const business = scenario.business as NonNullable<Scenario['business']>;
  const central: Record<string, number> = {};
  for (const { path, value, domain } of assumptions) central[path] = centralValue(value, domain);
  const conflicts: BusinessConflict[] = [];
  const drawn = drawnParameters(scenario, central);
  const p = holdBusiness(drawn, business, (c) => conflicts.push(c));
  if (conflicts.length > 0)
    throw new ScenarioError(
      conflicts.map((c) => ({
        ...c,
        message: `${c.message}${c.message.includes('lower than bad experiences alone cause') ? lowerSwitchingHint(p.pBad, drawn.switchAfterBad, businessMonthlyChurn(business), business.badExperienceShareMonthly === undefined) : ''}${heldBusinessNote}`,
      })),
    );
  const solved: Record<string, number> = {
    'customers.initial': p.initialCustomers,
    'churn.base': p.baseChurn,
    'spend.averagePerMonth': business.averageRevenuePerCustomerMonthly,
    'acquisition.organicMonthly': p.organicMonthly,
    'wordOfMouth.excellentShare': p.excellentShare,
  };
  const clashes = derivedPathsOf(business).flatMap((path) => {
    const value = valueAt(input, path.split('.'));
    const want = solved[path] as number;
    if (value === undefined || (typeof value === 'number' && Math.abs(value - want) <= 1e-9 * Math.max(1, Math.abs(want)))) return [];
    return [
      {
        path,
        value,
        message: `is solved from ${derivedFrom[path]} while the scenario holds a business (here ${String(want)}): leave it out to keep the business, or give business: null to set it yourself`,
      },
    ];
  });
  if (clashes.length > 0) throw new ScenarioError(clashes);
  const out = structuredClone(scenario) as Scenario & { [key: string]: unknown };
  const set = (path: string, value: unknown) => {
    const keys = path.split('.');
    let at = out as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[keys[keys.length - 1] as string] = value;
  };
  for (const path of derivedPathsOf(business)) set(path, solved[path]);
  const journey = assumptions.filter((f) => f.path === 'journey.touchpointFailure' || f.path.startsWith('journey.touchpointFailure.'));
  // The touchpoints keep their shape, scaled together to the observed rate. Only a journey of fixed values is written
  // scaled: one with a distribution stays as given (each run scales its draws), since scaling the fixed ones by the
  // means' factor would shrink them again at every reading.
  if (business.badExperienceShareMonthly !== undefined && journey.every((f) => typeof f.value === 'number')) {
    const k = journeyScale(
      journey.map((f) => central[f.path] as number),
      p.touchpointPBad,
    );
    const scaled = (value: Assumption): Assumption => {
      if (typeof value !== 'number') return value;
      return k === null ? 1 - (1 - p.touchpointPBad) ** (1 / journey.length) : k === 1 ? value : Math.min(1, k * value);
    };
    const given = scenario.journey.touchpointFailure;
    set(
      'journey.touchpointFailure',
      Array.isArray(given)
        ? given.map((value) => scaled(value))
        : typeof given === 'number' || 'dist' in given
          ? scaled(given as Assumption)
          : Object.fromEntries(Object.entries(given).map(([name, value]) => [name, scaled(value as Assumption)])),
    );
  }
  return out;
}

/**
 * Answers to the maturity questions set `investment.executionSuccess` when
 * the input does not give it (if it gives both, the schema says so).
 */
function withMaturity(merged: unknown, input: object): unknown {
  const answers = maturityAnswersSchema.safeParse(valueAt(merged, ['investment', 'maturity']));
  if (!answers.success || valueAt(input, ['investment', 'executionSuccess']) !== undefined) return merged;
  const scenario = merged as { investment: Record<string, unknown> };
  return { ...scenario, investment: { ...scenario.investment, executionSuccess: executionSuccessFromMaturity(answers.data) } };
}

/** Fields that 0.3.0 renamed or replaced: a scenario of 0.2 gets told what to write instead. */
const renamedFields: Readonly<Record<string, string>> = {
  'spend.perMonthBad':
    'was replaced in 0.3.0 by spend.averagePerMonth: give the average revenue per customer per month as your company knows it (the 2.4 : 1 ratio then splits it into good and bad months)',
  'wordOfMouth.recommendAfterGood':
    'was renamed in 0.3.0 to wordOfMouth.recommendAfterExcellent: word of mouth now comes from excellent experiences (wordOfMouth.excellentShare of good journeys)',
  'wordOfMouth.toldAfterGood': 'was renamed in 0.3.0 to wordOfMouth.toldAfterExcellent',
};

function renamedFieldIssues(input: object): ScenarioIssue[] {
  return Object.entries(renamedFields).flatMap(([path, message]) => {
    const value = valueAt(input, path.split('.'));
    return value === undefined ? [] : [{ path, value, message }];
  });
}

/** The touchpoints merge name by name when both sides are records of named touchpoints. */
const touchpointsPath = 'journey.touchpointFailure';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A new object: `over` merged onto `base`; neither is changed. */
function mergeOver(base: unknown, over: unknown, path: readonly string[], complete: boolean): unknown {
  if (over === undefined) return base;
  // Numbers, lists and distributions replace the default whole; so does a record of touchpoints
  // over a default that is a single number or a list.
  if (!isPlainObject(base) || !isPlainObject(over) || 'dist' in base || 'dist' in over) return over;
  if (path.join('.') === 'business') {
    // A whole business (every figure it needs: customers, a churn figure, revenue, new customers) replaces
    // the default's, so it holds none of the default's optional figures. A part of one merges figure by
    // figure: one churn figure replaces the other, and null removes an optional one.
    const whole =
      complete ||
      (['customers', 'averageRevenuePerCustomerMonthly', 'newCustomersMonthly'].every((key) => Object.hasOwn(over, key)) &&
        (Object.hasOwn(over, 'annualRetention') || Object.hasOwn(over, 'monthlyChurn')));
    const merged: Record<string, unknown> = whole ? {} : { ...base };
    if (Object.hasOwn(over, 'monthlyChurn')) delete merged.annualRetention;
    if (Object.hasOwn(over, 'annualRetention')) delete merged.monthlyChurn;
    for (const [name, value] of Object.entries(over)) {
      if (value === null) delete merged[name];
      else merged[name] = value;
    }
    return merged;
  }
  if (path.join('.') === touchpointsPath) {
    if (complete) return over;
    const merged: Record<string, unknown> = { ...base };
    for (const [name, value] of Object.entries(over)) {
      // null removes a default touchpoint: the only way to drop one while merging name by name.
      if (value === null) delete merged[name];
      else merged[name] = value;
    }
    return merged;
  }
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over))
    out[key] = mergeOver(Object.hasOwn(base, key) ? base[key] : undefined, value, [...path, key], complete);
  return out;
}

function reservedTouchpointIssues(input: object): ScenarioIssue[] {
  const given = valueAt(input, ['journey', 'touchpointFailure']);
  // A record with a text `dist` is a distribution over the whole journey; anything else is a record of names.
  if (!isPlainObject(given) || typeof given.dist === 'string') return [];
  return Object.keys(given)
    .filter((name) => distributionWords.has(name))
    .map((name) => ({
      path: `${touchpointsPath}.${name}`,
      value: given[name],
      message: `a touchpoint cannot be named "${name}": ${[...distributionWords].join(', ')} are the words of a distribution`,
    }));
}

/** The field names the schema allows at `path` (a distribution's, given its `dist`), for "did you mean" hints. */
function allowedKeys(input: unknown, path: readonly PropertyKey[]): string[] {
  let candidates: z.core.$ZodType[] = [scenarioSchema];
  for (const key of path) candidates = candidates.flatMap((schema) => childrenAt(schema, key));
  const here = valueAt(input, path);
  const dist = isPlainObject(here) ? here.dist : undefined;
  const keys = new Set<string>();
  for (const schema of candidates.flatMap(objectsIn)) {
    const literal = schema.shape.dist;
    if (dist !== undefined && literal instanceof z.ZodLiteral && !literal.values.has(dist as string)) continue;
    for (const name of Object.keys(schema.shape)) keys.add(name);
  }
  return [...keys];
}

function objectsIn(outer: z.core.$ZodType): z.ZodObject[] {
  const schema = unwrapped(outer);
  if (schema instanceof z.ZodObject) return [schema];
  if (schema instanceof z.ZodUnion) return (schema.options as z.core.$ZodType[]).flatMap(objectsIn);
  return [];
}

/** What a clash with a held business ends with: the way out. */
export const heldBusinessNote =
  '. The scenario holds this business (scenario.business): change the figure that clashes, or give business: null to set the parameters yourself';

/** How a churn lower than bad experiences cause can be resolved: fewer bad experiences, or the seeds' lower switching figures. */
function lowerSwitchingHint(pBad: number, switchAfterBad: number, churn: number, rateIsTheJourneys: boolean): string {
  const lower = (alternatives['churn.switchAfterBad'] ?? []).filter((a) => a.value < switchAfterBad);
  const describe = (a: (typeof lower)[number]) => `${percent(a.value, 0)} (${a.figure}: ${a.credit}, ${a.article})`;
  const fitting = lower.filter((a) => a.value * pBad <= churn);
  return fitting.length > 0
    ? `. Either fewer customers have bad experiences (${rateIsTheJourneys ? `give business.badExperienceShareMonthly: ${percent(pBad, 2)} is the default journey's illustrative rate` : 'business.badExperienceShareMonthly'}) or fewer of them leave: the seed articles also give ${fitting.map(describe).join('; ')}, which fit${fitting.length === 1 ? 's' : ''}: set churn.switchAfterBad to ${fitting.length === 1 ? 'it' : 'one of them'}`
    : `. Either fewer customers have bad experiences (${rateIsTheJourneys ? `give business.badExperienceShareMonthly: ${percent(pBad, 2)} is the default journey's illustrative rate` : 'business.badExperienceShareMonthly'}) or fewer of them leave, but even the lowest figures in the seed articles (${lower.map(describe).join('; ')}) leave more churn than observed, so check the bad-experience rate`;
}
