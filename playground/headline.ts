/** The headline and the A/B table, in words a manager reads. */
import type { ArmKpis, ImpliedKpis, SimulationResult } from 'cx-roi';

const percent = (x: number, digits = 0) => `${(100 * x).toFixed(digits)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${percent(Math.abs(x))}`;
const money = (x: number) => `${x < 0 ? '−' : ''}${Math.round(Math.abs(x)).toLocaleString('en-US')}`;
const years = (months: number) => (months % 12 === 0 ? `${months / 12} years` : `${months} months`);

/** The headline figures: each with its label, value and a sentence. */
export function headline(result: SimulationResult): { id: string; label: string; value: string; words: string }[] {
  const h = result.horizon;
  const T = result.scenario.horizonMonths;
  const payback = h.paybackMonth;
  const among = payback.amongPaidBack;
  return [
    {
      id: 'median-roi',
      label: `Median ROI after ${years(T)}`,
      value: signed(h.roi.p50),
      words: `Half the runs return more than ${signed(h.roi.p50)} on the programme’s discounted cost, half less; 90% of runs land between ${signed(h.roi.p5)} and ${signed(h.roi.p95)}.`,
    },
    {
      id: 'probability-positive',
      label: 'Chance it pays for itself',
      value: `${percent(h.probabilityPositiveRoi)} ± ${percent(h.probabilityPositiveRoiStandardError, 1)}`,
      words: `P(ROI > 0) at month ${T}, with its Monte Carlo standard error (more runs make it smaller).`,
    },
    {
      id: 'median-payback',
      label: 'Median payback (all runs)',
      value: payback.median === null ? `not within ${years(T)}` : `month ${payback.median}`,
      words:
        (payback.median === null
          ? `More than half the runs (${percent(payback.neverShare)}) never pay back within ${years(T)}.`
          : `Half of all runs have paid back by month ${payback.median} (year ${(payback.median / 12).toFixed(1)}); ${percent(payback.neverShare)} never pay back within ${years(T)}.`) +
        (among ? ` Among the runs that do pay back, the median is month ${Math.round(among.p50)}.` : ''),
    },
    {
      id: 'median-npv',
      label: 'Median NPV',
      value: money(h.npv.p50),
      words: `Discounted extra margin minus discounted cost, in the currency of the spend figures; p5 ${money(h.npv.p5)}, p95 ${money(h.npv.p95)}.`,
    },
  ];
}

/** Rows of the A-vs-B table. */
export function comparison(a: SimulationResult, b: SimulationResult): [string, string, string][] {
  const row = (label: string, f: (r: SimulationResult) => string): [string, string, string] => [label, f(a), f(b)];
  return [
    row('Median ROI', (r) => signed(r.horizon.roi.p50)),
    row('ROI p5 – p95', (r) => `${signed(r.horizon.roi.p5)} … ${signed(r.horizon.roi.p95)}`),
    row('P(ROI > 0)', (r) => `${percent(r.horizon.probabilityPositiveRoi)} ± ${percent(r.horizon.probabilityPositiveRoiStandardError, 1)}`),
    row('Median payback month (all runs)', (r) => (r.horizon.paybackMonth.median === null ? 'not within the horizon' : String(r.horizon.paybackMonth.median))),
    row('Never pays back', (r) => percent(r.horizon.paybackMonth.neverShare)),
    row('Median NPV', (r) => money(r.horizon.npv.p50)),
    row('Mean NPV: retention / spend / word of mouth + / − / cost', (r) => {
      const lv = r.horizon.levers;
      return [lv.retention, lv.spend, lv.positiveWordOfMouth, lv.negativeWordOfMouth, lv.cost].map(money).join(' / ');
    }),
    row('Outcome classes (+ / mid / −)', (r) => {
      const oc = r.horizon.outcomeClasses;
      return `${percent(oc.positive)} / ${percent(oc.middling)} / ${percent(oc.negative)}`;
    }),
  ];
}

/** Rows of the implied-KPI table: label, without the programme, with it at full effect. */
export function kpiRows(kpis: ImpliedKpis): [string, string, string][] {
  const row = (label: string, f: (k: ArmKpis) => string): [string, string, string] => [label, f(kpis.baseline), f(kpis.invested)];
  const w = kpis.withoutProgramme;
  return [
    row('Annual retention', (k) => percent(k.annualRetention, 1)),
    row('Monthly churn (share after a bad experience)', (k) => `${percent(k.monthlyChurn, 2)} (${k.churnFromBadExperiences === null ? '–' : percent(k.churnFromBadExperiences)})`),
    row('Customers with a bad experience, a month / a year', (k) => `${percent(k.badExperienceShareMonthly, 2)} / ${percent(k.badExperienceShareYearly)}`),
    row('Revenue per customer per month', (k) => k.revenuePerCustomerMonthly.toFixed(2)),
    row('Customer lifetime value (discounted margin)', (k) => (k.customerLifetimeValue === null ? 'unbounded' : money(k.customerLifetimeValue))),
    row('NPS', (k) => k.nps.toFixed(0)),
    row('New customers a month', (k) => money(k.newCustomersMonthly)),
    ['Customers over the horizon', `${money(w.customersStart)} → ${money(w.customersAtHorizon)} (${signed(w.growth)})`, '–'],
  ];
}
