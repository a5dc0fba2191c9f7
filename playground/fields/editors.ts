/**
 * A field's value editors: fixed or uncertain, a number box with its slider, the low / likely / high of a
 * three-point distribution, or other distributions as JSON. Each change goes to `emit`.
 */
import type { Assumption, AssumptionRow } from 'cx-roi';
import { typedNumber, writtenNumber as written } from '../number-style-setting';
import { numberInput } from './number-input';
import { fieldId } from './rows';
import { clean, modelled, shown, sliderRange } from './units';

/** A distribution a field may hold. */
type Distribution = Exclude<Assumption, number>;

/** Where an editor sends a field's new value; `redraw`: the field's controls change shape. */
export type Emit = (v: unknown, final: boolean, redraw?: boolean) => void;

/** A select's options, each a value and its words. */
function addOptions(select: HTMLSelectElement, options: readonly (readonly [string, string])[]): void {
  for (const [value, text] of options) {
    const option = select.ownerDocument.createElement('option');
    option.value = value;
    option.textContent = text;
    select.append(option);
  }
}

/** The likely value of a distribution, for turning it back into a fixed number. */
function likely(value: Exclude<Assumption, number>): number {
  switch (value.dist) {
    case 'triangular':
    case 'pert':
      return value.mode;
    case 'uniform':
      return (value.min + value.max) / 2;
    case 'normal':
      return value.mean;
    case 'lognormal':
      return Math.exp(value.mu);
    case 'beta':
      return (value.min ?? 0) + ((value.max ?? 1) - (value.min ?? 0)) * (value.alpha / (value.alpha + value.beta));
  }
}

export const isDistribution = (value: unknown): value is Exclude<Assumption, number> =>
  value !== null && typeof value === 'object' && 'dist' in (value as object);

/** The fixed-or-uncertain choice; `current` is the field's value when it is changed. */
export function modeSelect(
  doc: Document,
  row: AssumptionRow,
  name: string,
  value: unknown,
  current: () => unknown,
  emit: Emit,
): HTMLSelectElement {
  const mode = doc.createElement('select');
  mode.id = `${fieldId(row.path)}-mode`;
  mode.setAttribute('aria-label', `${name}: fixed or uncertain`);
  addOptions(mode, [
    ['fixed', 'fixed'],
    ['uncertain', 'uncertain'],
  ]);
  mode.value = isDistribution(value) ? 'uncertain' : 'fixed';
  mode.addEventListener('change', () => {
    const value = current();
    if (mode.value === 'uncertain' && typeof value === 'number') {
      const span = Math.max(Math.abs(value) * 0.25, row.domain.integer ? 1 : Math.min(0.01, (row.domain.max - row.domain.min) / 100));
      const low = Math.max(row.domain.min, value - span);
      const high = Math.min(row.domain.max, value + span);
      const round = (x: number) => (row.domain.integer ? Math.round(x) : Number(x.toPrecision(6)));
      emit({ dist: 'pert', min: round(low), mode: round(value), max: round(high) }, true, true);
    } else if (mode.value === 'fixed' && isDistribution(value)) {
      const x = likely(value);
      emit(row.domain.integer ? Math.round(x) : x, true, true);
    }
  });
  return mode;
}

/** A fixed value: its number box, with a slider before it for a number (or text being typed). */
export function fixedValueEditor(controls: HTMLElement, doc: Document, row: AssumptionRow, name: string, value: unknown, emit: Emit): void {
  const number = numberInput(doc, name, value, row, (v, final) => emit(v, final));
  number.id = fieldId(row.path);
  if (typeof value === 'number' || typeof value === 'string') {
    const slider = doc.createElement('input');
    slider.type = 'range';
    const numeric = typeof value === 'number' ? value : Number.NaN;
    const range = sliderRange(row, Number.isFinite(numeric) ? numeric : 0);
    slider.min = String(shown(row, range.min));
    slider.max = String(shown(row, range.max));
    slider.step = row.domain.integer ? '1' : 'any';
    slider.value = Number.isFinite(numeric) ? String(shown(row, numeric)) : slider.min;
    slider.setAttribute('aria-label', `${name}, slider`);
    slider.tabIndex = -1; // the text box is the keyboard's way in; one tab stop a field
    slider.addEventListener('input', () => {
      number.value = written(clean(Number(slider.value)));
      emit(modelled(row, Number(slider.value)), false);
    });
    slider.addEventListener('change', () => emit(modelled(row, Number(slider.value)), true));
    number.addEventListener('input', () => {
      const reading = typedNumber(number.value);
      if (reading.kind === 'number') slider.value = String(reading.value);
    });
    controls.append(slider);
  }
  controls.append(number);
}

/** An uncertain value: its shape and three points for PERT, triangular and uniform, else JSON. */
export function distributionEditor(
  controls: HTMLElement,
  doc: Document,
  row: AssumptionRow,
  name: string,
  d: Distribution,
  emit: Emit,
): void {
  if (d.dist === 'pert' || d.dist === 'triangular' || d.dist === 'uniform') threePointEditor(controls, doc, row, name, d, emit);
  else controls.append(jsonEditor(doc, row, name, d, emit));
}

/** The shape (PERT, triangular, uniform) and the low, likely (not for uniform) and high boxes. */
function threePointEditor(
  controls: HTMLElement,
  doc: Document,
  row: AssumptionRow,
  name: string,
  d: Extract<Distribution, { dist: 'pert' | 'triangular' | 'uniform' }>,
  emit: Emit,
): void {
  const kind = doc.createElement('select');
  kind.setAttribute('aria-label', `${name}: shape of the uncertainty`);
  addOptions(kind, [
    ['pert', 'PERT'],
    ['triangular', 'triangular'],
    ['uniform', 'uniform'],
  ]);
  kind.value = d.dist;
  const mid = d.dist === 'uniform' ? (d.min + d.max) / 2 : d.mode;
  const parts: Record<'min' | 'mode' | 'max', number | string> = { min: d.min, mode: mid, max: d.max };
  const send = (final: boolean, redraw = false) => {
    const base = { min: parts.min, max: parts.max };
    emit(
      kind.value === 'uniform' ? { dist: 'uniform', ...base } : { dist: kind.value, min: parts.min, mode: parts.mode, max: parts.max },
      final,
      redraw,
    );
  };
  kind.addEventListener('change', () => send(true, (kind.value === 'uniform') !== (d.dist === 'uniform')));
  controls.append(kind);
  for (const [key, text] of [
    ['min', 'low'],
    ['mode', 'likely'],
    ['max', 'high'],
  ] as const) {
    if (key === 'mode' && d.dist === 'uniform') continue;
    const wrap = doc.createElement('label');
    wrap.className = 'three-point';
    wrap.append(`${text} `);
    const box = numberInput(doc, `${name}, ${text}`, parts[key], row, (v, final) => {
      parts[key] = v;
      send(final);
    });
    box.className = 'short';
    if (key === 'min') box.id = fieldId(row.path);
    wrap.append(box);
    controls.append(wrap);
  }
}

/** Other distributions (from a shared link or a file) are edited as JSON, in the scenario's own units. */
function jsonEditor(doc: Document, row: AssumptionRow, name: string, d: Distribution, emit: Emit): HTMLInputElement {
  const text = doc.createElement('input');
  text.type = 'text';
  text.id = fieldId(row.path);
  text.className = 'json';
  text.value = JSON.stringify(d);
  text.setAttribute('aria-label', `${name}, as JSON (fractions, not percent)`);
  text.addEventListener('change', () => {
    try {
      emit(JSON.parse(text.value), true, true);
    } catch {
      emit(text.value, true);
    }
  });
  return text;
}
