/** The result's charts month by month: the ROI fan, and customers, revenue and NPS in each arm. */
import * as Plot from '@observablehq/plot';
import { signedPercent } from '../../src/format/numbers';
import type { Band, SimulationResult } from 'cx-roi';
import {
  type ChartOptions,
  accessible,
  colors,
  currentName,
  frame,
  legendStyle,
  medianPayback,
  moneyTicks,
  moneyUnit,
  pinnedName,
  signedWhole,
  tipStyle,
  whole,
} from './common';
import { roiAxis } from './layout';

// ——— The result's charts ———

type BandRow = { month: number } & Band;

function rows(result: SimulationResult, pick: (row: SimulationResult['series'][number]) => Band): BandRow[] {
  return result.series.map((row) => ({ month: row.month, ...pick(row) }));
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
