import type { Seed } from '../random/stream.js';
import { recordedParameterNames } from '../scenario/assumptions.js';
import { type RunResult, simulateRun } from '../model/run.js';
import { type RunTrace, createTrace } from '../model/trace.js';
import { checkFinite } from './finite.js';
import { type MetricColumn, type MonthlyMetric, monthlyMetrics, singlePrecisionMetrics, traceColumns } from './metrics.js';
import type { Scenario } from '../scenario/schema.js';

/** Each run's figures at the horizon, one typed array per figure (index: run − first). */
export interface HorizonColumns {
  readonly roi: Float64Array;
  readonly npv: Float64Array;
  /** Payback month, 0 when the run never pays back. */
  readonly paybackMonth: Int32Array;
  readonly customersBaseline: Float64Array;
  readonly customersInvested: Float64Array;
  /** 1 when the programme was carried out as planned. */
  readonly executed: Uint8Array;
  /** The run's NPV by lever (see `Levers`). */
  readonly leverRetention: Float64Array;
  readonly leverSpend: Float64Array;
  readonly leverPositiveWordOfMouth: Float64Array;
  readonly leverNegativeWordOfMouth: Float64Array;
  readonly leverCost: Float64Array;
  /** The run's terminal value (0 when `valuation.terminalValue` is `"none"`). */
  readonly terminalValue: Float64Array;
  /** The month a stage gate stopped the programme, 0 if it did not (or there is no gate). */
  readonly stoppedMonth: Int32Array;
  /** Discounted monthly cost a stop saved (0 if not stopped). */
  readonly savedCost: Float64Array;
  /** The run's NPV without the gate (equal to `npv` unless stopped). */
  readonly npvWithoutGate: Float64Array;
  /** The measure at the gate (0 without a gate). */
  readonly gateMeasured: Float64Array;
}

/**
 * Runs `first .. first + count − 1` of a simulation, as typed arrays (cheap to
 * keep, and to move between threads without copying): each monthly figure as
 * a month-major matrix (month `t`'s values for all runs are contiguous at
 * `[(t − 1) · count, t · count)`, ready to summarise), the horizon figures,
 * and, when kept, every run's drawn assumptions (`count × parameterNames.length`).
 */
export interface RunMatrix {
  readonly first: number;
  readonly count: number;
  readonly months: number;
  /** Every monthly figure, whole; empty when the block was simulated into `pieces`. */
  readonly values: Readonly<Record<MonthlyMetric, MetricColumn>>;
  /** The monthly figures cut as asked (`simulateRange`'s `pieces`), month-major within each piece. */
  readonly pieces?: readonly MetricColumn[];
  /** How many runs of the block have paid back (cumulative ROI ≥ 0) by each month. */
  readonly paidBackCounts: Int32Array;
  readonly horizon: HorizonColumns;
  readonly parameterNames: readonly string[];
  readonly parameters: Float64Array | null;
  /** Each run's cumulative NPV by month, run-major (`count × months`), kept with the parameters. */
  readonly npvByMonth: Float64Array | null;
}

/** Zeroed horizon columns for `count` runs. */
function emptyHorizon(count: number): HorizonColumns {
  return {
    roi: new Float64Array(count),
    npv: new Float64Array(count),
    paybackMonth: new Int32Array(count),
    customersBaseline: new Float64Array(count),
    customersInvested: new Float64Array(count),
    executed: new Uint8Array(count),
    leverRetention: new Float64Array(count),
    leverSpend: new Float64Array(count),
    leverPositiveWordOfMouth: new Float64Array(count),
    leverNegativeWordOfMouth: new Float64Array(count),
    leverCost: new Float64Array(count),
    terminalValue: new Float64Array(count),
    stoppedMonth: new Int32Array(count),
    savedCost: new Float64Array(count),
    npvWithoutGate: new Float64Array(count),
    gateMeasured: new Float64Array(count),
  };
}

/** The names of the horizon columns, for checking a block that crossed from a worker. */
export const horizonColumnNames = Object.keys(emptyHorizon(0)) as readonly (keyof HorizonColumns)[];

/** How many runs' traces are kept before their months are written into the columns. */
const traceRing = 16;

/** Months `[from, to)` of one kept figure: a piece of a block's monthly figures. */
export interface MonthPiece {
  readonly metric: MonthlyMetric;
  readonly from: number;
  readonly to: number;
}

/** A column of `size` values of a figure, in its precision. */
function column(metric: MonthlyMetric, size: number): MetricColumn {
  return singlePrecisionMetrics.has(metric) ? new Float32Array(size) : new Float64Array(size);
}

/** An empty matrix for `count` runs from `first` (its monthly figures unallocated with `withValues` false). */
export function createMatrix(scenario: Scenario, first: number, count: number, keepParameters: boolean, withValues = true): RunMatrix {
  const months = scenario.horizonMonths;
  const parameterNames = recordedParameterNames(scenario);
  return {
    first,
    count,
    months,
    values: !withValues
      ? ({} as Record<MonthlyMetric, MetricColumn>)
      : (Object.fromEntries(monthlyMetrics.map((m) => [m, column(m, months * count)])) as Record<MonthlyMetric, MetricColumn>),
    horizon: emptyHorizon(count),
    parameterNames,
    parameters: keepParameters ? new Float64Array(count * parameterNames.length) : null,
    npvByMonth: keepParameters ? new Float64Array(count * months) : null,
    paidBackCounts: new Int32Array(months),
  };
}

/**
 * Simulates a contiguous block of runs. Run `i` depends only on (seed, i), so
 * blocks can be computed anywhere, in any order, and put side by side.
 *
 * @param pieces - When given, the monthly figures are written straight into
 *   these pieces (returned as `pieces`) instead of
 *   whole columns: a parallel simulation hands each piece to the worker that
 *   summarises it, and no block is ever held twice.
 */
export function simulateRange(
  scenario: Scenario,
  seed: Seed,
  first: number,
  count: number,
  keepParameters: boolean,
  onRun?: (done: number) => void,
  pieces?: readonly MonthPiece[],
): RunMatrix {
  const matrix = createMatrix(scenario, first, count, keepParameters, !pieces);
  const { months, values, horizon, parameters, parameterNames, paidBackCounts, npvByMonth } = matrix;
  // Runs are traced into a ring of buffers and written out a ring at a time: month by month, the ring's runs are
  // side by side in a column, so the writes fill whole cache lines instead of one number each a run's length apart.
  const traces = Array.from({ length: Math.min(count, traceRing) }, () => createTrace(months));
  const sources = traces.map(traceColumns);
  // Where each run's months go: whole columns, or the pieces asked for.
  const cut = pieces?.map(({ metric, from, to }) => ({ metric, from, to, target: column(metric, (to - from) * count) }));
  const writes = cut ?? monthlyMetrics.map((metric) => ({ metric, from: 0, to: months, target: values[metric] }));
  const rings = writes.map(({ metric }) => sources.map((source) => source[metric]));
  const flush = (start: number, end: number) => {
    writes.forEach(({ from, to, target }, w) => {
      const ring = rings[w] as MetricColumn[];
      for (let t = from; t < to; t += 1) {
        const at = (t - from) * count + start;
        for (let r = 0; r < end - start; r += 1) target[at + r] = (ring[r] as MetricColumn)[t] as number;
      }
    });
  };
  for (let i = 0; i < count; i += 1) {
    const slot = i % traceRing;
    const trace = traces[slot] as RunTrace;
    const run = simulateRun(scenario, seed, first + i, trace);
    checkFinite(run, trace, months);
    if (slot === traceRing - 1 || i === count - 1) flush(i - slot, i + 1);
    for (let t = 0; t < months; t += 1) if ((trace.roi[t] as number) >= 0) paidBackCounts[t] = (paidBackCounts[t] as number) + 1;
    horizon.roi[i] = run.roi;
    horizon.npv[i] = run.npv;
    horizon.paybackMonth[i] = run.paybackMonth ?? 0;
    horizon.customersBaseline[i] = run.customers.baseline;
    horizon.customersInvested[i] = run.customers.invested;
    horizon.executed[i] = run.executed ? 1 : 0;
    horizon.leverRetention[i] = run.levers.retention;
    horizon.leverSpend[i] = run.levers.spend;
    horizon.leverPositiveWordOfMouth[i] = run.levers.positiveWordOfMouth;
    horizon.leverNegativeWordOfMouth[i] = run.levers.negativeWordOfMouth;
    horizon.leverCost[i] = run.levers.cost;
    horizon.terminalValue[i] = run.terminalValue ?? 0;
    horizon.stoppedMonth[i] = run.gate?.stoppedMonth ?? 0;
    horizon.savedCost[i] = run.gate?.savedCost ?? 0;
    horizon.npvWithoutGate[i] = run.gate?.npvWithoutGate ?? run.npv;
    horizon.gateMeasured[i] = run.gate?.measured ?? 0;
    if (parameters)
      parameterNames.forEach((name, j) => {
        parameters[i * parameterNames.length + j] = run.parameters[name] as number;
      });
    npvByMonth?.set(trace.npv, i * months);
    onRun?.(i + 1);
  }
  return cut ? { ...matrix, pieces: cut.map((piece) => piece.target) } : matrix;
}

/** The per-run parts of a simulation put together from its blocks: horizon figures and drawn parameters. */
// A RunMatrix without its monthly figures: a per-run part added to RunMatrix is one joinRuns must join too.
export type JoinedRuns = Omit<RunMatrix, 'first' | 'months' | 'values' | 'pieces' | 'paidBackCounts'>;

/**
 * Checks that blocks cover runs `0 .. total − 1` exactly once, and returns
 * them ordered by first run.
 */
export function orderBlocks(blocks: readonly RunMatrix[], total: number): RunMatrix[] {
  const ordered = [...blocks].sort((a, b) => a.first - b.first);
  let next = 0;
  for (const block of ordered) {
    if (block.first !== next)
      throw new Error(
        `blocks must cover runs 0..${total - 1} once: run ${Math.min(next, block.first)} is ${block.first > next ? 'missing' : 'repeated'}`,
      );
    next += block.count;
  }
  if (next !== total) throw new Error(`blocks cover ${next} runs, not ${total}`);
  return ordered;
}

/** The horizon figures and parameters of ordered blocks, side by side (small: one value per run). */
export function joinRuns(ordered: readonly RunMatrix[], total: number): JoinedRuns {
  const first = ordered[0];
  if (ordered.length === 1 && first) return first;
  const parameterNames = first?.parameterNames ?? [];
  const keep = ordered.length > 0 && ordered.every((b) => b.parameters !== null);
  const horizon = emptyHorizon(total);
  const parameters = keep ? new Float64Array(total * parameterNames.length) : null;
  const months = first?.months ?? 0;
  const npvByMonth = keep ? new Float64Array(total * months) : null;
  for (const block of ordered) {
    for (const key of Object.keys(horizon) as (keyof HorizonColumns)[]) horizon[key].set(block.horizon[key], block.first);
    if (parameters && block.parameters) parameters.set(block.parameters, block.first * parameterNames.length);
    if (npvByMonth && block.npvByMonth) npvByMonth.set(block.npvByMonth, block.first * months);
  }
  return { count: total, horizon, parameterNames, parameters, npvByMonth };
}

/**
 * The runs as objects (for `keepRuns`); `withTerminalValue` when the scenario
 * values the horizon's customer gap, `withGate` when it has a stage gate;
 * runs `from` to `to − 1` only, when given (a page builds them a slice a task).
 */
export function runResults(runs: JoinedRuns, withTerminalValue: boolean, withGate = false, from = 0, to = runs.count): RunResult[] {
  const { horizon: h, parameters, parameterNames, npvByMonth } = runs;
  const months = npvByMonth ? npvByMonth.length / runs.count : 0;
  const names = parameterNames.length;
  // Plain loops, not Object.fromEntries or Array.from(subarray) (an iterator a value): this runs on a page's
  // main thread for every kept run, and these were most of its time.
  const drawn = (i: number): Record<string, number> => {
    const values: Record<string, number> = {};
    for (let j = 0; j < names; j += 1)
      values[parameterNames[j] as string] = parameters ? (parameters[i * names + j] as number) : Number.NaN;
    return values;
  };
  const monthly = (source: Float64Array, i: number): number[] => {
    const values = new Array<number>(months);
    for (let k = 0, at = i * months; k < months; k += 1) values[k] = source[at + k] as number;
    return values;
  };
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    return {
      run: i,
      roi: h.roi[i] as number,
      npv: h.npv[i] as number,
      paybackMonth: h.paybackMonth[i] === 0 ? null : (h.paybackMonth[i] as number),
      customers: { baseline: h.customersBaseline[i] as number, invested: h.customersInvested[i] as number },
      executed: h.executed[i] === 1,
      parameters: drawn(i),
      ...(npvByMonth ? { npvByMonth: monthly(npvByMonth, i) } : {}),
      levers: {
        retention: h.leverRetention[i] as number,
        spend: h.leverSpend[i] as number,
        positiveWordOfMouth: h.leverPositiveWordOfMouth[i] as number,
        negativeWordOfMouth: h.leverNegativeWordOfMouth[i] as number,
        cost: h.leverCost[i] as number,
      },
      terminalValue: withTerminalValue ? (h.terminalValue[i] as number) : null,
      gate: withGate
        ? {
            stoppedMonth: h.stoppedMonth[i] === 0 ? null : (h.stoppedMonth[i] as number),
            measured: h.gateMeasured[i] as number,
            savedCost: h.savedCost[i] as number,
            npvWithoutGate: h.npvWithoutGate[i] as number,
          }
        : null,
    };
  });
}
