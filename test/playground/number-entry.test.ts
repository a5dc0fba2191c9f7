import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NumberStyle, readNumber, styleForLanguages, writeNumber } from '../../playground/number-entry.js';

const number = (value: number) => ({ kind: 'number', value }) as const;

describe('numbers as people type them', () => {
  const cases: [string, NumberStyle, ReturnType<typeof readNumber>][] = [
    ['150000', 'english', number(150000)],
    ['150,000', 'english', number(150000)],
    ['150.000', 'european', number(150000)],
    ['150.000,5', 'european', number(150000.5)],
    ['150,000.5', 'european', number(150000.5)], // only English can read it, whatever the setting
    ['1.234,5', 'english', number(1234.5)],
    ['150.000.000', 'english', number(150000000)],
    ['1 500', 'english', number(1500)],
    ['1\u202f500,25', 'european', number(1500.25)],
    ["1'500", 'english', number(1500)],
    ['€150000', 'english', number(150000)],
    ['€ 150,000', 'english', number(150000)],
    ['150.000 €', 'european', number(150000)],
    ['EUR 2.5m', 'english', number(2500000)],
    ['150k', 'english', number(150000)],
    ['150K', 'english', number(150000)],
    ['1.5m', 'english', number(1500000)],
    ['1,5m', 'european', number(1500000)],
    ['0.07k', 'english', number(70)],
    ['2bn', 'english', number(2e9)],
    ['-€4,791,053', 'english', number(-4791053)],
    ['€-4,791,053', 'english', number(-4791053)],
    ['−12.5', 'english', number(-12.5)],
    ['+3', 'english', number(3)],
    ['15%', 'english', number(15)],
    ['0.125', 'english', number(0.125)],
    ['0,125', 'english', number(0.125)],
    ['.5', 'english', number(0.5)],
    ['1.5', 'english', number(1.5)],
    ['1,5', 'english', number(1.5)],
    ['1e-9', 'english', number(1e-9)],
    ['-0', 'english', number(0)],
  ];
  for (const [text, style, reading] of cases)
    it(`reads "${text}" in ${style} style as ${JSON.stringify(reading)}`, () => {
      expect(readNumber(text, style)).toEqual(reading);
    });

  it('asks about an entry with two honest readings, and says them in the style’s order', () => {
    expect(readNumber('150.000', 'english')).toEqual({ kind: 'ambiguous', readings: [150, 150000] });
    expect(readNumber('1,500', 'european')).toEqual({ kind: 'ambiguous', readings: [1.5, 1500] });
    expect(readNumber('€1.500k', 'english')).toEqual({ kind: 'ambiguous', readings: [1500, 1500000] });
  });

  it('refuses what is not a number, saying why', () => {
    for (const text of ['', '   ', 'abc', '12abc', '1..5', '1.2.3,4,5', '1,2,3', '12.34.56', '5.', 'NaN', 'Infinity', '--5', '1e'])
      expect(readNumber(text, 'english').kind, text).toBe('invalid');
    expect(readNumber('12 apples', 'english')).toEqual({ kind: 'invalid', reason: '"apples" is not a number or a scale (k, m, bn)' });
  });

  it('an entry of three digits after one separator is asked about exactly when the separator is the style’s decimal mark', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom<NumberStyle>('english', 'european'),
        (whole, three, style) => {
          const digits = String(three).padStart(3, '0');
          const decimal = style === 'english' ? '.' : ',';
          const group = style === 'english' ? ',' : '.';
          const asDecimal = Number(`${whole}.${digits}`);
          const asGrouped = whole * 1000 + three;
          expect(readNumber(`${whole}${decimal}${digits}`, style)).toEqual(
            asDecimal === asGrouped ? number(asDecimal) : { kind: 'ambiguous', readings: [asDecimal, asGrouped] },
          );
          expect(readNumber(`${whole}${group}${digits}`, style)).toEqual(number(asGrouped));
        },
      ),
    );
  });

  it('reads back what it writes, in both styles, without asking', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e15, max: 1e15, noNaN: true }),
          fc.integer({ min: -1e7, max: 1e7 }).map((x) => x / 1000),
        ),
        fc.constantFrom<NumberStyle>('english', 'european'),
        (x, style) => {
          expect(readNumber(writeNumber(x, style), style)).toEqual(number(x + 0));
        },
      ),
    );
  });

  it('writes grouped numbers in the style, with the shortest decimals', () => {
    expect(writeNumber(150000.5, 'english')).toBe('150,000.5');
    expect(writeNumber(150000.5, 'european')).toBe('150.000,5');
    expect(writeNumber(-4791053, 'european')).toBe('-4.791.053');
    expect(writeNumber(0.05331983667729157, 'english')).toBe('0.05331983667729157');
    expect(writeNumber(12.125, 'english')).toBe('12.1250');
    expect(writeNumber(12.125, 'european')).toBe('12,1250');
  });

  it('takes the style from the browser’s languages', () => {
    expect(styleForLanguages(['nl-NL', 'en-US'])).toBe('european');
    expect(styleForLanguages(['en-GB'])).toBe('english');
    expect(styleForLanguages(['de'])).toBe('european');
    expect(styleForLanguages(['not a tag', 'fr-FR'])).toBe('european');
    expect(styleForLanguages([])).toBe('english');
  });
});
