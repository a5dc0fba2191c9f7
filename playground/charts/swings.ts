/** One-way swings of the published fixed figures (a tornado). */
import * as Plot from '@observablehq/plot';
import { count } from '../../src/format/numbers';
import { assumptionLabel, assumptionValue } from '../labels';
import type { Sensitivity } from 'cx-roi';
import { type ChartOptions, accessible, colors, frame, moneyTicks, moneyUnit, signedWhole, tipStyle, whole } from './common';
import { labelDy, labelRows } from './layout';

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
