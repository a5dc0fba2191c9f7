// The "Make it your business" cell: calibrate the scenario to the figures a company knows, and keep its form in step.
import { count, percent } from '../../src/format/numbers';
import { plainMessage } from '../assumptions-panel';
import { writtenNumber as written } from '../number-style-setting';
import { type ObservedBusiness, ScenarioError, type ScenarioInput, calibrate, impliedKpis, parseScenario } from 'cx-roi';
import { type ProgrammeHost, element, entries, numberField, typed } from './host';
import { holdingBusiness } from './scenario-input';
import { pathsInWords } from '../labels';

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
      // The form starts from the business the scenario holds: its new customers a month may not suit the reader's own
      // base, and a blank box keeps the base steady instead.
      const fromHeld = fields.newCustomersMonthly.input.value.trim() !== '';
      error.textContent = `These figures cannot be matched: ${pathsInWords(calibrationWords(problem))}${fromHeld ? ' If “New customers a month” was not one of your figures, empty it: the base is then kept steady.' : ''}`;
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

/** The calibration form shows the business the scenario describes (after a calibration, undo or a link). */
export function syncCalibration(input: ScenarioInput): void {
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
