/**
 * How the library, the CLI and the page write numbers for people: one way to write a share, an amount or a
 * count, so a figure reads the same wherever it appears. Every function here is pure and imports nothing,
 * so any layer may use it (the CLI and the page included: it holds no state a second copy could split).
 *
 * Negative numbers take the typographic minus (U+2212), as the page and the CLI's tables always did.
 */

/** The typographic minus sign, U+2212: "−5%", not "-5%". */
export const minus = '\u2212';

const wholeFormats = new Map<number, Intl.NumberFormat>();
/** An `en-US` formatter of `digits` fraction digits, made once (making one costs far more than using it). */
function formatOf(digits: number): Intl.NumberFormat {
  let format = wholeFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    wholeFormats.set(digits, format);
  }
  return format;
}

/** The sign of a rounded figure: none for zero (so −0.0001 reads "0%", never "−0%"). */
function signOf(rounded: string, negative: boolean, plus: boolean): string {
  if (/^[0.,]+$/.test(rounded)) return '';
  return negative ? minus : plus ? '+' : '';
}

/**
 * A count or amount with thousands separators and `digits` fraction digits (none by default).
 * @example count(1234567.8) // "1,234,568"
 * @example count(-1500) // "−1,500"
 */
export function count(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const body = formatOf(digits).format(Math.abs(value));
  return `${signOf(body, value < 0, false)}${body}`;
}

/**
 * A share (0.123) as a percent ("12.3%"), with `digits` fraction digits.
 * @example percent(0.123) // "12.3%"
 * @example percent(-0.05, 0) // "−5%"
 */
export function percent(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return String(share);
  const body = (100 * Math.abs(share)).toFixed(digits);
  return `${signOf(body, share < 0, false)}${body}%`;
}

/**
 * A change as a signed percent: "+19%", "−8%", "0%".
 * @example signedPercent(0.194, 0) // "+19%"
 */
export function signedPercent(share: number, digits = 0): string {
  if (!Number.isFinite(share)) return String(share);
  const body = (100 * Math.abs(share)).toFixed(digits);
  return `${signOf(body, share < 0, true)}${body}%`;
}

/**
 * An amount of money, rounded to whole units, with an optional currency symbol after the sign.
 * @example money(-4791053.4, '€') // "−€4,791,053"
 * @example money(150000) // "150,000"
 */
export function money(amount: number, currency = ''): string {
  if (!Number.isFinite(amount)) return String(amount);
  const body = formatOf(0).format(Math.abs(amount));
  return `${signOf(body, amount < 0, false)}${currency}${body}`;
}

/**
 * A change in money with its sign: "+12,300", "−€4,100", "0".
 * @example signedMoney(12300) // "+12,300"
 */
export function signedMoney(amount: number, currency = ''): string {
  if (!Number.isFinite(amount)) return String(amount);
  const body = formatOf(0).format(Math.abs(amount));
  return `${signOf(body, amount < 0, true)}${currency}${body}`;
}

/**
 * A change in a count or score with its sign and `digits` fraction digits: "+1.9", "−0.35", "0".
 * @example signedCount(1.94, 1) // "+1.9"
 * @example signedCount(-3) // "−3"
 */
export function signedCount(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const body = formatOf(digits).format(Math.abs(value));
  return `${signOf(body, value < 0, true)}${body}`;
}

/**
 * Whether `value` is a whole number from `from` to `to` (both included): the test behind every
 * "must be a whole number from … to …" message.
 * @example isWholeIn(3, 1, 256) // true
 */
export function isWholeIn(value: unknown, from: number, to: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= from && value <= to;
}
