import type { Seed } from '../random/stream.js';
import { domains, formatNumber } from '../scenario/domain.js';
import { ScenarioError } from '../scenario/error.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { resolveOptions } from '../simulate/options.js';

// The median with its error lives with the other statistics of per-run figures.
export { medianWithError } from '../maths/statistics.js';
import { assumptionAt, typicalValue, withValue } from './vary-field.js';
import { optionsObject } from '../scenario/options-check.js';
import { betweenClassShare, defaultClasses, partition } from './first-order.js';
import { executedPath, varyingColumns } from './sensitivity.js';
import { type BreakEvenTarget, type Measured, checkTarget, describeMetric, measure } from './break-even-target.js';
import { closestBracket, narrowBracket, valueError } from './break-even-search.js';

/** Options of {@link breakEven}. */
export interface BreakEvenOptions {
  /** The assumption to vary, as a dotted path, e.g. `"investment.failureReduction"`. It is set to one number in every run. */
  readonly vary: string;
  readonly target: BreakEvenTarget;
  /** Runs per simulation. @defaultValue 1000 */
  readonly runs?: number | undefined;
  /** Seed, the same for every simulation of the search. @defaultValue 1 */
  readonly seed?: Seed | undefined;
  /**
   * The values to search, `[low, high]`.
   * @defaultValue the field's allowed range; for amounts and counts (whose range runs to 10¹² or 10⁹), 0 to ten times the scenario's value
   */
  readonly within?: readonly [number, number] | undefined;
}

/** The metric at one value of the varied assumption. */
export interface BreakEvenPoint {
  readonly value: number;
  readonly reached: number;
  readonly standardError: number;
}

/** What {@link breakEven} returns. */
export interface BreakEven {
  readonly vary: string;
  readonly target: BreakEvenTarget;
  /** The range searched. */
  readonly within: readonly [number, number];
  /**
   * `crossed`: the target is met from `value` on (see `meets`); `met-throughout`: met at every value
   * searched (`value` is the end where it is hardest); `not-reached`: met nowhere in the range.
   */
  readonly status: 'crossed' | 'met-throughout' | 'not-reached';
  /** The break-even value (for `crossed`), or the end of the range (for `met-throughout`); `null` when not reached. */
  readonly value: number | null;
  /** Where the target is met: at values `above` the break-even value, or `below` it. */
  readonly meets: 'above' | 'below' | null;
  /**
   * The Monte Carlo error of `value` itself (another seed would find another value): the metric's
   * standard error over its slope near the value, the slope taken between the nearest evaluations on
   * either side that differ by at least two standard errors; `null` when not crossed or no such pair.
   */
  readonly valueStandardError: number | null;
  /** The metric at `value`, or at the best value searched when not reached, with its Monte Carlo standard error. */
  readonly reached: number;
  readonly standardError: number;
  /** The value giving the best metric found (the same as `value` unless not reached). */
  readonly best: BreakEvenPoint;
  /** Why the target is out of reach, in words, naming what caps it; `null` unless `not-reached`. */
  readonly reason: string | null;
  /** Every simulation of the search, in order (at most 20). */
  readonly evaluations: readonly BreakEvenPoint[];
  readonly runCount: number;
  readonly seed: Seed;
}

/** Most simulations a search makes. */
export const maxBreakEvenSimulations = 20;

interface Evaluated extends BreakEvenPoint {
  readonly meets: boolean;
  /** Which runs meet the target, and what they drew: kept for saying why a target is out of reach. */
  readonly runs: Measured['runs'];
}

/**
 * The value of one assumption at which a target is met: "what failure
 * reduction gives an 80% chance of payback within 36 months?", "what is the
 * most we can spend up front for a median ROI of 0?". Every simulation
 * uses the same seed, so the runs differ only by the varied value (common
 * random numbers) and the metric moves smoothly with it; the search
 * brackets the target and narrows the bracket by regula falsi with
 * Anderson & Björck's scaling, bisecting after any step that did not halve
 * the bracket, and stops when the metric moves less across the bracket than
 * a quarter of its simulation error: at most 20 simulations. The metric is
 * assumed to move one way over the range; the ends and, when neither meets
 * the target, the scenario's own value and three points between are tried
 * first. A field set to one value loses its uncertainty (a given
 * `executionSuccess` replaces what maturity answers imply).
 *
 * @param input - A partial scenario, as {@link simulate} takes it.
 * @param options - What to vary, the target, runs, seed, and the range.
 * @returns The value, the metric reached there with its standard error, or why the target is out of reach.
 * @throws {@link ScenarioError} naming a bad scenario field or option.
 * @example
 * ```ts
 * import { breakEven } from 'cx-roi';
 * // The most to spend up front for a median ROI of at least 0 at the horizon.
 * const target = { metric: 'roiMedian', value: 0 } as const;
 * const b = breakEven({}, { vary: 'investment.upfront', target, runs: 300, seed: 1 });
 * b.status; // => 'crossed'
 * b.meets; // => 'below'
 * b.value; // => 173219
 * // Another seed would find another value: its Monte Carlo error, from 300 runs a simulation.
 * b.valueStandardError; // => 43024
 * b.evaluations.length; // => 9
 * breakEven({}, { vary: 'investment.budget', target }); // throws ScenarioError: options.vary: is not an assumption of this scenario
 * ```
 */
export function breakEven(input: ScenarioInput, options: BreakEvenOptions): BreakEven {
  const search = searchOf(input, options);
  const { field, target, within, evaluations, evaluate } = search;
  const [lo, hi] = within;
  evaluate(lo);
  evaluate(hi);
  // Neither end meets it: look between before giving up (the metric may peak inside), first at the scenario's own value.
  if (!evaluations.some((e) => e.meets)) {
    const own = typicalValue(field.value);
    const inside = Number.isFinite(own) && own > lo && own < hi ? [own] : [];
    for (const v of [...inside, ...[0.5, 0.25, 0.75].map((share) => lo + share * (hi - lo))]) if (evaluate(v).meets) break;
  }
  const best = evaluations.reduce((a, b) => (b.reached > a.reached ? b : a));
  const summary = {
    vary: field.path,
    target,
    within,
    runCount: search.runs,
    seed: search.seed,
    evaluations: evaluations.map(point),
    valueStandardError: null,
  };
  if (!evaluations.some((e) => e.meets))
    return {
      ...summary,
      status: 'not-reached',
      value: null,
      meets: null,
      reached: best.reached,
      standardError: best.standardError,
      best: point(best),
      reason: whyNotReached(best, target, field.path, within),
    };
  if (evaluations.every((e) => e.meets)) {
    const hardest = evaluations.reduce((a, b) => (b.reached < a.reached ? b : a));
    return {
      ...summary,
      evaluations: evaluations.map(point),
      status: 'met-throughout',
      value: hardest.value,
      meets: null,
      reached: hardest.reached,
      standardError: hardest.standardError,
      best: point(best),
      reason: null,
    };
  }
  // A bracket: one end meets, the other does not; the closest such pair, where the target is crossed.
  const tolerance = field.meta.domain.integer ? 1 : (hi - lo) * 1e-6;
  const how = {
    evaluate,
    made: () => evaluations.length,
    most: maxBreakEvenSimulations,
    round: search.round,
    target: target.value,
    tolerance,
  };
  const [miss, meet] = narrowBracket(closestBracket(evaluations), how);
  return {
    ...summary,
    evaluations: evaluations.map(point),
    valueStandardError: valueError(evaluations, meet, miss),
    status: 'crossed',
    value: meet.value,
    meets: meet.value > miss.value ? 'above' : 'below',
    reached: meet.reached,
    standardError: meet.standardError,
    best: point(best),
    reason: null,
  };
}

/** A search's checked options and its one way to simulate a value (each value once, in the order asked). */
function searchOf(input: ScenarioInput, options: BreakEvenOptions) {
  const scenario = parseScenario(input);
  const given = optionsObject(options, {
    of: 'breakEven',
    names: ['vary', 'target', 'runs', 'seed', 'within'],
    example: '{ vary: "investment.failureReduction", target: { metric: "probabilityPaidBackBy", month: 36, value: 0.8 } }',
  });
  const { runs, seed } = resolveOptions({ runs: given.runs, seed: given.seed }, scenario.horizonMonths);
  if (typeof given.vary !== 'string')
    throw new ScenarioError([
      {
        path: 'options.vary',
        value: given.vary,
        message: 'give the assumption to vary as a dotted path, e.g. "investment.failureReduction"',
      },
    ]);
  const field = assumptionAt(scenario, given.vary, 'options.vary');
  const target = checkTarget(given.target, scenario.horizonMonths);
  const round = (v: number) => (field.meta.domain.integer ? Math.round(v) : v);
  const varied = (v: number): Scenario => {
    try {
      return withValue(scenario, field.path, v);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const issue = error.issues[0];
      throw new ScenarioError([
        {
          path: given.within === undefined ? 'options.vary' : 'options.within',
          value: v,
          message: `${field.path} = ${formatNumber(v)} makes the scenario invalid (${issue?.path}: ${issue?.message}); give options.within inside the values the scenario allows`,
        },
      ]);
    }
  };
  const within = checkWithin(given.within, field.meta.domain, field.value, scenario.horizonMonths, (v) => {
    try {
      withValue(scenario, field.path, v);
      return true;
    } catch {
      return false;
    }
  });
  const evaluations: Evaluated[] = [];
  const evaluate = (value: number): Evaluated => {
    const v = round(value);
    const known = evaluations.find((e) => e.value === v);
    if (known) return known;
    const point = { ...measure(varied(v), seed, runs, target), value: v };
    const evaluated = { ...point, meets: point.reached >= target.value };
    evaluations.push(evaluated);
    return evaluated;
  };
  return { field, target, within, runs, seed, round, evaluations, evaluate };
}

function point(e: BreakEvenPoint): BreakEvenPoint {
  return { value: e.value, reached: e.reached, standardError: e.standardError };
}

function checkWithin(
  within: readonly [number, number] | undefined,
  domain: { min: number; max: number; integer: boolean; label: string },
  value: Parameters<typeof typicalValue>[0],
  horizon: number,
  valid: (v: number) => boolean,
): [number, number] {
  if (within === undefined) {
    let [lo, hi] = [domain.min, domain.max];
    // Months past the horizon all look alike: search up to it.
    if (domain === domains.months) hi = Math.min(hi, horizon);
    if (domain.max >= 1e6) {
      const typical = Math.abs(typicalValue(value));
      hi = Math.min(domain.max, Math.max(10 * (Number.isFinite(typical) ? typical : 0), 1));
    }
    // A scenario may not allow the range's end (a programme must cost at least 1): start just inside.
    if (!valid(lo)) lo = domain.integer || domain.max >= 1e6 ? lo + 1 : lo + (hi - lo) * 1e-6;
    return [lo, hi];
  }
  const ok = Array.isArray(within) && within.length === 2 && within.every((x) => typeof x === 'number' && Number.isFinite(x));
  const [lo, hi] = ok
    ? [domain.integer ? Math.ceil(within[0]) : within[0], domain.integer ? Math.floor(within[1]) : within[1]]
    : [Number.NaN, Number.NaN];
  if (!(lo < hi && lo >= domain.min && hi <= domain.max))
    throw new ScenarioError([
      {
        path: 'options.within',
        value: within,
        message: `must be [low, high] with low < high${domain.integer ? ' (whole numbers between them)' : ''}, inside the field's range: ${domain.label}`,
      },
    ]);
  return [lo, hi];
}

/** What keeps the target out of reach at the best value: the assumption that most decides whether a run meets it. */
function whyNotReached(best: Evaluated, target: BreakEvenTarget, vary: string, within: readonly [number, number]): string {
  const { met, executed, parameterNames, parameters } = best.runs;
  const runs = met.length;
  const metShare = met.reduce((s, x) => s + x, 0) / runs;
  // The varied assumption is one value in every run: left out with the others that do not vary.
  const columns = varyingColumns(
    runs,
    (i) => executed[i] as number,
    parameterNames,
    (i, j) => parameters?.[i * parameterNames.length + j] as number,
  );
  const y = Float64Array.from(met);
  const classes = defaultClasses(runs);
  const ranked = columns
    .map(([path, x]) => {
      const { classOf, count } = partition(x, classes);
      return { path, x, share: betweenClassShare(y, classOf, count) };
    })
    .sort((a, b) => b.share - a.share);
  const atEnd = best.value === within[0] || best.value === within[1];
  const where = `${atEnd ? 'at the end of the range searched' : 'at its best value'}, ${vary} = ${formatNumber(best.value)}, gives ${describeMetric(target, best.reached)}, short of ${describeMetric(target, target.value)}`;
  const top = ranked[0];
  if (!top || top.share < 0.05) return `${where}; no single uncertain assumption decides which runs meet it.`;
  if (top.path === executedPath) {
    const executed = top.x;
    const [nYes, metYes] = [executed.reduce((s, v) => s + v, 0), met.reduce((s, m, i) => s + m * (executed[i] as number), 0)];
    const [nNo, metNo] = [runs - nYes, met.reduce((s, m) => s + m, 0) - metYes];
    const pct = (x: number) => `${formatNumber(Math.round(1000 * x) / 10)}%`;
    return `${where}. Execution risk caps it: the programme is carried out as planned in ${pct(nYes / runs)} of runs (investment.executionSuccess), and then ${pct(nYes > 0 ? metYes / nYes : 0)} of them meet the target; of the ${pct(nNo / runs)} that miss the plan, ${pct(nNo > 0 ? metNo / nNo : 0)} do. No value of ${vary} makes up for a programme that is not carried out; raise the chance of carrying it out instead.`;
  }
  return `${where}. What most decides whether a run meets it is ${top.path} (it alone explains ${formatNumber(Math.round(100 * top.share))}% of which runs do; ${formatNumber(Math.round(100 * metShare))}% meet it now).`;
}
