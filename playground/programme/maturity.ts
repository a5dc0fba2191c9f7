// The maturity questionnaire cell: nine questions that set the chance of carrying the programme out.
import { percent } from '../../src/format/numbers';
import { type MaturityAnswer, type MaturityAnswers, type ScenarioInput, executionSuccessFromMaturity, maturityQuestions } from 'cx-roi';
import { type ProgrammeHost, element } from './host';

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
