import type { RunResult } from '../model/run.js';
import type { RunTrace } from '../model/trace.js';
import { ScenarioError } from '../scenario/error.js';
import { type MetricColumn, traceColumns } from './metrics.js';

/**
 * The last guard before a figure reaches a user: every figure of a run must
 * be a finite number. The model and the scenario's limits are built so that
 * this never fires; if it does, it names the figure, the run and its draws
 * rather than let a NaN pass into the bands as a number.
 * @throws {@link ScenarioError} naming the figure.
 */
export function checkFinite(run: RunResult, trace: RunTrace, months: number): void {
  if (allFinite(run, trace, months)) return;
  // One figure per run, then one value a month: the first that is not finite is the one named.
  const once: [string, number][] = [
    ['roi', run.roi],
    ['npv', run.npv],
    ...Object.entries(run.levers).map(([lever, x]): [string, number] => [`levers.${lever}`, x]),
    ['terminalValue', run.terminalValue ?? 0],
    ['gate.measured', run.gate?.measured ?? 0],
    ['gate.savedCost', run.gate?.savedCost ?? 0],
    ['gate.npvWithoutGate', run.gate?.npvWithoutGate ?? 0],
  ];
  const monthly = Object.entries(traceColumns(trace));
  const fail = (where: string, value: number): never => {
    const draws = Object.entries(run.parameters)
      .map(([path, x]) => `${path} ${x}`)
      .join(', ');
    throw new ScenarioError([{ path: where, value, message: `is not a finite number; the run drew ${draws}` }]);
  };
  for (const [name, x] of once) if (!Number.isFinite(x)) fail(`runs[${run.run}].${name}`, x);
  for (const [name, values] of monthly)
    for (let t = 0; t < months; t += 1)
      if (!Number.isFinite(values[t] as number)) fail(`runs[${run.run}], month ${t + 1}: ${name}`, values[t] as number);
}

/**
 * Whether every figure checkFinite checks is finite: the common case, checked
 * without building its named lists for each run (when not, checkFinite looks
 * for the first). A figure added to checkFinite must be added here too.
 */
function allFinite(run: RunResult, trace: RunTrace, months: number): boolean {
  const { levers: l, gate } = run;
  if (!(Number.isFinite(run.roi) && Number.isFinite(run.npv))) return false;
  if (
    !(
      Number.isFinite(l.retention) &&
      Number.isFinite(l.spend) &&
      Number.isFinite(l.positiveWordOfMouth) &&
      Number.isFinite(l.negativeWordOfMouth) &&
      Number.isFinite(l.cost)
    )
  )
    return false;
  if (run.terminalValue !== null && !Number.isFinite(run.terminalValue)) return false;
  if (gate && !(Number.isFinite(gate.measured) && Number.isFinite(gate.savedCost) && Number.isFinite(gate.npvWithoutGate))) return false;
  const { customers: c, revenue: r, margin: m, promoters: p, detractors: d } = trace;
  const finite = (values: MetricColumn): boolean => {
    for (let t = 0; t < months; t += 1) if (!Number.isFinite(values[t] as number)) return false;
    return true;
  };
  return (
    finite(trace.roi) &&
    finite(c.baseline) &&
    finite(c.invested) &&
    finite(r.baseline) &&
    finite(r.invested) &&
    finite(m.baseline) &&
    finite(m.invested) &&
    finite(p.baseline) &&
    finite(p.invested) &&
    finite(d.baseline) &&
    finite(d.invested)
  );
}
