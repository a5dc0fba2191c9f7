/**
 * Numbers as people type them, and as the page writes them back: "150,000",
 * "150.000" (in European style), "€150k", "1.5m", "2 500", "-3%". Pure
 * functions: no DOM, so the rules are tested on their own.
 *
 * The one rule that matters: an entry with two honest readings is asked
 * about, never guessed. "150.000" in English style is either 150 (a decimal
 * with three zeros) or 150,000 (grouped the European way), so the page asks;
 * "150,000" in English style is grouped as the setting says, and "1.234,5"
 * can only be European, whichever style is set.
 */

/** How numbers are written: English "150,000.5" or European "150.000,5". */
export type NumberStyle = 'english' | 'european';

/** The marks of a style. */
const marks: Record<NumberStyle, { decimal: string; group: string }> = {
  english: { decimal: '.', group: ',' },
  european: { decimal: ',', group: '.' },
};

/** The style a browser's languages write numbers in: the first language's decimal mark decides (English if none is known). */
export function styleForLanguages(languages: readonly string[]): NumberStyle {
  for (const language of languages) {
    try {
      const decimal = new Intl.NumberFormat(language).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
      if (decimal === ',') return 'european';
      if (decimal === '.') return 'english';
    } catch {
      // Not a language tag Intl knows: try the next one.
    }
  }
  return 'english';
}

/** What an entry reads as. */
export type Reading =
  /** One number: the entry's value. */
  | { readonly kind: 'number'; readonly value: number }
  /** Two honest readings: ask which was meant. */
  | { readonly kind: 'ambiguous'; readonly readings: readonly [number, number] }
  /** Not a number: why, in words. */
  | { readonly kind: 'invalid'; readonly reason: string };

// Scales people type after a number: 150k, 1.5m, 2bn (case does not matter; "M" is a million, as on price tags).
const scales: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mln: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };
// Currency signs and codes, before or after the number: the field's unit already says the currency.
const currency = /^(?:[€$£¥₹₩₽₺₪]|eur|usd|gbp|chf|jpy|sek|nok|dkk|pln|kr)\.?/i;
const currencyAfter = /(?:[€$£¥₹₩₽₺₪]|eur|usd|gbp|chf|jpy|sek|nok|dkk|pln|kr)\.?$/i;
// Spaces people and locales put between groups: space, no-break space, narrow no-break space, thin space, apostrophe (Swiss).
const groupSpaces = /[\s\u00a0\u202f\u2009'’]/g;

/**
 * Reads a typed entry in the given style.
 *
 * @param text - What was typed.
 * @param style - The page's number style: it decides only an entry whose one
 *   separator could be either mark.
 * @returns The number, both readings of an ambiguous entry, or why it is not a number.
 * @example
 * ```ts
 * readNumber('150,000', 'english'); // => { kind: 'number', value: 150000 }
 * readNumber('€150k', 'english'); // => { kind: 'number', value: 150000 }
 * readNumber('150.000', 'english'); // => { kind: 'ambiguous', readings: [150, 150000] }
 * ```
 */
export function readNumber(text: string, style: NumberStyle): Reading {
  let rest = text.trim();
  if (rest === '') return { kind: 'invalid', reason: 'empty' };
  let sign = 1;
  const signAt = (s: string) => /^[-−–+]/.test(s);
  const takeSign = () => {
    if (signAt(rest)) {
      if (rest[0] !== '+') sign = -sign;
      rest = rest.slice(1).trim();
    }
  };
  takeSign();
  rest = rest.replace(currency, '').trim();
  // "€-5" as well as "-€5".
  if (sign === 1) takeSign();
  rest = rest.replace(currencyAfter, '').trim();
  if (rest.endsWith('%')) rest = rest.slice(0, -1).trim();
  let scale = 1;
  const suffix = /([a-z]+)\.?$/i.exec(rest);
  if (suffix) {
    const factor = scales[(suffix[1] as string).toLowerCase()];
    if (factor === undefined) return { kind: 'invalid', reason: `"${suffix[1]}" is not a number or a scale (k, m, bn)` };
    scale = factor;
    rest = rest.slice(0, suffix.index).trim();
  }
  rest = rest.replace(groupSpaces, '');
  // Scientific notation, as a program writes it ("1e-9"): one reading.
  if (/^\d+(?:[.,]\d+)?e[-+]?\d+$/i.test(rest))
    return { kind: 'number', value: sign * roundScaled(Number(rest.replace(',', '.')), scale) + 0 };
  if (!/^(?:\d[\d.,]*|[.,]\d+)$/.test(rest) || /[.,]{2}/.test(rest) || /[.,]$/.test(rest))
    return { kind: 'invalid', reason: 'not a number' };
  const readings = digitsReadings(rest, style);
  if (readings.length === 0) return { kind: 'invalid', reason: 'its separators do not group digits in threes' };
  const scaled = readings.map((x) => sign * roundScaled(x, scale));
  if (scaled.length === 2 && scaled[0] !== scaled[1]) return { kind: 'ambiguous', readings: [scaled[0] as number, scaled[1] as number] };
  return { kind: 'number', value: (scaled[0] as number) + 0 };
}

// 1.5 × 1e6 is 1500000 exactly, but 0.07 × 1e3 is 70.00000000000001: scale through the decimal string instead.
function roundScaled(x: number, scale: number): number {
  return scale === 1 ? x : Number((x * scale).toPrecision(15));
}

// A grouped whole part: one to three digits, not led by a zero, then groups of exactly three.
const grouped = (s: string, group: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${group}\\d{3})+$`).test(s);

/** The honest readings of digits with separators ("1.234,5", "150.000", "0,5"), the setting's first. */
function digitsReadings(s: string, style: NumberStyle): number[] {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  const read = (decimal: string, group: string): number | null => {
    const at = s.lastIndexOf(decimal);
    const whole = at === -1 ? s : s.slice(0, at);
    const fraction = at === -1 ? '' : s.slice(at + 1);
    if (fraction.includes(group) || fraction.includes(decimal)) return null;
    if (whole.includes(decimal)) return null;
    if (whole.includes(group) && !grouped(whole, group)) return null;
    const plain = `${whole.split(group).join('') || '0'}${fraction ? `.${fraction}` : ''}`;
    return Number(plain);
  };
  if (dots === 0 && commas === 0) return [Number(s)];
  const own = marks[style];
  const other = marks[style === 'english' ? 'european' : 'english'];
  const ownReading = read(own.decimal, own.group);
  const otherReading = read(other.decimal, other.group);
  // One separator, the setting's decimal mark, with three digits after a short whole part: "150.000" in English
  // style is a decimal or a grouped number. Both are honest: ask. Any other entry has at most one reading the
  // setting prefers ("150,000" grouped in English style) or only one reading at all ("1.234,5", "0,5").
  const lone = dots + commas === 1 && s.includes(own.decimal);
  if (lone && ownReading !== null && otherReading !== null && /^[1-9]\d{0,2}[.,]\d{3}$/.test(s)) return [ownReading, otherReading];
  if (ownReading !== null) return [ownReading];
  if (otherReading !== null) return [otherReading];
  return [];
}

const english = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/**
 * A number written in the given style, grouped in threes, with the shortest
 * decimals that give it back: what the page puts in a field, and what
 * {@link readNumber} reads back to the same number, never asking. (A number
 * that would read as "150.125", a decimal or a grouped number, is written
 * "150.1250".)
 *
 * @example
 * ```ts
 * writeNumber(150000.5, 'european'); // => '150.000,5'
 * writeNumber(12.125, 'english'); // => '12.1250'
 * ```
 */
export function writeNumber(value: number, style: NumberStyle): string {
  if (!Number.isFinite(value)) return String(value);
  let text = english.format(value).replace(/^−/, '-');
  // Beyond twenty decimals (1e-9 has nine; 5e-324 has 323), the shortest form, which reads back as a program's notation.
  if (Number(text.replace(/,/g, '')) !== value) text = String(value);
  if (/^-?[1-9]\d{0,2}\.\d{3}$/.test(text)) text += '0';
  if (style === 'english') return text;
  return text.replace(/[.,]/g, (mark) => (mark === '.' ? ',' : '.'));
}
