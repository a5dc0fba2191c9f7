/** The result's charts run by run: the ROI histogram, the outcome split, the payback histogram. */
import * as Plot from '@observablehq/plot';
import { count, percent, signedPercent } from '../../src/format/numbers';
import type { RunResult, SimulationResult } from 'cx-roi';
import { type ChartOptions, accessible, colors, frame, legendStyle, outcomeColors, outcomeInk, pinnedName, tipStyle } from './common';

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

/** Where the never bar stands on the month axis, and how wide it is, in months. */
function neverBarPlace(horizon: number, options: ChartOptions): { neverAt: number; barWidth: number } {
  // The never bar stands apart from the months, past a gap, and is as wide as
  // its label on any width: 28 px of gap and 44 px of bar, in months.
  const frameWidth = (options.width ?? 720) - 64 - 16;
  const extra = ((horizon + 2) * 72) / Math.max(frameWidth - 72, 72);
  const gap = (extra * 28) / 72;
  const barWidth = extra - gap;
  return { neverAt: horizon + 1 + gap, barWidth };
}

/** The runs of a result that pay back, counted by month, and those that never do, each with its share of all runs. */
function paybackShares(r: SimulationResult) {
  const runs = runsOf(r);
  const counts = new Map<number, number>();
  for (const run of runs) if (run.paybackMonth !== null) counts.set(run.paybackMonth, (counts.get(run.paybackMonth) ?? 0) + 1);
  const never = runs.length - [...counts.values()].reduce((a, b) => a + b, 0);
  return {
    months: [...counts].sort((a, b) => a[0] - b[0]).map(([month, count]) => ({ month, count, share: count / runs.length })),
    never: { count: never, share: never / runs.length },
  };
}

type PaybackShares = ReturnType<typeof paybackShares>;
type NeverBar = { x1: number; x2: number; count: number; share: number };

/** The current result's bars: a bar a month, and the never bar with its name and share. */
function paybackMarks(months: PaybackShares['months'], neverBar: NeverBar[], horizon: number): Plot.Markish[] {
  return [
    Plot.rectY(months, {
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
  ];
}

/** The pinned result A's shares, dashed over the bars: its months as a step line, its never bar as an outline. */
function pinnedPaybackMarks(compare: PaybackShares, neverAt: number, barWidth: number): Plot.Markish[] {
  return [
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
  ];
}

/**
 * Payback month run by run, as shares of all runs: a bar a month for the
 * runs that pay back, and a grey "never" bar after the horizon for the runs
 * that do not, so the bars add up to 100%.
 */
export function paybackHistogram(result: SimulationResult, options: ChartOptions = {}) {
  const horizon = result.scenario.horizonMonths;
  const { neverAt, barWidth } = neverBarPlace(horizon, options);
  const current = paybackShares(result);
  const compare = options.compare?.runs ? paybackShares(options.compare) : null;
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
        ...paybackMarks(current.months, neverBar, horizon),
        ...(compare ? pinnedPaybackMarks(compare, neverAt, barWidth) : []),
        Plot.ruleY([0]),
      ],
    }),
  );
}
