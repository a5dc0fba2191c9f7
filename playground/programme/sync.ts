// Brings every programme cell's form in step with the scenario input (after undo, a link, a reset).
import { type ScenarioInput, maturityQuestions } from 'cx-roi';
import { syncCalibration } from './calibration';
import { syncChannels } from './channels';

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
