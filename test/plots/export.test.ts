import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { type ChartId, charts } from '../../playground/charts.js';
import { chartSvg, csvWithProvenance, exportName } from '../../playground/export.js';
import { fontSize } from './svg.js';

// The SVG and PNG downloads: one standalone SVG file with the chart's legend
// and caption, which Plot puts in an HTML figure around the chart's svg.
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const { document } = window;
const result = simulate({}, { runs: 300, seed: 2026, keepRuns: true });
const pinned = simulate({ investment: { failureReduction: 0.6 } }, { runs: 300, seed: 2026, keepRuns: true });

/** The chart as the page holds it: in its cell's box. */
function cell(id: ChartId, compare = true): Element {
  const box = document.createElement('div');
  box.append(charts[id](result, { document, width: 640, compare: compare ? pinned : null }) as unknown as Node);
  return box;
}

function parse(svg: string): Document {
  const parsed = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(parsed.querySelector('parsererror')?.textContent ?? null).toBeNull();
  return parsed;
}

describe('chartSvg', () => {
  it('keeps the legend and the caption of a chart Plot wraps in a figure', () => {
    const box = cell('roi-histogram');
    const caption = box.querySelector('figcaption')?.textContent ?? '';
    expect(caption).toContain('pinned result A');
    const svg = chartSvg(box);
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const text = [...root.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    for (const label of ['lower or negative', 'middling', 'clearly positive']) expect(text).toContain(label);
    // The caption, wrapped to the chart's width.
    expect(text.replace(/\s+/g, ' ')).toContain(caption);
    // The swatches: a rectangle in each outcome's colour.
    const fills = [...root.querySelectorAll('rect')].map((r) => r.getAttribute('fill'));
    for (const colour of ['#c92a2a', '#e8a33d', '#237a36']) expect(fills).toContain(colour);
    // Nothing of the page's HTML: no figure, legend div or span.
    expect(root.querySelector('figure, div, span, figcaption')).toBeNull();
  });

  it('stacks legend, chart and caption within its own width and height', () => {
    const svg = parse(chartSvg(cell('revenue'))).documentElement;
    const [width, height] = [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))];
    expect(width).toBeGreaterThanOrEqual(640);
    expect(height).toBeGreaterThan(260 + 30 + 16);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    const lines = [...svg.querySelectorAll('tspan')].map((t) => t.textContent ?? '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.length * 6.6).toBeLessThanOrEqual(640);
  });

  it('draws all of its text at 12 px or more', () => {
    for (const id of ['roi-histogram', 'outcome-split', 'sensitivity', 'drivers'] as ChartId[]) {
      const svg = parse(chartSvg(cell(id))).documentElement;
      expect(svg.querySelectorAll('text').length, id).toBeGreaterThan(3);
      for (const t of svg.querySelectorAll('text')) expect(fontSize(t), `${id}: ${t.textContent}`).toBeGreaterThanOrEqual(12);
    }
  });

  it('names the picture as the chart is named', () => {
    const box = cell('payback');
    const svg = parse(chartSvg(box)).documentElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(box.querySelector('svg[role="img"]')?.getAttribute('aria-label'));
  });

  it('exports a chart without a figure as it is', () => {
    const box = cell('drivers', false);
    expect(box.querySelector('figure')).toBeNull();
    const svg = parse(chartSvg(box)).documentElement;
    expect(svg.textContent).toContain('Rank correlation with ROI');
  });

  it('refuses a cell without a chart', () => {
    const box = document.createElement('div');
    box.append(document.createElement('p'));
    expect(() => chartSvg(box)).toThrow(/no chart/);
  });
});

describe('exports say where they came from', () => {
  const provenance = {
    title: 'ROI over the horizon',
    link: 'https://example.org/cx-roi/?runs=300&seed=2026',
    runs: 300,
    seed: 2026,
    result: '1a2b3c4d',
    version: '0.6.0',
    date: '2026-12-07',
  };

  it('a chart: its title first, then the chart, legend and caption, and the provenance and link last', () => {
    const root = parse(chartSvg(cell('roi-fan'), provenance)).documentElement;
    const lines = [...root.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(lines[0]).toBe('ROI over the horizon');
    expect(lines.at(-2)).toBe('cx-roi 0.6.0 · 300 runs, seed 2026 · result 1a2b3c4d · exported 2026-12-07');
    expect(lines.at(-1)).toBe('https://example.org/cx-roi/?runs=300&seed=2026');
    // Without provenance (a test, an embed), the picture is the chart alone.
    const bare = [...parse(chartSvg(cell('roi-fan'))).documentElement.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(bare).not.toContain('ROI over the horizon');
  });

  it('a CSV: its provenance as comment lines, then the table unchanged; a file name that says what and which', () => {
    const csv = 'month,p50\n1,-1\n';
    expect(csvWithProvenance(csv, provenance)).toBe(
      '# ROI over the horizon\n# cx-roi 0.6.0 · 300 runs, seed 2026 · result 1a2b3c4d · exported 2026-12-07\n# link: https://example.org/cx-roi/?runs=300&seed=2026\nmonth,p50\n1,-1\n',
    );
    expect(exportName('roi-fan', provenance, 'png')).toBe('cx-roi-roi-fan-1a2b3c4d-2026-12-07.png');
  });
});
