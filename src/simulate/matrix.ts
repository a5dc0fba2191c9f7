import type { Seed } from '../random/stream.js';
import { type RunResult, createTrace, simulateRun } from '../model/run.js';
import type { Scenario } from '../scenario/schema.js';

/** The seven month-by-month figures kept for every run. */
export const monthlyMetrics = [
  'roi',
  'customersBaseline',
  'customersInvested',
  'revenueBaseline',
  'revenueInvested',
  'marginBaseline',
  'marginInvested',
] as const;

/** One of the figures kept per run and month. */
export type MonthlyMetric = (typeof monthlyMetrics)[number];

/**
 * Runs `first .. first + count − 1` of a simulation: their horizon figures,
 * and each monthly figure as a month-major matrix (month `t`'s values for all
 * runs are contiguous at `[(t − 1) · count, t · count)`), ready to sort.
 */
export interface RunMatrix {
  readonly first: number;
  readonly count: number;
  readonly months: number;
  readonly values: Readonly<Record<MonthlyMetric, Float64Array>>;
  readonly results: readonly RunResult[];
}

/**
 * Simulates a contiguous block of runs. Run `i` depends only on (seed, i), so
 * blocks can be computed anywhere, in any order, and put side by side.
 */
export function simulateRange(
  scenario: Scenario,
  seed: Seed,
  first: number,
  count: number,
  onRun?: (done: number) => void,
): RunMatrix {
  const months = scenario.horizonMonths;
  const values = Object.fromEntries(monthlyMetrics.map((m) => [m, new Float64Array(months * count)])) as Record<MonthlyMetric, Float64Array>;
  const trace = createTrace(months);
  const pairs: [Float64Array, Float64Array][] = [
    [trace.roi, values.roi],
    [trace.customers.baseline, values.customersBaseline],
    [trace.customers.invested, values.customersInvested],
    [trace.revenue.baseline, values.revenueBaseline],
    [trace.revenue.invested, values.revenueInvested],
    [trace.margin.baseline, values.marginBaseline],
    [trace.margin.invested, values.marginInvested],
  ];
  const results: RunResult[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    results[i] = simulateRun(scenario, seed, first + i, trace);
    for (const [from, to] of pairs) for (let t = 0; t < months; t += 1) to[t * count + i] = from[t] as number;
    onRun?.(i + 1);
  }
  return { first, count, months, values, results };
}
