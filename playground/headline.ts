/** The headline and the A/B table, in words a manager reads. */
import type { SimulationResult } from 'cx-roi';

const percent = (x: number, digits = 0) => `${(100 * x).toFixed(digits)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${percent(Math.abs(x))}`;
const money = (x: number) => `${x < 0 ? '−' : ''}${Math.round(Math.abs(x)).toLocaleString('en-US')}`;
const years = (months: number) => (months % 12 === 0 ? `${months / 12} years` : `${months} months`);

/** The headline figures: each with its label, value and a sentence. */
export function headline(result: SimulationResult): { id: string; label: string; value: string; words: string }[] {
  const h = result.horizon;
  const T = result.scenario.horizonMonths;
  const payback = h.paybackMonth.month;
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
      label: 'Median payback',
      value: payback ? `month ${Math.round(payback.p50)}` : 'none',
      words: payback
        ? `Of the runs that pay back, half do by month ${Math.round(payback.p50)} (year ${(payback.p50 / 12).toFixed(1)}); ${percent(h.paybackMonth.neverShare)} never pay back within ${years(T)}.`
        : `No run pays back within ${years(T)}.`,
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
    row('Median payback month', (r) => (r.horizon.paybackMonth.month ? String(Math.round(r.horizon.paybackMonth.month.p50)) : 'none')),
    row('Never pays back', (r) => percent(r.horizon.paybackMonth.neverShare)),
    row('Median NPV', (r) => money(r.horizon.npv.p50)),
    row('Outcome classes (+ / mid / −)', (r) => {
      const oc = r.horizon.outcomeClasses;
      return `${percent(oc.positive)} / ${percent(oc.middling)} / ${percent(oc.negative)}`;
    }),
  ];
}
