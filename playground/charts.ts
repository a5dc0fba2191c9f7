/**
 * The playground's charts, as pure functions of simulation results: the page
 * renders them, and test/plots renders the same functions to SVG snapshots.
 */
import * as Plot from '@observablehq/plot';
import { type Band, type BreakEven, type RunResult, type Sensitivity, type SimulationResult, type ValueOfInformation, roiDrivers, sensitivity, valueOfInformationFromRuns } from 'cx-roi';

export interface ChartOptions {
  /** A pinned result to draw underneath, for comparison (A), the current one being B. */
  readonly compare?: SimulationResult | null;
  /** The document to render into (jsdom's in tests). */
  readonly document?: Document;
  readonly width?: number;
}

const colors = { baseline: '#8a8f98', invested: '#1f6feb', compare: '#d9480f' } as const;
const outcomeColors = { 'lower or negative': '#c92a2a', middling: '#e8a33d', 'clearly positive': '#2b8a3e' } as const;

type BandRow = { month: number } & Band;

function rows(result: SimulationResult, pick: (row: SimulationResult['series'][number]) => Band): BandRow[] {
  return result.series.map((row) => ({ month: row.month, ...pick(row) }));
}

function frame(options: ChartOptions, height = 300) {
  return { width: options.width ?? 720, height, marginLeft: 64, marginRight: 16, ...(options.document ? { document: options.document } : {}) };
}

/** The median payback month over all runs, if more than half pay back. */
function medianPayback(result: SimulationResult): number | null {
  return result.horizon.paybackMonth.median;
}

/** ROI over the horizon: p5–p95 and p25–p75 bands, the median, zero, and the median payback month. */
export function roiFanChart(result: SimulationResult, options: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const data = rows(result, (r) => r.roi);
  const payback = medianPayback(result);
  const compare = options.compare ? rows(options.compare, (r) => r.roi) : null;
  return Plot.plot({
    ...frame(options),
    ...(compare ? { caption: 'Dashed orange: the pinned result A (median; dotted: its p5 and p95). Blue: the current result B.' } : {}),
    x: { label: 'Month', domain: [0, result.scenario.horizonMonths] },
    y: { label: 'Cumulative ROI', grid: true, tickFormat: '+.0%' },
    marks: [
      Plot.areaY(data, { x: 'month', y1: 'p5', y2: 'p95', fill: colors.invested, fillOpacity: 0.15 }),
      Plot.areaY(data, { x: 'month', y1: 'p25', y2: 'p75', fill: colors.invested, fillOpacity: 0.3 }),
      Plot.lineY(data, { x: 'month', y: 'p50', stroke: colors.invested, strokeWidth: 2 }),
      ...(compare
        ? [
            Plot.lineY(compare, { x: 'month', y: 'p50', stroke: colors.compare, strokeWidth: 2, strokeDasharray: '6,4' }),
            Plot.lineY(compare, { x: 'month', y: 'p5', stroke: colors.compare, strokeOpacity: 0.6, strokeDasharray: '2,3' }),
            Plot.lineY(compare, { x: 'month', y: 'p95', stroke: colors.compare, strokeOpacity: 0.6, strokeDasharray: '2,3' }),
          ]
        : []),
      Plot.ruleY([0], { stroke: '#222' }),
      ...(payback === null
        ? []
        : [
            Plot.ruleX([payback], { stroke: colors.invested, strokeDasharray: '3,3' }),
            Plot.text([payback], { x: (d: number) => d, frameAnchor: 'top', dy: 6, dx: 4, textAnchor: 'start', text: () => `median payback (all runs): month ${payback}` }),
          ]),
    ],
  });
}

/** One figure per arm as bands over the months: baseline vs invested (and A's medians, dashed). */
function armChart(
  result: SimulationResult,
  options: ChartOptions,
  pick: (row: SimulationResult['series'][number]) => { baseline: Band; invested: Band },
  label: string,
  tickFormat: string,
): SVGSVGElement | HTMLElement {
  const data = (r: SimulationResult) =>
    (['baseline', 'invested'] as const).flatMap((arm) => r.series.map((row) => ({ month: row.month, arm, ...pick(row)[arm] })));
  const current = data(result);
  const compare = options.compare ? data(options.compare) : null;
  return Plot.plot({
    ...frame(options, 260),
    ...(compare ? { caption: 'Dashed orange: the pinned result A’s medians, both arms.' } : {}),
    x: { label: 'Month' },
    y: { label, grid: true, tickFormat },
    color: { domain: ['baseline', 'invested'], range: [colors.baseline, colors.invested], legend: true },
    marks: [
      Plot.areaY(current, { x: 'month', y1: 'p5', y2: 'p95', fill: 'arm', fillOpacity: 0.18 }),
      Plot.lineY(current, { x: 'month', y: 'p50', stroke: 'arm', strokeWidth: 2 }),
      ...(compare ? [Plot.lineY(compare, { x: 'month', y: 'p50', z: 'arm', stroke: colors.compare, strokeDasharray: '6,4' })] : []),
    ],
  });
}

/** Active customers per arm over the months. */
export function customersChart(result: SimulationResult, options: ChartOptions = {}) {
  return armChart(result, options, (r) => r.customers, 'Active customers', '~s');
}

/** Monthly revenue per arm over the months. */
export function revenueChart(result: SimulationResult, options: ChartOptions = {}) {
  return armChart(result, options, (r) => r.revenue, 'Revenue per month', '~s');
}

/**
 * NPS per arm over the months: a survey of each month's customers (promoters:
 * 90% of excellent journeys and 18% of bad ones; detractors: the other bad
 * ones and a share of the ordinary good ones).
 */
export function npsChart(result: SimulationResult, options: ChartOptions = {}) {
  return armChart(result, options, (r) => ({ baseline: r.nps.baseline.score, invested: r.nps.invested.score }), 'NPS (−100 to 100)', '.0f');
}

/** The outcome class of one run. */
export function outcomeClass(result: SimulationResult, roi: number): keyof typeof outcomeColors {
  const { positiveFrom, negativeBelow } = result.horizon.outcomeClasses;
  return roi >= positiveFrom ? 'clearly positive' : roi < negativeBelow ? 'lower or negative' : 'middling';
}

function runsOf(result: SimulationResult): readonly RunResult[] {
  if (!result.runs) throw new Error('this chart needs a result simulated with keepRuns');
  return result.runs;
}

/** ROI at the horizon, run by run: a histogram coloured by outcome class. */
export function roiHistogram(result: SimulationResult, options: ChartOptions = {}) {
  const runs = runsOf(result).map((r) => ({ roi: r.roi, outcome: outcomeClass(result, r.roi) }));
  const compare = options.compare?.runs?.map((r) => ({ roi: r.roi })) ?? null;
  return Plot.plot({
    ...frame(options, 260),
    ...(compare ? { caption: 'Dashed orange: the pinned result A’s histogram.' } : {}),
    x: { label: `ROI at month ${result.scenario.horizonMonths}`, tickFormat: '+.0%' },
    y: { label: 'Runs', grid: true },
    color: { domain: Object.keys(outcomeColors), range: Object.values(outcomeColors), legend: true },
    marks: [
      Plot.rectY(runs, Plot.binX<Plot.RectYOptions>({ y: 'count' }, { x: 'roi', fill: 'outcome', thresholds: 40 })),
      ...(compare ? [Plot.lineY(compare, Plot.binX<Plot.LineYOptions>({ y: 'count' }, { x: 'roi', thresholds: 40, stroke: colors.compare, strokeDasharray: '6,4', curve: 'step' }))] : []),
      Plot.ruleY([0]),
    ],
  });
}

/** The simulated outcome classes beside Accenture's published 23 / 57 / 20. */
export function outcomeSplitChart(result: SimulationResult, options: ChartOptions = {}) {
  const oc = result.horizon.outcomeClasses;
  const share = (source: string, c: typeof oc | typeof oc.published) => [
    { source, outcome: 'lower or negative', share: c.negative },
    { source, outcome: 'middling', share: c.middling },
    { source, outcome: 'clearly positive', share: c.positive },
  ];
  const data = [
    ...share('This simulation', oc),
    ...(options.compare ? share('Pinned (A)', options.compare.horizon.outcomeClasses) : []),
    ...share('Accenture (published)', oc.published),
  ];
  return Plot.plot({
    ...frame(options, options.compare ? 150 : 120),
    marginLeft: 150,
    caption: `Accenture’s split is a calibration target, not a validation: the default programme’s illustrative costs were tuned to land near it. χ² distance of this simulation from it: ${oc.chiSquareDistance.toFixed(3)}.`,
    x: { label: 'Share of runs (or of companies)', tickFormat: '.0%', domain: [0, 1] },
    y: { label: null, domain: ['This simulation', ...(options.compare ? ['Pinned (A)'] : []), 'Accenture (published)'] },
    color: { domain: Object.keys(outcomeColors), range: Object.values(outcomeColors) },
    marks: [
      Plot.barX(data, Plot.stackX({ x: 'share', y: 'source', fill: 'outcome', order: Object.keys(outcomeColors) })),
      Plot.text(data, Plot.stackX({ x: 'share', y: 'source', z: 'outcome', order: Object.keys(outcomeColors), text: (d: { share: number }) => (d.share >= 0.06 ? `${Math.round(d.share * 100)}%` : ''), fill: 'white' })),
    ],
  });
}

/** Payback month over the runs that pay back, with the share that never does. */
export function paybackHistogram(result: SimulationResult, options: ChartOptions = {}) {
  const months = runsOf(result)
    .filter((r) => r.paybackMonth !== null)
    .map((r) => ({ month: r.paybackMonth as number }));
  const never = result.horizon.paybackMonth.neverShare;
  const compare = options.compare?.runs?.filter((r) => r.paybackMonth !== null).map((r) => ({ month: r.paybackMonth as number })) ?? null;
  const compareNever = options.compare ? ` Pinned A: ${Math.round(options.compare.horizon.paybackMonth.neverShare * 100)}%.` : '';
  return Plot.plot({
    ...frame(options, 240),
    x: { label: 'Payback month (of the runs that pay back)', domain: [0, result.scenario.horizonMonths + 1] },
    y: { label: 'Runs', grid: true },
    caption: `${Math.round(never * 100)}% of runs never pay back within ${result.scenario.horizonMonths} months.${compareNever}`,
    marks: [
      Plot.rectY(months, Plot.binX<Plot.RectYOptions>({ y: 'count' }, { x: 'month', interval: 1, fill: colors.invested })),
      ...(compare ? [Plot.lineY(compare, Plot.binX<Plot.LineYOptions>({ y: 'count' }, { x: 'month', interval: 1, stroke: colors.compare, strokeDasharray: '6,4', curve: 'step' }))] : []),
      Plot.ruleY([0]),
    ],
  });
}

/** The levers, in the order of the bridge from nothing to the NPV. */
const leverNames = [
  ['retention', 'Customers kept'],
  ['spend', 'Spend per customer'],
  ['positiveWordOfMouth', 'Recommendations'],
  ['negativeWordOfMouth', 'Bad stories avoided'],
  ['cost', 'Programme cost'],
] as const;

/** Where the mean NPV comes from: each lever as a bar, costs below zero, the NPV they add up to. */
export function leversChart(result: SimulationResult, options: ChartOptions = {}) {
  const bars = (r: SimulationResult, source: string) => [
    ...leverNames.map(([key, label]) => ({ source, label, value: r.horizon.levers[key] })),
    { source, label: 'Mean NPV', value: r.horizon.levers.npv },
  ];
  const data = bars(result, 'B');
  const compare = options.compare ? bars(options.compare, 'A') : [];
  const terminal = result.horizon.levers.terminalValue;
  return Plot.plot({
    ...frame(options, 60 + 30 * data.length),
    marginLeft: 140,
    marginRight: 72,
    caption:
      `Mean NPV over the runs, discounted, split by lever; the parts add up to the mean NPV.` +
      (terminal === null ? '' : ` Terminal value, apart from it: ${Math.round(terminal).toLocaleString('en-US')}.`) +
      (options.compare ? ' Orange ticks: the pinned result A.' : ''),
    x: { label: 'Currency (discounted)', grid: true, tickFormat: '~s' },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data, { x: 'value', y: 'label', fill: (d: { label: string; value: number }) => (d.label === 'Mean NPV' ? '#343a40' : d.value >= 0 ? colors.invested : '#c92a2a') }),
      ...(options.compare ? [Plot.tickX(compare, { x: 'value', y: 'label', stroke: colors.compare, strokeWidth: 2 })] : []),
      Plot.ruleX([0]),
      // Gains are labelled past the bar's end; costs inside the bar, where there is room.
      Plot.text(
        data.filter((d) => d.value >= 0),
        { x: 'value', y: 'label', text: (d: { value: number }) => Math.round(d.value).toLocaleString('en-US'), dx: 4, textAnchor: 'start' },
      ),
      Plot.text(
        data.filter((d) => d.value < 0),
        { x: 'value', y: 'label', text: (d: { value: number }) => Math.round(d.value).toLocaleString('en-US'), dx: 4, textAnchor: 'start', fill: 'white' },
      ),
    ],
  });
}

/** What drives the spread: each uncertain input's rank correlation with the horizon ROI (a tornado chart). */
export function driversChart(result: SimulationResult, options: ChartOptions = {}) {
  const drivers = roiDrivers(result).slice(0, 10);
  const compare = options.compare?.runs ? roiDrivers(options.compare) : null;
  const compareData = compare ? compare.filter((d) => drivers.some((x) => x.path === d.path)) : [];
  return Plot.plot({
    ...frame(options, 60 + 26 * Math.max(drivers.length, 1)),
    ...(compare ? { caption: 'Orange ticks: the same inputs in the pinned result A.' } : {}),
    marginLeft: 210,
    x: { label: 'Rank correlation with ROI at the horizon', domain: [-1, 1], grid: true },
    y: { label: null, domain: drivers.map((d) => d.path) },
    marks: [
      Plot.barX(drivers, { x: 'correlation', y: 'path', fill: (d: { correlation: number }) => (d.correlation >= 0 ? colors.invested : '#c92a2a') }),
      ...(compare ? [Plot.tickX(compareData, { x: 'correlation', y: 'path', stroke: colors.compare, strokeWidth: 2 })] : []),
      Plot.ruleX([0]),
      Plot.text(drivers, { x: 'correlation', y: 'path', text: (d: { correlation: number }) => d.correlation.toFixed(2), dx: 4, textAnchor: 'start', frameAnchor: 'left' }),
    ],
  });
}

// ——— The decision cells' charts ———

/** Text at least 12 px in the decision cells' charts. */
const readable = { fontSize: '12px' } as const;

function readableFrame(options: ChartOptions, height: number) {
  return { ...frame(options, height), style: readable };
}

const whole = (x: number) => `${x < 0 ? '−' : ''}${Math.round(Math.abs(x)).toLocaleString('en-US')}`;
const signedWhole = (x: number) => (Math.round(x) === 0 ? '0' : `${x > 0 ? '+' : '−'}${whole(Math.abs(x))}`);
const number = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 4 });

/** Assumptions in words, where the page has a short name for them. */
const assumptionLabels: Readonly<Record<string, string>> = {
  'investment.executed': 'Carried out as planned',
  'investment.failureReduction': 'Failure reduction',
  'investment.delayMonths': 'Delay before effect',
  'investment.rampMonths': 'Ramp-up',
  'investment.executionSuccess': 'Chance of carrying it out',
  'investment.upfront': 'Up-front cost',
  'investment.monthly': 'Monthly cost',
  'investment.missedEffectShare': 'Effect when it misses its goals',
  'investment.excellentShareIncrease': 'Rise in excellent journeys',
  'churn.switchAfterBad': 'Switching after a bad experience',
  'churn.base': 'Churn after a good experience',
  'spend.averagePerMonth': 'Spend per customer',
  'spend.goodMultiplier': 'Extra spend after a good experience',
  'spend.grossMargin': 'Gross margin',
  discountRateAnnual: 'Discount rate',
};

/** An assumption (or a group, "a + b") in words; the dotted path where the page has no name for it. */
export function assumptionLabel(path: string): string {
  if (path.includes(' + ')) {
    const parts = path.split(' + ').map(assumptionLabel);
    return `${parts.map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1))).join(' + ')} (together)`;
  }
  return assumptionLabels[path] ?? path;
}

/**
 * Most runs the sensitivity and value-of-information cells read, so a big
 * result does not hold up the page: the first ones, which are exactly the
 * runs a simulation of that many with the same seed would give (run i
 * depends only on the seed and i).
 */
export const decisionRunCap = 5000;

function firstRuns(result: SimulationResult): SimulationResult {
  const runs = result.runs;
  return runs && runs.length > decisionRunCap ? { ...result, runs: runs.slice(0, decisionRunCap), runCount: decisionRunCap } : result;
}

/** "2,000 runs", or "the first 5,000 of the 20,000 runs". */
function runsRead(read: number, total: number): string {
  return read < total ? `the first ${read.toLocaleString('en-US')} of the ${total.toLocaleString('en-US')} runs` : `${read.toLocaleString('en-US')} runs`;
}

const sensitivityCache = new WeakMap<SimulationResult, Sensitivity>();

/** The drivers every 12 months and at the horizon, from the kept runs (no extra simulation); computed once a result. */
export function sensitivityOverYears(result: SimulationResult): Sensitivity {
  const cached = sensitivityCache.get(result);
  if (cached) return cached;
  const computed = sensitivity(firstRuns(result), { swings: false });
  sensitivityCache.set(result, computed);
  return computed;
}

/** How the ranking of the drivers changes over the years: each assumption's first-order share of the NPV's variance, month by month. */
export function sensitivityChart(result: SimulationResult, options: ChartOptions = {}) {
  const s = sensitivityOverYears(result);
  const largest = new Map<string, number>();
  for (const m of s.months) for (const d of m.drivers) largest.set(d.path, Math.max(largest.get(d.path) ?? 0, d.firstOrder));
  const kept = [...largest.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([path]) => path);
  // In the order of the ranking at the horizon, as the legend reads.
  const shown = (s.months.at(-1)?.drivers ?? []).map((d) => d.path).filter((path) => kept.includes(path));
  const points = (x: Sensitivity) =>
    x.months.flatMap((m) =>
      m.drivers.filter((d) => shown.includes(d.path)).map((d) => ({ month: m.month, label: assumptionLabel(d.path), share: d.firstOrder, spearman: d.spearman, swing: d.swing })),
    );
  const data = points(s);
  const compare = options.compare?.runs?.[0]?.npvByMonth ? points(sensitivityOverYears(options.compare)) : null;
  const last = s.months.at(-1);
  const hidden = largest.size - shown.length;
  return Plot.plot({
    ...readableFrame(options, 320),
    marginLeft: 52,
    ariaLabel: 'Each assumption’s share of the spread in NPV, month by month',
    caption:
      `From ${runsRead(s.runCount, result.runCount)}.` +
      (last ? ` At month ${last.month} the shares add up to ${Math.round(100 * last.firstOrderSum)}%; the rest comes from assumptions acting together (and noise).` : '') +
      (hidden > 0 ? ` ${hidden} smaller one${hidden > 1 ? 's' : ''} not drawn.` : '') +
      (compare ? ' Dashed: the pinned result A.' : ''),
    x: { label: 'Month', domain: [0, result.scenario.horizonMonths], ticks: s.months.map((m) => m.month) },
    y: { label: 'Share of the NPV’s spread it alone explains', domain: [0, 1], tickFormat: '.0%', grid: true },
    // Plot passes a scale's `style` on to its legend (its types do not say so).
    color: { domain: shown.map(assumptionLabel), legend: shown.length > 0, ...{ style: readable } },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, { x: 'month', y: 'share', stroke: 'label', strokeWidth: 2 }),
      ...(compare ? [Plot.lineY(compare, { x: 'month', y: 'share', stroke: 'label', strokeWidth: 1.5, strokeDasharray: '6,4' })] : []),
      Plot.dot(data, {
        x: 'month',
        y: 'share',
        fill: 'label',
        r: 3.5,
        tip: true,
        title: (d: (typeof data)[number]) =>
          `${d.label}, month ${d.month}\nshare of the spread: ${(100 * d.share).toFixed(1)}%\nSpearman ρ: ${d.spearman.toFixed(2)}\nswing, lowest to highest tenth: ${signedWhole(d.swing)}`,
      }),
    ],
  });
}

const executedPath = 'investment.executed';
const failurePath = 'investment.failureReduction';
const voiCache = new WeakMap<SimulationResult, ValueOfInformation>();

/**
 * The value of information for invest-or-not, from the kept runs: EVPI, the
 * EVPPI of every assumption that varies (and of whether the programme is
 * carried out), and of one group, carried out + failure reduction.
 */
export function valueOfInformationOf(result: SimulationResult): ValueOfInformation {
  const cached = voiCache.get(result);
  if (cached) return cached;
  const read = firstRuns(result);
  const runs = runsOf(read);
  const first = runs[0];
  const at = (r: RunResult, path: string) => (path === executedPath ? Number(r.executed) : r.parameters[path]);
  const varying = first ? [executedPath, ...Object.keys(first.parameters)].filter((path) => runs.some((r) => at(r, path) !== at(first, path))) : [];
  const group = varying.includes(executedPath) && varying.includes(failurePath) ? [[executedPath, failurePath]] : [];
  const computed = valueOfInformationFromRuns(read, { parameters: [...varying, ...group] });
  voiCache.set(result, computed);
  return computed;
}

/**
 * Rows of a bar chart with each bar's label above it, so long labels fit a
 * phone: on a narrow chart a label wraps at its spaces onto two lines, and
 * the rows are taller to hold them.
 */
function labelRows(options: ChartOptions, marginLeft: number, marginRight: number) {
  const width = options.width ?? 720;
  const narrow = width < 560;
  return {
    rowHeight: narrow ? 58 : 42,
    inset: narrow ? 34 : 20,
    // Plot measures a line's width in ems of the font size (12 px).
    label: { frameAnchor: 'left', textAnchor: 'start', lineAnchor: 'bottom', lineWidth: (width - marginLeft - marginRight) / 12 } as const,
  };
}

/** The dy that puts a label's last line just above its bar (the rows' band is their height less 8% padding). */
const labelDy = (rows: { rowHeight: number; inset: number }) => Math.round(-0.46 * rows.rowHeight + rows.inset - 3);

/** What learning each assumption before deciding is worth (EVPPI), against EVPI. */
export function voiChart(result: SimulationResult, options: ChartOptions = {}) {
  const voi = valueOfInformationOf(result);
  const data = voi.partial.map((p) => ({ path: p.path, label: assumptionLabel(p.path), evppi: p.evppi, share: p.shareOfEvpi }));
  const compare = options.compare?.runs ? valueOfInformationOf(options.compare) : null;
  const compareData = (compare?.partial ?? []).filter((p) => data.some((d) => d.path === p.path)).map((p) => ({ label: assumptionLabel(p.path), evppi: p.evppi }));
  const top = Math.max(voi.evpi, compare?.evpi ?? 0, ...compareData.map((d) => d.evppi)) || 1;
  const rows = labelRows(options, 16, 56);
  return Plot.plot({
    ...readableFrame(options, 70 + rows.rowHeight * Math.max(1, data.length)),
    marginLeft: 16,
    marginRight: 56,
    marginTop: 30,
    ariaLabel: 'Value of learning each assumption before deciding (EVPPI)',
    caption:
      `Bars: what knowing the assumption exactly before deciding would be worth (EVPPI); the dashed line: EVPI, knowing every assumption. Strong & Oakley’s partition estimate from ${runsRead(voi.runCount, result.runCount)}.` +
      (compare ? ` Orange ticks: the pinned result A (its EVPI ${whole(compare.evpi)}).` : ''),
    x: { label: 'Worth knowing before deciding (currency)', domain: [0, 1.08 * top], grid: true, tickFormat: '~s' },
    y: { axis: null, domain: data.map((d) => d.label), padding: 0.08 },
    marks: [
      Plot.barX(data, {
        x: 'evppi',
        y: 'label',
        fill: colors.invested,
        insetTop: rows.inset,
        tip: true,
        title: (d: (typeof data)[number]) => `${d.label}\nEVPPI ${whole(d.evppi)} (${Math.round(100 * d.share)}% of EVPI)`,
      }),
      ...(compare ? [Plot.tickX(compareData, { x: 'evppi', y: 'label', stroke: colors.compare, strokeWidth: 2, insetTop: rows.inset })] : []),
      Plot.ruleX([0]),
      Plot.text(data, { y: 'label', text: 'label', ...rows.label, dy: labelDy(rows) }),
      Plot.text(data, { x: 'evppi', y: 'label', text: (d: (typeof data)[number]) => whole(d.evppi), dx: 4, dy: rows.inset / 2, textAnchor: 'start' }),
      Plot.ruleX([voi.evpi], { stroke: '#343a40', strokeDasharray: '4,3' }),
      Plot.text([voi.evpi], { x: (d: number) => d, frameAnchor: 'top', dy: -12, textAnchor: 'end', text: () => `EVPI ${whole(voi.evpi)}` }),
    ],
  });
}

/** Options of the break-even chart: how the varied assumption's values read. */
export interface BreakEvenChartOptions extends ChartOptions {
  readonly xLabel?: string;
  readonly format?: (x: number) => string;
}

const metricNames = {
  probabilityPaidBackBy: 'Chance of payback by the month',
  probabilityPositiveRoi: 'Chance of a positive ROI',
  roiMedian: 'Median ROI',
  npvMedian: 'Median NPV',
} as const;

/** Every simulation of a break-even search: the varied value, the metric there (± its simulation error), the target. */
export function breakEvenChart(b: BreakEven, options: BreakEvenChartOptions = {}) {
  const probability = b.target.metric === 'probabilityPaidBackBy' || b.target.metric === 'probabilityPositiveRoi';
  const metric = (x: number) => (probability ? `${(100 * x).toFixed(1)}%` : b.target.metric === 'roiMedian' ? `${x >= 0 ? '+' : '−'}${(100 * Math.abs(x)).toFixed(1)}%` : whole(x));
  const format = options.format ?? number;
  const data = b.evaluations.map((e, i) => ({ ...e, step: i + 1, lo: e.reached - e.standardError, hi: e.reached + e.standardError }));
  const sorted = [...data].sort((a, c) => a.value - c.value);
  const name = b.target.metric === 'probabilityPaidBackBy' ? `Chance of payback by month ${b.target.month}` : metricNames[b.target.metric];
  return Plot.plot({
    ...readableFrame(options, 280),
    marginLeft: 56,
    marginRight: 24,
    marginTop: 28,
    ariaLabel: `Break-even search: ${name} against ${options.xLabel ?? b.vary}`,
    caption: `Each dot: one simulation of the search, ${b.runCount.toLocaleString('en-US')} runs with the same seed, with ± its simulation error; dashed: the target${b.status === 'crossed' ? '; dotted: the break-even value' : ''}.`,
    x: { label: options.xLabel ?? b.vary, domain: [b.within[0], b.within[1]], tickFormat: format, ticks: 5 },
    y: { label: name, grid: true, tickFormat: probability ? '.0%' : b.target.metric === 'roiMedian' ? '+.0%' : '~s', ...(probability ? { domain: [0, 1] } : {}) },
    marks: [
      Plot.line(sorted, { x: 'value', y: 'reached', stroke: '#adb5bd' }),
      Plot.ruleX(data, { x: 'value', y1: 'lo', y2: 'hi', stroke: colors.invested, strokeWidth: 2 }),
      Plot.ruleY([b.target.value], { stroke: colors.compare, strokeDasharray: '6,4' }),
      Plot.text([b.target.value], { y: (d: number) => d, frameAnchor: 'right', textAnchor: 'end', dy: -9, fill: colors.compare, text: (d: number) => `target ${metric(d)}` }),
      ...(b.status === 'crossed' && b.value !== null
        ? [
            Plot.ruleX([b.value], { stroke: '#343a40', strokeDasharray: '2,3' }),
            Plot.text([b.value], { x: (d: number) => d, frameAnchor: 'top', dy: -12, text: (d: number) => `break-even ${format(d)}` }),
          ]
        : []),
      Plot.dot(data, {
        x: 'value',
        y: 'reached',
        fill: colors.invested,
        r: 4,
        tip: true,
        title: (d: (typeof data)[number]) => `simulation ${d.step} of ${data.length}\n${format(d.value)}: ${metric(d.reached)} ± ${metric(d.standardError)}`,
      }),
    ],
  });
}

/** One-way swings of the published fixed figures: the median NPV at the last month asked with each figure below and above its value (a tornado). */
export function swingsChart(s: Sensitivity, options: ChartOptions = {}) {
  const fixed = s.fixedFigures;
  if (!fixed) throw new Error('swingsChart needs a sensitivity computed with swings');
  const last = s.months.at(-1);
  const month = last?.month ?? 0;
  const base = last?.median ?? Number.NaN;
  const data = fixed.figures.map((f) => {
    const at = f.atMonths.at(-1) ?? { medianAtLow: Number.NaN, medianAtHigh: Number.NaN, swing: Number.NaN };
    return {
      label: `${f.path} = ${number(f.value)} (${number(f.low)} to ${number(f.high)})`,
      low: at.medianAtLow,
      high: at.medianAtHigh,
      x1: Math.min(at.medianAtLow, at.medianAtHigh),
      x2: Math.max(at.medianAtLow, at.medianAtHigh),
      swing: at.swing,
    };
  });
  const pct = Math.round(100 * fixed.range);
  const rows = labelRows(options, 16, 72);
  return Plot.plot({
    ...readableFrame(options, 70 + rows.rowHeight * Math.max(1, data.length)),
    marginLeft: 16,
    marginRight: 72,
    marginTop: 30,
    ariaLabel: `Median NPV at month ${month} with each published figure ${pct}% lower and higher`,
    caption: `Each bar spans the median NPV at month ${month} with the figure ${pct}% below and ${pct}% above its value (cut to its allowed range), ${fixed.runs.toLocaleString('en-US')} runs each with the same seed; the number: the swing from low to high. Blue: a higher figure raises the NPV; red: it lowers it. The line: the median with every figure as it is, ${whole(base)}.`,
    x: { label: `Median NPV at month ${month} (currency)`, grid: true, tickFormat: '~s' },
    y: { axis: null, domain: data.map((d) => d.label), padding: 0.08 },
    marks: [
      Plot.barX(data, {
        x1: 'x1',
        x2: 'x2',
        y: 'label',
        fill: (d: (typeof data)[number]) => (d.swing >= 0 ? colors.invested : '#c92a2a'),
        insetTop: rows.inset,
        tip: true,
        title: (d: (typeof data)[number]) => `${d.label}\nlow: ${whole(d.low)}\nhigh: ${whole(d.high)}\nswing: ${signedWhole(d.swing)}`,
      }),
      Plot.ruleX([base], { stroke: '#343a40', strokeDasharray: '4,3' }),
      Plot.text([base], { x: (d: number) => d, frameAnchor: 'top', dy: -12, text: () => `median now ${whole(base)}` }),
      Plot.text(data, { y: 'label', text: 'label', ...rows.label, dy: labelDy(rows) }),
      Plot.text(data, { x: 'x2', y: 'label', text: (d: (typeof data)[number]) => signedWhole(d.swing), dx: 4, dy: rows.inset / 2, textAnchor: 'start' }),
    ],
  });
}

/** Every chart of the page, by the id of its cell. */
export const charts = {
  'roi-fan': roiFanChart,
  customers: customersChart,
  revenue: revenueChart,
  nps: npsChart,
  'roi-histogram': roiHistogram,
  'outcome-split': outcomeSplitChart,
  payback: paybackHistogram,
  levers: leversChart,
  drivers: driversChart,
  sensitivity: sensitivityChart,
  voi: voiChart,
} as const;

export type ChartId = keyof typeof charts;
