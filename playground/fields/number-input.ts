/** A field's number box: what is typed read as the model's value, and an entry with two readings asked about. */
import type { AssumptionRow } from 'cx-roi';
import { typedNumber, writtenNumber as written } from '../number-style-setting';
import { modelled, shown } from './units';

/**
 * Asks, under the field, which of two readings an entry meant ("150.000":
 * 150 or 150,000?); a button for each, which puts that number in the box.
 */
function ask(input: HTMLInputElement, readings: readonly [number, number], choose: (x: number) => void): void {
  const cell = input.closest('.field') ?? input.parentElement;
  if (!cell) return;
  clearQuestion(input);
  const doc = input.ownerDocument;
  const question = doc.createElement('div');
  question.className = 'ask';
  question.setAttribute('role', 'alert');
  question.append(`“${input.value.trim()}”: did you mean `);
  readings.forEach((x, i) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = written(x);
    button.addEventListener('click', () => {
      input.value = written(x);
      clearQuestion(input);
      input.focus();
      choose(x);
    });
    question.append(button, i === 0 ? ' or ' : '?');
  });
  questionOf.set(input, question);
  cell.append(question);
}

const questionOf = new WeakMap<HTMLInputElement, HTMLElement>();
function clearQuestion(input: HTMLInputElement): void {
  questionOf.get(input)?.remove();
  questionOf.delete(input);
}

/** A text box for a field's number, in the page's units and number style; `onChange` gets the model's value, or text that is not a number. */
export function numberInput(
  doc: Document,
  name: string,
  value: unknown,
  row: AssumptionRow,
  onChange: (v: number | string, final: boolean) => void,
): HTMLInputElement {
  const input = doc.createElement('input');
  input.type = 'text';
  input.inputMode = 'decimal';
  input.autocomplete = 'off';
  input.spellcheck = false;
  // A touchpoint scaled to the business's rate carries a long tail of digits: three significant ones say it (typing replaces it).
  const digits = (x: number) => (row.derivedFrom !== null ? Number(x.toPrecision(3)) : x);
  input.value = typeof value === 'number' ? written(digits(shown(row, value))) : value === undefined ? '' : String(value);
  input.setAttribute('aria-label', name);
  // The model's value from what is typed ("150,000", "€150k", "1.5m"): percentages back to fractions; text that is
  // not a number is kept for the error. An entry with two readings is asked about when it is committed, never
  // guessed; while it is being typed it changes nothing ("150.00" on its way to "150.000" was read already).
  const read = (final: boolean): number | string | undefined => {
    // A decimal mark just typed ("1." on the way to "1.5") reads as the number before it.
    const text = final ? input.value : input.value.replace(/(\d)[.,]$/, '$1');
    const reading = typedNumber(text);
    if (reading.kind !== 'ambiguous' || !final) clearQuestion(input);
    if (reading.kind === 'number') {
      // Committed, the entry is written back as the page writes numbers ("€150k" → "150,000").
      if (final) input.value = written(reading.value);
      return modelled(row, reading.value);
    }
    if (reading.kind === 'invalid') return input.value;
    if (!final) return undefined;
    ask(input, reading.readings, (x) => onChange(modelled(row, x), true));
    return input.value;
  };
  input.addEventListener('input', () => {
    const v = read(false);
    if (v !== undefined) onChange(v, false);
  });
  input.addEventListener('change', () => {
    const v = read(true);
    if (v !== undefined) onChange(v, true);
  });
  return input;
}
