import type { RunResult } from '../model/run.js';
import { ScenarioError } from '../scenario/error.js';
import { median } from '../maths/statistics.js';
import type { SimulationResult } from '../simulate/result.js';
import { quantileSorted } from '../maths/band.js';
import { pearson, ranks } from '../summary/correlation.js';
import { betweenClassShare, defaultClasses, partition, sortedOrder } from './first-order.js';
import { optionsObject } from '../scenario/options-check.js';
import { type FixedFigureSwing, fixedFigureSwings } from './swings.js';

/** The path under which sensitivity reports whether the programme was carried out as planned. */
export const executedPath = 'investment.executed';

/** Options of {@link sensitivity}. */
export interface SensitivityOptions {
  /**
   * The months to look at.
   * @defaultValue every 12 months, and the horizon
   */
  readonly at?: readonly number[] | undefined;
  /**
   * One-way swings of the fixed figures that have a published source (86%
   * switch, 9 and 16 told, 140% more spend, …): each is simulated again at
   * `range` below and above its value (cut to its allowed range) and at each
   * published alternative (19% and 22% for the 86%), with the result's seed
   * and its business held, and the median and mean cumulative NPV compared,
   * each with its Monte Carlo error. `false` skips them (they cost two
   * simulations a figure and one a reading; the rest reads the kept runs only).
   * @defaultValue `{ range: 0.2, runs: min(result's runs, 2000) }`
   */
  readonly swings?: false | { readonly range?: number | undefined; readonly runs?: number | undefined } | undefined;
}

/** How one uncertain assumption moves the outcome at one month. */
export interface SensitivityDriver {
  /** The assumption's dotted path; `investment.executed` for whether the programme was carried out as planned. */
  readonly path: string;
  /** Spearman's rank correlation with the outcome over the runs, −1 to 1. */
  readonly spearman: number;
  /** First-order share of the outcome's variance this assumption alone explains, 0 to 1 (see {@link firstOrderIndices}). */
  readonly firstOrder: number;
  /** Median outcome among the runs whose value is in the assumption's lowest tenth (≤ its 10th percentile; when that is also its 90th, as for a yes/no that is mostly one answer, the runs at its lowest value: for yes/no, the no's). */
  readonly medianLowTenth: number;
  /** Median outcome among the runs in its highest tenth (≥ its 90th percentile, or at its highest value as above: for yes/no, the yes's). */
  readonly medianHighTenth: number;
  /** `medianHighTenth − medianLowTenth`, in currency. */
  readonly swing: number;
}

/** The drivers at one month. */
export interface SensitivityAtMonth {
  readonly month: number;
  /** Median cumulative NPV over all runs at this month. */
  readonly median: number;
  /** The drivers, the largest first-order share first. */
  readonly drivers: readonly SensitivityDriver[];
  /**
   * Sum of the first-order shares. What is short of 1 comes from assumptions
   * acting together and from the chance events within each run (which
   * customers have bad experiences, who is told: early on a sizeable part of
   * the spread). Whether the programme was carried out depends on the drawn
   * `executionSuccess`, so the two are not independent inputs.
   */
  readonly firstOrderSum: number;
}

/** What {@link sensitivity} returns. */
export interface Sensitivity {
  /** What the outcome is: each run's cumulative NPV (currency, discounted) at the month. */
  readonly outcome: 'npv';
  readonly runCount: number;
  readonly months: readonly SensitivityAtMonth[];
  /** The one-way swings of the fixed, sourced figures, the largest at the horizon first; `null` when `swings` is false. */
  readonly fixedFigures: { readonly range: number; readonly runs: number; readonly figures: readonly FixedFigureSwing[] } | null;
  /** The estimator behind `firstOrder`, cited. */
  readonly method: string;
}

/** The estimator, as the result cites it. */
export const firstOrderMethod =
  'first-order variance shares by the given-data partition estimator of Plischke, Borgonovo & Smith (2013, European Journal of Operational Research 226: 536–550), with √runs classes and a Kelley ε² bias correction (cx-roi’s addition), from the kept runs';

/** The default months: every 12, and the horizon. */
export function defaultMonths(horizon: number): number[] {
  const months = Array.from({ length: Math.floor(horizon / 12) }, (_, i) => 12 * (i + 1));
  return months[months.length - 1] === horizon ? months : [...months, horizon];
}

function checkMonths(at: readonly number[] | undefined, horizon: number): number[] {
  if (at === undefined) return defaultMonths(horizon);
  const bad = Array.isArray(at) ? at.findIndex((m) => !Number.isInteger(m) || m < 1 || m > horizon) : -1;
  if (!Array.isArray(at) || at.length === 0 || bad >= 0)
    throw new ScenarioError([
      {
        path: `options.at${bad >= 0 ? `[${bad}]` : ''}`,
        value: bad >= 0 ? at[bad] : at,
        message: `must be a list of months, whole numbers from 1 to the horizon, ${horizon}`,
      },
    ]);
  return [...new Set(at)].sort((a, b) => a - b);
}

/** The kept runs' monthly NPV, or a clear error. */
function keptRuns(
  result: Pick<SimulationResult, 'runs' | 'scenario'> | null | undefined,
  what: string,
): readonly (RunResult & { npvByMonth: readonly number[] })[] {
  const runs = result?.runs;
  const months = result?.scenario?.horizonMonths;
  if (!Array.isArray(runs) || runs.some((r) => !Array.isArray(r?.npvByMonth)))
    throw new ScenarioError([
      { path: 'result.runs', value: undefined, message: `${what} needs a result simulated with { keepRuns: true }` },
    ]);
  if (runs.length < 3)
    throw new ScenarioError([{ path: 'result.runs', value: runs.length, message: `${what} needs at least 3 kept runs` }]);
  if (runs.some((r) => r.npvByMonth?.length !== months))
    throw new ScenarioError([
      {
        path: 'result.runs',
        value: undefined,
        message: `every kept run must have one NPV a month for the scenario's ${months} months: the result was changed after simulate made it`,
      },
    ]);
  // As firstOrderIndices does: a NaN would sort and partition to nonsense, not fail.
  const names = Object.keys(runs[0]?.parameters ?? {});
  const notFinite = (x: unknown) => typeof x !== 'number' || !Number.isFinite(x);
  for (const [i, run] of runs.entries()) {
    const t = (run.npvByMonth as readonly unknown[]).findIndex(notFinite);
    if (t >= 0)
      throw new ScenarioError([
        {
          path: `result.runs[${i}].npvByMonth[${t}]`,
          value: run.npvByMonth[t],
          message: 'must be a finite number: the result was changed after simulate made it',
        },
      ]);
    const name = names.find((key) => notFinite((run.parameters as Record<string, unknown> | undefined)?.[key]));
    if (name !== undefined)
      throw new ScenarioError([
        {
          path: `result.runs[${i}].parameters.${name}`,
          value: (run.parameters as Record<string, unknown> | undefined)?.[name],
          message: 'must be a finite number: the result was changed after simulate made it',
        },
      ]);
  }
  return runs as readonly (RunResult & { npvByMonth: readonly number[] })[];
}

/**
 * The inputs that vary over `count` runs, each as a column: whether the programme was carried out,
 * then every drawn assumption (`value(run, j)` for `names[j]`); inputs the same in every run are left out.
 */
export function varyingColumns(
  count: number,
  executed: (run: number) => number,
  names: readonly string[],
  value: (run: number, j: number) => number,
): [string, Float64Array][] {
  const columns: [string, Float64Array][] = [[executedPath, Float64Array.from({ length: count }, (_, i) => executed(i))]];
  names.forEach((name, j) => {
    columns.push([name, Float64Array.from({ length: count }, (_, i) => value(i, j))]);
  });
  return columns.filter(([, x]) => x.some((v) => v !== x[0]));
}

/** Each uncertain input of the kept runs as a column: whether carried out, then every assumption that varies. */
export function inputColumns(runs: readonly RunResult[]): [string, Float64Array][] {
  const names = Object.keys(runs[0]?.parameters ?? {});
  return varyingColumns(
    runs.length,
    (i) => ((runs[i] as RunResult).executed ? 1 : 0),
    names,
    (i, j) => (runs[i] as RunResult).parameters[names[j] as string] as number,
  );
}

/**
 * What drives the outcome, and when: for every uncertain assumption (and
 * whether the programme was carried out as planned), at each month asked,
 * its rank correlation with the cumulative NPV, the share of the NPV's
 * variance it alone explains (first-order index, from the same runs), and
 * the swing of the median NPV between its lowest and highest tenth, in
 * currency. Early on the delay and ramp decide; later, whether the
 * programme was carried out and how much it cut failures. Then one-way
 * swings of the fixed, sourced figures, which runs cannot rank because
 * they do not vary.
 *
 * @param result - A result simulated with `{ keepRuns: true }`.
 * @param options - The months (`at`), and the fixed figures' swings.
 * @throws {@link ScenarioError} when the result has no kept runs, a kept run's
 *   NPV or drawn value is not a finite number (NaN), or on a bad month.
 * @example
 * ```ts
 * import { sensitivity, simulate } from 'cx-roi';
 * const result = simulate({}, { runs: 1000, seed: 1, keepRuns: true });
 * const { months } = sensitivity(result, { at: [12, 60], swings: false });
 * // In the first year the delay decides (the longer, the lower the NPV) ...
 * months[0].drivers[0]; // => { path: 'investment.delayMonths', spearman: -0.647, firstOrder: 0.368 }
 * // ... at five years, whether the programme was carried out as planned (the swing is in currency).
 * months[1].drivers[0]; // => { path: 'investment.executed', firstOrder: 0.693, swing: 831603 }
 * months[1].drivers[1]; // => { path: 'investment.missedEffectShare', firstOrder: 0.119 }
 * sensitivity(simulate({}, { runs: 100 })); // throws ScenarioError: sensitivity needs a result simulated with { keepRuns: true }
 * ```
 */
export function sensitivity(
  result: Pick<SimulationResult, 'runs' | 'scenario' | 'seed' | 'runCount'>,
  options: SensitivityOptions = {},
): Sensitivity {
  const runs = keptRuns(result, 'sensitivity');
  const { at, swings } = optionsObject(options, { of: 'sensitivity', names: ['at', 'swings'], example: '{ at: [24, 60], swings: false }' });
  const horizon = result.scenario.horizonMonths;
  const months = checkMonths(at, horizon);
  const n = runs.length;
  const columns = inputColumns(runs);
  const classes = defaultClasses(n);
  // Each input's order, classes and tenths once; only the outcome changes from month to month.
  const prepared = columns.map(([path, x]) => {
    const order = sortedOrder(x);
    const sortedX = Float64Array.from(order, (i) => x[i] as number);
    let [low, high] = [quantileSorted(sortedX, 0.1), quantileSorted(sortedX, 0.9)];
    // Mostly one value (a yes/no that is rarely yes): the tenths would overlap, so compare the two ends.
    if (low >= high) [low, high] = [sortedX[0] as number, sortedX[sortedX.length - 1] as number];
    return { path, x, xRanks: ranks(x), ...partition(x, classes, order), low, high };
  });
  const atMonths = months.map((month): SensitivityAtMonth => {
    const y = Float64Array.from(runs, (r) => r.npvByMonth[month - 1] as number);
    const yRanks = ranks(y);
    const drivers = prepared
      .map(({ path, x, xRanks, classOf, count, low, high }): SensitivityDriver => {
        const lowTenth = median(y.filter((_, i) => (x[i] as number) <= low));
        const highTenth = median(y.filter((_, i) => (x[i] as number) >= high));
        return {
          path,
          spearman: pearson(xRanks, yRanks),
          firstOrder: betweenClassShare(y, classOf, count),
          medianLowTenth: lowTenth,
          medianHighTenth: highTenth,
          swing: highTenth - lowTenth,
        };
      })
      .sort((a, b) => b.firstOrder - a.firstOrder || Math.abs(b.spearman) - Math.abs(a.spearman));
    return { month, median: median(y), drivers, firstOrderSum: drivers.reduce((s, d) => s + d.firstOrder, 0) };
  });
  return {
    outcome: 'npv',
    runCount: n,
    months: atMonths,
    fixedFigures: swings === false ? null : fixedFigureSwings(result, months, swings ?? {}),
    method: firstOrderMethod,
  };
}
