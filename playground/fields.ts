/**
 * The assumption cells: one labelled input per scenario field, grouped, each
 * showing its value, unit and source (from describeAssumptions), fixed or
 * uncertain (low / likely / high), with room for its error.
 */
import { type Assumption, type AssumptionRow, type ScenarioInput, defaultScenario, describeAssumptions, describeValue } from 'cx-roi';

export const groups: readonly { id: string; title: string; match: (path: string) => boolean }[] = [
  { id: 'customers', title: 'Customers and acquisition', match: (p) => p.startsWith('customers.') || p.startsWith('acquisition.') },
  { id: 'journey', title: 'Journey: the weakest link', match: (p) => p.startsWith('journey.') },
  { id: 'churn', title: 'Churn', match: (p) => p.startsWith('churn.') },
  { id: 'spend', title: 'Spend', match: (p) => p.startsWith('spend.') },
  { id: 'wordOfMouth', title: 'Word of mouth', match: (p) => p.startsWith('wordOfMouth.') },
  { id: 'investment', title: 'The CX programme', match: (p) => p.startsWith('investment.') },
  { id: 'horizon', title: 'Horizon, discount and outcome classes', match: (p) => p === 'horizonMonths' || p === 'discountRateAnnual' || p.startsWith('outcomeClasses.') },
];

const touchpoints = 'journey.touchpointFailure';

const lookup = (root: unknown, keys: string[]): unknown =>
  keys.reduce<unknown>((here, key) => (here !== null && typeof here === 'object' && Object.hasOwn(here, key) ? (here as Record<string, unknown>)[key] : undefined), root);

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x) && !('dist' in x);

/** The touchpoints the page's input itself gives (a record whose null entries remove defaults), if any. */
export function ownTouchpoints(input: ScenarioInput): unknown {
  return lookup(input, ['journey', 'touchpointFailure']);
}

/**
 * The value a field shows: from the page's input where it says so, else the
 * default. Named touchpoints merge with the default journey name by name
 * (null removes one), as parseScenario merges them.
 */
export function valueAt(input: ScenarioInput, path: string): unknown {
  const keys = path.split('.');
  if (path.startsWith(`${touchpoints}.`) || path === touchpoints) {
    const own = ownTouchpoints(input);
    const fallback = lookup(defaultScenario, ['journey', 'touchpointFailure']);
    let record = own === undefined ? fallback : own;
    if (isRecord(own) && isRecord(fallback))
      record = Object.fromEntries(Object.entries({ ...fallback, ...own }).filter(([, value]) => value !== null));
    return path === touchpoints ? record : lookup(record, keys.slice(2));
  }
  const own = lookup(input, keys);
  return own === undefined ? lookup(defaultScenario, keys) : own;
}

/** The rows to show: every field of the scenario as it stands (defaults where the input is not valid yet). */
export function fieldRows(input: ScenarioInput): AssumptionRow[] {
  const defaults = describeAssumptions();
  try {
    return describeAssumptions(input);
  } catch {
    // An invalid input still shows every field, with the values typed so far.
    const record = valueAt(input, touchpoints);
    const names = record !== null && typeof record === 'object' ? Object.keys(record) : [];
    const template = defaults.find((r) => r.path.startsWith(`${touchpoints}.`));
    const rows = defaults.filter((r) => !r.path.startsWith(`${touchpoints}.`));
    const touchRows = template ? names.map((name) => ({ ...template, path: `${touchpoints}.${name}` })) : [];
    const at = rows.findIndex((r) => r.path.startsWith('churn.'));
    rows.splice(at < 0 ? rows.length : at, 0, ...touchRows);
    return rows.map((r) => ({ ...r, value: valueAt(input, r.path) as Assumption }));
  }
}

const id = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function step(row: AssumptionRow): string {
  if (row.domain.integer) return '1';
  if (row.domain.max <= 1) return '0.001';
  if (row.domain.max <= 100) return '0.1';
  return '1';
}

function sliderMax(row: AssumptionRow, value: number): number {
  if (row.domain.max <= 1000) return row.domain.max;
  const start = typeof row.value === 'number' ? row.value : 1;
  return Math.max(10, 4 * Math.max(start, value));
}

function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}

export interface FieldCallbacks {
  /** A field's value changed: its path and the new value (a number, a distribution, or text that is not a number). */
  change(path: string, value: unknown, final: boolean): void;
  /** Remove a touchpoint, or add one. */
  removeTouchpoint(name: string): void;
  addTouchpoint(name: string): void;
}

function sourceLine(row: AssumptionRow, doc: Document): HTMLElement {
  const meta = doc.createElement('div');
  meta.className = 'source';
  if (row.source) {
    const details = doc.createElement('details');
    const summary = doc.createElement('summary');
    summary.textContent = `Source: ${row.source.credit}, in ${row.source.article}`;
    const quote = doc.createElement('blockquote');
    quote.lang = 'nl';
    quote.textContent = `“${row.source.quote}”`;
    const figure = doc.createElement('p');
    figure.textContent = `${row.source.figure}. Article: ${row.source.title}.`;
    details.append(summary, quote, figure);
    meta.append(details);
  } else {
    const note = doc.createElement('span');
    note.className = 'illustrative';
    note.textContent = 'Illustrative assumption';
    note.title = row.note ?? '';
    meta.append(note);
  }
  return meta;
}

function numberInput(doc: Document, label: string, value: unknown, row: AssumptionRow, onChange: (v: number | string, final: boolean) => void): HTMLInputElement {
  const input = doc.createElement('input');
  input.type = 'number';
  input.step = step(row);
  input.value = value === undefined ? '' : String(value);
  input.setAttribute('aria-label', label);
  input.addEventListener('input', () => onChange(numberOrText(input.value), false));
  input.addEventListener('change', () => onChange(numberOrText(input.value), true));
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

/** One field's cell. */
export function renderField(row: AssumptionRow, value: unknown, doc: Document, on: FieldCallbacks): HTMLElement {
  const cell = doc.createElement('div');
  cell.className = 'field';
  cell.dataset.path = row.path;
  const isTouchpoint = row.path.startsWith(`${touchpoints}.`);
  const name = isTouchpoint ? row.path.slice(touchpoints.length + 1) : row.path;

  const label = doc.createElement('label');
  label.htmlFor = id(row.path);
  label.innerHTML = '';
  const title = doc.createElement('span');
  title.className = 'label';
  title.textContent = isTouchpoint ? `Touchpoint “${name}” fails` : row.description;
  const path = doc.createElement('code');
  path.textContent = row.path;
  label.append(title, ' ', path);
  cell.append(label);

  const controls = doc.createElement('div');
  controls.className = 'controls';
  const isDistribution = value !== null && typeof value === 'object' && 'dist' in (value as object);

  if (row.uncertain) {
    const mode = doc.createElement('select');
    mode.setAttribute('aria-label', `${row.path}: fixed or uncertain`);
    for (const [v, text] of [
      ['fixed', 'fixed'],
      ['uncertain', 'uncertain'],
    ]) {
      const option = doc.createElement('option');
      option.value = v as string;
      option.textContent = text as string;
      mode.append(option);
    }
    mode.value = isDistribution ? 'uncertain' : 'fixed';
    mode.addEventListener('change', () => {
      if (mode.value === 'uncertain' && typeof value === 'number') {
        const span = Math.max(Math.abs(value) * 0.25, row.domain.integer ? 1 : 0.01);
        const low = Math.max(row.domain.min, value - span);
        const high = Math.min(row.domain.max, value + span);
        const round = (x: number) => (row.domain.integer ? Math.round(x) : Number(x.toPrecision(6)));
        on.change(row.path, { dist: 'pert', min: round(low), mode: round(value), max: round(high) }, true);
      } else if (mode.value === 'fixed' && isDistribution) {
        const x = likely(value as Exclude<Assumption, number>);
        on.change(row.path, row.domain.integer ? Math.round(x) : x, true);
      }
    });
    controls.append(mode);
  }

  if (!isDistribution) {
    const number = numberInput(doc, row.path, value, row, (v, final) => on.change(row.path, v, final));
    number.id = id(row.path);
    if (typeof value === 'number' || typeof value === 'string') {
      const slider = doc.createElement('input');
      slider.type = 'range';
      slider.min = String(row.domain.min);
      const numeric = typeof value === 'number' ? value : Number.NaN;
      slider.max = String(sliderMax(row, Number.isFinite(numeric) ? numeric : 0));
      slider.step = step(row);
      slider.value = Number.isFinite(numeric) ? String(numeric) : slider.min;
      slider.setAttribute('aria-label', `${row.path} slider`);
      slider.addEventListener('input', () => {
        number.value = slider.value;
        on.change(row.path, Number(slider.value), false);
      });
      slider.addEventListener('change', () => on.change(row.path, Number(slider.value), true));
      number.addEventListener('input', () => {
        if (Number.isFinite(Number(number.value))) slider.value = number.value;
      });
      controls.append(slider);
    }
    controls.append(number);
  } else {
    const d = value as Exclude<Assumption, number>;
    if (d.dist === 'pert' || d.dist === 'triangular' || d.dist === 'uniform') {
      const kind = doc.createElement('select');
      kind.setAttribute('aria-label', `${row.path}: distribution`);
      for (const k of ['pert', 'triangular', 'uniform']) {
        const option = doc.createElement('option');
        option.value = k;
        option.textContent = k;
        kind.append(option);
      }
      kind.value = d.dist;
      const mid = d.dist === 'uniform' ? (d.min + d.max) / 2 : d.mode;
      const parts: Record<'min' | 'mode' | 'max', number | string> = { min: d.min, mode: mid, max: d.max };
      const emit = (final: boolean) => {
        const base = { min: parts.min, max: parts.max };
        on.change(row.path, kind.value === 'uniform' ? { dist: 'uniform', ...base } : { dist: kind.value, min: parts.min, mode: parts.mode, max: parts.max }, final);
      };
      kind.addEventListener('change', () => emit(true));
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
        const input = numberInput(doc, `${row.path} ${text}`, parts[key], row, (v, final) => {
          parts[key] = v;
          emit(final);
        });
        if (key === 'min') input.id = id(row.path);
        wrap.append(input);
        controls.append(wrap);
      }
    } else {
      // Other distributions (from a shared link or a file) are edited as JSON.
      const text = doc.createElement('input');
      text.type = 'text';
      text.id = id(row.path);
      text.className = 'json';
      text.value = JSON.stringify(d);
      text.setAttribute('aria-label', `${row.path} as JSON`);
      text.addEventListener('change', () => {
        try {
          on.change(row.path, JSON.parse(text.value), true);
        } catch {
          on.change(row.path, text.value, true);
        }
      });
      controls.append(text);
    }
  }
  const unit = doc.createElement('span');
  unit.className = 'unit';
  unit.textContent = row.unit;
  controls.append(unit);
  if (isTouchpoint) {
    const remove = doc.createElement('button');
    remove.type = 'button';
    remove.className = 'small';
    remove.textContent = 'remove';
    remove.setAttribute('aria-label', `remove touchpoint ${name}`);
    remove.addEventListener('click', () => on.removeTouchpoint(name));
    controls.append(remove);
  }
  cell.append(controls);
  const summary = doc.createElement('div');
  summary.className = 'value-text';
  summary.textContent = isDistribution ? `drawn once per run: ${describeValue(value as Assumption)}` : '';
  cell.append(summary, sourceLine(row, doc));
  const error = doc.createElement('div');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  cell.append(error);
  return cell;
}

/** Every group of cells, into `container`. */
export function renderFields(container: HTMLElement, input: ScenarioInput, on: FieldCallbacks): void {
  const doc = container.ownerDocument;
  const rows = fieldRows(input);
  container.replaceChildren();
  for (const group of groups) {
    const section = doc.createElement('fieldset');
    section.className = 'group';
    section.dataset.group = group.id;
    const legend = doc.createElement('legend');
    legend.textContent = group.title;
    section.append(legend);
    for (const row of rows.filter((r) => group.match(r.path))) section.append(renderField(row, valueAt(input, row.path), doc, on));
    if (group.id === 'journey') {
      const add = doc.createElement('form');
      add.className = 'add-touchpoint';
      const name = doc.createElement('input');
      name.type = 'text';
      name.placeholder = 'new touchpoint, e.g. returns';
      name.setAttribute('aria-label', 'new touchpoint name');
      const button = doc.createElement('button');
      button.type = 'submit';
      button.textContent = 'add touchpoint';
      add.append(name, button);
      add.addEventListener('submit', (event) => {
        event.preventDefault();
        if (name.value.trim() !== '') on.addTouchpoint(name.value.trim());
      });
      section.append(add);
    }
    container.append(section);
  }
}

/** Shows each issue next to the field it names (the longest matching path), and returns the ones no field matched. */
export function showIssues(container: HTMLElement, issues: readonly { path: string; message: string; value: unknown }[]): typeof issues {
  const cells = [...container.querySelectorAll<HTMLElement>('.field')];
  for (const cell of cells) {
    cell.classList.remove('invalid');
    const error = cell.querySelector('.error');
    if (error) error.textContent = '';
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
    const error = cell.querySelector('.error');
    const got = issue.value === undefined ? '' : ` (got ${JSON.stringify(issue.value)})`;
    if (error) error.textContent = `${error.textContent ? `${error.textContent} · ` : ''}${issue.path}: ${issue.message}${got}`;
  }
  return unmatched;
}
