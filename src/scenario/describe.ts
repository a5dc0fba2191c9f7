import type { Assumption } from './distribution.js';
import { ScenarioError } from './error.js';
import type { Domain } from './domain.js';
import { scenarioFields } from './schema-walk.js';
import { parseScenario } from './parse.js';
import type { ScenarioInput } from './schema.js';
import { type Alternative, type Source, alternatives, sources } from './sources.js';
import { derivedFrom, derivedPathsOf } from './business.js';

/** One row of the assumptions table. */
export interface AssumptionRow {
  /** Dotted path of the field in the scenario, e.g. `"churn.switchAfterBad"`. */
  readonly path: string;
  /**
   * The field's short name in plain words, e.g. `"Switching after a bad experience"`
   * (sentence case, at most about 40 characters). Rows of one field given per
   * touchpoint or per channel share it: the path names the touchpoint or channel.
   */
  readonly label: string;
  /** Its value: a number, or a distribution drawn once per run. */
  readonly value: Assumption;
  /** The value in words: `0.86`, or `pert(min 0.2, mode 0.4, max 0.6)`. */
  readonly valueText: string;
  /** Unit of the value. */
  readonly unit: string;
  /** What the field means in the model. */
  readonly description: string;
  /** Allowed values, in words. */
  readonly allowed: string;
  /** Allowed values: the range, and whether only whole numbers. */
  readonly domain: Domain;
  /** Whether it may be given as a distribution. */
  readonly uncertain: boolean;
  /** The documented figure behind the default, or `null` for an illustrative assumption. */
  readonly source: Source | null;
  /** For an illustrative assumption: that it is one, and why the default is what it is. */
  readonly note: string | null;
  /** Other figures the seed articles give for the same quantity, each with its source and quote (empty when none). */
  readonly alternatives: readonly Alternative[];
  /**
   * When the scenario holds a business and this field is solved from it in
   * every run: the business figure it comes from, in words (its `value` is
   * then the solution at the assumptions' means); `null` otherwise.
   */
  readonly derivedFrom: string | null;
}

/**
 * Lists every assumption of a scenario with its plain-words label, value,
 * unit, meaning and provenance: the published figure (article, credit, Dutch
 * quote and its English translation) or a note that it is an illustrative
 * assumption. The README's table and the playground's labels are generated
 * from it.
 *
 * @param input - A partial scenario (defaults fill the rest).
 * @defaultValue input `{}`: the default scenario
 * @throws {@link ScenarioError} when `input` is not a valid scenario.
 * @example
 * ```ts
 * import { describeAssumptions } from 'cx-roi';
 * const rows = describeAssumptions();
 * const row = rows.find((r) => r.path === 'churn.switchAfterBad');
 * row?.label; // => 'Switching after a bad experience'
 * row?.value; // => 0.86
 * row?.source?.figure; // => '86% switch to another brand after one bad experience'
 * row?.source?.credit; // => 'the article’s own statistics'
 * row?.source?.quote.endsWith('Dan stapt in 86 procent van de gevallen de klant over naar een ander merk.'); // => true
 * row?.source?.translation.endsWith('Then in 86 percent of cases the customer switches to another brand.'); // => true
 * // A figure the default business solves: its value at the assumptions' means, and where it comes from.
 * const base = rows.find((r) => r.path === 'churn.base');
 * base?.value; // => 0.005608
 * base?.derivedFrom; // => 'business.annualRetention or business.monthlyChurn, less the churn bad experiences cause'
 * ```
 */
export function describeAssumptions(input: ScenarioInput = {}): AssumptionRow[] {
  const scenario = parseScenario(input);
  const maturity = scenario.investment.maturity;
  // A chance of execution derived from the maturity answers says so, with the answers' tally.
  const derived = maturity
    ? `Derived from investment.maturity (${(['yes', 'partly', 'no'] as const).map((a) => `${Object.values(maturity).filter((x) => x === a).length} ${a}`).join(', ')}) by executionSuccessFromMaturity: all "partly" gives the reported 20–30% (Punk CX, article 002); other answers move it by an illustrative mapping.`
    : null;
  const business = scenario.business;
  const solved = new Set(business ? derivedPathsOf(business) : []);
  const scaled = business?.badExperienceShareMonthly !== undefined;
  const solvedFrom = (path: string): string | null => {
    if (solved.has(path)) return derivedFrom[path] ?? null;
    if (scaled && (path === 'journey.touchpointFailure' || path.startsWith('journey.touchpointFailure.')))
      return derivedFrom['journey.touchpointFailure'] ?? null;
    return null;
  };
  return scenarioFields(scenario).map(({ path, value, meta }) => ({
    path,
    label: meta.label,
    value,
    valueText: describeValue(value),
    unit: meta.unit,
    description: meta.description,
    allowed: meta.uncertain ? `${meta.domain.label}, or a distribution over it` : meta.domain.label,
    domain: meta.domain,
    uncertain: meta.uncertain,
    // A chance derived from the maturity answers rests on the mapping, not on the figure behind the field's default.
    source: meta.source === null || (path === 'investment.executionSuccess' && derived) ? null : sources[meta.source],
    note: path === 'investment.executionSuccess' && derived ? derived : (meta.note ?? null),
    alternatives: Object.hasOwn(alternatives, path) ? (alternatives[path] ?? []) : [],
    derivedFrom: solvedFrom(path),
  }));
}

/**
 * A value in words: the number, or the distribution and its parameters.
 * @param value - A number, or a distribution such as `{ dist: 'uniform', min: 0.01, max: 0.04 }`.
 * @throws {@link ScenarioError} (path `value`) when `value` is neither, e.g. `null`.
 * @example
 * ```ts
 * import { describeValue } from 'cx-roi';
 * describeValue({ dist: 'uniform', min: 0.01, max: 0.04 }); // => 'uniform(min 0.01, max 0.04)'
 * describeValue({ dist: 'pert', min: 1, mode: 2, max: 4 }); // => 'pert(min 1, mode 2, max 4)'
 * describeValue(0.86); // => '0.86'
 * ```
 */
export function describeValue(value: Assumption): string {
  if (typeof value === 'number') return String(value);
  if (value === null || typeof value !== 'object' || typeof (value as { dist?: unknown }).dist !== 'string')
    throw new ScenarioError([
      { path: 'value', value, message: 'must be a number or a distribution ({ dist: "uniform", min: …, max: … }, …)' },
    ]);
  const { dist, ...parameters } = value;
  const list = Object.entries(parameters)
    .filter(([, x]) => x !== undefined)
    .map(([name, x]) => `${name} ${String(x)}`)
    .join(', ');
  return `${dist}(${list})`;
}
