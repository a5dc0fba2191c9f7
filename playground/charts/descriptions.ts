/** The charts in words: the text alternative beside each chart. */
import { count, percent, signedCount, signedPercent } from '../../src/format/numbers';
import { analysesOf } from '../analyses';
import { assumptionLabel } from '../labels';
import type { SimulationResult } from 'cx-roi';
import { type ChartOptions, medianPayback, signedWhole, whole } from './common';
import { leverNames, sensitivityOverYears } from './drivers';
import type { ChartId } from './registry';
import { valueOfInformationOf } from './value-of-information';

// ——— The charts in words ———

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "a", "a and b", "a, b and c". */
const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const needsRuns = 'It needs a result simulated with its runs kept.';

/** The words of each chart, by its id. */
const descriptions: Record<ChartId, (result: SimulationResult, options: ChartOptions) => string> = {
  'roi-fan': (result) => {
    const first = result.series[0]?.roi;
    const last = result.series.at(-1)?.roi;
    if (!first || !last) return 'No months simulated.';
    const h = result.scenario.horizonMonths;
    const payback = medianPayback(result);
    return (
      `Median cumulative ROI ${last.p50 >= first.p50 ? 'rises' : 'falls'} from ${signedPercent(first.p50)} in month 1 to ${signedPercent(last.p50)} at month ${h}; 90% of runs end between ${signedPercent(last.p5)} and ${signedPercent(last.p95)}.` +
      (payback === null
        ? ` Fewer than half of the runs pay back within ${h} months.`
        : ` Half of all runs have paid back by month ${payback}.`)
    );
  },
  customers: (result) => {
    const h = result.horizon;
    return `Active customers at month ${h.month}: a median of ${whole(h.customers.invested.p50)} with the programme against ${whole(h.customers.baseline.p50)} without it; 90% of runs end between ${whole(h.customers.invested.p5)} and ${whole(h.customers.invested.p95)} with it.`;
  },
  revenue: (result, options) => {
    const last = result.series.at(-1);
    if (!last) return 'No months simulated.';
    const m = (x: number) => whole(x, options.currency);
    return `Revenue in month ${last.month}: a median of ${m(last.revenue.invested.p50)} with the programme against ${m(last.revenue.baseline.p50)} without it; 90% of runs between ${m(last.revenue.invested.p5)} and ${m(last.revenue.invested.p95)} with it.`;
  },
  nps: (result) => {
    const last = result.series.at(-1);
    if (!last) return 'No months simulated.';
    return `NPS in month ${last.month}, on a scale of −100 to 100: a median of ${signedWhole(last.nps.invested.score.p50)} with the programme against ${signedWhole(last.nps.baseline.score.p50)} without it.`;
  },
  'roi-histogram': (result) => {
    const h = result.horizon;
    const oc = h.outcomeClasses;
    return (
      `ROI at month ${h.month} over ${count(result.runCount)} runs: median ${signedPercent(h.roi.p50)}, 90% of runs between ${signedPercent(h.roi.p5)} and ${signedPercent(h.roi.p95)}.` +
      ` ${percent(oc.positive, 0)} of runs are clearly positive (ROI of ${signedPercent(oc.positiveFrom)} or more), ${percent(oc.middling, 0)} middling and ${percent(oc.negative, 0)} lower or negative (below ${signedPercent(oc.negativeBelow)}).`
    );
  },
  'outcome-split': (result) => {
    const oc = result.horizon.outcomeClasses;
    const p = oc.published;
    return `This simulation: ${percent(oc.negative, 0)} of runs lower or negative, ${percent(oc.middling, 0)} middling and ${percent(oc.positive, 0)} clearly positive; Accenture published ${percent(p.negative, 0)}, ${percent(p.middling, 0)} and ${percent(p.positive, 0)} of companies.`;
  },
  payback: (result) => {
    const pb = result.horizon.paybackMonth;
    const h = result.scenario.horizonMonths;
    const among = pb.amongPaidBack;
    return (
      `${percent(pb.paidBackShare, 0)} of runs pay back within ${h} months${among ? `, 90% of them between month ${Math.round(among.p5)} and month ${Math.round(among.p95)}` : ''}; ${percent(pb.neverShare, 0)} never do.` +
      (pb.median === null ? '' : ` Half of all runs have paid back by month ${pb.median}.`)
    );
  },
  levers: (result, options) => {
    const l = result.horizon.levers;
    const parts = leverNames.map(([key, label]) => `${lower(label)} ${signedWhole(l[key], options.currency)}`);
    return `The mean NPV, ${whole(l.npv, options.currency)} discounted, adds up from ${list(parts)}.`;
  },
  drivers: (result) => {
    if (!result.runs) return needsRuns;
    const drivers = analysesOf(result).drivers;
    if (drivers.length === 0) return 'No assumption varies in this scenario, so nothing drives a spread in ROI.';
    const top = drivers
      .slice(0, 3)
      .map((d, i) => `${i === 0 ? assumptionLabel(d.path) : lower(assumptionLabel(d.path))} (${signedCount(d.correlation, 2)})`);
    return `What moves ROI at month ${result.scenario.horizonMonths} most, by rank correlation: ${list(top)}. A positive correlation: the higher the assumption, the higher the ROI; a negative one, the lower.`;
  },
  sensitivity: (result) => {
    if (!result.runs) return needsRuns;
    const last = sensitivityOverYears(result).months.at(-1);
    if (!last || last.drivers.length === 0) return 'No assumption varies in this scenario, so none explains a spread in NPV.';
    const top = last.drivers
      .slice(0, 3)
      .map((d, i) => `${i === 0 ? assumptionLabel(d.path) : lower(assumptionLabel(d.path))} ${percent(d.firstOrder, 0)}`);
    return `At month ${last.month}, the share of the spread in NPV each assumption alone explains: ${list(top)}; together all of them ${percent(last.firstOrderSum, 0)}, the rest comes from assumptions acting together.`;
  },
  voi: (result, options) => {
    if (!result.runs) return needsRuns;
    const voi = valueOfInformationOf(result);
    const top = voi.partial[0];
    return (
      `Knowing every assumption exactly before deciding would be worth ${whole(voi.evpi, options.currency)}.` +
      (top
        ? ` Of single assumptions, ${lower(assumptionLabel(top.path))} is worth most to learn: ${whole(top.evppi, options.currency)}, ${percent(top.shareOfEvpi, 0)} of knowing everything.`
        : ' No assumption varies.')
    );
  },
};

/**
 * What a chart shows, with its key numbers, in one or two plain sentences:
 * the text alternative the page puts beside the chart.
 */
export function chartDescription(id: ChartId, result: SimulationResult, options: ChartOptions = {}): string {
  return descriptions[id](result, options);
}
