import type { JoinedRuns, RunMatrix } from './matrix.js';
import { type MetricColumn, type MonthlyMetric, monthlyMetrics } from './metrics.js';
import type { HorizonSummary, LeverSummary, NpsBands, OutcomeClasses, PaybackSummary, SeriesRow, StageGateSummary } from './result.js';
import type { Scenario } from '../scenario/schema.js';
import { accentureOutcomeSplit } from '../scenario/sources.js';
import { type Band, bandInPlace } from '../maths/band.js';
import { horizonBand, standardDeviation } from '../maths/statistics.js';

/**
 * Figures banded from two kept ones, run by run: passives and NPS from the
 * promoter and detractor shares (keeping them would cost memory for nothing).
 */
export const derivedMetrics = {
  passivesBaseline: { from: ['promotersBaseline', 'detractorsBaseline'], form: 'passives' },
  passivesInvested: { from: ['promotersInvested', 'detractorsInvested'], form: 'passives' },
  npsBaseline: { from: ['promotersBaseline', 'detractorsBaseline'], form: 'nps' },
  npsInvested: { from: ['promotersInvested', 'detractorsInvested'], form: 'nps' },
} as const satisfies Record<string, { from: readonly [MonthlyMetric, MonthlyMetric]; form: 'passives' | 'nps' }>;

/**
 * A derived figure run by run, into `into` from `at`: passives 1 − promoters − detractors, NPS
 * 100 · (promoters − detractors). One loop a form rather than a call a run: the bands of every month run it.
 */
export function deriveInto(
  metric: DerivedMetric,
  promoters: ArrayLike<number>,
  detractors: ArrayLike<number>,
  into: Float64Array,
  at: number,
): void {
  const count = promoters.length;
  if (derivedMetrics[metric].form === 'passives')
    for (let i = 0; i < count; i += 1) into[at + i] = 1 - (promoters[i] as number) - (detractors[i] as number);
  else for (let i = 0; i < count; i += 1) into[at + i] = 100 * ((promoters[i] as number) - (detractors[i] as number));
}

/** A figure derived from two kept ones. */
export type DerivedMetric = keyof typeof derivedMetrics;

/** A figure the series has bands of: kept, or derived. */
export type BandMetric = MonthlyMetric | DerivedMetric;

/** Every figure the series has bands of. */
export const bandMetrics: readonly BandMetric[] = [...monthlyMetrics, ...(Object.keys(derivedMetrics) as DerivedMetric[])];

/** The kept figures a band of `metric` is computed from. */
export function sourcesOf(metric: BandMetric): readonly MonthlyMetric[] {
  return Object.hasOwn(derivedMetrics, metric) ? derivedMetrics[metric as DerivedMetric].from : [metric as MonthlyMetric];
}

/** The month-by-month columns a band needs: a block's runs, possibly only some figures. */
export interface BandBlock {
  readonly first: number;
  readonly count: number;
  readonly months: number;
  readonly values: Partial<Readonly<Record<MonthlyMetric, MetricColumn>>>;
  /**
   * Per figure, the month index (0-based) its `values` start at, when they
   * hold only some months (a worker is sent only the months it summarises).
   * @defaultValue 0 for every figure
   */
  readonly fromMonth?: Partial<Readonly<Record<MonthlyMetric, number>>>;
}

/** Which bands to compute: one figure's months `[from, to)`. */
export interface BandTask {
  readonly metric: BandMetric;
  readonly from: number;
  readonly to: number;
}

/** Bands by figure, indexed by month − 1 (only the months asked for are filled). */
export type BandsByMetric = Partial<Record<BandMetric, Band[]>>;

/** Month `t` (0-based) of a kept figure in a block, as the contiguous values of its runs. */
function monthColumn(block: BandBlock, metric: MonthlyMetric, t: number): MetricColumn {
  const column = block.values[metric];
  const at = t - (block.fromMonth?.[metric] ?? 0);
  if (!column || at < 0 || (at + 1) * block.count > column.length)
    throw new Error(`block from run ${block.first} lacks ${metric} for month ${t + 1}`);
  return column.subarray(at * block.count, (at + 1) * block.count);
}

/**
 * Bands of the given figures and months, from blocks ordered by first run.
 * Each month's column is gathered in run order, so the bands do not depend on
 * how the runs were split.
 */
export function seriesBands(ordered: readonly BandBlock[], total: number, tasks: readonly BandTask[]): BandsByMetric {
  const scratch = new Float64Array(total);
  const out: BandsByMetric = {};
  for (const { metric, from, to } of tasks) {
    const bands = out[metric] ?? [];
    out[metric] = bands;
    for (let t = from; t < to; t += 1) {
      gatherMonth(ordered, metric, t, scratch);
      bands[t] = bandInPlace(scratch);
    }
  }
  return out;
}

/** Month `t` (0-based) of a figure from every block, in run order, into `into` (a derived figure worked out run by run). */
function gatherMonth(ordered: readonly BandBlock[], metric: BandMetric, t: number, into: Float64Array): void {
  if (!Object.hasOwn(derivedMetrics, metric)) {
    for (const block of ordered) into.set(monthColumn(block, metric as MonthlyMetric, t), block.first);
    return;
  }
  const { from } = derivedMetrics[metric as DerivedMetric];
  for (const block of ordered)
    deriveInto(metric as DerivedMetric, monthColumn(block, from[0], t), monthColumn(block, from[1], t), into, block.first);
}

/**
 * Splits every figure × month band into `parts` contiguous groups of nearly
 * equal size (figure by figure, so a group needs few figures' columns).
 */
export function splitBandTasks(months: number, parts: number): BandTask[][] {
  const total = bandMetrics.length * months;
  return Array.from({ length: parts }, (_, k) => {
    const start = Math.floor((k * total) / parts);
    const end = Math.floor(((k + 1) * total) / parts);
    const tasks: BandTask[] = [];
    bandMetrics.forEach((metric, i) => {
      const from = Math.max(start, i * months) - i * months;
      const to = Math.min(end, (i + 1) * months) - i * months;
      if (to > from) tasks.push({ metric, from, to });
    });
    return tasks;
  });
}

/** Puts bands computed in parts together. */
export function mergeBands(parts: readonly BandsByMetric[]): BandsByMetric {
  const out: BandsByMetric = {};
  for (const part of parts)
    for (const [metric, bands] of Object.entries(part) as [BandMetric, Band[]][]) {
      const into = out[metric] ?? [];
      out[metric] = into;
      bands.forEach((band, t) => {
        into[t] = band;
      });
    }
  return out;
}

/**
 * Share of runs whose cumulative ROI is ≥ 0, month by month, from each
 * block's counts: whole numbers, so the sum is exact however the runs were split.
 */
export function paidBackShares(blocks: readonly Pick<RunMatrix, 'paidBackCounts'>[], total: number): number[] {
  const counts = new Int32Array(blocks[0]?.paidBackCounts.length ?? 0);
  for (const block of blocks)
    block.paidBackCounts.forEach((n, t) => {
      counts[t] = (counts[t] as number) + n;
    });
  return Array.from(counts, (n) => n / total);
}

/** The series rows from every figure's monthly bands. */
export function seriesRows(bands: BandsByMetric, paidBack: readonly number[]): SeriesRow[] {
  const at = (metric: BandMetric, t: number): Band => {
    const band = bands[metric]?.[t];
    if (!band) throw new Error(`no band of ${metric} for month ${t + 1}`);
    return band;
  };
  return paidBack.map((share, t) => ({
    month: t + 1,
    roi: at('roi', t),
    probabilityPaidBack: share,
    customers: { baseline: at('customersBaseline', t), invested: at('customersInvested', t) },
    revenue: { baseline: at('revenueBaseline', t), invested: at('revenueInvested', t) },
    margin: { baseline: at('marginBaseline', t), invested: at('marginInvested', t) },
    nps: {
      baseline: npsBands(at('npsBaseline', t), at('promotersBaseline', t), at('passivesBaseline', t), at('detractorsBaseline', t)),
      invested: npsBands(at('npsInvested', t), at('promotersInvested', t), at('passivesInvested', t), at('detractorsInvested', t)),
    },
  }));
}

function npsBands(score: Band, promoters: Band, passives: Band, detractors: Band): NpsBands {
  return { score, promoters, passives, detractors };
}

/** One row per month: bands of every monthly figure over the runs, from blocks ordered by first run. */
export function summarizeSeries(ordered: readonly RunMatrix[], total: number): SeriesRow[] {
  const months = ordered[0]?.months ?? 0;
  return seriesRows(seriesBands(ordered, total, splitBandTasks(months, 1)[0] ?? []), paidBackShares(ordered, total));
}

/** The horizon figures: ROI and NPV bands, their Monte Carlo error, payback and outcome classes. */
export function summarizeHorizon(scenario: Scenario, runs: JoinedRuns): HorizonSummary {
  const h = runs.horizon;
  const n = runs.count;
  const roi = Array.from(h.roi);
  const positive = roi.filter((x) => x > 0).length / n;
  const sd = standardDeviation(roi);
  let executed = 0;
  for (const x of h.executed) executed += x;
  return {
    month: scenario.horizonMonths,
    roi: horizonBand(roi),
    roiMeanStandardError: sd / Math.sqrt(n),
    npv: horizonBand(Array.from(h.npv)),
    probabilityPositiveRoi: positive,
    probabilityPositiveRoiStandardError: Math.sqrt((positive * (1 - positive)) / n),
    paybackMonth: payback(h.paybackMonth),
    outcomeClasses: outcomeClasses(roi, scenario.outcomeClasses),
    customers: {
      baseline: horizonBand(Array.from(h.customersBaseline)),
      invested: horizonBand(Array.from(h.customersInvested)),
    },
    executedShare: executed / n,
    levers: leverSummary(h, scenario.valuation.terminalValue !== 'none'),
    terminalValue: scenario.valuation.terminalValue === 'none' ? null : horizonBand(Array.from(h.terminalValue)),
    stageGate: stageGateSummary(scenario, runs),
  };
}

/** What the stage gate did over the runs, or `null` without one. */
function stageGateSummary(scenario: Scenario, runs: JoinedRuns): StageGateSummary | null {
  const gate = scenario.investment.stageGate;
  if (!gate) return null;
  const h = runs.horizon;
  const n = runs.count;
  let stopped = 0;
  let saved = 0;
  let savedAmongStopped = 0;
  const change = new Float64Array(n);
  let changeAmongStopped = 0;
  for (let i = 0; i < n; i += 1) {
    change[i] = (h.npv[i] as number) - (h.npvWithoutGate[i] as number);
    saved += h.savedCost[i] as number;
    if ((h.stoppedMonth[i] as number) > 0) {
      stopped += 1;
      savedAmongStopped += h.savedCost[i] as number;
      changeAmongStopped += change[i] as number;
    }
  }
  const share = stopped / n;
  return {
    month: gate.month,
    measure: gate.measure,
    threshold: gate.threshold,
    afterStop: gate.afterStop,
    fadeMonths: gate.fadeMonths,
    stoppedShare: share,
    stoppedShareStandardError: Math.sqrt((share * (1 - share)) / n),
    savedCost: saved / n,
    savedCostAmongStopped: stopped > 0 ? savedAmongStopped / stopped : null,
    npvChange: mean(change),
    npvChangeStandardError: standardDeviation(Array.from(change)) / Math.sqrt(n),
    npvChangeAmongStopped: stopped > 0 ? changeAmongStopped / stopped : null,
  };
}

function mean(xs: Float64Array): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

function leverSummary(h: JoinedRuns['horizon'], withTerminalValue: boolean): LeverSummary {
  return {
    retention: mean(h.leverRetention),
    spend: mean(h.leverSpend),
    positiveWordOfMouth: mean(h.leverPositiveWordOfMouth),
    negativeWordOfMouth: mean(h.leverNegativeWordOfMouth),
    cost: mean(h.leverCost),
    npv: mean(h.npv),
    terminalValue: withTerminalValue ? mean(h.terminalValue) : null,
  };
}

/** Payback months, 0 for a run that never pays back. */
export function payback(months: Int32Array): PaybackSummary {
  const paid = Array.from(months)
    .filter((m) => m > 0)
    .sort((a, b) => a - b);
  // Over all runs, never-paying runs last: the ⌈n/2⌉-th smallest month, if that many paid back.
  const rank = Math.ceil(months.length / 2);
  return {
    median: paid.length >= rank && rank > 0 ? (paid[rank - 1] as number) : null,
    paidBackShare: paid.length / months.length,
    neverShare: 1 - paid.length / months.length,
    amongPaidBack: paid.length > 0 ? horizonBand(paid) : null,
  };
}

/** Shares of runs in Accenture's three outcome classes at the given thresholds, with the χ² distance from the published split. */
export function outcomeClasses(roi: readonly number[], thresholds: Scenario['outcomeClasses']): OutcomeClasses {
  const { positiveFrom, negativeBelow } = thresholds;
  let positive = 0;
  let negative = 0;
  for (const x of roi) {
    if (x >= positiveFrom) positive += 1;
    else if (x < negativeBelow) negative += 1;
  }
  const n = roi.length;
  const shares = { positive: positive / n, middling: (n - positive - negative) / n, negative: negative / n };
  const published = accentureOutcomeSplit;
  const chiSquareDistance =
    (shares.positive - published.positive) ** 2 / published.positive +
    (shares.middling - published.middling) ** 2 / published.middling +
    (shares.negative - published.negative) ** 2 / published.negative;
  return { ...shares, positiveFrom, negativeBelow, published, chiSquareDistance };
}
