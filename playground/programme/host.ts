// What every programme cell shares: the page it talks to (ProgrammeHost) and the helpers that build and read its forms.
import type { ScenarioInput } from 'cx-roi';
import { twoReadings, typedNumber } from '../number-style-setting';

export interface ProgrammeHost {
  /** The scenario input as the page has it. */
  input(): ScenarioInput;
  /** Replaces it (the page redraws its fields and simulates), and says in `from` what the change did to the answer. */
  apply(next: ScenarioInput, from?: HTMLElement): void;
  currency(): string;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

/** A number a form's box was given that cannot be used, with why, naming the box. */
class EntryProblem extends Error {}

/**
 * A form box's number, read as people type it ("50,000", "€40", "1.5m") in the page's style: undefined when
 * blank; an entry with two readings or none is refused naming the box, never guessed.
 */
export function typed(label: string, input: HTMLInputElement): number | undefined {
  if (input.value.trim() === '') return undefined;
  const reading = typedNumber(input.value);
  if (reading.kind === 'number') return reading.value;
  if (reading.kind === 'ambiguous')
    throw new EntryProblem(`${label}: ${twoReadings(input.value, reading.readings)}; type the one you mean.`);
  throw new EntryProblem(`${label}: type a number.`);
}

/** Runs `read`; an entry it refuses is said in `error`, and null returned. */
export function entries<T>(error: HTMLElement, read: () => T): T | null {
  try {
    return read();
  } catch (problem) {
    if (!(problem instanceof EntryProblem)) throw problem;
    error.textContent = problem.message;
    return null;
  }
}

/** A labelled number box. */
export function numberField(label: string, id: string, value: string, unit: string): { wrap: HTMLLabelElement; input: HTMLInputElement } {
  const wrap = element('label', { class: 'form-field' });
  const input = element('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', value });
  wrap.append(`${label} `, input, unit ? ` ${unit}` : '');
  return { wrap, input };
}
