/**
 * The one-page report for a board: the answer, the ROI chart, whether it
 * holds across the readings, the business it is for, the key assumptions
 * with their sources and alternatives, and the link that reproduces it. Built
 * from what the page shows (so it says nothing the page does not), laid out
 * for A4 by the print style sheet, printed or saved as PDF by the browser.
 */
import { type AssumptionRow, type SimulationResult, contestedFigures, describeAssumptions } from 'cx-roi';
import { type Provenance, chartSvg, provenanceLine } from './export';
import { readingSource, sourceWords } from './field-alternatives';
import { headline, headlineSentence } from './headline';
import { assumptionLabel } from './labels';

/** What the report is made from: the answer, its provenance, and the page's own cells to copy. */
export interface ReportParts {
  readonly result: SimulationResult;
  readonly provenance: Provenance;
  readonly currency: string;
  /** A value in the page's units ("86%", "110,000"). */
  readonly valueWords: (row: Pick<AssumptionRow, 'unit'>, value: unknown, currency?: string) => string;
  /** The ROI chart's box, the robustness sentence and table, the business line and table, as the page has them. */
  readonly roiChart: Element | null;
  readonly robustnessSentence: string;
  readonly robustnessTable: Element | null;
  readonly businessLine: string;
  readonly businessTable: Element | null;
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** A copy of one of the page's tables, without its buttons ("Use this reading" has no use on paper) and ids. */
function tableCopy(source: Element | null): HTMLTableElement | null {
  const table = source?.querySelector('table');
  if (!table) return null;
  const copy = table.cloneNode(true) as HTMLTableElement;
  for (const button of copy.querySelectorAll('button')) button.remove();
  for (const id of copy.querySelectorAll('[id]')) id.removeAttribute('id');
  return copy;
}

/**
 * The readings table cut to a page: the scenario as given, every published reading (its source names an
 * article) and every other reading that turns the decision; without the mean NPV column, which the decision
 * and the chance already carry.
 */
function readingsForPaper(table: HTMLTableElement): { table: HTMLTableElement; left: number } {
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  const given = rows[0]?.dataset.decision;
  let left = 0;
  rows.forEach((row, i) => {
    const published = [...row.cells].some((cell) => /article \d{3}/.test(cell.textContent ?? ''));
    if (i === 0 || published || row.dataset.decision !== given) return;
    row.remove();
    left += 1;
  });
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
  const meanNpv = headers.findIndex((h) => /^mean NPV$/i.test(h.trim()));
  if (meanNpv >= 0) for (const row of table.querySelectorAll('tr')) row.children[meanNpv]?.remove();
  table.querySelector('caption')?.remove();
  return { table, left };
}

/** A part of the report under its heading. */
function section(doc: Document, title: string): HTMLElement {
  const s = element(doc, 'section', '', 'report-part');
  s.append(element(doc, 'h2', title));
  return s;
}

/** The answer: its sentence and the headline figures. */
function answerSection(doc: Document, parts: ReportParts): HTMLElement {
  const answer = section(doc, 'The answer');
  answer.append(element(doc, 'p', headlineSentence(parts.result), 'report-sentence'));
  const figures = element(doc, 'dl', '', 'report-figures');
  for (const figure of headline(parts.result, parts.currency)) {
    const item = element(doc, 'div');
    item.append(element(doc, 'dt', figure.label), element(doc, 'dd', figure.value));
    figures.append(item);
  }
  answer.append(figures, element(doc, 'p', programmeWords(parts), 'report-programme'));
  return answer;
}

/** What the programme is assumed to cost and do: a board's first question, before what it returns. */
const programmePaths = [
  'investment.upfront',
  'investment.monthly',
  'investment.failureReduction',
  'investment.delayMonths',
  'investment.executionSuccess',
];

function programmeWords(parts: ReportParts): string {
  const rows = describeAssumptions(parts.result.scenario);
  const said = programmePaths.flatMap((path) => {
    const row = rows.find((r) => r.path === path);
    if (!row) return [];
    const value = parts.valueWords(row, row.value, parts.currency);
    const written =
      /currency/.test(row.unit) && /month/.test(row.unit) ? `${value} a month` : /^months?$/.test(row.unit) ? `${value} months` : value;
    return [`${assumptionLabel(path).toLowerCase()} ${written}`];
  });
  const text = said.join('; ');
  return `The programme as assumed: ${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
}

/** The ROI chart beside the business it is for: the chart at its own size, so its text prints as large as the report's. */
function chartBesideBusiness(doc: Document, parts: ReportParts): HTMLElement {
  const pair = element(doc, 'div', '', 'report-pair');
  if (parts.roiChart?.querySelector('svg')) {
    const chart = element(doc, 'div', '', 'report-chart');
    chart.innerHTML = chartSvg(parts.roiChart);
    pair.append(chart);
  }
  pair.append(businessSection(doc, parts));
  return pair;
}

/** Whether it holds: the robustness sentence, and the readings that matter on paper. */
function robustnessSection(doc: Document, parts: ReportParts): HTMLElement {
  const robust = section(doc, 'Does it hold under every reading?');
  robust.append(
    element(doc, 'p', parts.robustnessSentence || 'The check across the published readings had not finished when this report was made.'),
  );
  const readings = tableCopy(parts.robustnessTable);
  if (readings) {
    const { table, left } = readingsForPaper(readings);
    robust.append(table);
    if (left > 0)
      robust.append(
        element(
          doc,
          'p',
          `${left} more readings of numbers nobody measured leave the decision as it is (on the page, with the link below).`,
          'report-note',
        ),
      );
  }
  return robust;
}

/** The business it is for: the page's line and table. */
function businessSection(doc: Document, parts: ReportParts): HTMLElement {
  const business = section(doc, 'The business it is for');
  // The page's pointer to its own cell ("make it yours under …") means nothing on paper.
  business.append(element(doc, 'p', parts.businessLine.replace(/: make it yours under “Make it your business”\./, '.')));
  const kpis = tableCopy(parts.businessTable);
  if (kpis) business.append(kpis);
  return business;
}

/** The contested figures: each one's value in this answer, its source, and the other readings of it. */
function assumptionsSection(doc: Document, parts: ReportParts): HTMLElement {
  const assumptions = section(doc, 'The key assumptions, their sources and what else the sources say');
  const rows = describeAssumptions(parts.result.scenario);
  const table = element(doc, 'table', '', 'report-assumptions');
  const header = element(doc, 'tr');
  for (const title of ['Assumption', 'In this answer', 'Source', 'Alternatives']) header.append(element(doc, 'th', title));
  table.append(header);
  for (const figure of contestedFigures) {
    const row = rows.find((r) => r.path === figure.path);
    if (!row) continue;
    const tr = element(doc, 'tr');
    const source = row.source ? sourceWords(row.source) : 'illustrative: nobody has measured it';
    // A published reading names its source; the plausible ends of an unmeasured number are just the values.
    const alternatives = figure.readings
      .map((r) => (r.source ? `${parts.valueWords(row, r.value)} (${readingSource(r)})` : parts.valueWords(row, r.value)))
      .join(figure.kind === 'published' ? '; ' : ' or ');
    tr.append(
      element(doc, 'td', assumptionLabel(row.path)),
      element(doc, 'td', parts.valueWords(row, row.value)),
      element(doc, 'td', source),
      element(doc, 'td', alternatives),
    );
    table.append(tr);
  }
  assumptions.append(table);
  return assumptions;
}

/** Fills `box` with the report. */
export function renderReport(box: HTMLElement, parts: ReportParts): void {
  const doc = box.ownerDocument;
  const { provenance } = parts;

  const head = element(doc, 'header');
  head.append(
    element(doc, 'h1', 'What investing in customer experience returns'),
    element(doc, 'p', provenanceLine(provenance), 'report-meta'),
  );

  const answer = answerSection(doc, parts);
  const pair = chartBesideBusiness(doc, parts);
  const robust = robustnessSection(doc, parts);
  const assumptions = assumptionsSection(doc, parts);

  const link = element(doc, 'p', '', 'report-link');
  link.append('Reproduce this answer: ', element(doc, 'span', provenance.link));

  box.replaceChildren(head, answer, pair, robust, assumptions, link);
}
