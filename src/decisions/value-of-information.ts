import type { Seed } from '../random/stream.js';
import { ScenarioError } from '../scenario/error.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { simulate } from '../simulate/simulate.js';
import type { SimulationResult } from '../simulate/result.js';
import { pearson, ranks } from '../summary/correlation.js';
import { partition } from './first-order.js';
import { executedPath, inputColumns } from './sensitivity.js';
import { checkOptions, optionsObject } from '../scenario/options-check.js';
import { isWholeIn } from '../format/numbers.js';
import { simulateOptionNames } from '../simulate/options.js';

/** Options of {@link valueOfInformation}. */
export interface ValueOfInformationOptions {
  /** Runs to simulate. @defaultValue 10000 */
  readonly runs?: number | undefined;
  /** Seed. @defaultValue 1 */
  readonly seed?: Seed | undefined;
  /**
   * The assumptions to value (dotted paths; `investment.executed` for
   * whether the programme will be carried out as planned), each alone, or
   * a group as a list (`['investment.executed', 'investment.failureReduction']`:
   * what learning them together is worth; the runs are cut on a grid).
   * @defaultValue every assumption that varies between runs, and `investment.executed`, each alone; then the two whose ranks move most with the NPV (Spearman), together
   */
  readonly parameters?: readonly (string | readonly string[])[] | undefined;
  /**
   * How many classes a parameter's runs are cut into (Strong & Oakley's
   * partition). More follow the parameter more closely (coarse classes
   * average across the value where the decision flips, which biases EVPPI
   * down); fewer have less noise within a class (which biases it up).
   * @defaultValue √runs ÷ 2, from 2 to 50
   */
  readonly classes?: number | undefined;
}

/** The value of learning one assumption before deciding. */
export interface PartialValue {
  /** The assumption's dotted path; for a group, the paths joined by " + ". */
  readonly path: string;
  /** The assumptions learnt together (one for a single assumption). */
  readonly paths: readonly string[];
  /** Expected value of partial perfect information: what knowing this assumption exactly is worth, in currency (0 ≤ EVPPI ≤ EVPI). */
  readonly evppi: number;
  /** EVPPI as a share of EVPI (0 when EVPI is 0). */
  readonly shareOfEvpi: number;
}

/** What {@link valueOfInformation} returns. */
export interface ValueOfInformation {
  /** The decision valued: invest in the programme, or not, whichever has the higher expected NPV at the horizon. */
  readonly decision: {
    readonly options: readonly ['invest', 'do not invest'];
    /** What expected NPV chooses with today's information. */
    readonly choice: 'invest' | 'do not invest';
    /** Mean NPV at the horizon of investing (not investing is 0: the NPV is the difference the programme makes). */
    readonly expectedNpv: number;
    readonly expectedNpvStandardError: number;
    /** Share of runs in which investing is the better choice (NPV > 0). */
    readonly investBetterShare: number;
  };
  /** Expected value of perfect information: E[max(NPV, 0)] − max(E[NPV], 0), in currency. */
  readonly evpi: number;
  /** Monte Carlo standard error of EVPI. */
  readonly evpiStandardError: number;
  /** One row per assumption, the largest EVPPI first. */
  readonly partial: readonly PartialValue[];
  readonly runCount: number;
  readonly seed: Seed;
  /** The estimator, cited. */
  readonly method: string;
}

/** The estimator, as the result cites it. */
export const evppiMethod =
  "EVPI from the runs; EVPPI of one assumption by the one-level partition method of Strong & Oakley, \"An efficient method for computing single-parameter partial expected value of perfect information\", Medical Decision Making 33 (2013) 755–766; of a group, by the same on a grid of its members' classes (cx-roi's extension), never below its largest member's";

/**
 * What it is worth to learn more before deciding whether to invest: the
 * expected value of perfect information (EVPI) for the invest-or-not
 * decision by expected NPV at the horizon, and of partial perfect
 * information (EVPPI) for each uncertain assumption, all from one set of
 * runs. EVPPI is Strong & Oakley's one-level method: the runs are sorted by
 * the assumption and cut into classes; within each class the better option
 * by mean NPV is chosen, so EVPPI = mean over classes of max(class mean NPV, 0)
 * − max(mean NPV, 0). It is never below 0 or above EVPI. Its bias runs
 * both ways: noise within a class pushes it up, classes wide enough to
 * straddle the value where the decision flips pull it down; small EVPPIs
 * can be off by a good share of themselves, though rarely by more than a
 * few percent of EVPI. An assumption without effect gets
 * about 0, not exactly 0. A ceiling for what research into an assumption
 * (a pilot, a survey) is worth, not what it will return.
 *
 * @param input - A partial scenario, as {@link simulate} takes it.
 * @param options - Runs, seed, the assumptions to value, the classes.
 * @throws {@link ScenarioError} for a bad scenario or option, naming it.
 * @example
 * ```ts
 * import { valueOfInformation } from 'cx-roi';
 * const voi = valueOfInformation({}, { runs: 1000, seed: 1 });
 * voi.decision; // => { choice: 'invest', expectedNpv: 181271, investBetterShare: 0.565 }
 * // What perfect foresight of every assumption is worth, in currency.
 * voi.evpi; // => 81604
 * voi.evpiStandardError; // => 3737
 * // Worth most: learning whether the programme will be carried out, with how much of its effect it keeps if not.
 * voi.partial[0]; // => { path: 'investment.executed + investment.missedEffectShare', evppi: 77058, shareOfEvpi: 0.944 }
 * voi.partial[1]; // => { path: 'investment.executed', evppi: 24888, shareOfEvpi: 0.305 }
 * valueOfInformation({}, { runs: 100, parameters: ['investment.budget'] }); // throws ScenarioError: is not an assumption of this scenario
 * ```
 */
export function valueOfInformation(input: ScenarioInput = {}, options: ValueOfInformationOptions = {}): ValueOfInformation {
  const { parameters, classes, ...simulateOptions } = optionsObject(options, {
    of: 'valueOfInformation',
    names: ['parameters', 'classes', ...simulateOptionNames],
    example: '{ runs: 10000, seed: 1 }',
  });
  // runs: undefined means the default, as leaving it out does (spread, it would replace the default with undefined).
  const result = simulate(input, { ...simulateOptions, runs: simulateOptions.runs ?? 10_000, keepRuns: true });
  return valueOfInformationFromRuns(result, { parameters, classes });
}

/**
 * EVPI and EVPPI from a result already simulated with `keepRuns`: what
 * {@link valueOfInformation} does after simulating, for a result at hand
 * (the playground reads the runs it has drawn).
 *
 * @param result - A result simulated with `{ keepRuns: true }`.
 * @param options - The assumptions to value and the classes, as for {@link valueOfInformation}.
 * @throws {@link ScenarioError} when the result has no kept runs, or on a bad option.
 * @example
 * ```ts
 * import { simulate, valueOfInformationFromRuns } from 'cx-roi';
 * const result = simulate({}, { runs: 1000, seed: 1, keepRuns: true });
 * const voi = valueOfInformationFromRuns(result, { parameters: [['investment.executed', 'investment.failureReduction']] });
 * voi.evpi; // => 81604
 * voi.partial; // => [{ path: 'investment.executed + investment.failureReduction', evppi: 35656, shareOfEvpi: 0.437 }]
 * valueOfInformationFromRuns(simulate({}, { runs: 100 })); // throws ScenarioError: needs a result simulated with { keepRuns: true }
 * ```
 */
export function valueOfInformationFromRuns(
  result: Pick<SimulationResult, 'runs' | 'seed'>,
  options: Pick<ValueOfInformationOptions, 'parameters' | 'classes'> = {},
): ValueOfInformation {
  options = optionsObject(options, {
    of: 'valueOfInformationFromRuns',
    names: ['parameters', 'classes'],
    example: '{ parameters: ["investment.executed"] }',
  });
  const runs = result?.runs;
  if (!Array.isArray(runs) || runs.length === 0)
    throw new ScenarioError([
      { path: 'result.runs', value: undefined, message: 'value of information needs a result simulated with { keepRuns: true }' },
    ]);
  const npv = Float64Array.from(runs, (r) => r.npv);
  const { decision, evpi, evpiStandardError } = perfectInformation(npv);
  const columns = inputColumns(runs);
  const all = [executedPath, ...Object.keys(runs[0]?.parameters ?? {})];
  const wanted = checkParameters(options.parameters ?? defaultParameters(columns, npv), all);
  checkOptions(
    { classes: options.classes },
    { classes: { ok: (v) => isWholeIn(v, 2, 1000), rule: 'must be a whole number from 2 to 1,000' } },
  );
  const k = options.classes ?? Math.max(2, Math.min(50, Math.round(Math.sqrt(npv.length) / 2)));
  return {
    decision,
    evpi,
    evpiStandardError,
    partial: partialValues(npv, columns, wanted, k, evpi, Math.max(decision.expectedNpv, 0)),
    runCount: npv.length,
    seed: result.seed,
    method: evppiMethod,
  };
}

/** The invest-or-not decision by expected NPV, and EVPI with its Monte Carlo error, from the runs' NPVs. */
function perfectInformation(npv: Float64Array): Pick<ValueOfInformation, 'decision' | 'evpi' | 'evpiStandardError'> {
  const n = npv.length;
  let sum = 0;
  let sumPositive = 0;
  let investBetter = 0;
  for (let i = 0; i < n; i += 1) {
    const x = npv[i] as number;
    sum += x;
    sumPositive += Math.max(x, 0);
    if (x > 0) investBetter += 1;
  }
  const mean = sum / n;
  const now = Math.max(mean, 0);
  // EVPI's error: the sd of the per-run regret against today's choice, over √n.
  let sq = 0;
  let sqRegret = 0;
  const regretMean = sumPositive / n - now;
  for (let i = 0; i < n; i += 1) {
    const x = npv[i] as number;
    sq += (x - mean) ** 2;
    sqRegret += (Math.max(x, 0) - (mean > 0 ? x : 0) - regretMean) ** 2;
  }
  return {
    decision: {
      options: ['invest', 'do not invest'],
      choice: mean > 0 ? 'invest' : 'do not invest',
      expectedNpv: mean,
      expectedNpvStandardError: n > 1 ? Math.sqrt(sq / (n - 1) / n) : 0,
      investBetterShare: investBetter / n,
    },
    evpi: Math.max(0, regretMean),
    evpiStandardError: n > 1 ? Math.sqrt(sqRegret / (n - 1) / n) : 0,
  };
}

/**
 * EVPPI of each group asked for, the largest first: each by the partition method on `classes` classes,
 * cut to 0 to EVPI, and never below that of its largest member alone. `now` is today's best expected NPV.
 */
function partialValues(
  npv: Float64Array,
  columns: readonly [string, Float64Array][],
  wanted: readonly string[][],
  classes: number,
  evpi: number,
  now: number,
): PartialValue[] {
  const known = new Map(columns);
  // One assumption's estimate, kept: a group is worth at least the most of any of its members alone.
  const alone = new Map<string, number>();
  const single = (path: string): number => {
    let value = alone.get(path);
    if (value === undefined) {
      const x = known.get(path);
      value = x ? Math.min(evpi, Math.max(0, partialValue(npv, [x], classes) - now)) : 0;
      alone.set(path, value);
    }
    return value;
  };
  return wanted
    .map((paths): PartialValue => {
      // An assumption fixed in every run tells nothing new when learnt.
      const xs = paths.flatMap((path) => known.get(path) ?? []);
      const grid = xs.length > 1 ? Math.min(evpi, Math.max(0, partialValue(npv, xs, classes) - now)) : 0;
      const evppi = Math.max(grid, ...paths.map(single));
      return { path: paths.join(' + '), paths, evppi, shareOfEvpi: evpi > 0 ? evppi / evpi : 0 };
    })
    .sort((a, b) => b.evppi - a.evppi);
}

/** An assumption with at most this many values (yes/no) keeps one class a value in a group's grid. */
const fewValues = 10;

/** Most assumptions valued together: the grid has at least 2^d classes. */
export const maxGroupSize = 6;

/** The groups asked for, each without repeats; or a ScenarioError naming the bad one. */
function checkParameters(parameters: unknown, all: readonly string[]): string[][] {
  const fail = (path: string, value: unknown, message: string): never => {
    throw new ScenarioError([{ path, value, message }]);
  };
  if (!Array.isArray(parameters))
    return fail(
      'options.parameters',
      parameters,
      `must be a list of dotted paths or groups of them, e.g. ["investment.executed", ["investment.executed", "investment.failureReduction"]]`,
    );
  const seen = new Set<string>();
  return parameters.flatMap((group: unknown, i) => {
    const paths = typeof group === 'string' ? [group] : Array.isArray(group) ? [...new Set(group as unknown[])] : null;
    if (!paths || paths.length === 0 || paths.some((p) => typeof p !== 'string'))
      return fail(`options.parameters[${i}]`, group, 'must be a dotted path or a non-empty list of them');
    const bad = (paths as string[]).find((path) => !all.includes(path));
    if (bad !== undefined)
      return fail(`options.parameters[${i}]`, bad, `is not an assumption of this scenario; give one or more of ${all.join(', ')}`);
    if (paths.length > maxGroupSize)
      return fail(
        `options.parameters[${i}]`,
        group,
        `a group may hold at most ${maxGroupSize} assumptions (the runs are cut on a grid of at least 2^${maxGroupSize} classes)`,
      );
    // The same group twice is one row.
    const key = [...(paths as string[])].sort().join('\u0000');
    if (seen.has(key)) return [];
    seen.add(key);
    return [paths as string[]];
  });
}

/** Each varying assumption alone, then the two most rank-correlated with the NPV together. */
function defaultParameters(columns: readonly [string, Float64Array][], npv: Float64Array): (string | string[])[] {
  const singles = columns.map(([path]) => path);
  if (columns.length < 2) return singles;
  const npvRanks = ranks(npv);
  const [first, second] = columns
    .map(([path, x]) => ({ path, rho: Math.abs(pearson(ranks(x), npvRanks)) }))
    .sort((a, b) => b.rho - a.rho)
    .map((c) => c.path);
  return [...singles, [first as string, second as string]];
}

/**
 * Mean over the classes of the better option's class-mean NPV. A group's
 * classes are a grid: a member with few values (yes/no) keeps one class a
 * value, and the others share the classes, about classes^(1/d) each, so a
 * yes/no and one continuous assumption get 2 × classes.
 */
function partialValue(npv: Float64Array, xs: readonly Float64Array[], classes: number): number {
  const few = xs.map((x) => new Set(x).size <= fewValues);
  const continuous = few.filter((f) => !f).length;
  const each = continuous === 0 ? classes : Math.max(2, Math.round(classes ** (1 / continuous)));
  // A partition never splits ties, so asking for more classes than values gives one class a value.
  const cuts = xs.map((x, j) => partition(x, few[j] ? fewValues : each));
  const classOf = new Uint32Array(npv.length);
  let count = 1;
  for (const cut of cuts) {
    for (let i = 0; i < npv.length; i += 1) classOf[i] = (classOf[i] as number) * cut.count + (cut.classOf[i] as number);
    count *= cut.count;
  }
  const sums = new Float64Array(count);
  const sizes = new Float64Array(count);
  for (let i = 0; i < npv.length; i += 1) {
    const c = classOf[i] as number;
    sums[c] = (sums[c] as number) + (npv[i] as number);
    sizes[c] = (sizes[c] as number) + 1;
  }
  let total = 0;
  for (let c = 0; c < count; c += 1) total += Math.max(sums[c] as number, 0);
  return total / npv.length;
}
