/** The panel's units: percentages for chances and shares (the scenario keeps fractions), the page's currency, values in words. */
import { type Assumption, type AssumptionRow, describeValue } from 'cx-roi';
import { displayScale, numberWords } from '../labels';

export { displayScale };

/** The page's currency symbol for money units ("" for none: then "money"). */
let currencySymbol = '';
export function setFieldCurrency(symbol: string): void {
  currencySymbol = symbol;
}

/** The unit as the page shows it: "% a month" for "probability per month", "€ per month" with a currency. */
export function displayUnit(row: Pick<AssumptionRow, 'unit'>): string {
  if (displayScale(row) === 1) return row.unit.replace(/^currency/, currencySymbol || 'amount');
  return `%${row.unit
    .replace(/^(probability|share)/, '')
    .replace(/ per month$/, ' a month')
    .replace(/ per year$/, ' a year')
    .replace(/^ROI at the horizon$/, ' ROI at the horizon')}`;
}

export const clean = (x: number) => Number(x.toPrecision(12));
/** A model value as the page shows it. */
export const shown = (row: Pick<AssumptionRow, 'unit'>, x: number) => clean(x * displayScale(row));
/** What the page shows, as the model's value. */
export const modelled = (row: Pick<AssumptionRow, 'unit'>, x: number) => clean(x / displayScale(row));

/**
 * A value in words, with the page's units: "86%", "pert(low 20%, likely 40%, high 60%)"; an amount of money with
 * `currency` before each of its numbers ("€110,000", "uniform from €80,000 to €150,000").
 */
export function valueWords(row: Pick<AssumptionRow, 'unit'>, value: unknown, currency = ''): string {
  if (typeof value === 'number') return `${/currency/.test(row.unit) ? currency : ''}${numberWords(row.unit, value)}`;
  if (value !== null && typeof value === 'object' && 'dist' in value) {
    const d = value as Exclude<Assumption, number>;
    const w = (x: number) => valueWords(row, x, currency);
    if (d.dist === 'uniform') return `uniform from ${w(d.min)} to ${w(d.max)}`;
    if (d.dist === 'pert' || d.dist === 'triangular')
      return `${d.dist === 'pert' ? 'PERT' : 'triangular'}: low ${w(d.min)}, likely ${w(d.mode)}, high ${w(d.max)}`;
    return describeValue(d);
  }
  return String(value);
}

/** The slider's range: the allowed range, cut to about four times the default for small or open-ended values. */
export function sliderRange(row: AssumptionRow, value: number): { min: number; max: number; step: number } {
  const fallback = typeof row.value === 'number' ? row.value : value;
  const min = Math.min(row.domain.min, 0);
  const reach = 4 * Math.max(Math.abs(fallback), Math.abs(value), row.domain.integer ? 3 : Number.EPSILON);
  const magnitude = 10 ** Math.floor(Math.log10(reach));
  const max = Math.min(row.domain.max, Math.ceil(reach / magnitude) * magnitude);
  const step = row.domain.integer ? 1 : (max - min) / 400;
  return { min, max: Math.max(max, min + (row.domain.integer ? 1 : Number.EPSILON)), step };
}
