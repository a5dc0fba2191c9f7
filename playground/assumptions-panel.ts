/**
 * The assumptions panel: one labelled input per scenario field, in words,
 * grouped and collapsible, each showing its value, unit and source (from
 * describeAssumptions), fixed or uncertain (low / likely / high). Chances and
 * shares are entered and shown as percentages; the scenario keeps fractions.
 */
import { valueAt } from '../src/scenario/error';
import { displayScale, numberWords } from './labels';
import { renderAlternatives } from './field-alternatives';
import { typedNumber, writtenNumber as written } from './number-style-setting';
import {
  type Assumption,
  type AssumptionRow,
  type Reading,
  type ScenarioInput,
  defaultScenario,
  describeAssumptions,
  describeValue,
  executionSuccessFromMaturity,
  sources,
} from 'cx-roi';

/** The seed articles by file name, for messages that cite one: “its English title”. */
const articleTitles = new Map<string, string>(
  Object.values(sources).map((s) => [s.article, `“${(s as { titleEnglish?: string }).titleEnglish ?? s.title}”`]),
);

export const groups: readonly { id: string; title: string; match: (path: string) => boolean }[] = [
  { id: 'investment', title: 'The CX programme', match: (p) => p.startsWith('investment.') },
  { id: 'customers', title: 'Customers and acquisition', match: (p) => p.startsWith('customers.') || p.startsWith('acquisition.') },
  { id: 'journey', title: 'Journey: the weakest link', match: (p) => p.startsWith('journey.') },
  { id: 'churn', title: 'Churn', match: (p) => p.startsWith('churn.') },
  { id: 'spend', title: 'Spend', match: (p) => p.startsWith('spend.') },
  { id: 'wordOfMouth', title: 'Word of mouth', match: (p) => p.startsWith('wordOfMouth.') },
  {
    id: 'horizon',
    title: 'Horizon, discount and outcome classes',
    match: (p) => p === 'horizonMonths' || p === 'discountRateAnnual' || p.startsWith('outcomeClasses.'),
  },
];

export const touchpoints = 'journey.touchpointFailure';

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x) && !('dist' in x);

/** The touchpoints the page's input itself gives (a record whose null entries remove defaults, a list, or one number), if any. */
export function ownTouchpoints(input: ScenarioInput): unknown {
  return valueAt(input, ['journey', 'touchpointFailure']);
}

/**
 * The value a field shows: from the page's input where it says so, else the
 * default. Named touchpoints merge with the default journey name by name
 * (null removes one), as parseScenario merges them.
 */
export function shownValue(input: ScenarioInput, path: string): unknown {
  const keys = path.split('.');
  if (path.startsWith(`${touchpoints}.`) || path === touchpoints) {
    const own = ownTouchpoints(input);
    const fallback = valueAt(defaultScenario, ['journey', 'touchpointFailure']);
    let record = own === undefined ? fallback : own;
    if (isRecord(own) && isRecord(fallback))
      record = Object.fromEntries(Object.entries({ ...fallback, ...own }).filter(([, value]) => value !== null));
    return path === touchpoints ? record : valueAt(record, keys.slice(2));
  }
  const own = valueAt(input, keys);
  return own === undefined ? valueAt(defaultScenario, keys) : own;
}

/** The rows to show: every field of the scenario as it stands (defaults where the input is not valid yet). */
export function fieldRows(input: ScenarioInput): AssumptionRow[] {
  const defaults = describeAssumptions();
  try {
    return describeAssumptions(input);
  } catch {
    // An invalid input still shows every field, with the values typed so far.
    const record = shownValue(input, touchpoints);
    const template = defaults.find((r) => r.path.startsWith(`${touchpoints}.`));
    const rows = defaults.filter((r) => !r.path.startsWith(`${touchpoints}.`));
    const touchRows =
      template === undefined
        ? []
        : record !== null && typeof record === 'object' && !('dist' in record)
          ? Object.keys(record).map((name) => ({ ...template, path: `${touchpoints}.${name}` }))
          : [{ ...template, path: touchpoints }];
    const at = rows.findIndex((r) => r.path.startsWith('churn.'));
    rows.splice(at < 0 ? rows.length : at, 0, ...touchRows);
    return rows.map((r) => ({ ...r, value: shownValue(input, r.path) as Assumption }));
  }
}

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

/** An element id for a field's first control. */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A touchpoint's name in words: its key, or its place in a list ("touchpoint 2"), or the whole journey. */
export function touchpointName(input: ScenarioInput, path: string): string | null {
  if (path === touchpoints) return 'the whole journey';
  if (!path.startsWith(`${touchpoints}.`)) return null;
  const name = path.slice(touchpoints.length + 1);
  return Array.isArray(ownTouchpoints(input)) ? `touchpoint ${Number(name) + 1}` : name;
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

export { displayScale };

/** The page's currency symbol for money units ("" for none: then "money"). */
let currencySymbol = '';
export function setFieldCurrency(symbol: string): void {
  currencySymbol = symbol;
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

/** The unit as the page shows it: "% a month" for "probability per month", "€ per month" with a currency. */
export function displayUnit(row: Pick<AssumptionRow, 'unit'>): string {
  if (displayScale(row) === 1) return row.unit.replace(/^currency/, currencySymbol || 'amount');
  return `%${row.unit
    .replace(/^(probability|share)/, '')
    .replace(/ per month$/, ' a month')
    .replace(/ per year$/, ' a year')
    .replace(/^ROI at the horizon$/, ' ROI at the horizon')}`;
}

const clean = (x: number) => Number(x.toPrecision(12));
/** A model value as the page shows it. */
export const shown = (row: Pick<AssumptionRow, 'unit'>, x: number) => clean(x * displayScale(row));
/** What the page shows, as the model's value. */
export const modelled = (row: Pick<AssumptionRow, 'unit'>, x: number) => clean(x / displayScale(row));

/** A value in words, with the page's units: "86%", "pert(low 20%, likely 40%, high 60%)". */
export function valueWords(row: Pick<AssumptionRow, 'unit'>, value: unknown): string {
  if (typeof value === 'number') return numberWords(row.unit, value);
  if (value !== null && typeof value === 'object' && 'dist' in value) {
    const d = value as Exclude<Assumption, number>;
    const w = (x: number) => valueWords(row, x);
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

/**
 * Asks, under the field, which of two readings an entry meant ("150.000":
 * 150 or 150,000?); a button for each, which puts that number in the box.
 */
function ask(input: HTMLInputElement, readings: readonly [number, number], choose: (x: number) => void): void {
  const cell = input.closest('.field') ?? input.parentElement;
  if (!cell) return;
  clearQuestion(input);
  const doc = input.ownerDocument;
  const question = doc.createElement('div');
  question.className = 'ask';
  question.setAttribute('role', 'alert');
  question.append(`“${input.value.trim()}”: did you mean `);
  readings.forEach((x, i) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = written(x);
    button.addEventListener('click', () => {
      input.value = written(x);
      clearQuestion(input);
      input.focus();
      choose(x);
    });
    question.append(button, i === 0 ? ' or ' : '?');
  });
  questionOf.set(input, question);
  cell.append(question);
}

const questionOf = new WeakMap<HTMLInputElement, HTMLElement>();
function clearQuestion(input: HTMLInputElement): void {
  questionOf.get(input)?.remove();
  questionOf.delete(input);
}

export interface FieldCallbacks {
  /** A published reading of a contested field (or a plausible end of an unmeasured one) to put in the scenario; `from` says what it did. */
  useReading(reading: Reading, from: HTMLElement): void;
  /** A field's value changed: its path and the new value (a number, a distribution, or text that is not a number). `redraw`: the field's controls change shape. */
  change(path: string, value: unknown, final: boolean, redraw?: boolean): void;
  /** Remove a touchpoint, or add one. */
  removeTouchpoint(path: string): void;
  addTouchpoint(name: string): string | null;
}

function sourceLine(row: AssumptionRow, doc: Document): HTMLElement {
  const meta = doc.createElement('div');
  meta.className = 'source';
  if (row.source) {
    const s = row.source as AssumptionRow['source'] & { readonly translation?: string; readonly titleEnglish?: string };
    if (!s) return meta;
    const details = doc.createElement('details');
    const summary = doc.createElement('summary');
    summary.textContent = `Source: ${s.credit}, “${s.titleEnglish ?? s.title}”`;
    const figure = doc.createElement('p');
    figure.textContent = s.figure;
    const translation = doc.createElement('blockquote');
    translation.className = 'translation';
    translation.textContent = `“${s.translation ?? s.quote}” (translated from Dutch)`;
    const original = doc.createElement('details');
    const originalSummary = doc.createElement('summary');
    originalSummary.textContent = 'The Dutch original';
    const quote = doc.createElement('blockquote');
    quote.lang = 'nl';
    quote.textContent = `“${s.quote}” (${s.title})`;
    original.append(originalSummary, quote);
    details.append(summary, figure, translation, original);
    meta.append(details);
  } else {
    const note = doc.createElement('span');
    note.className = 'illustrative';
    note.textContent = 'Illustrative assumption';
    if (row.note) {
      const why = doc.createElement('span');
      why.className = 'sr-only';
      why.textContent = `: ${row.note}`;
      note.title = row.note;
      note.append(why);
    }
    meta.append(note);
  }
  return meta;
}

function numberInput(
  doc: Document,
  name: string,
  value: unknown,
  row: AssumptionRow,
  onChange: (v: number | string, final: boolean) => void,
): HTMLInputElement {
  const input = doc.createElement('input');
  input.type = 'text';
  input.inputMode = 'decimal';
  input.autocomplete = 'off';
  input.spellcheck = false;
  // A touchpoint scaled to the business's rate carries a long tail of digits: three significant ones say it (typing replaces it).
  const digits = (x: number) => (row.derivedFrom !== null ? Number(x.toPrecision(3)) : x);
  input.value = typeof value === 'number' ? written(digits(shown(row, value))) : value === undefined ? '' : String(value);
  input.setAttribute('aria-label', name);
  // The model's value from what is typed ("150,000", "€150k", "1.5m"): percentages back to fractions; text that is
  // not a number is kept for the error. An entry with two readings is asked about when it is committed, never
  // guessed; while it is being typed it changes nothing ("150.00" on its way to "150.000" was read already).
  const read = (final: boolean): number | string | undefined => {
    // A decimal mark just typed ("1." on the way to "1.5") reads as the number before it.
    const text = final ? input.value : input.value.replace(/(\d)[.,]$/, '$1');
    const reading = typedNumber(text);
    if (reading.kind !== 'ambiguous' || !final) clearQuestion(input);
    if (reading.kind === 'number') {
      // Committed, the entry is written back as the page writes numbers ("€150k" → "150,000").
      if (final) input.value = written(reading.value);
      return modelled(row, reading.value);
    }
    if (reading.kind === 'invalid') return input.value;
    if (!final) return undefined;
    ask(input, reading.readings, (x) => onChange(modelled(row, x), true));
    return input.value;
  };
  input.addEventListener('input', () => {
    const v = read(false);
    if (v !== undefined) onChange(v, false);
  });
  input.addEventListener('change', () => {
    const v = read(true);
    if (v !== undefined) onChange(v, true);
  });
  return input;
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

const isDistribution = (value: unknown): value is Exclude<Assumption, number> =>
  value !== null && typeof value === 'object' && 'dist' in (value as object);

/** One field's cell. */
export function renderField(row: AssumptionRow, value: unknown, input: ScenarioInput, doc: Document, on: FieldCallbacks): HTMLElement {
  const cell = doc.createElement('div');
  cell.className = 'field';
  cell.dataset.path = row.path;
  const name = fieldLabel(row, input);
  const touchpoint = touchpointName(input, row.path);
  cell.dataset.search = `${name} ${row.path} ${row.description} ${searchTerms(row.path)}`.toLowerCase();
  cell.dataset.scale = String(displayScale(row));

  const label = doc.createElement('label');
  label.htmlFor = fieldId(row.path);
  const title = doc.createElement('span');
  title.className = 'label';
  title.textContent = name;
  const path = doc.createElement('span');
  path.className = 'path';
  path.textContent = row.path;
  path.setAttribute('aria-hidden', 'true');
  label.append(title, ' ', path);
  cell.append(label);
  if (touchpoint !== null || (row.label !== undefined && row.label !== row.description)) {
    const about = doc.createElement('div');
    about.className = 'hint about';
    about.textContent = pageDescription(row.description);
    cell.append(about);
  }

  const maturity = (input as { investment?: { maturity?: Record<string, string> } }).investment?.maturity;
  if (row.path === 'investment.executionSuccess' && maturity) {
    // The maturity answers set this field: say so, rather than show an input they override.
    const note = doc.createElement('p');
    note.className = 'value-text';
    let words = 'set by the maturity answers';
    try {
      words = `Set by the maturity answers (below, in “Will it be carried out?”): ${valueWords(row, executionSuccessFromMaturity(maturity))}.`;
    } catch {
      // Answers a link got wrong are reported on the field by the scenario's own check.
    }
    note.textContent = words;
    const error = doc.createElement('div');
    error.className = 'error';
    error.setAttribute('role', 'alert');
    cell.append(note, sourceLine(row, doc), error);
    return cell;
  }

  if (row.derivedFrom !== null && !row.path.startsWith(touchpoints)) {
    // Solved from the business the scenario holds, in every run: said, with the way to set it instead.
    const note = doc.createElement('p');
    note.className = 'value-text';
    note.id = fieldId(row.path);
    note.tabIndex = -1;
    note.textContent = solvedWords(row, value);
    const own = doc.createElement('button');
    own.type = 'button';
    own.className = 'set-own';
    own.textContent = 'Set these parameters myself';
    own.setAttribute(
      'aria-label',
      'Set these parameters myself: every solved field, fixed at the values shown; the scenario then holds no business, and changing a figure can change the company',
    );
    own.title =
      'Every solved field becomes yours, fixed at the values shown (runs no longer solve them from their own draws, so the answer moves a little); changing a CX figure then changes the company too.';
    own.addEventListener('click', () => on.change('business', null, true, true));
    const error = doc.createElement('div');
    error.className = 'error';
    error.setAttribute('role', 'alert');
    cell.append(note, own, error);
    return cell;
  }
  if (row.derivedFrom !== null) {
    const scaled = doc.createElement('div');
    scaled.className = 'hint';
    scaled.textContent =
      'Scaled with the other touchpoints so that the journey fails as often as the business says: this sets its share of the bad experiences.';
    cell.append(scaled);
  }

  const controls = doc.createElement('div');
  controls.className = 'controls';
  const summary = doc.createElement('div');
  summary.className = 'value-text';
  const describe = (v: unknown) => {
    summary.textContent = isDistribution(v) ? `Drawn once per run: ${valueWords(row, v)}` : '';
  };
  // Every change goes through here, so the words under the field, and the value "uncertain" starts from, follow it.
  let current = value;
  const emit = (v: unknown, final: boolean, redraw = false) => {
    current = v;
    describe(v);
    on.change(row.path, v, final, redraw);
  };

  if (row.uncertain) {
    const mode = doc.createElement('select');
    mode.id = `${fieldId(row.path)}-mode`;
    mode.setAttribute('aria-label', `${name}: fixed or uncertain`);
    for (const [v, text] of [
      ['fixed', 'fixed'],
      ['uncertain', 'uncertain'],
    ]) {
      const option = doc.createElement('option');
      option.value = v as string;
      option.textContent = text as string;
      mode.append(option);
    }
    mode.value = isDistribution(value) ? 'uncertain' : 'fixed';
    mode.addEventListener('change', () => {
      const value = current;
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
    controls.append(mode);
  }

  if (!isDistribution(value)) {
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
  } else {
    const d = value;
    if (d.dist === 'pert' || d.dist === 'triangular' || d.dist === 'uniform') {
      const kind = doc.createElement('select');
      kind.setAttribute('aria-label', `${name}: shape of the uncertainty`);
      for (const [k, text] of [
        ['pert', 'PERT'],
        ['triangular', 'triangular'],
        ['uniform', 'uniform'],
      ]) {
        const option = doc.createElement('option');
        option.value = k as string;
        option.textContent = text as string;
        kind.append(option);
      }
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
    } else {
      // Other distributions (from a shared link or a file) are edited as JSON, in the scenario's own units.
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
      controls.append(text);
    }
  }
  const unit = doc.createElement('span');
  unit.className = 'unit';
  unit.textContent = displayUnit(row);
  controls.append(unit);
  if (touchpoint !== null && row.path !== touchpoints) {
    const remove = doc.createElement('button');
    remove.type = 'button';
    remove.className = 'small';
    remove.textContent = 'remove';
    remove.setAttribute('aria-label', `Remove touchpoint ${touchpoint}`);
    remove.addEventListener('click', () => on.removeTouchpoint(row.path));
    controls.append(remove);
  }
  cell.append(controls);
  describe(value);
  cell.append(summary, sourceLine(row, doc));
  const alternatives = renderAlternatives(row, value, doc, { valueWords, use: (reading, from) => on.useReading(reading, from) });
  if (alternatives) cell.append(alternatives);
  const error = doc.createElement('div');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  cell.append(error);
  return cell;
}

/** The groups the user has closed. */
export function closedGroups(container: HTMLElement): ReadonlySet<string | undefined> {
  return new Set([...container.querySelectorAll<HTMLDetailsElement>('details.group:not([open])')].map((d) => d.dataset.group));
}

/** One group of cells. */
export function renderGroup(
  doc: Document,
  group: (typeof groups)[number],
  rows: readonly AssumptionRow[],
  input: ScenarioInput,
  on: FieldCallbacks,
  closed: ReadonlySet<string | undefined> = new Set(),
): HTMLElement {
  const section = doc.createElement('details');
  section.className = 'group';
  section.dataset.group = group.id;
  section.open = !closed.has(group.id);
  const legend = doc.createElement('summary');
  legend.textContent = group.title;
  section.append(legend);
  for (const row of rows.filter((r) => group.match(r.path))) section.append(renderField(row, shownValue(input, row.path), input, doc, on));
  if (group.id === 'journey') {
    const add = doc.createElement('form');
    add.className = 'add-touchpoint';
    const name = doc.createElement('input');
    name.type = 'text';
    name.placeholder = 'e.g. returns';
    name.maxLength = 60;
    name.setAttribute('aria-label', 'Name of a new touchpoint');
    const button = doc.createElement('button');
    button.type = 'submit';
    button.textContent = 'Add touchpoint';
    const problem = doc.createElement('div');
    problem.className = 'error';
    problem.setAttribute('role', 'alert');
    add.append(name, button, problem);
    add.addEventListener('submit', (event) => {
      event.preventDefault();
      problem.textContent = name.value.trim() === '' ? 'Give the new touchpoint a name.' : (on.addTouchpoint(name.value.trim()) ?? '');
    });
    section.append(add);
  }
  return section;
}

/** Shows only the fields whose name, path or meaning contains every word of `query`; returns how many match. */
export function filterFields(container: HTMLElement, query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let shownCount = 0;
  for (const group of container.querySelectorAll<HTMLDetailsElement>('details.group')) {
    let inGroup = 0;
    for (const cell of group.querySelectorAll<HTMLElement>('.field')) {
      const match = words.every((w) => (cell.dataset.search ?? '').includes(w));
      cell.hidden = !match;
      if (match) inGroup += 1;
    }
    group.hidden = inGroup === 0 && words.length > 0;
    if (words.length > 0 && inGroup > 0) group.open = true;
    shownCount += inGroup;
  }
  return shownCount;
}

/** Shows each issue next to the field it names (the longest matching path), in words; returns the ones no field matched. */
export function showIssues(container: HTMLElement, issues: readonly { path: string; message: string; value: unknown }[]): typeof issues {
  const cells = [...container.querySelectorAll<HTMLElement>('.field')];
  for (const cell of cells) {
    cell.classList.remove('invalid');
    const error = cell.querySelector('.error');
    if (error) error.textContent = '';
    for (const box of cell.querySelectorAll('input')) box.removeAttribute('aria-invalid');
  }
  const unmatched: (typeof issues)[number][] = [];
  for (const issue of issues) {
    const cell = cells
      .filter((c) => issue.path === c.dataset.path || issue.path.startsWith(`${c.dataset.path}.`))
      .sort((a, b) => (b.dataset.path?.length ?? 0) - (a.dataset.path?.length ?? 0))[0];
    if (!cell) {
      unmatched.push(issue);
      continue;
    }
    cell.classList.add('invalid');
    for (const box of cell.querySelectorAll('input:not([type="range"])')) box.setAttribute('aria-invalid', 'true');
    const error = cell.querySelector('.error');
    // A field asking which number was meant says so itself: "type a number" beside the question would mislead.
    if (error && !cell.querySelector('.ask'))
      error.textContent = `${error.textContent ? `${error.textContent} · ` : ''}${plainMessage(issue.message, Number(cell.dataset.scale ?? 1))}`;
  }
  return unmatched;
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
