/**
 * The playground's charts, as pure functions of simulation results: the page
 * renders them, and test/plots renders the same functions to SVG snapshots.
 */
import * as Plot from '@observablehq/plot';
import { count, minus, money, percent, signedCount, signedMoney, signedPercent } from '../src/format/numbers';
import { analysesOf } from './analyses';
import { assumptionLabel, assumptionValue } from './labels';
import type { Band, BreakEven, RunResult, Sensitivity, SimulationResult, ValueOfInformation } from 'cx-roi';

export interface ChartOptions {
  /** A pinned result to draw underneath, for comparison (A), the current one being B. */
  readonly compare?: SimulationResult | null;
  /** The document to render into (jsdom's in tests). */
  readonly document?: Document;
  readonly width?: number;
  /**
   * The currency of the money figures, a symbol ("€", "$", "£") or a code
   * ("EUR"), put before them in ticks and labels; "" (the default) for plain numbers.
   */
  readonly currency?: string;
  /** What the page calls A and B (their names in the compare cell); "A" and "B" by default. */
  readonly names?: { readonly a: string; readonly b: string };
}

/** "the pinned result A", or "the pinned result A (Cautious)" when A has a name of its own. */
function pinnedName(options: ChartOptions): string {
  const a = options.names?.a;
  return a && a !== 'A' ? `the pinned result A (${a})` : 'the pinned result A';
}

/** "the current result B", with its name when it has one. */
function currentName(options: ChartOptions): string {
  const b = options.names?.b;
  return b && b !== 'B' ? `the current result B (${b})` : 'the current result B';
}

// The compare orange and the outcome green are dark enough for text on white,
// or white text on them, at 4.5:1 or more.
const colors = {
  baseline: '#8a8f98',
  invested: '#1f6feb',
  compare: '#c2410c',
  negative: '#c92a2a',
  total: '#343a40',
  never: '#5c636a',
} as const;
/** Accenture's three classes: red, amber, green. */
const outcomeColors = { 'lower or negative': '#c92a2a', middling: '#e8a33d', 'clearly positive': '#237a36' } as const;
/** Text on each outcome colour: white on amber would be 2.2:1, so near-black there. */
const outcomeInk = { 'lower or negative': 'white', middling: '#1a1a1a', 'clearly positive': 'white' } as const;

/** Text at least 12 px in every chart (Plot's default is 10 px). */
const readable = { fontSize: '12px' } as const;
/** For a colour scale's legend: Plot passes a scale's `style` on to it (its types do not say so). */
const legendStyle: object = { style: readable };

type BandRow = { month: number } & Band;

function rows(result: SimulationResult, pick: (row: SimulationResult['series'][number]) => Band): BandRow[] {
  return result.series.map((row) => ({ month: row.month, ...pick(row) }));
}

function frame(options: ChartOptions, height = 300) {
  return {
    width: options.width ?? 720,
    height,
    marginLeft: 64,
    marginRight: 16,
    marginBottom: 40,
    style: readable,
    ...(options.document ? { document: options.document } : {}),
  };
}

/**
 * Plot names the svg (its `ariaLabel`) and labels every mark's <g> ("bar",
 * "x-axis tick"), but a <g> without a role may not carry a label (axe's
 * aria-prohibited-attr): the svg becomes one image with that name, and each
 * labelled <g> a group, which may.
 */
function accessible<T extends Element>(chart: T): T {
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector(':scope > svg');
  if (svg) {
    svg.setAttribute('role', 'img');
    for (const g of svg.querySelectorAll('[aria-label]:not([role])')) g.setAttribute('role', 'group');
  }
  // The legend's swatches are decoration: their labels are text beside them.
  for (const swatch of chart.querySelectorAll(':scope > div svg')) swatch.setAttribute('aria-hidden', 'true');
  return chart;
}

/** The same for what a pointer draws, each time it draws it (a tip, after the chart is made). */
const grouped: Plot.RenderFunction = (index, scales, values, dimensions, context, next) => {
  const g = next?.(index, scales, values, dimensions, context) ?? null;
  g?.setAttribute('role', 'group');
  return g;
};

/** Plot's tips (hover read-outs), at 12 px too. */
const tipStyle = { fontSize: 12, render: grouped } as const;

// ——— Numbers in words ———

/** "€", or "EUR " for a code. */
const prefix = (currency = '') => (/^[A-Za-z]{2,}$/.test(currency) ? `${currency} ` : currency);
// The library's formatters (src/format/numbers.ts), with a currency code spaced off the figure.
const whole = (x: number, currency = '') => money(x, prefix(currency));
const signedWhole = (x: number, currency = '') => signedMoney(x, prefix(currency));
const number = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 4 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Money ticks: Plot's SI format ("200k") as before without a currency; with one, "€200K". */
function moneyTicks(currency = ''): string | ((x: number) => string) {
  return currency ? (x: number) => `${x < 0 ? minus : ''}${prefix(currency)}${compact.format(Math.abs(x))}` : '~s';
}

/** The unit of a money axis, in its label. */
const moneyUnit = (currency = '') => currency.trim() || 'currency';

// ——— Labels beside bars ———

/** About the width of a character of 12 px text, to tell whether a label fits. */
const charWidth = 7.5;

/**
 * Value labels of horizontal bars (Plot.barX from zero): beside each bar's
 * end, outside it on the side away from zero, in the text colour; past `at`
 * where something else is drawn there (the pinned result's tick), if there
 * is room. Where there is no room outside before `limits` (the pixels labels
 * may reach), inside the bar's end in white (the bars' colours hold white
 * text at 4.5:1), if the bar is long enough; else the `short` text, the same way.
 */
function barLabels<T>(
  data: readonly T[],
  o: {
    x: (d: T) => number;
    y: (d: T) => string;
    text: (d: T) => string;
    short?: (d: T) => string;
    at?: (d: T) => number;
    domain: readonly [number, number];
    frame: readonly [number, number];
    limits: readonly [number, number];
    dy?: number;
  },
): Plot.Markish[] {
  const [d0, d1] = o.domain;
  const px = (v: number) => o.frame[0] + ((v - d0) / (d1 - d0 || 1)) * (o.frame[1] - o.frame[0]);
  const width = (text: string) => text.length * charWidth + 6;
  const placed = data.map((d) => {
    const v = o.x(d);
    const room = (at: number) => (v >= 0 ? o.limits[1] - px(at) : px(at) - o.limits[0]);
    const bar = Math.abs(px(v) - px(0));
    const texts = [o.text(d), ...(o.short ? [o.short(d)] : [])];
    for (const text of texts) {
      for (const at of [o.at?.(d) ?? v, v]) if (room(at) >= width(text)) return { d, v, at, text, outside: true };
      if (bar >= width(text)) return { d, v, at: v, text, outside: false };
    }
    return { d, v, at: v, text: texts.at(-1) ?? '', outside: true };
  });
  type Placed = (typeof placed)[number];
  const groups = [
    { keep: (p: Placed) => p.v >= 0 && p.outside, dx: 4, textAnchor: 'start' },
    { keep: (p: Placed) => p.v < 0 && p.outside, dx: -4, textAnchor: 'end' },
    { keep: (p: Placed) => p.v >= 0 && !p.outside, dx: -4, textAnchor: 'end', fill: 'white' },
    { keep: (p: Placed) => p.v < 0 && !p.outside, dx: 4, textAnchor: 'start', fill: 'white' },
  ] as const;
  return groups.map(({ keep, ...style }) =>
    Plot.text(placed.filter(keep), {
      x: (p: Placed) => (p.outside ? p.at : p.v),
      y: (p: Placed) => o.y(p.d),
      text: (p: Placed) => p.text,
      dy: o.dy ?? 0,
      ...style,
    }),
  );
}

/** Where a bar's label goes past the pinned result's tick: the farther of the two on the bar's side of zero. */
const farther = (value: number, pinned: number | undefined) =>
  pinned !== undefined && Math.sign(pinned) === Math.sign(value) && Math.abs(pinned) > Math.abs(value) ? pinned : value;

// ——— The result's charts ———

/** The median payback month over all runs, if more than half pay back. */
function medianPayback(result: SimulationResult): number | null {
  return result.horizon.paybackMonth.median;
}

/** A round step for about `count` ticks over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / count || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= raw) ?? 10;
  return step * power;
}

/**
 * The ROI axis: ROI falls below −100% (all of the cost lost) only by a hair,
 * when a programme that does next to nothing also loses a few customers by
 * chance, and the fan starts there, so the axis starts at −100%, or just
 * below it, with a tick there, whatever the other ticks' step.
 */
function roiAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(-1, ...values);
  const hi = Math.max(0, ...values);
  const step = niceStep(hi - lo, 7);
  const top = Math.ceil(hi / step - 1e-9) * step;
  // Within a tenth of a step below −100%, the axis reaches just as far; further, to the next tick.
  const bottom = lo >= -1 - step / 10 ? lo : Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let i = Math.ceil(bottom / step - 1e-9); i * step <= top + 1e-9; i++) ticks.push(Math.round(i * step * 1e9) / 1e9);
  if (!ticks.includes(-1) && bottom <= -1) ticks.push(-1);
  return { domain: [bottom, top], ticks: ticks.sort((a, b) => a - b) };
}

/** ROI over the horizon: p5–p95 and p25–p75 bands, the median, zero, and the median payback month. */
export function roiFanChart(result: SimulationResult, options: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const data = rows(result, (r) => r.roi);
  const payback = medianPayback(result);
  const compare = options.compare ? rows(options.compare, (r) => r.roi) : null;
  const horizon = result.scenario.horizonMonths;
  const axis = roiAxis([...data, ...(compare ?? [])].flatMap((d) => [d.p5, d.p95]));
  // Past the middle the label ends at the line, so it stays inside the frame.
  const late = payback !== null && payback > horizon / 2;
  return accessible(
    Plot.plot({
      ...frame(options),
      ariaLabel: 'ROI fan chart: cumulative ROI month by month, its median and the bands of the middle 50% and 90% of runs',
      ...(compare
        ? {
            caption: `Dashed orange: ${pinnedName(options)} (median; dotted: the range of 90% of its runs). Blue: ${currentName(options)}.`,
          }
        : {}),
      x: { label: 'Month', domain: [0, horizon] },
      y: { label: 'Cumulative ROI', grid: true, tickFormat: '+.0%', domain: axis.domain, ticks: axis.ticks },
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
              Plot.text([payback], {
                x: (d: number) => d,
                frameAnchor: 'top',
                dy: 6,
                dx: late ? -4 : 4,
                textAnchor: late ? 'end' : 'start',
                text: () => `median payback (all runs): month ${payback}`,
              }),
            ]),
        Plot.tip(
          data,
          Plot.pointerX({
            x: 'month',
            y: 'p50',
            title: (d: BandRow) =>
              `month ${d.month}\nmedian ROI ${signedPercent(d.p50)}\n90% of runs: ${signedPercent(d.p5)} to ${signedPercent(d.p95)}`,
            ...tipStyle,
          }),
        ),
      ],
    }),
  );
}

/** One figure per arm as bands over the months: baseline vs invested (and A's medians, dashed). */
function armChart(
  result: SimulationResult,
  options: ChartOptions,
  pick: (row: SimulationResult['series'][number]) => { baseline: Band; invested: Band },
  o: { label: string; name: string; tickFormat: string | ((x: number) => string); format: (x: number) => string; zero: boolean },
): SVGSVGElement | HTMLElement {
  const data = (r: SimulationResult) =>
    (['baseline', 'invested'] as const).flatMap((arm) => r.series.map((row) => ({ month: row.month, arm, ...pick(row)[arm] })));
  const current = data(result);
  const compare = options.compare ? data(options.compare) : null;
  return accessible(
    Plot.plot({
      ...frame(options, 260),
      ariaLabel: `${o.name} month by month, without the programme (baseline) and with it (invested): medians and the middle 90% of runs`,
      ...(compare ? { caption: `Dashed orange: ${pinnedName(options)}, its medians in both arms.` } : {}),
      x: { label: 'Month' },
      y: { label: o.label, grid: true, tickFormat: o.tickFormat, zero: o.zero },
      color: { domain: ['baseline', 'invested'], range: [colors.baseline, colors.invested], legend: true, ...legendStyle },
      marks: [
        Plot.areaY(current, { x: 'month', y1: 'p5', y2: 'p95', fill: 'arm', fillOpacity: 0.18 }),
        Plot.lineY(current, { x: 'month', y: 'p50', stroke: 'arm', strokeWidth: 2 }),
        ...(compare ? [Plot.lineY(compare, { x: 'month', y: 'p50', z: 'arm', stroke: colors.compare, strokeDasharray: '6,4' })] : []),
        Plot.tip(
          current,
          Plot.pointerX({
            x: 'month',
            y: 'p50',
            title: (d: (typeof current)[number]) =>
              `${d.arm}, month ${d.month}\nmedian ${o.format(d.p50)}\n90% of runs: ${o.format(d.p5)} to ${o.format(d.p95)}`,
            ...tipStyle,
          }),
        ),
      ],
    }),
  );
}

/** Active customers per arm over the months, from zero. */
export function customersChart(result: SimulationResult, options: ChartOptions = {}) {
  return armChart(result, options, (r) => r.customers, {
    label: 'Active customers',
    name: 'Active customers',
    tickFormat: '~s',
    format: whole,
    zero: true,
  });
}

/** Monthly revenue per arm over the months, from zero. */
export function revenueChart(result: SimulationResult, options: ChartOptions = {}) {
  const currency = options.currency ?? '';
  return armChart(result, options, (r) => r.revenue, {
    label: currency ? `Revenue per month (${moneyUnit(currency)})` : 'Revenue per month',
    name: 'Revenue',
    tickFormat: moneyTicks(currency),
    format: (x) => whole(x, currency),
    zero: true,
  });
}

/**
 * NPS per arm over the months: a survey of each month's customers (promoters:
 * 90% of excellent journeys and 18% of bad ones; detractors: the other bad
 * ones and a share of the ordinary good ones).
 */
export function npsChart(result: SimulationResult, options: ChartOptions = {}) {
  return armChart(result, options, (r) => ({ baseline: r.nps.baseline.score, invested: r.nps.invested.score }), {
    label: 'NPS (−100 to 100)',
    name: 'NPS',
    tickFormat: '.0f',
    format: (x) => signedWhole(x),
    zero: false,
  });
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
  return accessible(
    Plot.plot({
      ...frame(options, 260),
      ariaLabel: `Histogram of the runs' ROI at month ${result.scenario.horizonMonths}, coloured by outcome class`,
      ...(compare || runs.length < result.runCount
        ? {
            caption: [
              runs.length < result.runCount ? `The first ${count(runs.length)} of ${count(result.runCount)} runs.` : '',
              compare ? `Dashed orange: ${pinnedName(options)}, its histogram.` : '',
            ]
              .filter(Boolean)
              .join(' '),
          }
        : {}),
      x: { label: `ROI at month ${result.scenario.horizonMonths}`, tickFormat: '+.0%' },
      y: { label: 'Runs', grid: true },
      color: { domain: Object.keys(outcomeColors), range: Object.values(outcomeColors), legend: true, ...legendStyle },
      marks: [
        Plot.rectY(
          runs,
          Plot.binX<Plot.RectYOptions>(
            { y: 'count' },
            { x: 'roi', fill: 'outcome', thresholds: 40, tip: { ...tipStyle, format: { x: (x: number) => signedPercent(x) } } },
          ),
        ),
        ...(compare
          ? [
              Plot.lineY(
                compare,
                Plot.binX<Plot.LineYOptions>(
                  { y: 'count' },
                  { x: 'roi', thresholds: 40, stroke: colors.compare, strokeDasharray: '6,4', curve: 'step' },
                ),
              ),
            ]
          : []),
        Plot.ruleY([0]),
      ],
    }),
  );
}

/** The simulated outcome classes beside Accenture's published 23 / 57 / 20. */
export function outcomeSplitChart(result: SimulationResult, options: ChartOptions = {}) {
  const oc = result.horizon.outcomeClasses;
  type Row = { source: string; outcome: keyof typeof outcomeColors; share: number };
  const share = (source: string, c: typeof oc | typeof oc.published): Row[] => [
    { source, outcome: 'lower or negative', share: c.negative },
    { source, outcome: 'middling', share: c.middling },
    { source, outcome: 'clearly positive', share: c.positive },
  ];
  const data = [
    ...share('This simulation', oc),
    ...(options.compare ? share('Pinned (A)', options.compare.horizon.outcomeClasses) : []),
    ...share('Accenture (published)', oc.published),
  ];
  const order = Object.keys(outcomeColors);
  return accessible(
    Plot.plot({
      ...frame(options, options.compare ? 150 : 120),
      marginLeft: 150,
      ariaLabel: 'Shares of runs in Accenture’s three outcome classes, beside Accenture’s published shares',
      caption: `Accenture’s split is a reference for a reality check, not a target: nothing in the default is tuned to it. How far this simulation’s split is from it: ${oc.chiSquareDistance.toFixed(3)} (0 would be the same split).`,
      x: { label: 'Share of runs (or of companies)', tickFormat: '.0%', domain: [0, 1] },
      y: { label: null, domain: ['This simulation', ...(options.compare ? ['Pinned (A)'] : []), 'Accenture (published)'] },
      // The colours themselves (no legend: the classes are named in the caption's page and the tips).
      marks: [
        Plot.barX(
          data,
          Plot.stackX({
            x: 'share',
            y: 'source',
            fill: (d: Row) => outcomeColors[d.outcome],
            order,
            tip: tipStyle,
            title: (d: Row) => `${d.source}\n${d.outcome}: ${percent(d.share, 0)}`,
          }),
        ),
        Plot.text(
          data,
          Plot.stackX({
            x: 'share',
            y: 'source',
            z: 'outcome',
            order,
            text: (d: Row) => (d.share >= 0.06 ? percent(d.share, 0) : ''),
            fill: (d: Row) => outcomeInk[d.outcome],
          }),
        ),
      ],
    }),
  );
}

/**
 * Payback month run by run, as shares of all runs: a bar a month for the
 * runs that pay back, and a grey "never" bar after the horizon for the runs
 * that do not, so the bars add up to 100%.
 */
export function paybackHistogram(result: SimulationResult, options: ChartOptions = {}) {
  const horizon = result.scenario.horizonMonths;
  // The never bar stands apart from the months, past a gap, and is as wide as
  // its label on any width: 28 px of gap and 44 px of bar, in months.
  const frameWidth = (options.width ?? 720) - 64 - 16;
  const extra = ((horizon + 2) * 72) / Math.max(frameWidth - 72, 72);
  const gap = (extra * 28) / 72;
  const barWidth = extra - gap;
  const neverAt = horizon + 1 + gap;
  const shares = (r: SimulationResult) => {
    const runs = runsOf(r);
    const counts = new Map<number, number>();
    for (const run of runs) if (run.paybackMonth !== null) counts.set(run.paybackMonth, (counts.get(run.paybackMonth) ?? 0) + 1);
    const never = runs.length - [...counts.values()].reduce((a, b) => a + b, 0);
    return {
      months: [...counts].sort((a, b) => a[0] - b[0]).map(([month, count]) => ({ month, count, share: count / runs.length })),
      never: { count: never, share: never / runs.length },
    };
  };
  const current = shares(result);
  const compare = options.compare?.runs ? shares(options.compare) : null;
  const never = result.horizon.paybackMonth.neverShare;
  const compareNever = options.compare ? ` Pinned A: ${Math.round(options.compare.horizon.paybackMonth.neverShare * 100)}%.` : '';
  const step = horizon <= 120 ? 12 : 24;
  const neverBar = [{ x1: neverAt, x2: neverAt + barWidth, ...current.never }];
  return accessible(
    Plot.plot({
      ...frame(options, 240),
      ariaLabel: `Histogram of the month each run pays back, with the share of runs that never pay back within ${horizon} months`,
      x: {
        label: `Payback month (never: not within ${horizon} months)`,
        domain: [0, neverAt + barWidth + 1],
        ticks: Array.from({ length: Math.floor(horizon / step) + 1 }, (_, i) => i * step),
      },
      y: { label: 'Share of runs', grid: true, tickFormat: '.0%' },
      caption: `${Math.round(never * 100)}% of runs never pay back within ${horizon} months.${compareNever} The bars add up to 100% of runs.`,
      marks: [
        Plot.rectY(current.months, {
          x1: 'month',
          x2: (d: { month: number }) => d.month + 1,
          y: 'share',
          insetLeft: 0.5,
          insetRight: 0.5,
          fill: colors.invested,
          tip: tipStyle,
          title: (d: { month: number; count: number; share: number }) =>
            `paid back in month ${d.month}\n${percent(d.share)} of runs (${d.count})`,
        }),
        Plot.rectY(neverBar, {
          x1: 'x1',
          x2: 'x2',
          y: 'share',
          fill: colors.never,
          tip: tipStyle,
          title: (d: { count: number; share: number }) => `never within ${horizon} months\n${percent(d.share)} of runs (${d.count})`,
        }),
        // Its name where a month's tick label would be, and its share above it.
        Plot.text(neverBar, {
          x: (d: { x1: number; x2: number }) => (d.x1 + d.x2) / 2,
          y: 0,
          text: () => 'never',
          lineAnchor: 'top',
          dy: 9,
        }),
        Plot.text(neverBar, {
          x: (d: { x1: number; x2: number }) => (d.x1 + d.x2) / 2,
          y: 'share',
          text: (d: { share: number }) => percent(d.share, 0),
          lineAnchor: 'bottom',
          dy: -3,
        }),
        ...(compare
          ? [
              Plot.lineY(compare.months, {
                x: (d: { month: number }) => d.month + 0.5,
                y: 'share',
                stroke: colors.compare,
                strokeDasharray: '6,4',
                curve: 'step',
              }),
              Plot.rectY([{ x1: neverAt, x2: neverAt + barWidth, share: compare.never.share }], {
                x1: 'x1',
                x2: 'x2',
                y: 'share',
                fill: 'none',
                stroke: colors.compare,
                strokeDasharray: '6,4',
              }),
            ]
          : []),
        Plot.ruleY([0]),
      ],
    }),
  );
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
  const currency = options.currency ?? '';
  const bars = (r: SimulationResult, source: string) => [
    ...leverNames.map(([key, label]) => ({ source, label, value: r.horizon.levers[key] })),
    { source, label: 'Mean NPV', value: r.horizon.levers.npv },
  ];
  type Row = ReturnType<typeof bars>[number];
  const data = bars(result, 'B');
  const compare = options.compare ? bars(options.compare, 'A') : [];
  const terminal = result.horizon.levers.terminalValue;
  const width = options.width ?? 720;
  const [marginLeft, marginRight] = [140, 80];
  const gutter = 12;
  const long = (d: Row) => whole(d.value, currency);
  const short = (d: Row) => `${d.value < 0 ? minus : ''}${prefix(currency)}${compact.format(Math.abs(d.value))}`;
  // Room for the labels outside the bars: the domain reaches past the longest
  // bars by the labels' widths (short labels where full ones would squeeze the bars).
  const values = [...data, ...compare].map((d) => d.value);
  const [lo, hi] = [Math.min(0, ...values), Math.max(0, ...values)];
  const frameWidth = Math.max(width - marginLeft - marginRight, 1);
  const pad = (text: (d: Row) => string): [number, number] => {
    const widest = (keep: (d: Row) => boolean) => Math.max(0, ...data.filter(keep).map((d) => text(d).length * charWidth + 10));
    // Left, clear of the axis's ticks; right, the margin holds a label too.
    return [
      lo < 0 ? (widest((d) => d.value < 0) + gutter) / frameWidth : 0,
      Math.max(0, widest((d) => d.value >= 0) - marginRight + 4) / frameWidth,
    ];
  };
  const full = pad(long);
  const [padLo, padHi] = full[0] + full[1] <= 0.35 ? full : pad(short);
  const span = (hi - lo) / Math.max(0.4, 1 - padLo - padHi);
  const domain = [lo - padLo * span, hi + padHi * span] as const;
  return accessible(
    Plot.plot({
      ...frame(options, 60 + 30 * data.length),
      marginLeft,
      marginRight,
      ariaLabel: 'Where the mean NPV comes from: each lever’s share of it, and the programme’s cost',
      caption:
        `Mean NPV over the runs, discounted, split by lever; the parts add up to the mean NPV.` +
        (terminal === null ? '' : ` Terminal value, apart from it: ${whole(terminal, currency)}.`) +
        (options.compare ? ` Orange ticks: ${pinnedName(options)}.` : ''),
      x: {
        label: currency ? `${moneyUnit(currency)} (discounted)` : 'Money (discounted)',
        grid: true,
        tickFormat: moneyTicks(currency),
        domain,
      },
      y: { label: null, domain: data.map((d) => d.label) },
      marks: [
        Plot.barX(data, {
          x: 'value',
          y: 'label',
          fill: (d: Row) => (d.label === 'Mean NPV' ? colors.total : d.value >= 0 ? colors.invested : colors.negative),
          tip: tipStyle,
          title: (d: Row) => `${d.label}: ${signedWhole(d.value, currency)}`,
        }),
        ...(options.compare ? [Plot.tickX(compare, { x: 'value', y: 'label', stroke: colors.compare, strokeWidth: 2 })] : []),
        Plot.ruleX([0]),
        ...barLabels(data, {
          x: (d) => d.value,
          y: (d) => d.label,
          text: long,
          short,
          at: (d) => farther(d.value, compare.find((c) => c.label === d.label)?.value),
          domain,
          frame: [marginLeft, width - marginRight],
          limits: [marginLeft + gutter, width - 4],
        }),
      ],
    }),
  );
}

/** When no assumption varies, there is no spread to explain: a sentence instead of an empty frame. */
function nothingVaries(options: ChartOptions): HTMLElement {
  const p = (options.document ?? document).createElement('p');
  p.className = 'chart-empty';
  p.textContent =
    'No assumption varies in this scenario, so nothing drives a spread in ROI: make one uncertain (a range instead of a single value) to see what drives the spread.';
  return p;
}

/** What drives the spread: each uncertain input's rank correlation with the horizon ROI (a tornado chart). */
export function driversChart(result: SimulationResult, options: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const drivers = analysesOf(result).drivers.slice(0, 10);
  if (drivers.length === 0) return nothingVaries(options);
  const compare = options.compare?.runs ? analysesOf(options.compare).drivers : null;
  const compareData = compare ? compare.filter((d) => drivers.some((x) => x.path === d.path)) : [];
  const width = options.width ?? 720;
  const [marginLeft, marginRight] = [210, 16];
  const domain = [-1, 1] as const;
  const signed = (c: number) => count(c, 2);
  return accessible(
    Plot.plot({
      ...frame(options, 60 + 26 * drivers.length),
      ...(compare ? { caption: `Orange ticks: the same inputs in ${pinnedName(options)}.` } : {}),
      marginLeft,
      marginRight,
      ariaLabel: `What drives the spread of ROI at month ${result.scenario.horizonMonths}: each uncertain assumption’s rank correlation with it`,
      x: { label: 'Rank correlation with ROI at the horizon', domain, grid: true },
      y: { label: null, domain: drivers.map((d) => d.path), tickFormat: assumptionLabel },
      marks: [
        Plot.barX(drivers, {
          x: 'correlation',
          y: 'path',
          fill: (d: { correlation: number }) => (d.correlation >= 0 ? colors.invested : colors.negative),
          tip: tipStyle,
          title: (d: { path: string; correlation: number }) =>
            `${assumptionLabel(d.path)}\nrank correlation with ROI: ${signed(d.correlation)}`,
        }),
        ...(compare ? [Plot.tickX(compareData, { x: 'correlation', y: 'path', stroke: colors.compare, strokeWidth: 2 })] : []),
        Plot.ruleX([0]),
        ...barLabels(drivers, {
          x: (d) => d.correlation,
          y: (d) => d.path,
          text: (d) => signed(d.correlation),
          at: (d) => farther(d.correlation, compareData.find((c) => c.path === d.path)?.correlation),
          domain,
          frame: [marginLeft, width - marginRight],
          limits: [marginLeft + 12, width - 4],
        }),
      ],
    }),
  );
}

// ——— The decision cells' charts ———

// Assumptions in words come from the library's labels (labels.ts); re-exported for the chart tests.
export { assumptionLabel };

/** "2,000 runs", or "the first 5,000 of the 20,000 runs". */
function runsRead(read: number, total: number): string {
  return read < total ? `the first ${count(read)} of the ${count(total)} runs` : `${count(read)} runs`;
}

/** The drivers every 12 months and at the horizon, from the kept runs (no extra simulation): see analyses.ts. */
export function sensitivityOverYears(result: SimulationResult): Sensitivity {
  return analysesOf(result).sensitivity;
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
      m.drivers
        .filter((d) => shown.includes(d.path))
        .map((d) => ({ month: m.month, label: assumptionLabel(d.path), share: d.firstOrder, spearman: d.spearman, swing: d.swing })),
    );
  const data = points(s);
  const compare = options.compare?.runs?.[0]?.npvByMonth ? points(sensitivityOverYears(options.compare)) : null;
  const last = s.months.at(-1);
  const hidden = largest.size - shown.length;
  return accessible(
    Plot.plot({
      ...frame(options, 320),
      marginLeft: 52,
      ariaLabel: 'Each assumption’s share of the spread in NPV, month by month',
      caption:
        `From ${runsRead(s.runCount, result.runCount)}.` +
        (last
          ? ` At month ${last.month} the shares add up to ${percent(last.firstOrderSum, 0)}; the rest comes from assumptions acting together (and noise).`
          : '') +
        (hidden > 0 ? ` ${hidden} smaller one${hidden > 1 ? 's' : ''} not drawn.` : '') +
        (compare ? ` Dashed: ${pinnedName(options)}.` : ''),
      x: { label: 'Month', domain: [0, result.scenario.horizonMonths], ticks: s.months.map((m) => m.month) },
      y: { label: 'Share of the NPV’s spread it alone explains', domain: [0, 1], tickFormat: '.0%', grid: true },
      color: { domain: shown.map(assumptionLabel), legend: shown.length > 0, ...legendStyle },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(data, { x: 'month', y: 'share', stroke: 'label', strokeWidth: 2 }),
        ...(compare ? [Plot.lineY(compare, { x: 'month', y: 'share', stroke: 'label', strokeWidth: 1.5, strokeDasharray: '6,4' })] : []),
        Plot.dot(data, {
          x: 'month',
          y: 'share',
          fill: 'label',
          r: 3.5,
          tip: tipStyle,
          title: (d: (typeof data)[number]) =>
            `${d.label}, month ${d.month}\nshare of the spread: ${percent(d.share)}\nmoves with the NPV (−1 to 1): ${count(d.spearman, 2)}\nswing, lowest to highest tenth: ${signedWhole(d.swing, options.currency)}`,
        }),
      ],
    }),
  );
}

/** The value of information of investing, from the kept runs: see analyses.ts. */
export function valueOfInformationOf(result: SimulationResult): ValueOfInformation {
  return analysesOf(result).valueOfInformation;
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
  const compareData = (compare?.partial ?? [])
    .filter((p) => data.some((d) => d.path === p.path))
    .map((p) => ({ label: assumptionLabel(p.path), evppi: p.evppi }));
  const top = Math.max(voi.evpi, compare?.evpi ?? 0, ...compareData.map((d) => d.evppi)) || 1;
  const rows = labelRows(options, 16, 56);
  const currency = options.currency ?? '';
  return accessible(
    Plot.plot({
      ...frame(options, 70 + rows.rowHeight * Math.max(1, data.length)),
      marginLeft: 16,
      marginRight: 56,
      marginTop: 30,
      ariaLabel: 'Value of learning each assumption before deciding',
      caption:
        `Bars: what knowing the assumption exactly before deciding would be worth; the dashed line: knowing every assumption. Read from ${runsRead(voi.runCount, result.runCount)}.` +
        (compare ? ` Orange ticks: ${pinnedName(options)} (knowing everything: ${whole(compare.evpi, currency)}).` : ''),
      x: {
        label: `Worth knowing before deciding (${moneyUnit(currency)})`,
        domain: [0, 1.08 * top],
        grid: true,
        tickFormat: moneyTicks(currency),
      },
      y: { axis: null, domain: data.map((d) => d.label), padding: 0.08 },
      marks: [
        Plot.barX(data, {
          x: 'evppi',
          y: 'label',
          fill: colors.invested,
          insetTop: rows.inset,
          tip: tipStyle,
          title: (d: (typeof data)[number]) =>
            `${d.label}\nworth knowing: ${whole(d.evppi, currency)} (${percent(d.share, 0)} of knowing everything)`,
        }),
        ...(compare
          ? [Plot.tickX(compareData, { x: 'evppi', y: 'label', stroke: colors.compare, strokeWidth: 2, insetTop: rows.inset })]
          : []),
        Plot.ruleX([0]),
        Plot.text(data, { y: 'label', text: 'label', ...rows.label, dy: labelDy(rows) }),
        Plot.text(data, {
          x: 'evppi',
          y: 'label',
          text: (d: (typeof data)[number]) => whole(d.evppi, currency),
          dx: 4,
          dy: rows.inset / 2,
          textAnchor: 'start',
        }),
        Plot.ruleX([voi.evpi], { stroke: '#343a40', strokeDasharray: '4,3' }),
        Plot.text([voi.evpi], {
          x: (d: number) => d,
          frameAnchor: 'top',
          dy: -12,
          textAnchor: 'end',
          text: () => `knowing everything ${whole(voi.evpi, currency)}`,
        }),
      ],
    }),
  );
}

/** Options of the break-even chart: how the varied assumption's values read. */
export interface BreakEvenChartOptions extends ChartOptions {
  readonly xLabel?: string;
  /** How a value of the varied assumption reads; without it, a plain number (with `currency` when `unit` says currency). */
  readonly format?: (x: number) => string;
  /** The varied assumption's unit, e.g. "currency" or "share". */
  readonly unit?: string;
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
  const currency = options.currency ?? '';
  const metric = (x: number) => (probability ? percent(x) : b.target.metric === 'roiMedian' ? signedPercent(x, 1) : whole(x, currency));
  const money = /currency/.test(options.unit ?? '');
  const format = options.format ?? (money ? (x: number) => whole(x, currency) : number);
  const data = b.evaluations.map((e, i) => ({ ...e, step: i + 1, lo: e.reached - e.standardError, hi: e.reached + e.standardError }));
  const sorted = [...data].sort((a, c) => a.value - c.value);
  const name = b.target.metric === 'probabilityPaidBackBy' ? `Chance of payback by month ${b.target.month}` : metricNames[b.target.metric];
  return accessible(
    Plot.plot({
      ...frame(options, 280),
      marginLeft: 56,
      marginRight: 24,
      marginTop: 28,
      ariaLabel: `Break-even search: ${name} against ${options.xLabel ?? b.vary}`,
      caption: `Each dot: one simulation of the search, ${count(b.runCount)} runs with the same seed, with ± its simulation error; dashed: the target${b.status === 'crossed' ? '; dotted: the break-even value' : ''}.`,
      x: {
        label: options.xLabel ?? b.vary,
        domain: [b.within[0], b.within[1]],
        tickFormat: options.format ?? (money ? moneyTicks(currency) : format),
        ticks: 5,
      },
      y: {
        label: name,
        grid: true,
        tickFormat: probability ? '.0%' : b.target.metric === 'roiMedian' ? '+.0%' : moneyTicks(currency),
        ...(probability ? { domain: [0, 1] } : {}),
      },
      marks: [
        Plot.line(sorted, { x: 'value', y: 'reached', stroke: '#adb5bd' }),
        Plot.ruleX(data, { x: 'value', y1: 'lo', y2: 'hi', stroke: colors.invested, strokeWidth: 2 }),
        Plot.ruleY([b.target.value], { stroke: colors.compare, strokeDasharray: '6,4' }),
        Plot.text([b.target.value], {
          y: (d: number) => d,
          frameAnchor: 'right',
          textAnchor: 'end',
          dy: -9,
          fill: colors.compare,
          text: (d: number) => `target ${metric(d)}`,
        }),
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
          tip: tipStyle,
          title: (d: (typeof data)[number]) =>
            `simulation ${d.step} of ${data.length}\n${format(d.value)}: ${metric(d.reached)} ± ${metric(d.standardError)}`,
        }),
      ],
    }),
  );
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
    // In words, with the path the published figure goes by.
    const name = assumptionLabel(f.path);
    return {
      // The figure as the page shows it: chances and shares in percent, others as numbers.
      label: `${name} = ${assumptionValue(f.path, f.value)} (${assumptionValue(f.path, f.low)} to ${assumptionValue(f.path, f.high)})`,
      low: at.medianAtLow,
      high: at.medianAtHigh,
      x1: Math.min(at.medianAtLow, at.medianAtHigh),
      x2: Math.max(at.medianAtLow, at.medianAtHigh),
      swing: at.swing,
    };
  });
  const pct = Math.round(100 * fixed.range);
  const rows = labelRows(options, 16, 72);
  const currency = options.currency ?? '';
  return accessible(
    Plot.plot({
      ...frame(options, 70 + rows.rowHeight * Math.max(1, data.length)),
      marginLeft: 16,
      marginRight: 72,
      marginTop: 30,
      ariaLabel: `Median NPV at month ${month} with each published figure ${pct}% lower and higher`,
      caption: `Each bar spans the median NPV at month ${month} with the figure ${pct}% below and ${pct}% above its value (cut to its allowed range), ${count(fixed.runs)} runs each with the same seed; the number: the swing from low to high. Blue: a higher figure raises the NPV; red: it lowers it. The line: the median with every figure as it is, ${whole(base, currency)}.`,
      x: { label: `Median NPV at month ${month} (${moneyUnit(currency)})`, grid: true, tickFormat: moneyTicks(currency) },
      y: { axis: null, domain: data.map((d) => d.label), padding: 0.08 },
      marks: [
        Plot.barX(data, {
          x1: 'x1',
          x2: 'x2',
          y: 'label',
          fill: (d: (typeof data)[number]) => (d.swing >= 0 ? colors.invested : colors.negative),
          insetTop: rows.inset,
          tip: tipStyle,
          title: (d: (typeof data)[number]) =>
            `${d.label}\nlow: ${whole(d.low, currency)}\nhigh: ${whole(d.high, currency)}\nswing: ${signedWhole(d.swing, currency)}`,
        }),
        Plot.ruleX([base], { stroke: '#343a40', strokeDasharray: '4,3' }),
        Plot.text([base], { x: (d: number) => d, frameAnchor: 'top', dy: -12, text: () => `median now ${whole(base, currency)}` }),
        Plot.text(data, { y: 'label', text: 'label', ...rows.label, dy: labelDy(rows) }),
        Plot.text(data, {
          x: 'x2',
          y: 'label',
          text: (d: (typeof data)[number]) => signedWhole(d.swing, currency),
          dx: 4,
          dy: rows.inset / 2,
          textAnchor: 'start',
        }),
      ],
    }),
  );
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

// ——— The charts in words ———

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "a", "a and b", "a, b and c". */
const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

const needsRuns = 'It needs a result simulated with its runs kept.';

/** The words of each chart, by its id. */
const descriptions: Record<ChartId, (result: SimulationResult, options: ChartOptions) => string> = {
  'roi-fan': (result) => {
    const first = result.series[0]?.roi;
    const last = result.series.at(-1)?.roi;
    if (!first || !last) return 'No months simulated.';
    const h = result.scenario.horizonMonths;
    const payback = medianPayback(result);
    return (
      `Median cumulative ROI ${last.p50 >= first.p50 ? 'rises' : 'falls'} from ${signedPercent(first.p50)} in month 1 to ${signedPercent(last.p50)} at month ${h}; 90% of runs end between ${signedPercent(last.p5)} and ${signedPercent(last.p95)}.` +
      (payback === null
        ? ` Fewer than half of the runs pay back within ${h} months.`
        : ` Half of all runs have paid back by month ${payback}.`)
    );
  },
  customers: (result) => {
    const h = result.horizon;
    return `Active customers at month ${h.month}: a median of ${whole(h.customers.invested.p50)} with the programme against ${whole(h.customers.baseline.p50)} without it; 90% of runs end between ${whole(h.customers.invested.p5)} and ${whole(h.customers.invested.p95)} with it.`;
  },
  revenue: (result, options) => {
    const last = result.series.at(-1);
    if (!last) return 'No months simulated.';
    const m = (x: number) => whole(x, options.currency);
    return `Revenue in month ${last.month}: a median of ${m(last.revenue.invested.p50)} with the programme against ${m(last.revenue.baseline.p50)} without it; 90% of runs between ${m(last.revenue.invested.p5)} and ${m(last.revenue.invested.p95)} with it.`;
  },
  nps: (result) => {
    const last = result.series.at(-1);
    if (!last) return 'No months simulated.';
    return `NPS in month ${last.month}, on a scale of −100 to 100: a median of ${signedWhole(last.nps.invested.score.p50)} with the programme against ${signedWhole(last.nps.baseline.score.p50)} without it.`;
  },
  'roi-histogram': (result) => {
    const h = result.horizon;
    const oc = h.outcomeClasses;
    return (
      `ROI at month ${h.month} over ${count(result.runCount)} runs: median ${signedPercent(h.roi.p50)}, 90% of runs between ${signedPercent(h.roi.p5)} and ${signedPercent(h.roi.p95)}.` +
      ` ${percent(oc.positive, 0)} of runs are clearly positive (ROI of ${signedPercent(oc.positiveFrom)} or more), ${percent(oc.middling, 0)} middling and ${percent(oc.negative, 0)} lower or negative (below ${signedPercent(oc.negativeBelow)}).`
    );
  },
  'outcome-split': (result) => {
    const oc = result.horizon.outcomeClasses;
    const p = oc.published;
    return `This simulation: ${percent(oc.negative, 0)} of runs lower or negative, ${percent(oc.middling, 0)} middling and ${percent(oc.positive, 0)} clearly positive; Accenture published ${percent(p.negative, 0)}, ${percent(p.middling, 0)} and ${percent(p.positive, 0)} of companies.`;
  },
  payback: (result) => {
    const pb = result.horizon.paybackMonth;
    const h = result.scenario.horizonMonths;
    const among = pb.amongPaidBack;
    return (
      `${percent(pb.paidBackShare, 0)} of runs pay back within ${h} months${among ? `, 90% of them between month ${Math.round(among.p5)} and month ${Math.round(among.p95)}` : ''}; ${percent(pb.neverShare, 0)} never do.` +
      (pb.median === null ? '' : ` Half of all runs have paid back by month ${pb.median}.`)
    );
  },
  levers: (result, options) => {
    const l = result.horizon.levers;
    const parts = leverNames.map(([key, label]) => `${lower(label)} ${signedWhole(l[key], options.currency)}`);
    return `The mean NPV, ${whole(l.npv, options.currency)} discounted, adds up from ${list(parts)}.`;
  },
  drivers: (result) => {
    if (!result.runs) return needsRuns;
    const drivers = analysesOf(result).drivers;
    if (drivers.length === 0) return 'No assumption varies in this scenario, so nothing drives a spread in ROI.';
    const top = drivers
      .slice(0, 3)
      .map((d, i) => `${i === 0 ? assumptionLabel(d.path) : lower(assumptionLabel(d.path))} (${signedCount(d.correlation, 2)})`);
    return `What moves ROI at month ${result.scenario.horizonMonths} most, by rank correlation: ${list(top)}. A positive correlation: the higher the assumption, the higher the ROI; a negative one, the lower.`;
  },
  sensitivity: (result) => {
    if (!result.runs) return needsRuns;
    const last = sensitivityOverYears(result).months.at(-1);
    if (!last || last.drivers.length === 0) return 'No assumption varies in this scenario, so none explains a spread in NPV.';
    const top = last.drivers
      .slice(0, 3)
      .map((d, i) => `${i === 0 ? assumptionLabel(d.path) : lower(assumptionLabel(d.path))} ${percent(d.firstOrder, 0)}`);
    return `At month ${last.month}, the share of the spread in NPV each assumption alone explains: ${list(top)}; together all of them ${percent(last.firstOrderSum, 0)}, the rest comes from assumptions acting together.`;
  },
  voi: (result, options) => {
    if (!result.runs) return needsRuns;
    const voi = valueOfInformationOf(result);
    const top = voi.partial[0];
    return (
      `Knowing every assumption exactly before deciding would be worth ${whole(voi.evpi, options.currency)}.` +
      (top
        ? ` Of single assumptions, ${lower(assumptionLabel(top.path))} is worth most to learn: ${whole(top.evppi, options.currency)}, ${percent(top.shareOfEvpi, 0)} of knowing everything.`
        : ' No assumption varies.')
    );
  },
};

/**
 * What a chart shows, with its key numbers, in one or two plain sentences:
 * the text alternative the page puts beside the chart.
 */
export function chartDescription(id: ChartId, result: SimulationResult, options: ChartOptions = {}): string {
  return descriptions[id](result, options);
}
