// The stage gate cell: a go/no-go review of the programme, and the words for what it did in the result.
import { money, percent } from '../../src/format/numbers';
import type { ScenarioInput, SimulationResult } from 'cx-roi';
import { type ProgrammeHost, element, entries, numberField, typed } from './host';

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
