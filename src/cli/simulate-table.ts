import { type SimulationResult, type StageGateSummary, impliedKpis, roiDrivers } from 'cx-roi';
import { count, money, percent, signedCount, signedMoney, signedPercent } from '../format/numbers.js';
import { kpiLines } from './kpi-table.js';

/** The horizon's ROI, NPV and payback. */
function returnLines(result: SimulationResult): string[] {
  const { horizon: h } = result;
  const T = result.scenario.horizonMonths;
  const roi = (x: number) => signedPercent(x, 0);
  const pb = h.paybackMonth;
  const median = pb.median === null ? `not within ${T} months for the median run` : `median month ${pb.median}`;
  const out = [
    `ROI at month ${T}:        median ${roi(h.roi.p50)} (90% of runs between ${roi(h.roi.p5)} and ${roi(h.roi.p95)}); ` +
      `mean ${roi(h.roi.mean)} ± ${(100 * h.roiMeanStandardError).toFixed(0)} points (simulation error)`,
    `P(ROI > 0):             ${percent(h.probabilityPositiveRoi)} ± ${percent(h.probabilityPositiveRoiStandardError)} (simulation error)`,
    `NPV at month ${T}:        median ${money(h.npv.p50)} (p5 ${money(h.npv.p5)}, p95 ${money(h.npv.p95)})`,
    `Payback:                ${median} (over all runs); ` + `never within ${T} months: ${percent(pb.neverShare)}`,
  ];
  if (pb.amongPaidBack) {
    const [p25, p50, p75] = [pb.amongPaidBack.p25, pb.amongPaidBack.p50, pb.amongPaidBack.p75].map(Math.round);
    out.push(`  among the runs that pay back (${percent(pb.paidBackShare)}): median month ${p50} (p25 ${p25}, p75 ${p75})`);
  }
  return out;
}

/** The NPV by lever, the outcome classes beside Accenture's, the customers and how often the programme is carried out. */
function leverLines(result: SimulationResult): string[] {
  const { horizon: h } = result;
  const lv = h.levers;
  const oc = h.outcomeClasses;
  const published = [oc.published.positive, oc.published.middling, oc.published.negative].map((x) => percent(x, 0)).join(', ');
  const out = [
    `NPV by lever (mean):    retention ${money(lv.retention)}, spend ${money(lv.spend)}, ` +
      `positive word of mouth ${money(lv.positiveWordOfMouth)}, ` +
      `negative word of mouth ${money(lv.negativeWordOfMouth)}, programme cost ${money(lv.cost)}; = mean NPV ${money(lv.npv)}`,
  ];
  if (lv.terminalValue !== null)
    out.push(
      `Terminal value (mean):  ${money(lv.terminalValue)}, apart from the NPV (customers gained, at the invested arm's lifetime value)`,
    );
  out.push(
    `Outcome classes:        clearly positive (ROI ≥ ${oc.positiveFrom}) ${percent(oc.positive, 0)}, ` +
      `middling ${percent(oc.middling, 0)}, ` +
      `lower or negative (ROI < ${oc.negativeBelow}) ${percent(oc.negative, 0)}`,
    `  Accenture published:  ${published}; χ² distance ${oc.chiSquareDistance.toFixed(3)}. ` +
      'A reference for a reality check, not a target: nothing in the default is tuned to it.',
    `Customers at month ${result.scenario.horizonMonths}:  ` +
      `baseline ${count(h.customers.baseline.p50)}, invested ${count(h.customers.invested.p50)} (medians)`,
    `Programme carried out:  ${percent(h.executedShare)} of runs`,
  );
  return out;
}

/** The stage gate's rule and what it did. */
function gateLines(gate: StageGateSummary): string[] {
  const window = `months ${Math.max(1, gate.month - 2)}–${gate.month}`;
  const rule =
    gate.measure === 'effect'
      ? `the bad-experience share (${window}) is cut by less than ${percent(gate.threshold, 0)} from its level before the programme`
      : gate.measure === 'nps'
        ? `NPS (${window}) is less than ${gate.threshold} points above its level before the programme`
        : `the cumulative ROI is below ${gate.threshold}`;
  const afterStop = gate.afterStop === 'fade' ? `fades out over ${gate.fadeMonths} months` : 'stays as it is';
  const perStopped = gate.savedCostAmongStopped === null ? '' : ` (${money(gate.savedCostAmongStopped)} a stopped run)`;
  const verdict = gate.npvChange >= 0 ? 'stopping pays' : 'stopping loses money: what it stops would have paid';
  return [
    `Stage gate, end of month ${gate.month}: stop if ${rule}; a stopped programme's effect ${afterStop}.`,
    `  stopped ${percent(gate.stoppedShare)} of runs (± ${percent(gate.stoppedShareStandardError)} simulation error); ` +
      `running costs avoided ${money(gate.savedCost)} a run on average${perStopped}, discounted;` +
      ` the gate's effect on NPV ${signedMoney(gate.npvChange)} a run (± ${money(gate.npvChangeStandardError)}): ${verdict}.`,
  ];
}

/** The channels offered and where the channel budget goes. */
function channelLines(result: SimulationResult): string[] {
  const { scenario } = result;
  if (!scenario.channels) return [];
  const budget = scenario.investment.channels?.budget ?? {};
  const spent = Object.entries(budget).filter(([, x]) => typeof x !== 'number' || x > 0);
  const where = spent.length === 0 ? 'no channel budget' : `channel budget at month 0 on ${spent.map(([name]) => name).join(', ')}`;
  return [
    `Channels:               ${Object.keys(scenario.channels.offered).length} offered; ${where}. ` +
      'Contact failures are part of the business with and without the programme: calibrate again after adding channels.',
  ];
}

/** NPS at the horizon, with and without the programme, and what drives the spread of the ROI. */
function npsAndDriverLines(result: SimulationResult): string[] {
  const out: string[] = [];
  const last = result.series[result.series.length - 1];
  if (last) {
    const [before, after] = [last.nps.baseline.score.p50, last.nps.invested.score.p50];
    const mix = last.nps.invested;
    out.push(
      `NPS at month ${result.scenario.horizonMonths} (−100 to 100, medians): ` +
        `${before.toFixed(1)} without the programme, ${after.toFixed(1)} with it (${signedCount(after - before, 1)} points); ` +
        `with it ${percent(mix.promoters.p50, 0)} promoters, ${percent(mix.passives.p50, 0)} passives, ` +
        `${percent(mix.detractors.p50, 0)} detractors ` +
        `(below the "at full effect" NPS further down when most runs' programmes are not carried out as planned)`,
    );
  }
  if (result.runs) {
    const drivers = roiDrivers(result)
      .slice(0, 5)
      .map((d) => `${d.path} ${signedCount(d.correlation, 2)}`);
    if (drivers.length > 0) out.push(`What drives the spread: ${drivers.join(', ')} (rank correlation with ROI)`);
  }
  return out;
}

/** The band table: every 12th month and the horizon, or every month. */
function bandLines(result: SimulationResult, monthly: boolean): string[] {
  const T = result.scenario.horizonMonths;
  const header = ['month', 'ROI p5', 'p25', 'p50', 'p75', 'p95', 'paid back'];
  header.push('customers without', 'with', 'margin without', 'with', 'NPS without', 'with');
  const widths = header.map((h) => Math.max(h.length, 9));
  widths[0] = 5;
  const pad = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
  const rows = monthly ? result.series : result.series.filter((row) => row.month % 12 === 0 || row.month === T);
  const roi = (x: number) => signedPercent(x, 0);
  return [
    pad(header),
    ...rows.map((row) =>
      pad([
        String(row.month),
        ...[row.roi.p5, row.roi.p25, row.roi.p50, row.roi.p75, row.roi.p95].map(roi),
        percent(row.probabilityPaidBack, 0),
        count(row.customers.baseline.p50),
        count(row.customers.invested.p50),
        money(row.margin.baseline.p50),
        money(row.margin.invested.p50),
        row.nps.baseline.score.p50.toFixed(1),
        row.nps.invested.score.p50.toFixed(1),
      ]),
    ),
  ];
}

/**
 * The horizon summary and a month-by-month band table, as plain text for a
 * terminal.
 */
export function formatTable(result: SimulationResult, monthly = false): string {
  const out = [
    `cx-roi: ${count(result.runCount)} runs, seed ${JSON.stringify(result.seed)}, horizon ${result.scenario.horizonMonths} months`,
    '',
    ...returnLines(result),
    ...leverLines(result),
    ...(result.horizon.stageGate ? gateLines(result.horizon.stageGate) : []),
    ...channelLines(result),
    ...npsAndDriverLines(result),
    '',
    // The result's scenario is valid already: read again, it is the same scenario.
    ...kpiLines(impliedKpis(result.scenario)),
    ...result.warnings.map((w) => `Warning (${w.field}): ${w.message}`),
    '',
    ...bandLines(result, monthly),
    '',
    '"without" and "with": without and with the programme. ROI is cumulative and discounted; customers, margin (per month) and NPS ' +
      '(a survey of the month’s customers, in points) are medians over runs.' +
      `${monthly ? '' : ' Every 12th month; --monthly for every month.'}`,
  ];
  return `${out.join('\n')}\n`;
}
