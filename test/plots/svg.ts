// Reading Plot's SVG in jsdom, which lays nothing out: positions from the
// attributes and translate()s, and paint and font size as inherited.

/** The translate() of an element's transform attribute, if any. */
function translateOf(el: Element): [number, number] {
  const m = /translate\(\s*(-?[\d.e+-]+)(?:[\s,]+(-?[\d.e+-]+))?\s*\)/.exec(el.getAttribute('transform') ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [0, 0];
}

/** A length attribute in pixels (em lengths, such as Plot's text baselines, count as 0). */
const length = (el: Element, name: string) => {
  const v = el.getAttribute(name) ?? '0';
  return v.endsWith('em') ? 0 : Number.parseFloat(v) || 0;
};

/** Where an element's own x, y falls on its svg. */
export function position(el: Element): [number, number] {
  let [x, y] = [length(el, 'x'), length(el, 'y')];
  for (let e: Element | null = el; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement) {
    const [dx, dy] = translateOf(e);
    x += dx;
    y += dy;
  }
  return [x, y];
}

/** A rectangle's box on its svg. */
export function box(rect: Element) {
  const [x, y] = position(rect);
  return { x, y, width: length(rect, 'width'), height: length(rect, 'height') };
}

/** A presentation attribute as the element inherits it. */
export function inherited(el: Element, name: string): string | null {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const v = e.getAttribute(name);
    if (v !== null) return v;
    if (e.tagName.toLowerCase() === 'svg') break;
  }
  return null;
}

/** The font size an element is drawn at: an inline style wins over the attribute, on each element up. */
export function fontSize(el: Element): number {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const style = (e as HTMLElement).style?.fontSize;
    if (style) return Number.parseFloat(style);
    const attribute = e.getAttribute('font-size');
    if (attribute !== null) return Number.parseFloat(attribute);
  }
  return 16;
}

/** The page's text colour, which Plot's currentColor takes. */
export const ink = '#1b1f24';

function rgb(color: string): [number, number, number] {
  const c = color.trim().toLowerCase();
  if (c === 'white' || c.startsWith('var(')) return [255, 255, 255]; // Plot's tips: var(--plot-background), white
  if (c === 'black') return [0, 0, 0];
  if (c === 'currentcolor') return rgb(ink);
  const hex = c.length === 4 ? [...c.slice(1)].map((h) => h + h).join('') : c.slice(1);
  if (!/^[0-9a-f]{6}$/.test(hex)) throw new Error(`unknown colour ${color}`);
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG's contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = rgb(color).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** What a text is drawn on: the last opaque rectangle painted before it under its anchor, else the white cell. */
export function background(text: Element): string {
  const svg = text.closest('svg');
  if (!svg) return 'white';
  const [x, y] = position(text);
  let under = 'white';
  for (const rect of svg.querySelectorAll('rect')) {
    if (rect.compareDocumentPosition(text) & 2) break; // text comes before: painted over it
    const fill = inherited(rect, 'fill');
    const opacity = Number(inherited(rect, 'fill-opacity') ?? 1) * Number(inherited(rect, 'opacity') ?? 1);
    const b = box(rect);
    if (fill && fill !== 'none' && opacity === 1 && x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) under = fill;
  }
  return under;
}
