/**
 * Export: the scenario (JSON), the bands and the runs (CSV for people), the
 * one-page report (print, or save as PDF), and "Copy link"; each says where
 * it came from (see export.ts).
 */
import { ScenarioError, type SimulationResult, parseScenario } from 'cx-roi';
import { plainMessage, valueWords } from '../assumptions-panel';
import { bandsForPeople, runsForPeople } from '../board-csv';
import { csvWithProvenance, download, exportName } from '../export';
import { assumptionLabel } from '../labels';
import type { Cell, Page } from '../page/page';
import { renderReport } from '../report';

function exportScenario(page: Page): void {
  const message = page.$('#export-error');
  try {
    download(
      `cx-roi-scenario-${new Date().toISOString().slice(0, 10)}.json`,
      'application/json',
      `${JSON.stringify(parseScenario(page.store.data.state.input), null, 2)}\n`,
    );
    message.textContent = '';
  } catch (error) {
    message.textContent =
      error instanceof ScenarioError
        ? `The scenario cannot be exported while it has an error: ${error.issues.map((i) => `${assumptionLabel(i.path)}: ${plainMessage(i.message)}`).join('; ')}`
        : `The export failed: ${(error as Error).message}`;
  }
}

/**
 * The ROI chart drawn for paper: half the page's width at its own size, so its text prints at the size of the
 * report's (a chart drawn for the screen, scaled down to fit, printed its labels at under 3 pt).
 */
function paperChart(page: Page, result: SimulationResult): Element | null {
  const charts = page.charts();
  if (!charts) return page.doc.querySelector('#chart-roi-fan');
  const box = page.doc.createElement('div');
  box.append(charts.roiFanChart(result, { ...page.chartOptions(reportChartWidth), height: 190 }));
  return box;
}

/** The paper chart's width in px: 92 mm at 96 px an inch, so 12 px text prints at 9 pt. */
const reportChartWidth = 348;

function printReport(page: Page): void {
  const answer = page.store.data.answer;
  const p = page.provenanceOf('The one-page report');
  if (!answer || !p) return;
  renderReport(page.$('#report'), {
    result: answer.result,
    provenance: p,
    currency: page.currency(),
    valueWords,
    roiChart: paperChart(page, answer.result),
    robustnessSentence: page.$('#robustness-sentence').textContent ?? '',
    robustnessTable: page.doc.querySelector('#robustness-table'),
    businessLine: page.$('#business-line').textContent ?? '',
    businessTable: page.doc.querySelector('#kpis'),
  });
  page.doc.defaultView?.print();
}

async function copyLink(page: Page): Promise<void> {
  const answer = page.store.data.answer;
  if (!answer) return;
  // The link of the result on screen, whatever is being edited.
  const link = page.linkOf(answer.state);
  try {
    await page.doc.defaultView?.navigator.clipboard.writeText(link);
    page.say(`Link copied: it reproduces result ${answer.hash}.`);
  } catch {
    page.say(`Copy this link: ${link}`);
  }
  page.doc.body.dataset.copiedLink = link;
}

export const exportsCell: Cell = {
  name: 'exports',
  mount(page) {
    page.$('#export-scenario').addEventListener('click', () => exportScenario(page));
    page.$('#export-bands').addEventListener('click', () => {
      const answer = page.store.data.answer;
      const p = page.provenanceOf('ROI, NPV, customers, revenue and NPS by month: median and bands over the runs');
      if (answer && p)
        download(exportName('bands-by-month', p, 'csv'), 'text/csv', csvWithProvenance(bandsForPeople(answer.result, page.currency()), p));
    });
    page.$('#export-runs').addEventListener('click', () => {
      const answer = page.store.data.answer;
      const p = page.provenanceOf('Each run: its drawn assumptions and its figures at the horizon');
      if (answer && p)
        download(exportName('runs', p, 'csv'), 'text/csv', csvWithProvenance(runsForPeople(answer.result, page.currency()), p));
    });
    page.$('#export-report').addEventListener('click', () => printReport(page));
    page.$('#copy-link').addEventListener('click', () => void copyLink(page));
  },
};
