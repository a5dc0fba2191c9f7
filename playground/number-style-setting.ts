/**
 * The page's number style setting (English "150,000.5" or European
 * "150.000,5"): the browser's language decides it until the reader picks
 * one, which is remembered on this device. Not part of a shared link: it is
 * how the reader writes numbers, not part of the scenario.
 */
import { type NumberStyle, type Reading, readNumber, styleForLanguages, writeNumber } from './number-entry';

const storageKey = 'cx-roi:number-style';

/** The style the page writes and reads numbers in (English until the setting is mounted). */
let pageStyle: NumberStyle = 'english';

/** A number as the page's fields and forms write it: grouped in the page's style ("150,000" or "150.000"). */
export function writtenNumber(x: number): string {
  return writeNumber(x, pageStyle);
}

/** What an entry reads as in the page's style (see `readNumber`). */
export function typedNumber(text: string): Reading {
  return readNumber(text, pageStyle);
}

/** An entry with two readings, as a question's start: "“150.000” could be 150 or 150,000". */
export function twoReadings(text: string, readings: readonly [number, number]): string {
  return `“${text.trim()}” could be ${writtenNumber(readings[0])} or ${writtenNumber(readings[1])}`;
}

function remembered(): NumberStyle | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'english' || value === 'european' ? value : null;
  } catch {
    return null; // storage refused (private mode, a sandboxed frame): the language decides
  }
}

/** Sets the page's style from the setting and redraws the fields (with `redraw`) when the reader changes it. */
export function mountNumberStyle(select: HTMLSelectElement, redraw: () => void): void {
  pageStyle = remembered() ?? styleForLanguages(navigator.languages ?? [navigator.language]);
  select.value = pageStyle;
  select.addEventListener('change', () => {
    pageStyle = select.value === 'european' ? 'european' : 'english';
    try {
      localStorage.setItem(storageKey, pageStyle);
    } catch {
      // Not remembered: it still holds for this visit.
    }
    redraw();
    select.focus();
  });
}
