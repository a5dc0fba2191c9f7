import type { SimulationResult } from '../simulate/result.js';
import type { RealityCheck } from '../business/reality-check.js';
import { roiDrivers } from '../summary/drivers.js';
import { type ArmKpis, type ImpliedKpis, scenarioKpis } from '../business/kpis.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = (x: number) => integer.format(x);
const ratio = (x: number) => (x >= 0 ? ' ' : '') + x.toFixed(2);
/** A return as the playground writes it: +19%, −8%. */
const roiPercent = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(100 * x).toFixed(0)}%`;
const percent = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
}

/** Where the customer base goes without the programme, in one line. */
function withoutProgrammeLine(kpis: ImpliedKpis, digits: number): string {
  const w = kpis.withoutProgramme;
  return `customers without the programme: ${integer.format(w.customersStart)} now, ${integer.format(w.customersAtHorizon)} in ${w.months} months (${w.growth >= 0 ? '+' : '−'}${percent(Math.abs(w.growth), digits)})`;
}

/** The implied-KPI block: the business the scenario describes, with and without the programme. */
export function kpiLines(kpis: ImpliedKpis): string[] {
  const arm = (name: string, k: ArmKpis) =>
    `  ${name.padEnd(26)}annual retention ${percent(k.annualRetention)} (monthly churn ${percent(k.monthlyChurn, 2)}, ${k.churnFromBadExperiences === null ? 'none' : percent(k.churnFromBadExperiences, 0)} of it after bad experiences); ` +
    `bad experience ${percent(k.badExperienceShareMonthly, 2)} a month, ${percent(k.badExperienceShareYearly, 0)} a year; revenue ${k.revenuePerCustomerMonthly.toFixed(2)} a customer a month; ` +
    `lifetime value ${k.customerLifetimeValue === null ? 'unbounded' : money(k.customerLifetimeValue)}; NPS ${k.nps.toFixed(0)}; new customers ${integer.format(k.newCustomersMonthly)} a month`;
  return [
    'The business the scenario implies (expected values, uncertain assumptions at their mean; cx-roi kpis for every figure):',
    arm('without the programme:', kpis.baseline),
    arm('with it, at full effect:', kpis.invested),
    `  ${withoutProgrammeLine(kpis, 0)}`,
  ];
}

/** Every implied KPI, one row each, without and with the programme (at full effect, as planned). */
export function kpiTable(kpis: ImpliedKpis): string {
  const rows: [string, (k: ArmKpis) => string][] = [
    ['annual retention', (k) => percent(k.annualRetention)],
    ['monthly churn', (k) => percent(k.monthlyChurn, 2)],
    ['mean tenure (months)', (k) => (k.meanTenureMonths === null ? 'unbounded' : k.meanTenureMonths.toFixed(1))],
    ['churn after bad experiences', (k) => (k.churnFromBadExperiences === null ? '-' : percent(k.churnFromBadExperiences, 0))],
    ['bad experience, a month', (k) => percent(k.badExperienceShareMonthly, 2)],
    ['at least one bad experience, a year', (k) => percent(k.badExperienceShareYearly)],
    ['revenue per customer per month', (k) => k.revenuePerCustomerMonthly.toFixed(2)],
    ['customer lifetime value', (k) => (k.customerLifetimeValue === null ? 'unbounded' : money(k.customerLifetimeValue))],
    ['NPS', (k) => k.nps.toFixed(1)],
    ['people told of an excellent experience, per customer a year', (k) => k.positiveTellsPerCustomerYearly.toFixed(2)],
    ['people told of a bad experience, per customer a year', (k) => k.negativeTellsPerCustomerYearly.toFixed(2)],
    ['people a promoter tells a year', (k) => k.positiveTellsPerTeller.toFixed(1)],
    ['people a dissatisfied customer tells', (k) => k.negativeTellsPerTeller.toFixed(1)],
    ['won by recommendation, per customer a year', (k) => k.wordOfMouthConversionsPerCustomerYearly.toFixed(3)],
    ['lost to negative stories, per customer a year', (k) => k.wordOfMouthLossesPerCustomerYearly.toFixed(3)],
    ['new customers a month', (k) => integer.format(k.newCustomersMonthly)],
  ];
  const header = ['', 'without the programme', 'with it, at full effect'];
  const table = [header, ...rows.map(([label, f]) => [label, f(kpis.baseline), f(kpis.invested)])];
  const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] as string).length)));
  const lines = table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : c.padStart(widths[i] as number))).join('  '));
  lines.push('');
  lines.push(withoutProgrammeLine(kpis, 1));
  lines.push('Expected values from the model, uncertain assumptions at their mean. "With it" is the programme fully in effect and carried out as planned: its best case.');
  return `${lines.join('\n')}\n`;
}

/**
 * The horizon summary and a month-by-month band table, as plain text for a
 * terminal.
 */
export function formatTable(result: SimulationResult, monthly = false): string {
  const { horizon: h, scenario } = result;
  const out: string[] = [];
  const T = scenario.horizonMonths;
  out.push(`cx-roi: ${integer.format(result.runCount)} runs, seed ${JSON.stringify(result.seed)}, horizon ${T} months`);
  out.push('');
  out.push(
    `ROI at month ${T}:        median ${roiPercent(h.roi.p50)} (90% of runs between ${roiPercent(h.roi.p5)} and ${roiPercent(h.roi.p95)}); mean ${roiPercent(h.roi.mean)} ± ${(100 * h.roiMeanStandardError).toFixed(0)} points (simulation error)`,
  );
  out.push(`P(ROI > 0):             ${percent(h.probabilityPositiveRoi)} ± ${percent(h.probabilityPositiveRoiStandardError)} (simulation error)`);
  out.push(`NPV at month ${T}:        median ${money(h.npv.p50)} (p5 ${money(h.npv.p5)}, p95 ${money(h.npv.p95)})`);
  const pb = h.paybackMonth;
  out.push(
    `Payback:                ${pb.median === null ? `not within ${T} months for the median run` : `median month ${pb.median}`} (over all runs); never within ${T} months: ${percent(pb.neverShare)}`,
  );
  if (pb.amongPaidBack)
    out.push(`  among the runs that pay back (${percent(pb.paidBackShare)}): median month ${Math.round(pb.amongPaidBack.p50)} (p25 ${Math.round(pb.amongPaidBack.p25)}, p75 ${Math.round(pb.amongPaidBack.p75)})`);
  const lv = h.levers;
  out.push(
    `NPV by lever (mean):    retention ${money(lv.retention)}, spend ${money(lv.spend)}, positive word of mouth ${money(lv.positiveWordOfMouth)}, negative word of mouth ${money(lv.negativeWordOfMouth)}, programme cost ${money(lv.cost)}; = mean NPV ${money(lv.npv)}`,
  );
  if (lv.terminalValue !== null) out.push(`Terminal value (mean):  ${money(lv.terminalValue)}, apart from the NPV (customers gained, at the invested arm's lifetime value)`);
  const oc = h.outcomeClasses;
  out.push(
    `Outcome classes:        clearly positive (ROI ≥ ${oc.positiveFrom}) ${percent(oc.positive, 0)}, middling ${percent(oc.middling, 0)}, lower or negative (ROI < ${oc.negativeBelow}) ${percent(oc.negative, 0)}`,
  );
  out.push(
    `  Accenture published:  ${percent(oc.published.positive, 0)}, ${percent(oc.published.middling, 0)}, ${percent(oc.published.negative, 0)}; χ² distance ${oc.chiSquareDistance.toFixed(3)}. A reference for a reality check, not a target: nothing in the default is tuned to it.`,
  );
  out.push(`Customers at month ${T}:  baseline ${integer.format(h.customers.baseline.p50)}, invested ${integer.format(h.customers.invested.p50)} (medians)`);
  out.push(`Programme carried out:  ${percent(h.executedShare)} of runs`);
  const gate = h.stageGate;
  if (gate) {
    const window = `months ${Math.max(1, gate.month - 2)}–${gate.month}`;
    const rule =
      gate.measure === 'effect'
        ? `the bad-experience share (${window}) is cut by less than ${percent(gate.threshold, 0)} from its level before the programme`
        : gate.measure === 'nps'
          ? `NPS (${window}) is less than ${gate.threshold} points above its level before the programme`
          : `the cumulative ROI is below ${gate.threshold}`;
    out.push(
      `Stage gate, end of month ${gate.month}: stop if ${rule}; a stopped programme's effect ${gate.afterStop === 'fade' ? `fades out over ${gate.fadeMonths} months` : 'stays as it is'}.`,
      `  stopped ${percent(gate.stoppedShare)} of runs (± ${percent(gate.stoppedShareStandardError)} simulation error); running costs avoided ${money(gate.savedCost)} a run on average${gate.savedCostAmongStopped === null ? '' : ` (${money(gate.savedCostAmongStopped)} a stopped run)`}, discounted;` +
        ` the gate's effect on NPV ${gate.npvChange >= 0 ? '+' : '−'}${money(Math.abs(gate.npvChange))} a run (± ${money(gate.npvChangeStandardError)}): ${gate.npvChange >= 0 ? 'stopping pays' : 'stopping loses money: what it stops would have paid'}.`,
    );
  }
  const channels = scenario.channels;
  if (channels) {
    const budget = scenario.investment.channels?.budget ?? {};
    const spent = Object.entries(budget).filter(([, x]) => typeof x !== 'number' || x > 0);
    out.push(
      `Channels:               ${Object.keys(channels.offered).length} offered; ${spent.length === 0 ? 'no channel budget' : `channel budget at month 0 on ${spent.map(([name]) => name).join(', ')}`}. Contact failures are part of the business with and without the programme: calibrate again after adding channels.`,
    );
  }
  const last = result.series[result.series.length - 1];
  if (last) {
    const [before, after] = [last.nps.baseline.score.p50, last.nps.invested.score.p50];
    out.push(
      `NPS at month ${T} (−100 to 100, medians): ${before.toFixed(1)} without the programme, ${after.toFixed(1)} with it (${after - before >= 0 ? '+' : '−'}${Math.abs(after - before).toFixed(1)} points); with it ${percent(last.nps.invested.promoters.p50, 0)} promoters, ${percent(last.nps.invested.passives.p50, 0)} passives, ${percent(last.nps.invested.detractors.p50, 0)} detractors (below the "at full effect" NPS further down when most runs' programmes are not carried out as planned)`,
    );
  }
  if (result.runs) {
    const drivers = roiDrivers(result).slice(0, 5);
    if (drivers.length > 0)
      out.push(`What drives the spread: ${drivers.map((d) => `${d.path} ${d.correlation >= 0 ? '+' : '−'}${Math.abs(d.correlation).toFixed(2)}`).join(', ')} (rank correlation with ROI)`);
  }
  out.push('');
  out.push(...kpiLines(scenarioKpis(scenario)));
  for (const w of result.warnings) out.push(`Warning (${w.field}): ${w.message}`);
  out.push('');
  const header = ['month', 'ROI p5', 'p25', 'p50', 'p75', 'p95', 'paid back', 'customers without', 'with', 'margin without', 'with', 'NPS without', 'with'];
  const widths = header.map((h) => Math.max(h.length, 9));
  widths[0] = 5;
  out.push(pad(header, widths));
  // Every 12th month and the horizon, unless every month is asked for (--monthly).
  const rows = monthly ? result.series : result.series.filter((row) => row.month % 12 === 0 || row.month === T);
  for (const row of rows) {
    out.push(
      pad(
        [
          String(row.month),
          roiPercent(row.roi.p5),
          roiPercent(row.roi.p25),
          roiPercent(row.roi.p50),
          roiPercent(row.roi.p75),
          roiPercent(row.roi.p95),
          percent(row.probabilityPaidBack, 0),
          integer.format(row.customers.baseline.p50),
          integer.format(row.customers.invested.p50),
          money(row.margin.baseline.p50),
          money(row.margin.invested.p50),
          row.nps.baseline.score.p50.toFixed(1),
          row.nps.invested.score.p50.toFixed(1),
        ],
        widths,
      ),
    );
  }
  out.push('');
  out.push(
    `"without" and "with": without and with the programme. ROI is cumulative and discounted; customers, margin (per month) and NPS (a survey of the month’s customers, in points) are medians over runs.${monthly ? '' : ' Every 12th month; --monthly for every month.'}`,
  );
  return `${out.join('\n')}\n`;
}

/** The reality check's findings beside the published figures. */
export function realityCheckTable(check: RealityCheck): string {
  const oc = check.outcomeClasses;
  const mg = check.missedGoal;
  return [
    `cx-roi reality check: ${integer.format(check.runs)} typical programmes (costs, effects, delays and maturity drawn from typicalProgrammes) on the default business, seed ${JSON.stringify(check.seed)}; nothing tuned to the published figures`,
    '',
    `Outcome at month 60:  ROI ≥ ${oc.positiveFrom} (clearly positive) ${percent(oc.positive)}, ${oc.negativeBelow} to ${oc.positiveFrom} (middling) ${percent(oc.middling)}, below ${oc.negativeBelow} (lower or negative) ${percent(oc.negative)}`,
    `  Accenture:          ${percent(oc.published.positive, 0)}, ${percent(oc.published.middling, 0)}, ${percent(oc.published.negative, 0)}; χ² distance ${oc.chiSquareDistance.toFixed(3)} (0 is the same split; the default programme, whose costs were tuned to it, scores about 0.002)`,
    `Missed the goal:      ${percent(mg.share)} (± ${percent(mg.standardError)} simulation error); published ${percent(mg.published.low, 0)}–${percent(mg.published.high, 0)}. A programme misses when the cut in bad experiences it would measure at the horizon is less than half the cut it planned.`,
    `  Why: ${mg.amongNotExecuted === null ? '' : `${percent(mg.amongNotExecuted)} of programmes not carried out as planned miss`}${mg.amongExecuted === null ? '' : `, ${percent(mg.amongExecuted)} of those carried out`}, and ${percent(check.executedShare)} are carried out (their chance comes from the same published 20–30%): landing near 70–80% is largely built in, a consistency check, not independent evidence.`,
    `ROI < 0:              ${percent(check.negativeRoiShare)}; median ROI ${ratio(check.roi.p50).trim()} (90% of programmes between ${ratio(check.roi.p5).trim()} and ${ratio(check.roi.p95).trim()})`,
    '',
  ].join('\n');
}
