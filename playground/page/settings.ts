/**
 * The panel's settings: runs and seed (under "Advanced"), the currency, undo
 * and redo (buttons and Ctrl+Z), reset, the search over the fields, and the
 * fields' names shown on request.
 */
import { required } from './dom';
import { filterFields, setFieldCurrency } from '../assumptions-panel';
import { twoReadings, typedNumber, writtenNumber } from '../number-style-setting';
import { readSeed } from '../url-state';
import type { Store } from './store';

export interface SettingsHooks {
  schedule(delay: number): void;
  /** Draws the fields again (their currency changed). */
  drawFields(): void;
}

export function mountSettings(store: Store, doc: Document, hooks: SettingsHooks): void {
  const $ = <T extends HTMLElement = HTMLElement>(selector: string) => required<T>(doc, selector);
  const runs = $<HTMLInputElement>('#runs');
  const seed = $<HTMLInputElement>('#seed');
  const currency = $<HTMLSelectElement>('#currency');
  const undo = $<HTMLButtonElement>('#undo');
  const redo = $<HTMLButtonElement>('#redo');

  store.on(['link', 'replaced', 'style'], ({ state, extras }) => {
    setFieldCurrency(extras.currency);
    runs.value = Number.isFinite(state.runs) ? writtenNumber(state.runs) : '';
    seed.value = String(state.seed);
    currency.value = ['', '€', '$', '£'].includes(extras.currency) ? extras.currency : '';
  });
  const historyButtons = () => {
    undo.disabled = !store.canUndo;
    redo.disabled = !store.canRedo;
  };
  store.on('history', historyButtons);
  historyButtons();

  runs.addEventListener('change', () => {
    // Read as people type it, in the page's style; an entry with two readings is asked about, not guessed.
    const reading = typedNumber(runs.value);
    if (reading.kind === 'ambiguous') {
      $('#runs-error').textContent = `Runs: ${twoReadings(runs.value, reading.readings)}; type the one you mean.`;
      runs.setAttribute('aria-invalid', 'true');
      return;
    }
    store.edit({ ...store.data.state, runs: reading.kind === 'number' ? reading.value : Number.NaN });
    hooks.schedule(0);
  });
  seed.addEventListener('change', () => {
    store.edit({ ...store.data.state, seed: readSeed(seed.value) });
    hooks.schedule(0);
  });
  currency.addEventListener('change', () => {
    setFieldCurrency(currency.value);
    store.update({ extras: { ...store.data.extras, currency: currency.value } }, 'look');
    hooks.drawFields();
    currency.focus();
  });

  /** Goes back (or forward) to a state that was simulated. */
  const travel = (direction: 'undo' | 'redo') => {
    if (!store.travel(direction)) return;
    // A button that has just become disabled would drop the keyboard's focus to the top of the page.
    const active = doc.activeElement as HTMLButtonElement | null;
    if (active && (active === undo || active === redo) && active.disabled) {
      const other = active === undo ? redo : undo;
      (other.disabled ? $('#reset') : other).focus();
    }
    hooks.schedule(0);
  };
  undo.addEventListener('click', () => travel('undo'));
  redo.addEventListener('click', () => travel('redo'));
  doc.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z' || target.matches('input, textarea, select')) return;
    event.preventDefault();
    travel(event.shiftKey ? 'redo' : 'undo');
  });
  $('#reset').addEventListener('click', () => {
    store.replace({ ...store.data.state, input: {} });
    hooks.schedule(0);
  });
  $<HTMLInputElement>('#field-search').addEventListener('input', (event) => {
    const count = filterFields($('#fields'), (event.target as HTMLInputElement).value);
    $('#search-empty').hidden = count > 0;
  });
  $<HTMLInputElement>('#show-paths').addEventListener('change', (event) =>
    doc.body.classList.toggle('show-paths', (event.target as HTMLInputElement).checked),
  );
}
