/** A field's source: the seed article it comes from (quoted, translated and in the Dutch original), or that it is illustrative. */
import type { AssumptionRow } from 'cx-roi';

export function sourceLine(row: AssumptionRow, doc: Document): HTMLElement {
  const meta = doc.createElement('div');
  meta.className = 'source';
  if (row.source) {
    const s = row.source as AssumptionRow['source'] & { readonly translation?: string; readonly titleEnglish?: string };
    if (!s) return meta;
    const details = doc.createElement('details');
    const summary = doc.createElement('summary');
    summary.textContent = `Source: ${s.credit}, “${s.titleEnglish ?? s.title}”`;
    const figure = doc.createElement('p');
    figure.textContent = s.figure;
    const translation = doc.createElement('blockquote');
    translation.className = 'translation';
    translation.textContent = `“${s.translation ?? s.quote}” (translated from Dutch)`;
    const original = doc.createElement('details');
    const originalSummary = doc.createElement('summary');
    originalSummary.textContent = 'The Dutch original';
    const quote = doc.createElement('blockquote');
    quote.lang = 'nl';
    quote.textContent = `“${s.quote}” (${s.title})`;
    original.append(originalSummary, quote);
    details.append(summary, figure, translation, original);
    meta.append(details);
  } else {
    const note = doc.createElement('span');
    note.className = 'illustrative';
    note.textContent = 'Illustrative assumption';
    if (row.note) {
      const why = doc.createElement('span');
      why.className = 'sr-only';
      why.textContent = `: ${row.note}`;
      note.title = row.note;
      note.append(why);
    }
    meta.append(note);
  }
  return meta;
}
