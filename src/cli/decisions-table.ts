import type { BreakEven } from '../decisions/break-even.js';
import { describeMetric } from '../decisions/break-even.js';
import type { Comparison } from '../decisions/compare.js';
import type { Sensitivity } from '../decisions/sensitivity.js';
import { describeSwingRange } from '../decisions/sensitivity.js';
import type { ValueOfInformation } from '../decisions/value-of-information.js';
import { type ReadingOutcome, type Robustness, articleOf } from '../decisions/robustness.js';
import type { Band } from '../summary/band.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + integer.format(Math.abs(x));
const percent = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const signedPercent = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${(100 * Math.abs(x)).toFixed(0)}%`;

/** Rows as aligned columns: the first left, the rest right. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : c.padStart(widths[i] as number))).join('  ').trimEnd());
}

const band = (b: Band, f: (x: number) => string) => `${f(b.p50)} (${f(b.p5)} to ${f(b.p95)})`;

/** The paired comparison as text. */
export function comparisonTable(c: Comparison): string {
  const lines = [`${c.names.length} scenarios, ${integer.format(c.runCount)} runs each, seed ${c.seed}: the same draws in every scenario, paired run by run.`, ''];
  lines.push(
    ...columns([
      ['', 'median ROI', 'P(ROI > 0)', 'median NPV', 'median payback'],
      ...c.names.map((name) => {
        const h = c.horizons[name];
        if (!h) return [name];
        return [name, signedPercent(h.roi.p50), percent(h.probabilityPositiveRoi), money(h.npv.p50), h.paybackMonth.median === null ? 'not within the horizon' : `month ${h.paybackMonth.median}`];
      }),
    ]),
  );
  for (const p of c.pairs) {
    const pb = p.paybackMonth;
    lines.push(
      '',
      `${p.b} against ${p.a} (${p.b} − ${p.a}, run by run; median and 5–95% band):`,
      `  NPV difference   ${band(p.npv, money)}; mean ${money(p.npv.mean)} ± ${integer.format(p.npvMeanStandardError)} (simulation error)`,
      `  ROI difference   ${band(p.roi, signedPercent)}`,
      `  P(${p.b} beats ${p.a} on NPV) ${percent(p.probabilityBBeatsA)} ± ${percent(p.probabilityBBeatsAStandardError)} (simulation error)${p.tieShare > 0 ? `; equal in ${percent(p.tieShare)} of runs` : ''}`,
      `  payback          ${p.b} sooner in ${percent(pb.bSoonerShare)} of runs, ${p.a} sooner in ${percent(pb.aSoonerShare)}; both pay back in ${percent(pb.bothShare)}, only ${p.a} ${percent(pb.onlyAShare)}, only ${p.b} ${percent(pb.onlyBShare)}, neither ${percent(pb.neitherShare)}` +
        (pb.amongBothPaidBack ? `; where both do, ${p.b}'s month − ${p.a}'s: ${band(pb.amongBothPaidBack, (x) => (x > 0 ? `+${x.toFixed(0)}` : x.toFixed(0)))}` : ''),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A break-even search as text. */
export function breakEvenText(b: BreakEven): string {
  const fmt = (x: number) => (Math.abs(x) >= 1000 ? integer.format(x) : String(Math.round(x * 10_000) / 10_000));
  const target = describeMetric(b.target, b.target.value);
  const lines: string[] = [];
  if (b.status === 'crossed')
    lines.push(
      `${b.vary} ${b.meets === 'above' ? 'of at least' : 'of at most'} ${fmt(b.value as number)}${b.valueStandardError === null ? '' : ` (± ${fmt(b.valueStandardError)}, the value's simulation error)`} gives ${target}: it reaches ${describeMetric(b.target, b.reached)} ± ${b.target.metric === 'npvMedian' ? integer.format(b.standardError) : percent(b.standardError)} (simulation error).`,
    );
  else if (b.status === 'met-throughout') lines.push(`${target} is met at every value of ${b.vary} from ${fmt(b.within[0])} to ${fmt(b.within[1])}; at the hardest, ${fmt(b.value as number)}, it reaches ${describeMetric(b.target, b.reached)}.`);
  else lines.push(`${target} cannot be reached by ${b.vary} between ${fmt(b.within[0])} and ${fmt(b.within[1])}: ${b.reason ?? ''}`);
  lines.push('', `${b.evaluations.length} simulations of ${integer.format(b.runCount)} runs, seed ${b.seed}, ${b.vary} set to one value in every run:`);
  lines.push(...columns([[b.vary, 'reached', '± simulation error'], ...b.evaluations.map((e) => [fmt(e.value), b.target.metric === 'npvMedian' ? integer.format(e.reached) : percent(e.reached), b.target.metric === 'npvMedian' ? integer.format(e.standardError) : percent(e.standardError)])]).map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}

/** Sensitivity over the months as text. */
export function sensitivityTable(s: Sensitivity): string {
  const lines = [`What drives the cumulative NPV, month by month (${integer.format(s.runCount)} runs): ${s.method}.`];
  for (const m of s.months) {
    lines.push('', `Month ${m.month} (median NPV ${money(m.median)}; the shares add up to ${percent(m.firstOrderSum, 0)}; the rest comes from assumptions acting together and the chance events within each run):`);
    lines.push(
      ...columns([
        ['  assumption', 'variance share', 'Spearman ρ', 'median NPV, lowest tenth', 'highest tenth', 'swing'],
        ...m.drivers.map((d) => [`  ${d.path}`, percent(d.firstOrder), d.spearman.toFixed(2), money(d.medianLowTenth), money(d.medianHighTenth), money(d.swing)]),
      ]),
    );
  }
  if (s.fixedFigures) {
    const last = s.months[s.months.length - 1]?.month;
    lines.push('', `Fixed, sourced figures moved one at a time (${describeSwingRange(s.fixedFigures.range)}; ${integer.format(s.fixedFigures.runs)} runs each): swing of the median NPV at month ${last}:`);
    lines.push(
      ...columns([
        ['  figure', 'value', 'low', 'high', 'median NPV at low', 'at high', 'swing', 'mean swing', 'direction'],
        ...s.fixedFigures.figures.map((f) => {
          const at = f.atMonths[f.atMonths.length - 1];
          return [
            `  ${f.path}`,
            String(f.value),
            String(Math.round(f.low * 1e4) / 1e4),
            String(Math.round(f.high * 1e4) / 1e4),
            money(at?.medianAtLow ?? 0),
            money(at?.medianAtHigh ?? 0),
            `${money(at?.swing ?? 0)} ± ${integer.format(at?.swingStandardError ?? 0)}`,
            `${money(at?.meanSwing ?? 0)} ± ${integer.format(at?.meanSwingStandardError ?? 0)}`,
            at?.direction === 'unsettled' ? 'sign not settled at these runs' : at?.direction === 'none' ? 'no effect' : (at?.direction ?? ''),
          ];
        }),
      ]),
    );
    const read = s.fixedFigures.figures.flatMap((f) => f.readings.map((r) => ({ f, r, at: r.atMonths[r.atMonths.length - 1] })));
    if (read.length > 0)
      lines.push(
        '',
        `The same figures at their published alternatives (the business held when the scenario holds one): change from the figure's own value at month ${last}:`,
        ...columns([
          ['  figure', 'value', 'reading', 'median NPV change', 'mean NPV change', 'direction'],
          ...read.map(({ f, r, at }) => [
            `  ${f.path}`,
            String(r.value),
            `${r.label}${r.source ? ` (${r.source.article.slice(0, 3)})` : ''}`,
            `${money(at?.swing ?? 0)} ± ${integer.format(at?.swingStandardError ?? 0)}`,
            `${money(at?.meanSwing ?? 0)} ± ${integer.format(at?.meanSwingStandardError ?? 0)}`,
            at?.direction === 'unsettled' ? 'sign not settled at these runs' : at?.direction === 'none' ? 'no effect' : (at?.direction ?? ''),
          ]),
        ]),
      );
  }
  return `${lines.join('\n')}\n`;
}

/** The value of information as text. */
export function valueOfInformationText(v: ValueOfInformation): string {
  const d = v.decision;
  const lines = [
    `The decision: invest or not, by expected NPV at the horizon. Today: ${d.choice} (expected NPV ${money(d.expectedNpv)} ± ${integer.format(d.expectedNpvStandardError)}; investing is the better choice in ${percent(d.investBetterShare)} of runs).`,
    `EVPI, what knowing every assumption before deciding would be worth: ${integer.format(v.evpi)} ± ${integer.format(v.evpiStandardError)} (simulation error).`,
    '',
    'EVPPI, what learning one assumption (or a group, joined by +) would be worth; 0: learning it would not change the decision:',
    ...columns([['  assumption', 'EVPPI', 'share of EVPI'], ...v.partial.map((p) => [`  ${p.path}`, integer.format(p.evppi), percent(p.shareOfEvpi, 0)])]),
    '',
    `${integer.format(v.runCount)} runs, seed ${v.seed}; ${v.method}. A ceiling on what research into an assumption is worth, not what it returns.`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The robustness table as text: the sentence, each reading's decision, the flips and the other horizons. */
export function robustnessText(r: Robustness): string {
  const row = (label: string, x: Omit<ReadingOutcome, 'path' | 'value' | 'label' | 'source' | 'kind' | 'with'>, from: string) => [
    `  ${label}`,
    from,
    `${percent(x.probabilityPositiveRoi, 0)} ± ${percent(x.probabilityPositiveRoiStandardError, 1)}`,
    signedPercent(x.roiMedian),
    `${money(x.npvMean)} ± ${integer.format(x.npvMeanStandardError)}`,
    x.decision + (x.businessNotHeldShare > 0 ? ` (business not held in ${percent(x.businessNotHeldShare, 0)} of runs)` : ''),
  ];
  const lines = [
    r.sentence,
    '',
    `The decision (invest when the expected NPV is positive) under each reading, the business ${r.businessHeld ? 'held' : 'NOT held (business: null)'}, the same ${integer.format(r.runs)} runs and seed ${String(r.seed)} throughout (± is simulation error):`,
    ...columns([
      ['  reading', 'source', 'P(ROI > 0)', 'median ROI', 'mean NPV', 'decision'],
      row(r.asGiven.label, r.asGiven, ''),
      ...r.readings.map((x) => row(x.label, x, x.source ? `${articleOf(x.source)}, ${x.source.credit}` : 'illustrative')),
    ]),
  ];
  if (r.skipped.length > 0) lines.push('', 'Readings the business cannot be held under (not simulated):', ...r.skipped.map((s) => `  ${s.label}: ${s.reason}`));
  if (r.flips.length > 0)
    lines.push(
      '',
      'Where the decision flips (mean NPV crosses zero, business held), each figure alone, ± simulation error:',
      ...r.flips.map((f) =>
        f.threshold === null
          ? `  ${f.path}: never between ${Number(f.range[0].toPrecision(3))} and ${Number(f.range[1].toPrecision(3))} (${f.decisionBelow} throughout)`
          : `  ${f.path}: at ${Number(f.threshold.toPrecision(3))}${f.thresholdStandardError === null ? '' : ` ± ${Number(f.thresholdStandardError.toPrecision(2))}`} (${f.decisionBelow} below it)`,
      ),
    );
  if (r.horizons.length > 0) lines.push('', 'The scenario as given at other horizons:', ...columns([['  horizon', '', 'P(ROI > 0)', 'median ROI', 'mean NPV', 'decision'], ...r.horizons.map((h) => row(`${h.months} months`, h, ''))]));
  return `${lines.join('\n')}\n`;
}
