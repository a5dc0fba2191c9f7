import type { Band, BreakEven, Comparison, ReadingOutcome, Robustness, Sensitivity, SwingMonth, ValueOfInformation } from 'cx-roi';
import { count, percent, signedCount, signedMoney, signedPercent } from '../format/numbers.js';
import { articleOf, describeMetric, describeSwingRange } from './decisions-words.js';

/** Rows as aligned columns: the first left, the rest right. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd(),
  );
}

const band = (b: Band, f: (x: number) => string) => `${f(b.p50)} (${f(b.p5)} to ${f(b.p95)})`;

/** The paired comparison as text. */
export function comparisonTable(c: Comparison): string {
  const lines = [
    `${c.names.length} scenarios, ${count(c.runCount)} runs each, seed ${c.seed}: the same draws in every scenario, paired run by run.`,
    '',
  ];
  lines.push(
    ...columns([
      ['', 'median ROI', 'P(ROI > 0)', 'median NPV', 'median payback'],
      ...c.names.map((name) => {
        const h = c.horizons[name];
        if (!h) return [name];
        const payback = h.paybackMonth.median === null ? 'not within the horizon' : `month ${h.paybackMonth.median}`;
        return [name, signedPercent(h.roi.p50), percent(h.probabilityPositiveRoi), signedMoney(h.npv.p50), payback];
      }),
    ]),
  );
  for (const p of c.pairs) {
    const pb = p.paybackMonth;
    const ties = p.tieShare > 0 ? `; equal in ${percent(p.tieShare)} of runs` : '';
    const both = pb.amongBothPaidBack;
    const bothMonths = both ? `; where both do, ${p.b}'s month − ${p.a}'s: ${band(both, (x) => signedCount(x))}` : '';
    const npvError = count(p.npvMeanStandardError);
    const beatsError = percent(p.probabilityBBeatsAStandardError);
    lines.push(
      '',
      `${p.b} against ${p.a} (${p.b} − ${p.a}, run by run; median and 5–95% band):`,
      `  NPV difference   ${band(p.npv, signedMoney)}; mean ${signedMoney(p.npv.mean)} ± ${npvError} (simulation error)`,
      `  ROI difference   ${band(p.roi, (x) => signedPercent(x))}`,
      `  P(${p.b} beats ${p.a} on NPV) ${percent(p.probabilityBBeatsA)} ± ${beatsError} (simulation error)${ties}`,
      `  payback          ${p.b} sooner in ${percent(pb.bSoonerShare)} of runs, ${p.a} sooner in ${percent(pb.aSoonerShare)}; ` +
        `both pay back in ${percent(pb.bothShare)}, only ${p.a} ${percent(pb.onlyAShare)}, only ${p.b} ${percent(pb.onlyBShare)}, ` +
        `neither ${percent(pb.neitherShare)}${bothMonths}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A break-even search as text. */
export function breakEvenText(b: BreakEven): string {
  const fmt = (x: number) => (Math.abs(x) >= 1000 ? count(x) : String(Math.round(x * 10_000) / 10_000));
  // The metric's own unit: currency for the NPV, a share for the others.
  const reached = (x: number) => (b.target.metric === 'npvMedian' ? count(x) : percent(x));
  const target = describeMetric(b.target, b.target.value);
  const lines: string[] = [];
  if (b.status === 'crossed') {
    const valueError = b.valueStandardError === null ? '' : ` (± ${fmt(b.valueStandardError)}, the value's simulation error)`;
    lines.push(
      `${b.vary} ${b.meets === 'above' ? 'of at least' : 'of at most'} ${fmt(b.value as number)}${valueError} gives ${target}: ` +
        `it reaches ${describeMetric(b.target, b.reached)} ± ${reached(b.standardError)} (simulation error).`,
    );
  } else if (b.status === 'met-throughout')
    lines.push(
      `${target} is met at every value of ${b.vary} from ${fmt(b.within[0])} to ${fmt(b.within[1])}; ` +
        `at the hardest, ${fmt(b.value as number)}, it reaches ${describeMetric(b.target, b.reached)}.`,
    );
  else lines.push(`${target} cannot be reached by ${b.vary} between ${fmt(b.within[0])} and ${fmt(b.within[1])}: ${b.reason ?? ''}`);
  const how = `${b.evaluations.length} simulations of ${count(b.runCount)} runs, seed ${b.seed}`;
  lines.push('', `${how}, ${b.vary} set to one value in every run:`);
  const rows = b.evaluations.map((e) => [fmt(e.value), reached(e.reached), reached(e.standardError)]);
  lines.push(...columns([[b.vary, 'reached', '± simulation error'], ...rows]).map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}

/** A swing at one month: its median and mean change, each ± its simulation error, and its direction. */
function swingCells(at: SwingMonth | undefined): string[] {
  const direction =
    at?.direction === 'unsettled' ? 'sign not settled at these runs' : at?.direction === 'none' ? 'no effect' : (at?.direction ?? '');
  return [
    `${signedMoney(at?.swing ?? 0)} ± ${count(at?.swingStandardError ?? 0)}`,
    `${signedMoney(at?.meanSwing ?? 0)} ± ${count(at?.meanSwingStandardError ?? 0)}`,
    direction,
  ];
}

/** The fixed, sourced figures swung one at a time, and at their published alternatives. */
function fixedFigureLines(fixed: NonNullable<Sensitivity['fixedFigures']>, last: number | undefined): string[] {
  const lines = [
    '',
    `Fixed, sourced figures moved one at a time (${describeSwingRange(fixed.range)}; ${count(fixed.runs)} runs each): ` +
      `swing of the median NPV at month ${last}:`,
    ...columns([
      ['  figure', 'value', 'low', 'high', 'median NPV at low', 'at high', 'swing', 'mean swing', 'direction'],
      ...fixed.figures.map((f) => {
        const at = f.atMonths[f.atMonths.length - 1];
        const ends = [f.low, f.high].map((x) => String(Math.round(x * 1e4) / 1e4));
        const medians = [at?.medianAtLow ?? 0, at?.medianAtHigh ?? 0].map((x) => signedMoney(x));
        return [`  ${f.path}`, String(f.value), ...ends, ...medians, ...swingCells(at)];
      }),
    ]),
  ];
  const read = fixed.figures.flatMap((f) => f.readings.map((r) => ({ f, r, at: r.atMonths[r.atMonths.length - 1] })));
  if (read.length > 0)
    lines.push(
      '',
      'The same figures at their published alternatives (the business held when the scenario holds one): ' +
        `change from the figure's own value at month ${last}:`,
      ...columns([
        ['  figure', 'value', 'reading', 'median NPV change', 'mean NPV change', 'direction'],
        ...read.map(({ f, r, at }) => {
          const reading = `${r.label}${r.source ? ` (${r.source.article.slice(0, 3)})` : ''}`;
          return [`  ${f.path}`, String(r.value), reading, ...swingCells(at)];
        }),
      ]),
    );
  return lines;
}

/** Sensitivity over the months as text. */
export function sensitivityTable(s: Sensitivity): string {
  const lines = [`What drives the cumulative NPV, month by month (${count(s.runCount)} runs): ${s.method}.`];
  for (const m of s.months) {
    lines.push(
      '',
      `Month ${m.month} (median NPV ${signedMoney(m.median)}; the shares add up to ${percent(m.firstOrderSum, 0)}; ` +
        'the rest comes from assumptions acting together and the chance events within each run):',
    );
    lines.push(
      ...columns([
        ['  assumption', 'variance share', 'Spearman ρ', 'median NPV, lowest tenth', 'highest tenth', 'swing'],
        ...m.drivers.map((d) => [
          `  ${d.path}`,
          percent(d.firstOrder),
          d.spearman.toFixed(2),
          signedMoney(d.medianLowTenth),
          signedMoney(d.medianHighTenth),
          signedMoney(d.swing),
        ]),
      ]),
    );
  }
  if (s.fixedFigures) lines.push(...fixedFigureLines(s.fixedFigures, s.months[s.months.length - 1]?.month));
  return `${lines.join('\n')}\n`;
}

/** The value of information as text. */
export function valueOfInformationText(v: ValueOfInformation): string {
  const d = v.decision;
  const lines = [
    `The decision: invest or not, by expected NPV at the horizon. Today: ${d.choice} ` +
      `(expected NPV ${signedMoney(d.expectedNpv)} ± ${count(d.expectedNpvStandardError)}; ` +
      `investing is the better choice in ${percent(d.investBetterShare)} of runs).`,
    `EVPI, what knowing every assumption before deciding would be worth: ${count(v.evpi)} ± ${count(v.evpiStandardError)} ` +
      '(simulation error).',
    '',
    'EVPPI, what learning one assumption (or a group, joined by +) would be worth; 0: learning it would not change the decision:',
    ...columns([
      ['  assumption', 'EVPPI', 'share of EVPI'],
      ...v.partial.map((p) => [`  ${p.path}`, count(p.evppi), percent(p.shareOfEvpi, 0)]),
    ]),
    '',
    `${count(v.runCount)} runs, seed ${v.seed}; ${v.method}. A ceiling on what research into an assumption is worth, not what it returns.`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The figures of one reading's row. */
type RowFigures = Omit<ReadingOutcome, 'path' | 'value' | 'label' | 'source' | 'kind' | 'with'>;

/** One row of the robustness table: a reading (or horizon), where it comes from and the decision under it. */
function robustnessRow(label: string, x: RowFigures, from: string): string[] {
  return [
    `  ${label}`,
    from,
    `${percent(x.probabilityPositiveRoi, 0)} ± ${percent(x.probabilityPositiveRoiStandardError, 1)}`,
    signedPercent(x.roiMedian),
    `${signedMoney(x.npvMean)} ± ${count(x.npvMeanStandardError)}`,
    x.decision + (x.businessNotHeldShare > 0 ? ` (business not held in ${percent(x.businessNotHeldShare, 0)} of runs)` : ''),
  ];
}

/** Where the decision flips, each figure alone. */
function flipLines(r: Robustness): string[] {
  const short = (x: number, digits: number) => Number(x.toPrecision(digits));
  return r.flips.map((f) =>
    f.threshold === null
      ? `  ${f.path}: never between ${short(f.range[0], 3)} and ${short(f.range[1], 3)} (${f.decisionBelow} throughout)`
      : `  ${f.path}: at ${short(f.threshold, 3)}${f.thresholdStandardError === null ? '' : ` ± ${short(f.thresholdStandardError, 2)}`} ` +
        `(${f.decisionBelow} below it)`,
  );
}

/** The robustness table as text: the sentence, each reading's decision, the flips and the other horizons. */
export function robustnessText(r: Robustness): string {
  const lines = [
    r.sentence,
    '',
    'The decision (invest when the expected NPV is positive) under each reading, ' +
      `the business ${r.businessHeld ? 'held' : 'NOT held (business: null)'}, ` +
      `the same ${count(r.runs)} runs and seed ${String(r.seed)} throughout (± is simulation error):`,
    ...columns([
      ['  reading', 'source', 'P(ROI > 0)', 'median ROI', 'mean NPV', 'decision'],
      robustnessRow(r.asGiven.label, r.asGiven, ''),
      ...r.readings.map((x) => robustnessRow(x.label, x, x.source ? `${articleOf(x.source)}, ${x.source.credit}` : 'illustrative')),
    ]),
  ];
  if (r.skipped.length > 0)
    lines.push('', 'Readings the business cannot be held under (not simulated):', ...r.skipped.map((s) => `  ${s.label}: ${s.reason}`));
  if (r.flips.length > 0) {
    lines.push('', 'Where the decision flips (mean NPV crosses zero, business held), each figure alone, ± simulation error:');
    lines.push(...flipLines(r));
  }
  if (r.horizons.length > 0)
    lines.push(
      '',
      'The scenario as given at other horizons:',
      ...columns([
        ['  horizon', '', 'P(ROI > 0)', 'median ROI', 'mean NPV', 'decision'],
        ...r.horizons.map((h) => robustnessRow(`${h.months} months`, h, '')),
      ]),
    );
  return `${lines.join('\n')}\n`;
}
