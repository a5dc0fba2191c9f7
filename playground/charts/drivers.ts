/** Where the NPV comes from and what drives its spread: the levers, the drivers, and the drivers over the years. */
import * as Plot from '@observablehq/plot';
import { count, minus, percent } from '../../src/format/numbers';
import { analysesOf } from '../analyses';
import { assumptionLabel } from '../labels';
import type { Sensitivity, SimulationResult } from 'cx-roi';
import {
  type ChartOptions,
  accessible,
  colors,
  compact,
  frame,
  legendStyle,
  moneyTicks,
  moneyUnit,
  pinnedName,
  prefix,
  runsRead,
  signedWhole,
  tipStyle,
  whole,
} from './common';
import { barLabels, charWidth, farther } from './layout';

/** The levers, in the order of the bridge from nothing to the NPV. */
export const leverNames = [
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
      y: { label: null, domain: drivers.map((d) => d.path), axis: null },
      marks: [
        // Names wrap to a second line rather than run out of the margin ("Chance a recommendation wins a customer").
        Plot.axisY({ tickFormat: assumptionLabel, lineWidth: 16, label: null }),
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
