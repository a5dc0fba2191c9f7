/** What every chart shares: its options, the results' names, colours, frame, accessibility, tips and numbers in words. */
import type * as Plot from '@observablehq/plot';
import { count, minus, money, signedMoney } from '../../src/format/numbers';
import type { SimulationResult } from 'cx-roi';

export interface ChartOptions {
  /** A pinned result to draw underneath, for comparison (A), the current one being B. */
  readonly compare?: SimulationResult | null;
  /** The document to render into (jsdom's in tests). */
  readonly document?: Document;
  readonly width?: number;
  /** The plot's height in px (each chart has its own default; the one-page report asks for a shorter one). */
  readonly height?: number;
  /**
   * The currency of the money figures, a symbol ("€", "$", "£") or a code
   * ("EUR"), put before them in ticks and labels; "" (the default) for plain numbers.
   */
  readonly currency?: string;
  /** What the page calls A and B (their names in the compare cell); "A" and "B" by default. */
  readonly names?: { readonly a: string; readonly b: string };
}

/** "the pinned result A", or "the pinned result A (Cautious)" when A has a name of its own. */
export function pinnedName(options: ChartOptions): string {
  const a = options.names?.a;
  return a && a !== 'A' ? `the pinned result A (${a})` : 'the pinned result A';
}

/** "the current result B", with its name when it has one. */
export function currentName(options: ChartOptions): string {
  const b = options.names?.b;
  return b && b !== 'B' ? `the current result B (${b})` : 'the current result B';
}

// The compare orange and the outcome green are dark enough for text on white,
// or white text on them, at 4.5:1 or more.
export const colors = {
  baseline: '#8a8f98',
  invested: '#1f6feb',
  compare: '#c2410c',
  negative: '#c92a2a',
  total: '#343a40',
  never: '#5c636a',
} as const;
/** Accenture's three classes: red, amber, green. */
export const outcomeColors = { 'lower or negative': '#c92a2a', middling: '#e8a33d', 'clearly positive': '#237a36' } as const;
/** Text on each outcome colour: white on amber would be 2.2:1, so near-black there. */
export const outcomeInk = { 'lower or negative': 'white', middling: '#1a1a1a', 'clearly positive': 'white' } as const;

/** Text at least 12 px in every chart (Plot's default is 10 px). */
const readable = { fontSize: '12px' } as const;
/** For a colour scale's legend: Plot passes a scale's `style` on to it (its types do not say so). */
export const legendStyle: object = { style: readable };

export function frame(options: ChartOptions, height = 300) {
  return {
    width: options.width ?? 720,
    height: options.height ?? height,
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
export function accessible<T extends Element>(chart: T): T {
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
export const tipStyle = { fontSize: 12, render: grouped } as const;

// ——— Numbers in words ———

/** "€", or "EUR " for a code. */
export const prefix = (currency = '') => (/^[A-Za-z]{2,}$/.test(currency) ? `${currency} ` : currency);
// The library's formatters (src/format/numbers.ts), with a currency code spaced off the figure.
export const whole = (x: number, currency = '') => money(x, prefix(currency));
export const signedWhole = (x: number, currency = '') => signedMoney(x, prefix(currency));
export const number = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 4 });
export const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Money ticks: Plot's SI format ("200k") as before without a currency; with one, "€200K". */
export function moneyTicks(currency = ''): string | ((x: number) => string) {
  return currency ? (x: number) => `${x < 0 ? minus : ''}${prefix(currency)}${compact.format(Math.abs(x))}` : '~s';
}

/** The unit of a money axis, in its label. */
export const moneyUnit = (currency = '') => currency.trim() || 'currency';

/** The median payback month over all runs, if more than half pay back. */
export function medianPayback(result: SimulationResult): number | null {
  return result.horizon.paybackMonth.median;
}

/** "2,000 runs", or "the first 5,000 of the 20,000 runs". */
export function runsRead(read: number, total: number): string {
  return read < total ? `the first ${count(read)} of the ${count(total)} runs` : `${count(read)} runs`;
}
