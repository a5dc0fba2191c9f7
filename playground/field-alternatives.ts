/**
 * A contested field's other readings, shown in the field: each published
 * alternative with its source, or the plausible low and high of a number
 * nobody measured, and a "Use this" button that puts it in the scenario (the
 * business stays held, so only the reading changes).
 */
import { type AssumptionRow, type Reading, type Source, contestedFigures } from 'cx-roi';

/** What the field needs to show a reading's value in its own units, and to use it. */
export interface AlternativesHost {
  valueWords(row: Pick<AssumptionRow, 'unit'>, value: unknown): string;
  use(reading: Reading, from: HTMLElement): void;
}

/** A source in words: the article's English title and whom it credits. */
export function sourceWords(source: Source): string {
  return `“${source.titleEnglish}”, ${source.credit}`;
}

/** Where a reading comes from, in words: its source, or why it is a plausible end. */
export function readingSource(reading: Reading): string {
  return reading.source ? sourceWords(reading.source) : 'a plausible end; nobody has measured it';
}

/** The field's readings as a list with "Use this" buttons, or null when the field is not contested. */
export function renderAlternatives(row: AssumptionRow, current: unknown, doc: Document, host: AlternativesHost): HTMLElement | null {
  const figure = contestedFigures.find((f) => f.path === row.path);
  if (!figure || figure.readings.length === 0) return null;
  const box = doc.createElement('div');
  box.className = 'alternatives';
  const title = doc.createElement('p');
  title.className = 'alternatives-title';
  title.textContent = figure.kind === 'published' ? 'The sources also say:' : 'Nobody has measured it; plausible values:';
  const list = doc.createElement('ul');
  for (const reading of figure.readings) {
    const item = doc.createElement('li');
    const inUse = JSON.stringify(reading.value) === JSON.stringify(current);
    const words = doc.createElement('span');
    words.textContent = `${host.valueWords(row, reading.value)}: ${reading.label} (${readingSource(reading)})`;
    const use = doc.createElement('button');
    use.type = 'button';
    use.className = 'small';
    use.textContent = inUse ? 'in use' : 'Use this';
    use.disabled = inUse;
    use.setAttribute('aria-label', `Use this reading: ${reading.label}`);
    use.addEventListener('click', () => host.use(reading, box));
    item.append(words, ' ', use);
    list.append(item);
  }
  box.append(title, list);
  return box;
}
