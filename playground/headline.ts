/** The headline, the A/B table and the business table, in words a strategist reads. */
import type { ArmKpis, ImpliedKpis, SimulationResult } from 'cx-roi';

import { median } from '../src/maths/statistics';
import { count, minus, money, percent, signedCount, signedMoney, signedPercent as signed } from '../src/format/numbers';

export const years = (months: number) => (months % 12 === 0 ? `${months / 12} year${months === 12 ? '' : 's'}` : `${months} months`);

/** A word joiner after the minus of a figure: a loss must never wrap into a gain. */
const unbroken = (figure: string) => figure.replace(minus, `${minus}\u2060`);

/** Money with the page's currency symbol: `€1,234`, `−€1,234`, or plain numbers without one. */
export function moneyIn(currency: string): (x: number) => string {
  return (x) => unbroken(money(x, currency));
}

/** The two outcomes a programme has: carried out as planned, or missed; null when every run is one of them. */
export function outcomes(
  result: SimulationResult,
): { carriedOut: { share: number; roi: number }; missed: { share: number; roi: number } } | null {
  const runs = result.runs;
  if (!runs || runs.length === 0) return null;
  const carried = runs.filter((r) => r.executed).map((r) => r.roi);
  const missed = runs.filter((r) => !r.executed).map((r) => r.roi);
  if (carried.length === 0 || missed.length === 0) return null;
  return {
    carriedOut: { share: carried.length / runs.length, roi: median(carried) },
    missed: { share: missed.length / runs.length, roi: median(missed) },
  };
}

/** The chance of having paid back by a month (cumulative NPV ≥ 0 at some month up to it). */
export function paidBackBy(result: SimulationResult, month: number): number | null {
  const row = result.series[Math.min(month, result.series.length) - 1];
  return row ? row.probabilityPaidBack : null;
}

export interface HeadlineFigure {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** A short line under the value. */
  readonly sub: string;
  /** What the figure means, in full (under "What these figures mean"). */
  readonly words: string;
  /** Shown on the phone's answer bar, when short enough. */
  readonly short?: string;
}

/**
 * A share of runs in words that never round to certainty: "every run" only
 * when it is every run, "over 99% of runs" when a few are not.
 */
export function ofRuns(share: number): string {
  if (share >= 1) return 'every run';
  if (share <= 0) return 'no run';
  if (share > 0.99) return 'over 99% of runs';
  if (share < 0.01) return 'under 1% of runs';
  return `${percent(share, 0)} of runs`;
}

/** "In every run" or "in no run", when a chance is certain in the runs; else null (and the ± is said). */
function certain(share: number): string | null {
  return share >= 1 ? 'in every run' : share <= 0 ? 'in no run' : null;
}

/** The headline figures: ROI (median and mean), the chances, the payback over all runs, NPV, and the two outcomes. */
export function headline(result: SimulationResult, currency = ''): HeadlineFigure[] {
  const inCurrency = moneyIn(currency);
  const h = result.horizon;
  const T = result.scenario.horizonMonths;
  const payback = h.paybackMonth;
  const se = h.probabilityPositiveRoiStandardError;
  const by36 = T > 36 ? paidBackBy(result, 36) : null;
  const split = outcomes(result);
  const figures: HeadlineFigure[] = [
    {
      id: 'roi',
      label: `ROI after ${years(T)}`,
      value: signed(h.roi.p50),
      sub: `the middle run; the average is ${signed(h.roi.mean)}`,
      short: `median ROI ${signed(h.roi.p50)}`,
      words: `Half the runs return more than ${signed(h.roi.p50)} on the programme’s discounted cost, half less. Mean ${signed(h.roi.mean)}: a few very good runs pull the mean above the median. 90% of runs land between ${signed(h.roi.p5)} and ${signed(h.roi.p95)}: that is the spread of what may happen.`,
    },
    {
      id: 'probability-positive',
      label: 'Chance it pays for itself',
      value: percent(h.probabilityPositiveRoi, 0),
      sub: certain(h.probabilityPositiveRoi) ?? `± ${percent(se, 1)} simulation error`,
      short: `pays for itself in ${ofRuns(h.probabilityPositiveRoi)}`,
      words: `The share of runs with ROI above 0 at month ${T}. ± ${percent(se, 1)} is simulation error only (more runs make it smaller), not the uncertainty about the future, which the spread shows.`,
    },
    {
      id: 'paid-back',
      label: by36 === null ? `Paid back within ${years(T)}` : 'Paid back within 3 years',
      value: by36 === null ? percent(payback.paidBackShare, 0) : percent(by36, 0),
      sub: by36 === null ? 'share of runs' : `${percent(payback.paidBackShare, 0)} within ${years(T)}`,
      words: `Share of runs whose cumulative discounted return has covered the cost: ${by36 === null ? '' : `${percent(by36, 0)} within 3 years, `}${percent(payback.paidBackShare, 0)} within ${years(T)}.`,
    },
    {
      id: 'median-payback',
      label: 'Median payback (all runs)',
      value: payback.median === null ? `not within ${years(T)}` : `month ${payback.median}`,
      sub: `${percent(payback.neverShare, 0)} never within ${years(T)}`,
      short: payback.median === null ? `no payback within ${years(T)}` : `pays back in month ${payback.median}`,
      words:
        payback.median === null
          ? `More than half of all runs (${percent(payback.neverShare, 0)}) never pay back within ${years(T)}.`
          : `Half of all runs, counting those that never pay back, have paid back by month ${payback.median} (year ${count(payback.median / 12, 1)}); ${percent(payback.neverShare, 0)} never do within ${years(T)}.`,
    },
    {
      id: 'npv',
      label: 'Net present value',
      value: inCurrency(h.npv.p50),
      sub: `the middle run; the average is ${inCurrency(h.npv.mean)}`,
      words: `Net present value: discounted extra margin minus discounted cost. Mean ${inCurrency(h.npv.mean)}; 90% of runs between ${inCurrency(h.npv.p5)} and ${inCurrency(h.npv.p95)}.`,
    },
  ];
  if (split)
    figures.push({
      id: 'outcomes',
      label: 'Carried out / missed',
      value: `${signed(split.carriedOut.roi)} / ${signed(split.missed.roi)}`,
      sub: `median ROI; carried out in ${percent(split.carriedOut.share, 0)} of runs, missed in ${percent(split.missed.share, 0)}`,
      words: `Carried out as planned (${percent(split.carriedOut.share, 0)} of runs): median ROI ${signed(split.carriedOut.roi)}. Missed its goals (${percent(split.missed.share, 0)}): median ROI ${signed(split.missed.roi)}. The ROI has two humps, one for each.${(result.runs?.length ?? 0) < result.runCount ? ` Read from the first ${count(result.runs?.length ?? 0)} runs.` : ''}`,
    });
  return figures;
}

/** The spread, told apart from the simulation error. */
export function spreadLine(result: SimulationResult): string {
  const h = result.horizon;
  return `90% of runs end between ${signed(h.roi.p5)} and ${signed(h.roi.p95)} ROI: that spread is the uncertainty about the future. The ± figures are simulation error only: more runs shrink them, not the spread.`;
}

/** The headline in one sentence, for the page's summary and for screen readers. */
export function headlineSentence(result: SimulationResult): string {
  const h = result.horizon;
  const T = result.scenario.horizonMonths;
  const p = h.paybackMonth.median;
  return (
    `Over ${years(T)} the programme returns ${signed(h.roi.p50)} at the median (mean ${signed(h.roi.mean)}), pays for itself in ${ofRuns(h.probabilityPositiveRoi)}, ` +
    (p !== null
      ? `and half of all runs have paid back by month ${p}.`
      : h.paybackMonth.neverShare >= 1
        ? `and no run pays back within ${years(T)}.`
        : `and more than half of the runs do not pay back within ${years(T)}.`)
  );
}

/** Rows of the A-vs-B table, with B − A. */
export function comparison(a: SimulationResult, b: SimulationResult, currency = ''): [string, string, string, string][] {
  const inCurrency = moneyIn(currency);
  const change = (x: number) => unbroken(signedMoney(x, currency));
  const points = (x: number) => `${signedCount(100 * x, 1)} pts`;
  const payback = (r: SimulationResult) => r.horizon.paybackMonth.median;
  const rows: [string, (r: SimulationResult) => string, string][] = [
    ['Median ROI', (r) => signed(r.horizon.roi.p50), points(b.horizon.roi.p50 - a.horizon.roi.p50)],
    ['Mean ROI', (r) => signed(r.horizon.roi.mean), points(b.horizon.roi.mean - a.horizon.roi.mean)],
    ['ROI, 90% of runs', (r) => `${signed(r.horizon.roi.p5)} to ${signed(r.horizon.roi.p95)}`, ''],
    [
      'Chance it pays for itself',
      (r) => `${percent(r.horizon.probabilityPositiveRoi, 0)} (± ${percent(r.horizon.probabilityPositiveRoiStandardError, 1)} sim.)`,
      points(b.horizon.probabilityPositiveRoi - a.horizon.probabilityPositiveRoi),
    ],
    [
      'Median payback (all runs)',
      (r) => (payback(r) === null ? 'not within the horizon' : `month ${payback(r)}`),
      payback(a) !== null && payback(b) !== null ? `${signedCount((payback(b) as number) - (payback(a) as number))} months` : '',
    ],
    [
      'Never pays back',
      (r) => percent(r.horizon.paybackMonth.neverShare, 0),
      points(b.horizon.paybackMonth.neverShare - a.horizon.paybackMonth.neverShare),
    ],
    ['Median NPV', (r) => inCurrency(r.horizon.npv.p50), change(b.horizon.npv.p50 - a.horizon.npv.p50)],
    ['Mean NPV', (r) => inCurrency(r.horizon.npv.mean), change(b.horizon.npv.mean - a.horizon.npv.mean)],
  ];
  return rows.map(([label, f, difference]) => [label, f(a), f(b), difference]);
}

/** Rows of the implied-KPI table: label, without the programme, with it at full effect. */
export function kpiRows(kpis: ImpliedKpis, currency = ''): [string, string, string][] {
  const inCurrency = moneyIn(currency);
  const row = (label: string, f: (k: ArmKpis) => string): [string, string, string] => [label, f(kpis.baseline), f(kpis.invested)];
  const w = kpis.withoutProgramme;
  return [
    row('Annual retention', (k) => percent(k.annualRetention, 1)),
    row(
      'Monthly churn (share after a bad experience)',
      (k) => `${percent(k.monthlyChurn, 2)} (${k.churnFromBadExperiences === null ? '–' : percent(k.churnFromBadExperiences, 0)})`,
    ),
    row(
      'Customers with a bad experience, a month / a year',
      (k) => `${percent(k.badExperienceShareMonthly, 2)} / ${percent(k.badExperienceShareYearly, 0)}`,
    ),
    row('Revenue per customer per month', (k) => `${currency}${count(k.revenuePerCustomerMonthly, 2)}`),
    row('Customer lifetime value (discounted margin)', (k) =>
      k.customerLifetimeValue === null ? 'unbounded' : inCurrency(k.customerLifetimeValue),
    ),
    row('NPS', (k) => count(k.nps)),
    row('New customers a month', (k) => count(k.newCustomersMonthly)),
    ['Customers over the horizon', `${count(w.customersStart)} → ${count(w.customersAtHorizon)} (${signed(w.growth)})`, '–'],
  ];
}
