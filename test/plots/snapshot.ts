import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';

// Chart snapshots kept as Observable Plot's own tests keep theirs (test/plot-snapshot.js there): the
// markup normalised so that a diff shows what changed in the chart and nothing else. One element a line,
// indented; numbers past three decimals rounded; Plot's class hash (plot-d6a7b5, new with every change of
// its default styles) read as `plot`; the ids of clip paths, filters, markers and patterns, which count up
// across charts, numbered within the chart; attributes in alphabetical order. A chart alone is an .svg file
// (it opens in a browser); a figure with legends is .html. On a mismatch the test fails and the new
// markup is written beside the snapshot as NAME-changed.svg (or .html), to open or diff; `vitest -u`
// accepts it.

const svgNamespace = 'http://www.w3.org/2000/svg';
const xlinkNamespace = 'http://www.w3.org/1999/xlink';
/** Elements whose content stays on their line: text and its parts. */
const inline = new Set(['text', 'tspan', 'title', 'span', 'a', 'i', 'b', 'strong', 'em', 'h2', 'h3', 'p', 'figcaption', 'option']);

/** Plot's default class name, whatever its hash: the snapshot names it `plot`. */
const classHash = /\bplot-[0-9a-f]{6}\b/g;

/** Rounds numbers with four or more decimals to three, as Plot's tests do. */
const rounded = (text: string) => text.replace(/\d+\.\d{4,}/g, (digits) => String(+Number(digits).toFixed(3)));

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** Renumbers the ids Plot counts up across charts (plot-clip-7 …) from 1 within this chart, and their references. */
function reindexIds(root: Element, kind: string, attributes: readonly string[]): void {
  const renamed = new Map<string, string>();
  for (const node of root.querySelectorAll(`[id^="plot-${kind}-"]`)) {
    const id = node.getAttribute('id') as string;
    if (!renamed.has(id)) renamed.set(id, `plot-${kind}-${renamed.size + 1}`);
    node.setAttribute('id', renamed.get(id) as string);
  }
  for (const attribute of attributes)
    for (const node of root.querySelectorAll(`[${attribute}]`)) {
      const reference = /^url\(#(.+)\)$/.exec(node.getAttribute(attribute) ?? '')?.[1];
      const to = reference === undefined ? undefined : renamed.get(reference);
      if (to) node.setAttribute(attribute, `url(#${to})`);
    }
}

function attributesOf(element: Element): string {
  return [...element.attributes]
    .map((a) => [a.name, rounded(a.value.replace(classHash, 'plot'))] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

/** Inline markup of a node: text and elements on one line. */
function flat(node: Node): string {
  if (node.nodeType === 3) return escapeText(rounded(node.textContent ?? ''));
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  return `<${tag}${attributesOf(element)}>${[...element.childNodes].map(flat).join('')}</${tag}>`;
}

/** One element a line, children indented by two spaces. */
function lines(node: Node, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  if (node.nodeType === 3) {
    const text = (node.textContent ?? '').trim();
    if (text) out.push(indent + escapeText(rounded(text)));
    return;
  }
  if (node.nodeType !== 1) return;
  const element = node as Element;
  const tag = element.tagName.toLowerCase();
  const children = [...element.childNodes].filter((child) => child.nodeType === 1 || (child.textContent ?? '').trim() !== '');
  if (tag === 'style') {
    // A style sheet, one rule line a line, as Plot writes it.
    out.push(`${indent}<style>`);
    for (const line of (element.textContent ?? '').replace(classHash, 'plot').split('\n')) out.push(`${indent}  ${line}`);
    out.push(`${indent}</style>`);
  } else if (children.length === 0) out.push(`${indent}<${tag}${attributesOf(element)}></${tag}>`);
  else if (inline.has(tag) || children.every((child) => child.nodeType === 3)) out.push(indent + flat(element));
  else {
    out.push(`${indent}<${tag}${attributesOf(element)}>`);
    for (const child of children) lines(child, depth + 1, out);
    out.push(`${indent}</${tag}>`);
  }
}

/** A chart's markup, normalised for its snapshot (the chart is left as it was). */
export function normalise(chart: Element): string {
  const root = chart.cloneNode(true) as Element;
  for (const svg of root.tagName.toLowerCase() === 'svg' ? [root] : [...root.querySelectorAll('svg')]) {
    svg.setAttribute('xmlns', svgNamespace);
    svg.setAttribute('xmlns:xlink', xlinkNamespace);
  }
  reindexIds(root, 'clip', ['clip-path']);
  reindexIds(root, 'filter', ['filter']);
  reindexIds(root, 'marker', ['marker-start', 'marker-mid', 'marker-end']);
  reindexIds(root, 'pattern', ['fill', 'stroke']);
  const out: string[] = [];
  lines(root, 0, out);
  return `${out.join('\n')}\n`;
}

/**
 * Compares a chart with its snapshot, `__snapshots__/NAME.svg` (or `.html` for a figure); on a mismatch
 * writes `NAME-changed.svg` beside it and fails. A match removes a `-changed` file left by an earlier run.
 */
export async function expectChartSnapshot(chart: Element, name: string): Promise<void> {
  const extension = chart.tagName.toLowerCase() === 'svg' ? 'svg' : 'html';
  const actual = normalise(chart);
  const changed = join(import.meta.dirname, '__snapshots__', `${name}-changed.${extension}`);
  try {
    await expect(actual).toMatchFileSnapshot(`./__snapshots__/${name}.${extension}`);
  } catch (error) {
    await writeFile(changed, actual, 'utf8');
    throw error;
  }
  await rm(changed, { force: true });
}
