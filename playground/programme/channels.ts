// The contact channels cell: article 002's channels and a budget per channel, and its form kept in step with the scenario.
import { percent } from '../../src/format/numbers';
import { type ScenarioInput, defaultChannels, improvementFromBudget } from 'cx-roi';
import { type ProgrammeHost, element, entries, numberField, typed } from './host';

type ChannelName = keyof typeof defaultChannels.offered;

/** The channels form's parts that its handlers read and write. */
interface ChannelsForm {
  readonly form: HTMLFormElement;
  readonly on: HTMLInputElement;
  readonly setup: { wrap: HTMLLabelElement; input: HTMLInputElement };
  readonly half: { wrap: HTMLLabelElement; input: HTMLInputElement };
  readonly names: readonly ChannelName[];
  /** Each channel's budget box, and the cell that says what its budget cuts. */
  readonly budgets: Map<string, HTMLInputElement>;
  readonly cuts: Map<string, HTMLElement>;
  readonly error: HTMLElement;
}

/** The table of channels, a row each with its budget box, in its scrolling region. */
function channelsTable(names: readonly ChannelName[], budgets: Map<string, HTMLInputElement>, cuts: Map<string, HTMLElement>): HTMLElement {
  const table = element('table', { class: 'numbers channels' });
  const head = element('tr');
  for (const text of ['Channel', 'Share of contacts', 'Fails', 'Connected', 'Budget', 'Cut in its failures'])
    head.append(element('th', {}, text));
  table.createTHead().append(head);
  const body = table.createTBody();
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
  return scroll;
}

/** The form (on or off, set-up cost, half-effect spend, the table, Apply), which notes a change not yet applied. */
function channelsForm(): ChannelsForm {
  const form = element('form', { id: 'channels-form' });
  const on = element('input', { type: 'checkbox', id: 'channels-on' });
  const onLabel = element('label', { for: 'channels-on', class: 'checkbox' });
  onLabel.append(on, ' Model contact channels (article 002’s nine; phone and email connected)');
  const setup = numberField('Set-up cost per channel', 'channels-setup', '15000', '');
  const half = numberField('Spend beyond it that halves a channel’s failures', 'channels-half', '20000', '');
  const names = Object.keys(defaultChannels.offered) as ChannelName[];
  const budgets = new Map<string, HTMLInputElement>();
  const cuts = new Map<string, HTMLElement>();
  const scroll = channelsTable(names, budgets, cuts);
  const apply = element('button', { type: 'submit' }, 'Apply');
  const error = element('div', { class: 'error', role: 'alert', id: 'channels-error' });
  const pending = element('span', { class: 'pending-note', role: 'status' });
  form.append(onLabel, element('div', { class: 'decision-form' }), scroll, apply, ' ', pending);
  form.addEventListener('change', () => (pending.textContent = 'Not applied yet: press Apply.'));
  form.addEventListener('submit', () => (pending.textContent = ''));
  (form.querySelector('.decision-form') as HTMLElement).append(setup.wrap, half.wrap);
  return { form, on, setup, half, names, budgets, cuts, error };
}

// What each budget does, before applying: nothing below the set-up cost, then each half-effect spend halves failures.
function previewCuts(f: ChannelsForm): void {
  for (const name of f.names) {
    try {
      const spend = typed(name, f.budgets.get(name) as HTMLInputElement) ?? 0;
      const { connects, cut } = improvementFromBudget(
        spend,
        typed('Set-up cost', f.setup.input) ?? Number.NaN,
        typed('Spend that halves failures', f.half.input) ?? Number.NaN,
      );
      (f.cuts.get(name) as HTMLElement).textContent =
        spend <= 0
          ? '–'
          : connects
            ? `${percent(cut, 0)}${defaultChannels.offered[name].connected ? '' : ', connected'}`
            : 'below set-up: none';
    } catch {
      (f.cuts.get(name) as HTMLElement).textContent = '?';
    }
  }
}

/** The budgets typed (the channels without one left out) and the two costs; null, said in the form's error, when one cannot be used. */
function readBudgets(f: ChannelsForm) {
  const read = entries(f.error, () => ({
    spends: f.names.map((name): [string, number] => [name, typed(`The budget for ${name}`, f.budgets.get(name) as HTMLInputElement) ?? 0]),
    setupCost: typed('Set-up cost', f.setup.input),
    halfEffectSpend: typed('Spend that halves failures', f.half.input),
  }));
  if (!read) return null;
  const { spends, setupCost, halfEffectSpend } = read;
  const bad = spends.find(([, x]) => x < 0)?.[0];
  if (bad) {
    f.error.textContent = `The budget for ${bad}: type an amount of money, 0 or more.`;
    return null;
  }
  return { budget: Object.fromEntries(spends.filter(([, x]) => x !== 0)), setupCost, halfEffectSpend };
}

/** Apply: the scenario with the channels on (and their budgets) or off, handed to the page. */
function applyChannels(f: ChannelsForm, host: ProgrammeHost, box: HTMLElement): void {
  const input = { ...(host.input() as Record<string, unknown>) };
  const investment = { ...((input.investment as Record<string, unknown>) ?? {}) };
  if (!f.on.checked) {
    delete input.channels;
    delete investment.channels;
  } else {
    const read = readBudgets(f);
    if (!read) return;
    const { budget, setupCost, halfEffectSpend } = read;
    input.channels = JSON.parse(JSON.stringify(defaultChannels));
    if (Object.keys(budget).length > 0)
      investment.channels = { budget, setupCost: setupCost ?? Number.NaN, halfEffectSpend: halfEffectSpend ?? Number.NaN };
    else delete investment.channels;
  }
  f.error.textContent = '';
  host.apply({ ...input, investment } as ScenarioInput, box);
}

/** Contact channels: the nine of article 002 (two connected), and a budget per channel that cuts its failures. */
export function channelsCell(box: HTMLElement, host: ProgrammeHost): void {
  const f = channelsForm();
  box.append(f.form, f.error);
  const preview = () => previewCuts(f);
  f.form.addEventListener('input', preview);
  f.form.addEventListener('submit', (event) => {
    event.preventDefault();
    applyChannels(f, host, box);
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
