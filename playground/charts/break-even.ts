/** The break-even search's chart: every simulation of the search against its target. */
import * as Plot from '@observablehq/plot';
import { count, percent, signedPercent } from '../../src/format/numbers';
import type { BreakEven } from 'cx-roi';
import { type ChartOptions, accessible, colors, frame, moneyTicks, number, tipStyle, whole } from './common';

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
