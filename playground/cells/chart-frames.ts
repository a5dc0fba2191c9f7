/**
 * The page's charts: each drawn for every answer (with A over it once pinned),
 * its words under it for a screen reader, and its exports (SVG or PNG, with
 * where it came from). The charts load beside the first simulation.
 */
import type { SimulationResult } from 'cx-roi';
import { chartPng, chartSvg, download, exportName } from '../export';
import type { Cell, Charts, Page } from '../page/page';
import { exportNote } from '../page/table-export';

type ChartId = keyof Charts['charts'];
/** The charts drawn from the run-by-run analyses: after the others, once the analyses are in. */
const heavy: ReadonlySet<string> = new Set(['drivers', 'sensitivity', 'voi']);
const chartIds = [
  'roi-fan',
  'customers',
  'revenue',
  'nps',
  'roi-histogram',
  'outcome-split',
  'payback',
  'levers',
  'drivers',
  'sensitivity',
  'voi',
] as const satisfies readonly ChartId[];
// Every chart of the charts module is drawn: one left out of the list fails to type-check here.
const everyChart: Exclude<ChartId, (typeof chartIds)[number]> extends never ? true : never = true;
void everyChart;

function drawChart(page: Page, charts: Charts, id: ChartId, result: SimulationResult): void {
  const box = page.$(`#chart-${id}`);
  const options = page.chartOptions(page.chartWidth(box));
  box.replaceChildren(charts.charts[id](result, options));
  const description = page.doc.getElementById(`desc-${id}`);
  if (description) description.textContent = charts.chartDescription(id, result, options);
}

/** A chart's frame: its text alternative under it, and its export buttons. */
function frame(page: Page, chart: HTMLElement): void {
  const id = chart.id.replace(/^chart-/, '');
  const description = page.doc.createElement('p');
  description.className = 'chart-desc';
  description.id = `desc-${id}`;
  chart.setAttribute('aria-describedby', description.id);
  const exports = page.doc.createElement('div');
  exports.className = 'exports';
  exports.id = `exports-${id}`;
  for (const format of ['svg', 'png'] as const) {
    const button = page.doc.createElement('button');
    button.type = 'button';
    button.dataset.export = `${id}:${format}`;
    button.textContent = format.toUpperCase();
    button.setAttribute('aria-label', `Download the chart as ${format.toUpperCase()}`);
    button.addEventListener('click', () => void exportChart(page, chart, id, format));
    exports.append(button);
  }
  chart.after(description, exports);
}

async function exportChart(page: Page, box: HTMLElement, id: string, format: 'svg' | 'png'): Promise<void> {
  const exports = page.$(`#exports-${id}`);
  // A chart drawn for another scenario than the answer on screen (a break-even searched before a change) says why it
  // cannot carry this answer's provenance.
  const refusal = !box.querySelector('svg') ? 'This chart has nothing drawn to export yet.' : box.dataset.exportRefusal;
  if (refusal) {
    exportNote(exports, refusal);
    return;
  }
  exportNote(exports, '');
  // Its title on a slide: the chart's own name (what a screen reader hears), else its cell's heading.
  const named = box.querySelector('svg[role="img"]')?.getAttribute('aria-label');
  const heading = box.closest('section')?.querySelector('h2')?.textContent?.trim();
  const p = page.provenanceOf(named ?? heading ?? id);
  if (!p) return;
  if (format === 'svg') download(exportName(id, p, 'svg'), 'image/svg+xml', chartSvg(box, p));
  else download(exportName(id, p, 'png'), 'image/png', await chartPng(box, p));
}

export const chartFrames: Cell = {
  name: 'charts',
  mount(page) {
    for (const chart of page.doc.querySelectorAll<HTMLElement>('.chart[data-frame]')) frame(page, chart);
    for (const id of chartIds) page.addDrawStep({ heavy: heavy.has(id), run: (result, charts) => drawChart(page, charts, id, result) });
  },
};
