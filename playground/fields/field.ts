/** One field's cell: its label and words, its value editors and unit, its source, readings and error. */
import { type AssumptionRow, type Reading, type ScenarioInput, executionSuccessFromMaturity } from 'cx-roi';
import { renderAlternatives } from '../field-alternatives';
import { distributionEditor, fixedValueEditor, isDistribution, modeSelect } from './editors';
import { fieldId, touchpointName, touchpoints } from './rows';
import { sourceLine } from './source-line';
import { displayScale, displayUnit, valueWords } from './units';
import { fieldLabel, pageDescription, searchTerms, solvedWords } from './words';

export interface FieldCallbacks {
  /** A published reading of a contested field (or a plausible end of an unmeasured one) to put in the scenario; `from` says what it did. */
  useReading(reading: Reading, from: HTMLElement): void;
  /** A field's value changed: its path and the new value (a number, a distribution, or text that is not a number). `redraw`: the field's controls change shape. */
  change(path: string, value: unknown, final: boolean, redraw?: boolean): void;
  /** Remove a touchpoint, or add one. */
  removeTouchpoint(path: string): void;
  addTouchpoint(name: string): string | null;
}

/** One field's cell. */
export function renderField(row: AssumptionRow, value: unknown, input: ScenarioInput, doc: Document, on: FieldCallbacks): HTMLElement {
  const cell = doc.createElement('div');
  cell.className = 'field';
  cell.dataset.path = row.path;
  const name = fieldLabel(row, input);
  const touchpoint = touchpointName(input, row.path);
  cell.dataset.search = `${name} ${row.path} ${row.description} ${searchTerms(row.path)}`.toLowerCase();
  cell.dataset.scale = String(displayScale(row));
  appendHeading(cell, row, name, touchpoint, doc);

  const maturity = (input as { investment?: { maturity?: Record<string, string> } }).investment?.maturity;
  if (row.path === 'investment.executionSuccess' && maturity) return appendMaturityNote(cell, row, maturity, doc);
  if (row.derivedFrom !== null && !row.path.startsWith(touchpoints)) return appendSolvedNote(cell, row, value, doc, on);
  if (row.derivedFrom !== null) {
    const scaled = doc.createElement('div');
    scaled.className = 'hint';
    scaled.textContent =
      'Scaled with the other touchpoints so that the journey fails as often as the business says: this sets its share of the bad experiences.';
    cell.append(scaled);
  }

  const controls = doc.createElement('div');
  controls.className = 'controls';
  const summary = doc.createElement('div');
  summary.className = 'value-text';
  const describe = (v: unknown) => {
    summary.textContent = isDistribution(v) ? `Drawn once per run: ${valueWords(row, v)}` : '';
  };
  // Every change goes through here, so the words under the field, and the value "uncertain" starts from, follow it.
  let current = value;
  const emit = (v: unknown, final: boolean, redraw = false) => {
    current = v;
    describe(v);
    on.change(row.path, v, final, redraw);
  };

  if (row.uncertain) controls.append(modeSelect(doc, row, name, value, () => current, emit));
  if (!isDistribution(value)) fixedValueEditor(controls, doc, row, name, value, emit);
  else distributionEditor(controls, doc, row, name, value, emit);
  const unit = doc.createElement('span');
  unit.className = 'unit';
  unit.textContent = displayUnit(row);
  controls.append(unit);
  if (touchpoint !== null && row.path !== touchpoints) controls.append(removeButton(doc, row, touchpoint, on));
  // The error right under the box it is about, before the words, the source and the readings.
  cell.append(controls, errorLine(doc, row.path));
  describe(value);
  cell.append(summary, sourceLine(row, doc));
  const alternatives = renderAlternatives(row, value, doc, { valueWords, use: (reading, from) => on.useReading(reading, from) });
  if (alternatives) cell.append(alternatives);
  return cell;
}

/** The field's label (its name, and its path for those who know the scenario) and, where the name does not say it all, its description. */
function appendHeading(cell: HTMLElement, row: AssumptionRow, name: string, touchpoint: string | null, doc: Document): void {
  const label = doc.createElement('label');
  label.htmlFor = fieldId(row.path);
  const title = doc.createElement('span');
  title.className = 'label';
  title.textContent = name;
  const path = doc.createElement('span');
  path.className = 'path';
  path.textContent = row.path;
  path.setAttribute('aria-hidden', 'true');
  label.append(title, ' ', path);
  cell.append(label);
  if (touchpoint !== null || (row.label !== undefined && row.label !== row.description)) {
    const about = doc.createElement('div');
    about.className = 'hint about';
    about.textContent = pageDescription(row.description);
    cell.append(about);
  }
}

/** The maturity answers set this field: say so, rather than show an input they override. */
function appendMaturityNote(cell: HTMLElement, row: AssumptionRow, maturity: Record<string, string>, doc: Document): HTMLElement {
  const note = doc.createElement('p');
  note.className = 'value-text';
  let words = 'set by the maturity answers';
  try {
    words = `Set by the maturity answers (below, in “Will it be carried out?”): ${valueWords(row, executionSuccessFromMaturity(maturity))}.`;
  } catch {
    // Answers a link got wrong are reported on the field by the scenario's own check.
  }
  note.textContent = words;
  cell.append(note, sourceLine(row, doc), errorLine(doc));
  return cell;
}

/** Solved from the business the scenario holds, in every run: said, with the way to set it instead. */
function appendSolvedNote(cell: HTMLElement, row: AssumptionRow, value: unknown, doc: Document, on: FieldCallbacks): HTMLElement {
  const note = doc.createElement('p');
  note.className = 'value-text';
  note.id = fieldId(row.path);
  note.tabIndex = -1;
  note.textContent = solvedWords(row, value);
  const own = doc.createElement('button');
  own.type = 'button';
  own.className = 'set-own';
  own.textContent = 'Set these parameters myself';
  own.setAttribute(
    'aria-label',
    'Set these parameters myself: every solved field, fixed at the values shown; the scenario then holds no business, and changing a figure can change the company',
  );
  own.title =
    'Every solved field becomes yours, fixed at the values shown (runs no longer solve them from their own draws, so the answer moves a little); changing a CX figure then changes the company too.';
  own.addEventListener('click', () => on.change('business', null, true, true));
  cell.append(note, own, errorLine(doc));
  return cell;
}

/** A touchpoint's remove button. */
function removeButton(doc: Document, row: AssumptionRow, touchpoint: string, on: FieldCallbacks): HTMLButtonElement {
  const remove = doc.createElement('button');
  remove.type = 'button';
  remove.className = 'small';
  remove.textContent = 'remove';
  remove.setAttribute('aria-label', `Remove touchpoint ${touchpoint}`);
  remove.addEventListener('click', () => on.removeTouchpoint(row.path));
  return remove;
}

/** The field's error line, which showIssues fills (and names the field's boxes as described by). */
function errorLine(doc: Document, path?: string): HTMLElement {
  const error = doc.createElement('div');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  if (path) error.id = `error-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return error;
}
