/**
 * The playground's charts, as pure functions of simulation results: the page
 * renders them, and test/plots renders the same functions to SVG snapshots.
 */
import * as Plot from '@observablehq/plot';
import { type Band, type RunResult, type SimulationResult, roiDrivers } from 'cx-roi';

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
} as const;

export type ChartId = keyof typeof charts;
