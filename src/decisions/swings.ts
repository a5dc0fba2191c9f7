import type { Distribution } from '../scenario/distribution.js';
import { formatNumber } from '../scenario/domain.js';
import { ScenarioError } from '../scenario/error.js';
import { scenarioAssumptions } from '../scenario/assumption-fields.js';
import { optionIssues, unknownOptions } from '../scenario/options-check.js';
import { readingsOf } from '../scenario/readings.js';
import type { Field } from '../scenario/schema-walk.js';
import { scenarioFields } from '../scenario/schema-walk.js';
import type { Scenario } from '../scenario/schema.js';
import type { Source, SourceName } from '../scenario/sources.js';
import type { Seed } from '../random/stream.js';
import { median, medianWithError } from '../maths/statistics.js';
import { simulate } from '../simulate/simulate.js';
import type { SimulationResult } from '../simulate/result.js';
import { isWholeIn } from '../format/numbers.js';
import { fitsValue, lastFitting, withValues } from './vary-field.js';

/** A figure's effect at one month: the mean and median cumulative NPV with it, each with its Monte Carlo standard error. */
export interface SwingMonth {
  readonly month: number;
  /**
   * `medianAtHigh − medianAtLow` (or, for a reading, its median less the
   * median at the figure's own value), in currency, with its standard error
   * (from the order statistics of each, taken as independent: an upper
   * bound, since the runs are paired).
   */
  readonly swing: number;
  readonly swingStandardError: number;
  /** The same for the mean NPV; its standard error is that of the paired run-by-run differences. */
  readonly meanSwing: number;
  readonly meanSwingStandardError: number;
  /**
   * `up` or `down` when the mean swing is more than twice its standard error
   * from 0; `unsettled` when the run count cannot tell its sign; `none` when
   * the figure changes no run at all (it moves only the NPS, say).
   */
  readonly direction: 'up' | 'down' | 'unsettled' | 'none';
}

/** A fixed, sourced figure moved one way at a time. */
export interface FixedFigureSwing {
  readonly path: string;
  /** The source behind the figure (a key of `sources`), or `null` for a reading of one (word of mouth's period). */
  readonly source: SourceName | null;
  readonly value: number;
  /**
   * The ends swung to: `range` below and above `value`, cut to the field's
   * range and, with a held business, moved in to the values it can be held
   * under (then the swing is lopsided).
   */
  readonly low: number;
  readonly high: number;
  /** At each month asked: the median cumulative NPV with the figure at `low` and at `high`, and the swing between them with its error. */
  readonly atMonths: readonly (SwingMonth & {
    readonly medianAtLow: number;
    readonly medianAtHigh: number;
    readonly meanAtLow: number;
    readonly meanAtHigh: number;
  })[];
  /**
   * The figure at each published alternative (`contestedFigures`: 19% and
   * 22% for the 86% who switch, 13% more spend for 140%, …), the business
   * held when the scenario holds one: the change from the figure's own value.
   */
  readonly readings: readonly {
    readonly value: number;
    readonly label: string;
    readonly source: Source | null;
    /** Other fields the reading sets with it (see `Reading.with`). */
    readonly with: readonly { readonly path: string; readonly value: number | Distribution }[];
    readonly atMonths: readonly SwingMonth[];
  }[];
}

/** The swings' options, as sensitivity takes them. */
type SwingOptions = { readonly range?: number | undefined; readonly runs?: number | undefined };

/** What one call swings: the figures, each against the same base runs. */
interface SwingPlan {
  readonly scenario: Scenario;
  readonly seed: Seed;
  readonly runs: number;
  readonly months: readonly number[];
  readonly range: number;
  /** The base runs' NPV at each month, with every figure at its own value. */
  readonly base: readonly Float64Array[];
}

/** Each run's cumulative NPV at each month asked, by month (run i of every simulation is the same run: common random numbers). */
function npvAtMonths(scenario: Scenario, seed: Seed, runs: number, months: readonly number[]): Float64Array[] {
  const { runs: kept } = simulate(scenario, { runs, seed, keepRuns: true });
  return months.map((m) => Float64Array.from(kept ?? [], (r) => r.npvByMonth?.[m - 1] ?? Number.NaN));
}

/** The swing from `a` to `b` (the same runs), by median and by mean, with their errors and the sign it settles on. */
function swingBetween(month: number, a: Float64Array, b: Float64Array): SwingMonth {
  const [ma, mb] = [medianWithError(a), medianWithError(b)];
  const n = a.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += (b[i] as number) - (a[i] as number);
  const meanSwing = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i += 1) squares += ((b[i] as number) - (a[i] as number) - meanSwing) ** 2;
  const meanSwingStandardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : Number.POSITIVE_INFINITY;
  const settled = Math.abs(meanSwing) > 2 * meanSwingStandardError;
  return {
    month,
    swing: mb.reached - ma.reached,
    swingStandardError: Math.hypot(ma.standardError, mb.standardError),
    meanSwing,
    meanSwingStandardError: Number.isFinite(meanSwingStandardError) ? meanSwingStandardError : 0,
    direction: meanSwing === 0 && squares === 0 ? 'none' : !settled ? 'unsettled' : meanSwing > 0 ? 'up' : 'down',
  };
}

const meanOf = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;

const swingRules = {
  range: {
    ok: (v: unknown) => typeof v === 'number' && v > 0 && v <= 1,
    rule: 'must be a share above 0 and at most 1 (0.2: 20% below and above)',
  },
  runs: { ok: (v: unknown) => isWholeIn(v, 2, Number.MAX_SAFE_INTEGER), rule: 'must be a whole number of runs, at least 2' },
};

/** The swings' range and runs, checked, with their defaults (runs: the result's, at most 2000). */
function swingSettings(options: SwingOptions, resultRuns: number): { range: number; runs: number } {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new ScenarioError([{ path: 'options.swings', value: options, message: 'must be false, or { range, runs }' }]);
  const issues = [
    ...unknownOptions(options, { of: 'sensitivity’s swings', names: ['range', 'runs'] }, 'options.swings'),
    ...optionIssues(options, swingRules, 'options.swings'),
  ];
  if (issues.length > 0) throw new ScenarioError(issues);
  return { range: options.range ?? 0.2, runs: options.runs ?? Math.min(resultRuns, 2000) };
}

/** A field's published readings that are numbers. */
function publishedReadings(path: string) {
  return readingsOf(path).filter((r) => r.source !== null && typeof r.value === 'number');
}

/** The figures to swing: fixed (not drawn), non-zero, uncertain numbers with a source or a published reading. */
function swungFields(scenario: Scenario): Field[] {
  const drawn = new Set(
    scenarioAssumptions(scenario)
      .filter((f) => typeof f.value !== 'number')
      .map((f) => f.path),
  );
  return scenarioFields(scenario).filter(
    (f) =>
      f.meta.uncertain &&
      (f.meta.source !== null || publishedReadings(f.path).length > 0) &&
      typeof f.value === 'number' &&
      f.value !== 0 &&
      !drawn.has(f.path),
  );
}

/** The NPV at each month with some fields set (the business held when the scenario holds one). */
function npvWith(plan: SwingPlan, values: readonly { path: string; value: number | Distribution }[]): Float64Array[] {
  return npvAtMonths(withValues(plan.scenario, values), plan.seed, plan.runs, plan.months);
}

/** The figure at each of its published readings other than its own value, against the base runs. */
function readingSwings(plan: SwingPlan, f: Field, value: number): FixedFigureSwing['readings'][number][] {
  return publishedReadings(f.path)
    .filter((r) => r.value !== value)
    .flatMap((r) => {
      try {
        // A reading that only makes sense with other fields (0.5's word of mouth with its chance a tell wins) sets them too.
        const read = npvWith(plan, [{ path: f.path, value: r.value }, ...(r.with ?? [])]);
        return [
          {
            value: r.value as number,
            label: r.label,
            source: r.source,
            with: r.with ?? [],
            atMonths: plan.months.map((month, i) => swingBetween(month, plan.base[i] as Float64Array, read[i] as Float64Array)),
          },
        ];
      } catch (error) {
        // A reading the held business cannot be reconciled with is left out, as robustness lists it.
        if (error instanceof ScenarioError) return [];
        throw error;
      }
    });
}

/** One figure swung `range` below and above its value, and at its published readings. */
function figureSwing(plan: SwingPlan, f: Field): FixedFigureSwing {
  const value = f.value as number;
  const clip = (v: number) => {
    const inside = Math.min(f.meta.domain.max, Math.max(f.meta.domain.min, v));
    return f.meta.domain.integer ? Math.round(inside) : inside;
  };
  // An end the held business cannot be reconciled with (86% + 20% switching at a low churn, say) is moved in
  // towards the figure's own value until it can: the swing is then lopsided, and `low` and `high` say so.
  const inward = (end: number) => (fitsValue(plan.scenario, f.path, end) ? end : lastFitting(plan.scenario, f.path, value, end, 30, clip));
  const [low, high] = [inward(clip(value * (1 - plan.range))), inward(clip(value * (1 + plan.range)))];
  const [atLow, atHigh] = [npvWith(plan, [{ path: f.path, value: low }]), npvWith(plan, [{ path: f.path, value: high }])];
  const readings = readingSwings(plan, f, value);
  return {
    path: f.path,
    source: f.meta.source,
    value,
    low,
    high,
    atMonths: plan.months.map((month, i) => {
      const [l, h] = [atLow[i] as Float64Array, atHigh[i] as Float64Array];
      return {
        ...swingBetween(month, l, h),
        medianAtLow: median(l),
        medianAtHigh: median(h),
        meanAtLow: meanOf(l),
        meanAtHigh: meanOf(h),
      };
    }),
    readings,
  };
}

/** The fixed figures with a source (and word of mouth's period), each simulated at ± range and at its published readings. */
export function fixedFigureSwings(
  result: Pick<SimulationResult, 'scenario' | 'seed' | 'runCount'>,
  months: readonly number[],
  options: SwingOptions,
): { readonly range: number; readonly runs: number; readonly figures: readonly FixedFigureSwing[] } {
  const { range, runs } = swingSettings(options, result.runCount);
  const { scenario, seed } = result;
  const plan: SwingPlan = { scenario, seed, runs, months, range, base: npvAtMonths(scenario, seed, runs, months) };
  const figures = swungFields(scenario)
    .map((f) => figureSwing(plan, f))
    .sort((a, b) => Math.abs(b.atMonths.at(-1)?.swing ?? 0) - Math.abs(a.atMonths.at(-1)?.swing ?? 0));
  return { range, runs, figures };
}

/** A figure's range as the CLI and docs state it. */
export function describeSwingRange(range: number): string {
  return `each figure ${formatNumber(100 * range)}% below and above its value, cut to its allowed range`;
}
