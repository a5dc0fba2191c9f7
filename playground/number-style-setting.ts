/**
 * The page's number style setting (English "150,000.5" or European
 * "150.000,5"): the browser's language decides it until the reader picks
 * one, which is remembered on this device. Not part of a shared link: it is
 * how the reader writes numbers, not part of the scenario.
 */
import { setFieldNumberStyle } from './assumptions-panel';
import { type NumberStyle, styleForLanguages } from './number-entry';

const storageKey = 'cx-roi:number-style';

function remembered(): NumberStyle | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'english' || value === 'european' ? value : null;
  } catch {
    return null; // storage refused (private mode, a sandboxed frame): the language decides
  }
}

/** Sets the fields' style from the setting and redraws them (with `redraw`) when the reader changes it. */
export function mountNumberStyle(select: HTMLSelectElement, redraw: () => void): void {
  const style = remembered() ?? styleForLanguages(navigator.languages ?? [navigator.language]);
  setFieldNumberStyle(style);
  select.value = style;
  select.addEventListener('change', () => {
    const chosen: NumberStyle = select.value === 'european' ? 'european' : 'english';
    setFieldNumberStyle(chosen);
    try {
      localStorage.setItem(storageKey, chosen);
    } catch {
      // Not remembered: it still holds for this visit.
    }
    redraw();
    select.focus();
  });
}
