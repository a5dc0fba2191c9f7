import type { SimulationResult } from '../simulate/result.js';
import { roiDrivers } from '../summary/drivers.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = (x: number) => integer.format(x);
const ratio = (x: number) => (x >= 0 ? ' ' : '') + x.toFixed(2);
const percent = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
}

/**
 * The horizon summary and a month-by-month band table, as plain text for a
 * terminal.
 */
export function formatTable(result: SimulationResult): string {
  const { horizon: h, scenario } = result;
  const out: string[] = [];
  const T = scenario.horizonMonths;
  out.push(`cx-roi: ${integer.format(result.runCount)} runs, seed ${JSON.stringify(result.seed)}, horizon ${T} months`);
  out.push('');
  out.push(`ROI at month ${T}:        median ${ratio(h.roi.p50).trim()} (90% of runs between ${ratio(h.roi.p5).trim()} and ${ratio(h.roi.p95).trim()}); mean ${ratio(h.roi.mean).trim()} ± ${h.roiMeanStandardError.toFixed(2)} s.e.`);
  out.push(`P(ROI > 0):             ${percent(h.probabilityPositiveRoi)} ± ${percent(h.probabilityPositiveRoiStandardError)} s.e.`);
  out.push(`NPV at month ${T}:        median ${money(h.npv.p50)} (p5 ${money(h.npv.p5)}, p95 ${money(h.npv.p95)})`);
  const pb = h.paybackMonth;
  out.push(
    pb.month
      ? `Payback:                median month ${Math.round(pb.month.p50)} of the runs that pay back (p25 ${Math.round(pb.month.p25)}, p75 ${Math.round(pb.month.p75)}); never within ${T} months: ${percent(pb.neverShare)}`
      : `Payback:                no run pays back within ${T} months`,
  );
  const oc = h.outcomeClasses;
  out.push(
    `Outcome classes:        clearly positive (ROI ≥ ${oc.positiveFrom}) ${percent(oc.positive, 0)}, middling ${percent(oc.middling, 0)}, lower or negative (ROI < ${oc.negativeBelow}) ${percent(oc.negative, 0)}`,
  );
  out.push(`  Accenture published:  ${percent(oc.published.positive, 0)}, ${percent(oc.published.middling, 0)}, ${percent(oc.published.negative, 0)}`);
  out.push(`Customers at month ${T}:  baseline ${integer.format(h.customers.baseline.p50)}, invested ${integer.format(h.customers.invested.p50)} (medians)`);
  out.push(`Programme carried out:  ${percent(h.executedShare)} of runs`);
  if (result.runs) {
    const drivers = roiDrivers(result).slice(0, 5);
    if (drivers.length > 0)
      out.push(`What drives the spread: ${drivers.map((d) => `${d.path} ${d.correlation >= 0 ? '+' : '−'}${Math.abs(d.correlation).toFixed(2)}`).join(', ')} (rank correlation with ROI)`);
  }
  out.push('');
  const header = ['month', 'ROI p5', 'p25', 'p50', 'p75', 'p95', 'paid back', 'customers base', 'invested', 'margin base', 'invested'];
  const widths = header.map((h) => Math.max(h.length, 9));
  widths[0] = 5;
  out.push(pad(header, widths));
  for (const row of result.series) {
    out.push(
      pad(
        [
          String(row.month),
          ratio(row.roi.p5),
          ratio(row.roi.p25),
          ratio(row.roi.p50),
          ratio(row.roi.p75),
          ratio(row.roi.p95),
          percent(row.probabilityPaidBack, 0),
          integer.format(row.customers.baseline.p50),
          integer.format(row.customers.invested.p50),
          money(row.margin.baseline.p50),
          money(row.margin.invested.p50),
        ],
        widths,
      ),
    );
  }
  out.push('');
  out.push('ROI is cumulative and discounted; customers and margin are medians over runs (margin per month).');
  return `${out.join('\n')}\n`;
}
