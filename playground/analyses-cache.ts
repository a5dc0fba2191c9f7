/**
 * Where the page keeps each result's run-by-run analyses, and which runs
 * they read: no computation here (that is analyses.ts, loaded with the
 * charts and in the analyses worker), so the page's main script stays small.
 */
import type { RoiDriver, RunResult, Sensitivity, SimulationResult, ValueOfInformation } from 'cx-roi';

/**
 * Most runs these analyses read, so a big result does not hold up the page:
 * the first ones, which are exactly the runs a simulation of that many with
 * the same seed would give (run i depends only on the seed and i).
 */
export const decisionRunCap = 5000;

/** What the analyses read of a result: its scenario, seed, run count and first runs. */
export type RunsOf = Pick<SimulationResult, 'scenario' | 'seed' | 'runCount' | 'runs'>;

export function firstRuns<R extends RunsOf>(result: R): R {
  const runs = result.runs;
  return runs && runs.length > decisionRunCap ? { ...result, runs: runs.slice(0, decisionRunCap), runCount: decisionRunCap } : result;
}

/**
 * Kept runs as typed arrays, to post to the analyses worker: a structured clone of thousands of run objects
 * (each with its draws and its monthly NPV) blocks the page for 100 ms and more; typed arrays are handed over
 * whole. `unpackRuns` gives back the same runs, value for value (null as NaN: no kept figure is ever NaN).
 */
export interface PackedRuns extends Omit<RunsOf, 'runs'> {
  readonly names: readonly string[];
  readonly months: number;
  readonly count: number;
  readonly figures: Float64Array;
  readonly parameters: Float64Array;
  readonly npvByMonth: Float64Array | null;
  readonly withGate: boolean;
}

/** Figures a run carries once, in this order. */
const fixed = 19;

export function packRuns(result: RunsOf): { packed: PackedRuns; transfer: ArrayBuffer[] } {
  const runs = result.runs ?? [];
  const first = runs[0];
  const names = first ? Object.keys(first.parameters) : [];
  const months = first?.npvByMonth?.length ?? 0;
  const figures = new Float64Array(runs.length * fixed);
  const parameters = new Float64Array(runs.length * names.length);
  const npvByMonth = months > 0 ? new Float64Array(runs.length * months) : null;
  const nullable = (x: number | null | undefined) => (x === null || x === undefined ? Number.NaN : x);
  runs.forEach((r, i) => {
    const g = r.gate;
    figures.set(
      [
        r.run,
        r.roi,
        r.npv,
        nullable(r.paybackMonth),
        r.customers.baseline,
        r.customers.invested,
        r.executed ? 1 : 0,
        r.levers.retention,
        r.levers.spend,
        r.levers.positiveWordOfMouth,
        r.levers.negativeWordOfMouth,
        r.levers.cost,
        nullable(r.terminalValue),
        nullable(g?.stoppedMonth),
        nullable(g?.measured),
        nullable(g?.savedCost),
        nullable(g?.npvWithoutGate),
        0,
        0,
      ],
      i * fixed,
    );
    for (let j = 0; j < names.length; j += 1) parameters[i * names.length + j] = r.parameters[names[j] as string] as number;
    if (npvByMonth && r.npvByMonth) npvByMonth.set(r.npvByMonth, i * months);
  });
  const packed: PackedRuns = {
    scenario: result.scenario,
    seed: result.seed,
    runCount: result.runCount,
    names,
    months,
    count: runs.length,
    figures,
    parameters,
    npvByMonth,
    withGate: runs.some((r) => r.gate !== null),
  };
  return { packed, transfer: [figures.buffer, parameters.buffer, ...(npvByMonth ? [npvByMonth.buffer] : [])] as ArrayBuffer[] };
}

/** The runs of {@link packRuns}, as run objects again. */
export function unpackRuns(p: PackedRuns): RunsOf {
  const nullable = (x: number) => (Number.isNaN(x) ? null : x);
  const runs: RunResult[] = [];
  for (let i = 0; i < p.count; i += 1) {
    const f = (k: number) => p.figures[i * fixed + k] as number;
    const parameters: Record<string, number> = {};
    p.names.forEach((name, j) => {
      parameters[name] = p.parameters[i * p.names.length + j] as number;
    });
    runs.push({
      run: f(0),
      roi: f(1),
      npv: f(2),
      paybackMonth: nullable(f(3)),
      customers: { baseline: f(4), invested: f(5) },
      executed: f(6) === 1,
      parameters,
      ...(p.npvByMonth ? { npvByMonth: Array.from(p.npvByMonth.subarray(i * p.months, (i + 1) * p.months)) } : {}),
      levers: { retention: f(7), spend: f(8), positiveWordOfMouth: f(9), negativeWordOfMouth: f(10), cost: f(11) },
      terminalValue: nullable(f(12)),
      gate: p.withGate ? { stoppedMonth: nullable(f(13)), measured: f(14), savedCost: f(15), npvWithoutGate: f(16) } : null,
    });
  }
  return { scenario: p.scenario, seed: p.seed, runCount: p.runCount, runs };
}

export interface Analyses {
  readonly drivers: readonly RoiDriver[];
  readonly sensitivity: Sensitivity;
  readonly valueOfInformation: ValueOfInformation;
}

const cache = new WeakMap<object, Analyses>();

/** Whether a result's analyses are at hand. */
export function analysesKnown(result: object): boolean {
  return cache.has(result);
}

/** A result's analyses, if at hand. */
export function knownAnalyses(result: object): Analyses | undefined {
  return cache.get(result);
}

/** Records analyses computed elsewhere (in a worker) for a result. */
export function rememberAnalyses(result: object, analyses: Analyses): void {
  cache.set(result, analyses);
}
