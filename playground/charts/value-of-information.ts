/** The value of information: what learning each assumption before deciding is worth. */
import * as Plot from '@observablehq/plot';
import { percent } from '../../src/format/numbers';
import { analysesOf } from '../analyses';
import { assumptionLabel } from '../labels';
import type { SimulationResult, ValueOfInformation } from 'cx-roi';
import { type ChartOptions, accessible, colors, frame, moneyTicks, moneyUnit, pinnedName, runsRead, tipStyle, whole } from './common';
import { labelDy, labelRows } from './layout';

/** The value of information of investing, from the kept runs: see analyses.ts. */
export function valueOfInformationOf(result: SimulationResult): ValueOfInformation {
  return analysesOf(result).valueOfInformation;
}

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
