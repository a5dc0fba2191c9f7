/**
 * A chart's table as CSV, beside its SVG and PNG: the cell that owns the
 * numbers gives them (or says why there is nothing to export), and the CSV
 * starts with where they came from.
 */
import { csvWithProvenance, download, exportName } from '../export';
import { statusLine } from '../status-line';
import type { Page } from './page';

/** What a table export gives: its title and CSV, or why there is none yet. */
export type TableExport = { readonly title: string; readonly csv: string } | string;

/** Says beside a chart's export buttons why nothing was exported (not in the status line, out of view at the top). */
export function exportNote(exports: HTMLElement, text: string): void {
  statusLine(exports, 'export-note', 'span').textContent = text;
}

/** Adds a "CSV" button to the exports of the chart `chart-<id>`. */
export function addTableExport(page: Page, id: string, what: string, table: () => TableExport): void {
  // Beside the chart's SVG and PNG when its frame is drawn (cells/chart-frames.ts), else a box of its own after the chart.
  let exports = page.doc.getElementById(`exports-${id}`);
  if (!exports) {
    exports = page.doc.createElement('div');
    exports.className = 'exports';
    exports.id = `exports-${id}`;
    page.$(`#chart-${id}`).after(exports);
  }
  const button = page.doc.createElement('button');
  button.type = 'button';
  button.dataset.export = `${id}:csv`;
  button.textContent = 'CSV';
  button.setAttribute('aria-label', `Download ${what} as a table, in CSV`);
  button.addEventListener('click', () => {
    const made = table();
    if (typeof made === 'string') {
      exportNote(exports, made);
      return;
    }
    exportNote(exports, '');
    const p = page.provenanceOf(made.title);
    if (p) download(exportName(id, p, 'csv'), 'text/csv', csvWithProvenance(made.csv, p));
  });
  // Before the note, if the chart's own exports made one.
  const note = exports.querySelector('.export-note');
  if (note) note.before(button);
  else exports.append(button);
}
