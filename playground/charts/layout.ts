/** Where labels and ticks go: value labels beside bars, name labels above them, the ROI axis. */
import * as Plot from '@observablehq/plot';
import type { ChartOptions } from './common';

// ——— Labels beside bars ———

/** About the width of a character of 12 px text, to tell whether a label fits. */
export const charWidth = 7.5;

/**
 * Value labels of horizontal bars (Plot.barX from zero): beside each bar's
 * end, outside it on the side away from zero, in the text colour; past `at`
 * where something else is drawn there (the pinned result's tick), if there
 * is room. Where there is no room outside before `limits` (the pixels labels
 * may reach), inside the bar's end in white (the bars' colours hold white
 * text at 4.5:1), if the bar is long enough; else the `short` text, the same way.
 */
export function barLabels<T>(
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
export const farther = (value: number, pinned: number | undefined) =>
  pinned !== undefined && Math.sign(pinned) === Math.sign(value) && Math.abs(pinned) > Math.abs(value) ? pinned : value;

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
export function roiAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
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

/**
 * Rows of a bar chart with each bar's label above it, so long labels fit a
 * phone: on a narrow chart a label wraps at its spaces onto two lines, and
 * the rows are taller to hold them.
 */
export function labelRows(options: ChartOptions, marginLeft: number, marginRight: number) {
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
export const labelDy = (rows: { rowHeight: number; inset: number }) => Math.round(-0.46 * rows.rowHeight + rows.inset - 3);
