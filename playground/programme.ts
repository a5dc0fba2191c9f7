/**
 * Cells that change the scenario as a whole rather than one field: make the
 * business yours (calibrate from the figures a company knows), how mature
 * the organisation is (the questionnaire of article 004, for the chance of
 * carrying the programme out), and a go/no-go stage gate. Each builds its
 * form once and hands the page a new scenario input.
 */
import { count, money, percent } from '../src/format/numbers';
import { plainMessage } from './assumptions-panel';
import { typedNumber, writtenNumber as written } from './number-style-setting';
import {
  type MaturityAnswer,
  type MaturityAnswers,
  type ObservedBusiness,
  ScenarioError,
  type ScenarioInput,
  type SimulationResult,
  calibrate,
  defaultChannels,
  derivedPaths,
  impliedKpis,
  improvementFromBudget,
  parseScenario,
  executionSuccessFromMaturity,
  maturityQuestions,
} from 'cx-roi';

export interface ProgrammeHost {
  /** The scenario input as the page has it. */
  input(): ScenarioInput;
  /** Replaces it (the page redraws its fields and simulates), and says in `from` what the change did to the answer. */
  apply(next: ScenarioInput, from?: HTMLElement): void;
  currency(): string;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

/** A number a form's box was given that cannot be used, with why, naming the box. */
class EntryProblem extends Error {}

/**
 * A form box's number, read as people type it ("50,000", "€40", "1.5m") in the page's style: undefined when
 * blank; an entry with two readings or none is refused naming the box, never guessed.
 */
function typed(label: string, input: HTMLInputElement): number | undefined {
  if (input.value.trim() === '') return undefined;
  const reading = typedNumber(input.value);
  if (reading.kind === 'number') return reading.value;
  if (reading.kind === 'ambiguous')
    throw new EntryProblem(
      `${label}: “${input.value.trim()}” could be ${written(reading.readings[0])} or ${written(reading.readings[1])}; type the one you mean.`,
    );
  throw new EntryProblem(`${label}: type a number.`);
}

/** Runs `read`; an entry it refuses is said in `error`, and null returned. */
function entries<T>(error: HTMLElement, read: () => T): T | null {
  try {
    return read();
  } catch (problem) {
    if (!(problem instanceof EntryProblem)) throw problem;
    error.textContent = problem.message;
    return null;
  }
}

/** A labelled number box. */
function numberField(label: string, id: string, value: string, unit: string): { wrap: HTMLLabelElement; input: HTMLInputElement } {
  const wrap = element('label', { class: 'form-field' });
  const input = element('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', value });
  wrap.append(`${label} `, input, unit ? ` ${unit}` : '');
  return { wrap, input };
}

/** The input without what equals the defaults, so the link stays short and defaults stay defaults. */
export function differenceFromDefaults(value: unknown, defaults: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'dist' in value)
    return JSON.stringify(value) === JSON.stringify(defaults) ? undefined : value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const d = defaults !== null && typeof defaults === 'object' ? (defaults as Record<string, unknown>)[key] : undefined;
    const kept = differenceFromDefaults(v, d);
    if (kept !== undefined) out[key] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The input holding `business`: the fields it solves are left out (they would clash with it). */
export function holdingBusiness(input: ScenarioInput, business: ObservedBusiness): ScenarioInput {
  const copy = JSON.parse(JSON.stringify(input ?? {})) as Record<string, Record<string, unknown> | undefined>;
  for (const path of [...derivedPaths, 'wordOfMouth.excellentShare']) {
    const [section, field] = path.split('.') as [string, string];
    const at = copy[section];
    if (at && typeof at === 'object') {
      delete at[field];
      if (Object.keys(at).length === 0) delete copy[section];
    }
  }
  return { ...(copy as ScenarioInput), business: { ...business } };
}

/** Make the business yours: the figures a company knows, and a scenario whose baseline reproduces them. */
export function calibrationCell(box: HTMLElement, host: ProgrammeHost): void {
  const form = element('form', { class: 'decision-form', id: 'calibrate-form' });
  const fields = {
    customers: numberField('Customers', 'cal-customers', '10000', ''),
    annualRetention: numberField('Customers kept a year', 'cal-retention', '80', '%'),
    averageRevenuePerCustomerMonthly: numberField('Revenue per customer a month', 'cal-revenue', '90', ''),
    newCustomersMonthly: numberField('New customers a month', 'cal-new', '', '(blank: keep the base steady)'),
    badExperienceShareMonthly: numberField('Customers with a bad experience a month', 'cal-bad', '', '% (optional)'),
    nps: numberField('NPS', 'cal-nps', '', '(optional, −100 to 100)'),
  };
  const submit = element('button', { type: 'submit' }, 'Calibrate to these figures');
  const message = element('p', { id: 'calibrate-message', class: 'answer', 'aria-live': 'polite' });
  const error = element('div', { id: 'calibrate-error', class: 'error', role: 'alert' });
  form.append(...Object.values(fields).map((f) => f.wrap), submit);
  box.append(form, error, message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const done = entries(error, () => {
      submitCalibration();
      return true;
    });
    if (done === null) message.textContent = '';
  });
  function submitCalibration(): void {
    const labels: Record<string, string> = {
      customers: 'Customers',
      annualRetention: 'Customers kept a year',
      averageRevenuePerCustomerMonthly: 'Revenue per customer a month',
      newCustomersMonthly: 'New customers a month',
      badExperienceShareMonthly: 'Customers with a bad experience a month',
      nps: 'NPS',
    };
    const read = (f: { input: HTMLInputElement }, scale = 1): number | undefined => {
      const name = Object.entries(fields).find(([, field]) => field === f)?.[0] ?? '';
      const x = typed(labels[name] ?? name, f.input);
      return x === undefined ? undefined : x / scale;
    };
    const customers = read(fields.customers) ?? Number.NaN;
    const newCustomers = read(fields.newCustomersMonthly);
    const retention = read(fields.annualRetention, 100);
    // Blank new customers: as many join as leave, so the base is steady.
    const steady = retention === undefined ? 0 : customers * (1 - retention ** (1 / 12));
    const observed = {
      customers,
      ...(retention === undefined ? {} : { annualRetention: retention }),
      averageRevenuePerCustomerMonthly: read(fields.averageRevenuePerCustomerMonthly) ?? Number.NaN,
      newCustomersMonthly: newCustomers ?? Math.round(steady),
      ...(read(fields.badExperienceShareMonthly, 100) === undefined
        ? {}
        : { badExperienceShareMonthly: read(fields.badExperienceShareMonthly, 100) }),
      ...(read(fields.nps) === undefined ? {} : { nps: read(fields.nps) }),
    } as ObservedBusiness;
    try {
      // calibrate checks the figures against the scenario (and names a clash); the page then holds them as its business.
      calibrate(observed, host.input());
      host.apply(holdingBusiness(host.input(), observed), box);
      error.textContent = '';
      message.dataset.business = JSON.stringify(parseScenario(holdingBusiness(host.input(), observed)).business);
      message.textContent = `Calibrated: the scenario now holds ${count(observed.customers)} customers keeping ${percent(retention ?? 0, 1)} a year, spending ${host.currency()}${observed.averageRevenuePerCustomerMonthly} a month, with ${count(observed.newCustomersMonthly)} new a month, in every run and whatever the CX figures say (they are kept as they are). The table above shows the business it implies.`;
    } catch (problem) {
      message.textContent = '';
      error.textContent = `These figures cannot be matched: ${calibrationWords(problem)}`;
    }
  }
}

/** The form's own names for the observed figures, in a calibration error. */
const observedNames: Record<string, string> = {
  'observed.customers': 'Customers',
  'observed.annualRetention': 'Customers kept a year',
  'observed.averageRevenuePerCustomerMonthly': 'Revenue per customer a month',
  'observed.newCustomersMonthly': 'New customers a month',
  'observed.badExperienceShareMonthly': 'Customers with a bad experience a month',
  'observed.nps': 'NPS',
};

function calibrationWords(problem: unknown): string {
  if (!(problem instanceof ScenarioError)) return (problem as Error).message;
  return problem.issues.map((i) => `${observedNames[i.path] ?? i.path}: ${plainMessage(i.message)}`).join('; ');
}

const answerWords: Record<MaturityAnswer, string> = { yes: 'yes', partly: 'partly', no: 'no' };

/** The maturity questionnaire: nine questions, and the chance of carrying the programme out that they give. */
export function maturityCell(box: HTMLElement, host: ProgrammeHost): void {
  const form = element('form', { id: 'maturity-form', class: 'maturity' });
  let part = 0;
  let group: HTMLFieldSetElement | null = null;
  for (const q of maturityQuestions) {
    if (q.part !== part) {
      part = q.part;
      group = element('fieldset', { class: 'maturity-part' });
      group.append(element('legend', {}, q.partTitle));
      form.append(group);
    }
    const row = element('div', { class: 'maturity-question' });
    const select = element('select', { id: `maturity-${q.id}`, 'aria-label': q.text });
    for (const answer of ['partly', 'yes', 'no'] as const) select.append(element('option', { value: answer }, answerWords[answer]));
    const label = element('label', { for: `maturity-${q.id}` }, q.text);
    row.append(label, select);
    group?.append(row);
  }
  const outcome = element('p', { id: 'maturity-outcome', class: 'answer', 'aria-live': 'polite' });
  const use = element('button', { type: 'submit' }, 'Use these answers for the chance of carrying it out');
  const clear = element('button', { type: 'button', id: 'maturity-clear' }, 'Back to the published 20–30%');
  const error = element('div', { class: 'error', role: 'alert' });
  form.append(use, ' ', clear);
  box.append(form, outcome, error);
  const answers = (): MaturityAnswers =>
    Object.fromEntries(
      maturityQuestions.map((q) => [
        q.id,
        (form.querySelector<HTMLSelectElement>(`#maturity-${q.id}`)?.value ?? 'partly') as MaturityAnswer,
      ]),
    ) as MaturityAnswers;
  const say = () => {
    const d = executionSuccessFromMaturity(answers());
    const words = `between ${percent(d.min, 0)} and ${percent(d.max, 0)}`;
    outcome.textContent = `With these answers the programme is carried out as planned with a chance ${words} (drawn once per run). All “partly” gives the published 20–30% (70–80% of programmes miss their goals); the ends for all “yes” or all “no” are illustrative.`;
  };
  form.addEventListener('change', say);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = host.input() as Record<string, unknown>;
    const investment = { ...((input.investment as Record<string, unknown>) ?? {}) };
    delete investment.executionSuccess;
    investment.maturity = answers();
    host.apply({ ...input, investment } as ScenarioInput, box);
    error.textContent = '';
  });
  clear.addEventListener('click', () => {
    const input = host.input() as Record<string, unknown>;
    const investment = { ...((input.investment as Record<string, unknown>) ?? {}) };
    delete investment.maturity;
    for (const select of form.querySelectorAll('select')) select.value = 'partly';
    say();
    host.apply({ ...input, investment } as ScenarioInput, box);
  });
  say();
}

/** A go/no-go review: when, on what, below what to stop, and what happens to the effect after. */
export function stageGateCell(box: HTMLElement, host: ProgrammeHost): void {
  const form = element('form', { id: 'gate-form', class: 'decision-form' });
  const on = element('input', { type: 'checkbox', id: 'gate-on' });
  const onLabel = element('label', { for: 'gate-on', class: 'checkbox' });
  onLabel.append(on, ' Review the programme at a gate');
  const month = numberField('At the end of month', 'gate-month', '18', '');
  const measure = element('select', { id: 'gate-measure', 'aria-label': 'What is measured at the gate' });
  for (const [v, text] of [
    ['effect', 'the measured drop in bad experiences'],
    ['nps', 'the rise in NPS (points)'],
    ['roi', 'the cumulative ROI'],
  ])
    measure.append(element('option', { value: v as string }, text));
  const measureLabel = element('label', { class: 'form-field' });
  measureLabel.append('Measure ', measure);
  const threshold = numberField('Stop below', 'gate-threshold', '10', '%');
  const after = element('select', { id: 'gate-after', 'aria-label': 'After a stop' });
  for (const [v, text] of [
    ['fade', 'the effect fades over 12 months'],
    ['hold', 'the effect reached so far holds'],
  ])
    after.append(element('option', { value: v as string }, text));
  const afterLabel = element('label', { class: 'form-field' });
  afterLabel.append('After a stop ', after);
  const apply = element('button', { type: 'submit' }, 'Apply');
  const pending = element('span', { class: 'pending-note', role: 'status' });
  form.append(onLabel, month.wrap, measureLabel, threshold.wrap, afterLabel, apply, pending);
  form.addEventListener('input', () => (pending.textContent = 'Not applied yet: press Apply.'));
  form.addEventListener('submit', () => (pending.textContent = ''));
  const error = element('div', { class: 'error', role: 'alert', id: 'gate-error' });
  const hint = element('p', { class: 'hint', id: 'gate-hint' });
  box.append(form, hint, error);
  const unit = () => (measure.value === 'nps' ? 'points' : '%');
  measure.addEventListener('change', () => {
    (threshold.wrap.lastChild as ChildNode).textContent = ` ${unit()}`;
    threshold.input.value = measure.value === 'nps' ? '2' : measure.value === 'roi' ? '-95' : '10';
    hint.textContent =
      measure.value === 'roi'
        ? 'Cumulative ROI starts at −100% and rises slowly: at an early gate nearly every run is below −50%, so a threshold near −100% (or a late gate) keeps the review meaningful.'
        : '';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = host.input() as Record<string, unknown>;
    const investment = { ...((input.investment as Record<string, unknown>) ?? {}) };
    if (!on.checked) delete investment.stageGate;
    else {
      const read = entries(error, () => ({
        gateMonth: typed('The month of the gate', month.input),
        value: typed('Stop below', threshold.input),
      }));
      if (!read) return;
      const { gateMonth, value } = read;
      if (gateMonth === undefined || !Number.isInteger(gateMonth) || gateMonth < 1) {
        error.textContent = 'The month of the gate: a whole number, 1 or more, within the horizon.';
        return;
      }
      if (value === undefined) {
        error.textContent = 'Stop below: type a number.';
        return;
      }
      investment.stageGate = {
        month: gateMonth,
        measure: measure.value,
        threshold: measure.value === 'nps' ? value : value / 100,
        afterStop: after.value,
      };
    }
    host.apply({ ...input, investment } as ScenarioInput, box);
    error.textContent = '';
  });
}

/** The gate's effect in the result: how often it stops, what that saves and what it costs in NPV. */
export function stageGateWords(result: SimulationResult, currency: string): string {
  const g = result.horizon.stageGate;
  if (!g) return 'No gate: the programme runs its course in every run. Tick the box above to add a go/no-go review.';
  const change = g.npvChange;
  return (
    `At month ${g.month} the programme is stopped in ${percent(g.stoppedShare, 1)} of runs (± ${percent(g.stoppedShareStandardError, 1)} simulation error), ` +
    `saving ${money(g.savedCost, currency)} of monthly cost a run on average. Against the same runs without a gate, the NPV ${change >= 0 ? 'gains' : 'loses'} ${money(Math.abs(change), currency)} a run on average (± ${money(g.npvChangeStandardError, currency)} simulation error).`
  );
}

/** The calibration form shows the business the scenario describes (after a calibration, undo or a link). */
function syncCalibration(input: ScenarioInput): void {
  let scenario: ReturnType<typeof parseScenario>;
  let kpis: ReturnType<typeof impliedKpis>;
  try {
    scenario = parseScenario(input);
    kpis = impliedKpis(scenario);
  } catch {
    return; // an invalid input: its error is shown on its field
  }
  const set = (id: string, value: string) => {
    const e = document.querySelector<HTMLInputElement>(id);
    if (e && document.activeElement !== e) e.value = value;
  };
  // The form starts from the business the scenario holds (all its figures), or what a raw scenario implies.
  const held = scenario.business;
  const b = kpis.baseline;
  set('#cal-customers', written(held?.customers ?? Math.round(kpis.withoutProgramme.customersStart)));
  set('#cal-retention', written(Number((100 * (held?.annualRetention ?? b.annualRetention)).toFixed(1))));
  set('#cal-revenue', written(held?.averageRevenuePerCustomerMonthly ?? Number(b.revenuePerCustomerMonthly.toFixed(2))));
  set('#cal-new', held ? written(held.newCustomersMonthly) : '');
  set('#cal-bad', held?.badExperienceShareMonthly === undefined ? '' : written(Number((100 * held.badExperienceShareMonthly).toFixed(4))));
  set('#cal-nps', held?.nps === undefined ? '' : String(held.nps));
  // A message about a calibration the scenario no longer holds (after undo, a reset, a link) is taken down.
  const message = document.querySelector<HTMLElement>('#calibrate-message');
  if (message && message.dataset.business !== JSON.stringify(held ?? null)) message.textContent = '';
}

/** The maturity answers and the gate's form as the scenario has them (after undo, a link, a reset). */
export function syncProgrammeCells(input: ScenarioInput): void {
  syncCalibration(input);
  syncChannels(input);
  const investment = ((input as Record<string, unknown>).investment ?? {}) as Record<string, unknown>;
  const answers = (investment.maturity ?? {}) as Record<string, string>;
  for (const q of maturityQuestions) {
    const select = document.querySelector<HTMLSelectElement>(`#maturity-${q.id}`);
    if (select) select.value = answers[q.id] ?? 'partly';
  }
  document.querySelector<HTMLFormElement>('#maturity-form')?.dispatchEvent(new Event('change'));
  const gate = investment.stageGate as { month?: number; measure?: string; threshold?: number; afterStop?: string } | undefined;
  const on = document.querySelector<HTMLInputElement>('#gate-on');
  if (!on) return;
  on.checked = gate !== undefined;
  if (!gate) return;
  const set = (id: string, value: string) => {
    const e = document.querySelector<HTMLInputElement | HTMLSelectElement>(id);
    if (e) e.value = value;
  };
  set('#gate-month', String(gate.month ?? 18));
  set('#gate-measure', gate.measure ?? 'effect');
  set('#gate-threshold', String(gate.measure === 'nps' ? (gate.threshold ?? 0) : Number(((gate.threshold ?? 0) * 100).toPrecision(12))));
  set('#gate-after', gate.afterStop ?? 'fade');
}

/** Contact channels: the nine of article 002 (two connected), and a budget per channel that cuts its failures. */
export function channelsCell(box: HTMLElement, host: ProgrammeHost): void {
  const form = element('form', { id: 'channels-form' });
  const on = element('input', { type: 'checkbox', id: 'channels-on' });
  const onLabel = element('label', { for: 'channels-on', class: 'checkbox' });
  onLabel.append(on, ' Model contact channels (article 002’s nine; phone and email connected)');
  const setup = numberField('Set-up cost per channel', 'channels-setup', '15000', '');
  const half = numberField('Spend beyond it that halves a channel’s failures', 'channels-half', '20000', '');
  const table = element('table', { class: 'numbers channels' });
  const head = element('tr');
  for (const text of ['Channel', 'Share of contacts', 'Fails', 'Connected', 'Budget', 'Cut in its failures'])
    head.append(element('th', {}, text));
  table.createTHead().append(head);
  const body = table.createTBody();
  const names = Object.keys(defaultChannels.offered) as (keyof typeof defaultChannels.offered)[];
  const budgets = new Map<string, HTMLInputElement>();
  const cuts = new Map<string, HTMLElement>();
  for (const name of names) {
    const c = defaultChannels.offered[name];
    const row = element('tr');
    const budget = element('input', {
      type: 'text',
      inputmode: 'decimal',
      id: `channel-budget-${name}`,
      'aria-label': `Budget for ${name}`,
      value: '0',
    });
    budgets.set(name, budget);
    const cut = element('td');
    cuts.set(name, cut);
    const cell = element('td');
    cell.append(budget);
    row.append(
      element('th', {}, name),
      element('td', {}, percent(c.share, 0)),
      element('td', {}, percent(c.failure, 0)),
      element('td', {}, c.connected ? 'yes' : 'no'),
      cell,
      cut,
    );
    body.append(row);
  }
  const scroll = element('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Channels and their budgets' });
  scroll.append(table);
  const apply = element('button', { type: 'submit' }, 'Apply');
  const error = element('div', { class: 'error', role: 'alert', id: 'channels-error' });
  const pending = element('span', { class: 'pending-note', role: 'status' });
  form.append(onLabel, element('div', { class: 'decision-form' }), scroll, apply, ' ', pending);
  form.addEventListener('change', () => (pending.textContent = 'Not applied yet: press Apply.'));
  form.addEventListener('submit', () => (pending.textContent = ''));
  (form.querySelector('.decision-form') as HTMLElement).append(setup.wrap, half.wrap);
  box.append(form, error);
  // What each budget does, before applying: nothing below the set-up cost, then each half-effect spend halves failures.
  const preview = () => {
    for (const name of names) {
      try {
        const spend = typed(name, budgets.get(name) as HTMLInputElement) ?? 0;
        const { connects, cut } = improvementFromBudget(
          spend,
          typed('Set-up cost', setup.input) ?? Number.NaN,
          typed('Spend that halves failures', half.input) ?? Number.NaN,
        );
        (cuts.get(name) as HTMLElement).textContent =
          spend <= 0
            ? '–'
            : connects
              ? `${percent(cut, 0)}${defaultChannels.offered[name as keyof typeof defaultChannels.offered].connected ? '' : ', connected'}`
              : 'below set-up: none';
      } catch {
        (cuts.get(name) as HTMLElement).textContent = '?';
      }
    }
  };
  form.addEventListener('input', preview);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = { ...(host.input() as Record<string, unknown>) };
    const investment = { ...((input.investment as Record<string, unknown>) ?? {}) };
    if (!on.checked) {
      delete input.channels;
      delete investment.channels;
    } else {
      const read = entries(error, () => ({
        spends: names.map((name): [string, number] => [name, typed(`The budget for ${name}`, budgets.get(name) as HTMLInputElement) ?? 0]),
        setupCost: typed('Set-up cost', setup.input),
        halfEffectSpend: typed('Spend that halves failures', half.input),
      }));
      if (!read) return;
      const { spends, setupCost, halfEffectSpend } = read;
      const bad = spends.find(([, x]) => x < 0)?.[0];
      if (bad) {
        error.textContent = `The budget for ${bad}: type an amount of money, 0 or more.`;
        return;
      }
      const budget = Object.fromEntries(spends.filter(([, x]) => x !== 0));
      input.channels = JSON.parse(JSON.stringify(defaultChannels));
      if (Object.keys(budget).length > 0)
        investment.channels = { budget, setupCost: setupCost ?? Number.NaN, halfEffectSpend: halfEffectSpend ?? Number.NaN };
      else delete investment.channels;
    }
    error.textContent = '';
    host.apply({ ...input, investment } as ScenarioInput, box);
  });
  preview();
}

/** The channels form as the scenario has it. */
export function syncChannels(input: ScenarioInput): void {
  const on = document.querySelector<HTMLInputElement>('#channels-on');
  if (!on) return;
  const record = input as {
    channels?: unknown;
    investment?: { channels?: { budget?: Record<string, number>; setupCost?: number; halfEffectSpend?: number } };
  };
  on.checked = record.channels !== undefined;
  const invested = record.investment?.channels;
  for (const input of document.querySelectorAll<HTMLInputElement>('[id^="channel-budget-"]'))
    input.value = String(invested?.budget?.[input.id.slice('channel-budget-'.length)] ?? 0);
  if (invested?.setupCost !== undefined) (document.querySelector('#channels-setup') as HTMLInputElement).value = String(invested.setupCost);
  if (invested?.halfEffectSpend !== undefined)
    (document.querySelector('#channels-half') as HTMLInputElement).value = String(invested.halfEffectSpend);
  document.querySelector('#channels-form')?.dispatchEvent(new Event('input'));
}
