/** Downloads: scenario JSON, bands and runs CSV, charts as SVG or PNG, each saying where it came from. */

/** Where an export came from: enough to find, trust and reproduce it. */
export interface Provenance {
  /** What it is, in words: the chart's or table's title. */
  readonly title: string;
  /** The link that reproduces the answer. */
  readonly link: string;
  readonly runs: number;
  readonly seed: number | string;
  /** The answer's result code (the same link gives the same code). */
  readonly result: string;
  readonly version: string;
  /** The day it was exported, as YYYY-MM-DD. */
  readonly date: string;
}

/** The provenance in one line: "cx-roi 0.6.0 · 2,000 runs, seed 1 · result 9c17cfa7 · exported 2026-12-07". */
export function provenanceLine(p: Provenance): string {
  return `cx-roi ${p.version} · ${p.runs.toLocaleString('en-US')} runs, seed ${String(p.seed)} · result ${p.result} · exported ${p.date}`;
}

/** A file name that says what and which: "cx-roi-roi-fan-9c17cfa7-2026-12-07.svg". */
export function exportName(what: string, p: Pick<Provenance, 'result' | 'date'>, extension: string): string {
  return `cx-roi-${what}-${p.result}-${p.date}.${extension}`;
}

/** A CSV with its provenance first, as comment lines (read with `comment: '#'` in most tools). */
export function csvWithProvenance(csv: string, p: Provenance): string {
  const line = (text: string) => `# ${text.replace(/[\r\n]+/g, ' ')}`;
  return `${[line(p.title), line(provenanceLine(p)), line(`link: ${p.link}`)].join('\n')}\n${csv}`;
}

export function download(name: string, type: string, content: Blob | string): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const svgNs = 'http://www.w3.org/2000/svg';
/** The exported text: 12 px, about this wide a character (to wrap and place it without a layout engine). */
const fontSize = 12;
const lineHeight = 16;
const charWidth = 6.6;
/** White around the picture, as the page's cell gives it. */
const padding = 8;

/** The chart's own svg: the one Plot names (role="img"), else the biggest. */
function mainSvg(container: Element): SVGSVGElement {
  const named = container.querySelector<SVGSVGElement>('svg[role="img"]');
  if (named) return named;
  const svgs = [...container.querySelectorAll('svg')];
  const main = svgs.sort((a, b) => b.querySelectorAll('*').length - a.querySelectorAll('*').length)[0];
  if (!main) throw new Error('no chart to export');
  return main;
}

/** Words in lines of at most `width` pixels. */
function wrap(text: string, width: number): string[] {
  const most = Math.max(10, Math.floor(width / charWidth));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > most) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The picture being drawn: its group, its width, and how far down it is filled so far (each step moves `y` on). */
interface Sheet {
  readonly doc: Document;
  readonly out: SVGElement;
  readonly width: number;
  y: number;
}

function svgElement(doc: Document, name: string, attributes: Record<string, string | number>): SVGElement {
  const e = doc.createElementNS(svgNs, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  return e;
}

/** The standalone svg on white, named as the chart is, and the group its parts are drawn in. */
function blankPicture(doc: Document, main: SVGSVGElement, width: number): { svg: SVGElement; sheet: Sheet } {
  // No xmlns attribute: the serializer writes the namespace of an element made in it.
  const svg = svgElement(doc, 'svg', {
    width: width + 2 * padding,
    'font-family': 'system-ui, sans-serif',
    'font-size': fontSize,
    color: '#1b1f24',
    fill: '#1b1f24',
    role: 'img',
  });
  const name = main.getAttribute('aria-label');
  if (name) svg.setAttribute('aria-label', name);
  const out = svgElement(doc, 'g', { transform: `translate(${padding},${padding})` });
  svg.append(svgElement(doc, 'rect', { width: '100%', height: '100%', fill: 'white' }), out);
  return { svg, sheet: { doc, out, width, y: 0 } };
}

/** Text wrapped to the width, below what is drawn. */
function drawText(sheet: Sheet, content: string, weight = 'normal', colour?: string): void {
  const lines = wrap(content, sheet.width);
  const t = svgElement(sheet.doc, 'text', { x: 0, y: sheet.y + fontSize, 'font-weight': weight, ...(colour ? { fill: colour } : {}) });
  lines.forEach((line, i) => {
    const span = svgElement(sheet.doc, 'tspan', { x: 0, dy: i === 0 ? 0 : lineHeight });
    span.textContent = line;
    t.append(span);
  });
  sheet.out.append(t);
  sheet.y += lines.length * lineHeight + 6;
}

/** A legend's swatches as rectangles and their labels, in rows as wide as the picture. */
function drawSwatches(sheet: Sheet, legend: Element): void {
  let x = 0;
  let row = 0;
  for (const swatch of legend.querySelectorAll(':scope > span')) {
    const label = swatch.textContent?.trim() ?? '';
    const mark = swatch.querySelector('svg');
    const size = 15;
    const itemWidth = size + 6 + label.length * charWidth + 16;
    if (x > 0 && x + itemWidth > sheet.width) {
      x = 0;
      row++;
    }
    const top = sheet.y + row * 22;
    sheet.out.append(
      svgElement(sheet.doc, 'rect', { x, y: top, width: size, height: size, fill: mark?.getAttribute('fill') ?? 'currentColor' }),
    );
    const t = svgElement(sheet.doc, 'text', { x: x + size + 6, y: top + 12 });
    t.textContent = label;
    sheet.out.append(t);
    x += itemWidth;
  }
  sheet.y += (row + 1) * 22 + 8;
}

/** An svg of the figure (the chart, or a colour ramp's legend) copied in as a group, below what is drawn. */
function drawChart(sheet: Sheet, source: Element, drop: boolean): void {
  // A group, not a nested svg: a nested svg's CSS height:auto (Plot's style) would fill the whole picture.
  const g = svgElement(sheet.doc, 'g', { transform: `translate(0,${sheet.y})` });
  for (const { name: attribute, value } of source.attributes) {
    if (!['width', 'height', 'viewBox', 'xmlns', 'role', 'aria-label', 'aria-description'].includes(attribute))
      g.setAttribute(attribute, value);
  }
  for (const child of source.childNodes) g.append(child.cloneNode(true));
  // A tip left open by the pointer is not part of the chart.
  if (drop) for (const tip of g.querySelectorAll('[aria-label="tip"]')) tip.remove();
  sheet.out.append(g);
  sheet.y += Number(source.getAttribute('height')) || 0;
}

/** The chart and what Plot's figure holds around it (legends, headings, caption), in the figure's order. */
function drawFigure(sheet: Sheet, main: SVGSVGElement): void {
  const figure = main.parentElement?.tagName.toLowerCase() === 'figure' ? main.parentElement : null;
  for (const part of figure ? [...figure.children] : [main]) {
    const tag = part.tagName.toLowerCase();
    if (part === main) drawChart(sheet, main, true);
    else if (tag === 'div' && part.querySelector(':scope > span > svg')) drawSwatches(sheet, part);
    else if (tag === 'svg')
      drawChart(sheet, part, false); // a colour ramp's legend
    else if (part.textContent?.trim()) {
      sheet.y += tag === 'figcaption' ? 8 : 2;
      drawText(sheet, part.textContent.trim(), tag === 'h2' || tag === 'h3' ? 'bold' : 'normal');
    }
  }
}

/**
 * The chart as one standalone SVG. Plot wraps a chart with a legend or a
 * caption in an HTML figure, which an SVG file cannot hold: the legend's
 * swatches are drawn as SVG rectangles and text above the chart, the chart's
 * svg becomes a group, and the caption (and any title) SVG text wrapped to
 * the width below it, all text at 12 px on white.
 */
export function chartSvg(container: Element, provenance?: Provenance): string {
  const doc = container.ownerDocument;
  const main = mainSvg(container);
  const width = Number(main.getAttribute('width')) || 720;
  const { svg, sheet } = blankPicture(doc, main, width);
  // The title first: a picture on a slide says what it shows.
  if (provenance) drawText(sheet, provenance.title, 'bold');
  drawFigure(sheet, main);
  // Where it came from, last, small and grey: the version, runs, seed, result code, date and the link.
  if (provenance) {
    sheet.y += 8;
    drawText(sheet, provenanceLine(provenance), 'normal', '#555');
    drawText(sheet, provenance.link, 'normal', '#555');
  }
  const height = Math.ceil(sheet.y + 2 * padding);
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width + 2 * padding} ${height}`);
  const Serializer = doc.defaultView?.XMLSerializer ?? XMLSerializer;
  return new Serializer().serializeToString(svg);
}

/** The same standalone SVG as {@link chartSvg}, drawn at `scale` times its size on white. */
export async function chartPng(container: Element, provenance?: Provenance, scale = 2): Promise<Blob> {
  const svg = chartSvg(container, provenance);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
