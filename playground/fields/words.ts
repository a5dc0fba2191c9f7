/** The panel's words: field names, descriptions and search terms in the page's words, solved fields' notes, messages. */
import { type AssumptionRow, type ScenarioInput, sources } from 'cx-roi';
import { fieldId, touchpointName, touchpoints } from './rows';
import { valueWords } from './units';

/** The seed articles by file name, for messages that cite one: “its English title”. */
const articleTitles = new Map<string, string>(
  Object.values(sources).map((s) => [s.article, `“${(s as { titleEnglish?: string }).titleEnglish ?? s.title}”`]),
);

/** The business figures in words, for a solved field's note. */
const businessWords: Record<string, string> = {
  customers: 'the customers',
  annualRetention: 'the customers kept a year',
  monthlyChurn: 'the customers lost a month',
  averageRevenuePerCustomerMonthly: 'the revenue per customer a month',
  newCustomersMonthly: 'the new customers a month',
  badExperienceShareMonthly: 'the customers with a bad experience a month',
  nps: 'the NPS',
  startAtSteadyState: 'the steady-state start',
};

/** What a field solved from the business says: where it comes from, and its value at the assumptions' means. */
export function solvedWords(row: AssumptionRow, value: unknown): string {
  const from = (row.derivedFrom ?? '').replace(/business\.([A-Za-z]+)/g, (_, name: string) => businessWords[name] ?? name);
  return `Solved from the business in every run, from ${from}: ${valueWords(row, value)} at the assumptions’ means. Change the business under “Make it your business”.`;
}

/**
 * Brings the solved fields' words up to date with a scenario: a change of a CX
 * figure changes what they solve to, without the panel being drawn again.
 */
export function refreshSolvedFields(box: ParentNode, rows: readonly AssumptionRow[]): void {
  for (const row of rows) {
    if (row.derivedFrom === null || row.path.startsWith(touchpoints)) continue;
    const note = box.querySelector<HTMLElement>(`#${CSS.escape(fieldId(row.path))}`);
    if (note && note.tagName === 'P') note.textContent = solvedWords(row, row.value);
  }
}

/** A field's name in words (the library's label), for labels, charts and screen readers. */
export function fieldLabel(
  row: Pick<AssumptionRow, 'path' | 'description'> & { readonly label?: string },
  input: ScenarioInput = {},
): string {
  const touchpoint = touchpointName(input, row.path);
  if (touchpoint !== null) return touchpoint === 'the whole journey' ? 'Whole journey fails' : `“${touchpoint}” fails`;
  return row.label ?? row.description;
}

// The library's descriptions name other fields by their paths, for code; on the page, by what the reader sees.
const pathWords: Record<string, string> = {
  'investment.channels.budget': 'the budget set under “Channels”',
  'investment.channels': 'the “Channels” cell',
  'investment.maturity': 'the maturity answers (under “Will it be carried out?”)',
};

/** A field's description with the scenario paths it names in the page's words. */
export function pageDescription(text: string): string {
  return text.replace(/\b[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)+\b/g, (path) => pathWords[path] ?? path);
}

// The words a strategist searches for, by the part of the scenario a field is in: "retention" finds churn.
const searchWords: [string, string][] = [
  ['churn.', 'retention retain churn leave leaving lose switch customers kept'],
  ['spend.', 'spend revenue sales money basket margin'],
  ['acquisition.', 'new customers growth acquisition sign-ups organic'],
  ['customers.', 'customers base size retention'],
  ['wordOfMouth.', 'word of mouth recommend referral promoters detractors nps reviews'],
  ['journey.', 'bad experience failure touchpoint complaints service quality'],
  ['investment.', 'cost budget programme investment spend effect'],
  ['outcomeClasses.', 'nps promoters detractors survey'],
  ['discountRateAnnual', 'discount rate interest money value time'],
  ['horizonMonths', 'horizon years months long game'],
];

/** Business words a field is found by, beyond its own name and description. */
export function searchTerms(path: string): string {
  return searchWords
    .filter(([prefix]) => path.startsWith(prefix))
    .map(([, words]) => words)
    .join(' ');
}

/**
 * The library's message, for a reader of the page: "type a number" instead
 * of the accepted shapes, and for a field shown in percent, its numbers in
 * percent ("from 0% to 100%", "mode (20%) must be ≥ min (50%)").
 */
export function plainMessage(message: string, scale = 1): string {
  let text = message
    .replace(/expected a number or a distribution \{.*\}(, got (a|an) \w+)?/, 'type a number (or make the field uncertain)')
    .replace(/(invalid input: )?expected number, received \w+/i, 'type a number')
    .replace(/must be a finite number, not NaN/, 'type a number')
    .replace(/\b\d{3}_[0-9a-f]{16}\.txt\b/g, (file) => articleTitles.get(file) ?? 'a seed article');
  if (scale === 100) {
    const pct = (x: string) => `${Number((Number(x.replace(/,/g, '')) * 100).toPrecision(12))}%`;
    text = text
      .replace(/\b(from|to|between|and) (-?[\d.,]+)(?=\b|$)/g, (_, word: string, x: string) => `${word} ${pct(x)}`)
      .replace(/\((-?[\d.]+)\)/g, (_, x: string) => `(${pct(x)})`)
      .replace(/^must be a probability/, 'must be a percentage');
  }
  return text;
}
