import type { RunTrace } from '../model/trace.js';

/** The month-by-month figures kept for every run: seven in double precision, four NPS shares in single. */
export const monthlyMetrics = [
  'roi',
  'customersBaseline',
  'customersInvested',
  'revenueBaseline',
  'revenueInvested',
  'marginBaseline',
  'marginInvested',
  'promotersBaseline',
  'promotersInvested',
  'detractorsBaseline',
  'detractorsInvested',
] as const;

/** One of the figures kept per run and month. */
export type MonthlyMetric = (typeof monthlyMetrics)[number];

/**
 * The figures kept in single precision: survey shares, where 7 significant
 * digits are far finer than any survey, and which would otherwise add half
 * again to a large simulation's memory.
 */
export const singlePrecisionMetrics: ReadonlySet<MonthlyMetric> = new Set([
  'promotersBaseline',
  'promotersInvested',
  'detractorsBaseline',
  'detractorsInvested',
]);

/** A month-major column of one figure: double precision, or single for the NPS shares. */
export type MetricColumn = Float64Array | Float32Array;

/** A run's trace, figure by figure, under the names of the kept figures. */
export function traceColumns(trace: RunTrace): Record<MonthlyMetric, MetricColumn> {
  const { customers: c, revenue: r, margin: m, promoters: p, detractors: d } = trace;
  return {
    roi: trace.roi,
    customersBaseline: c.baseline,
    customersInvested: c.invested,
    revenueBaseline: r.baseline,
    revenueInvested: r.invested,
    marginBaseline: m.baseline,
    marginInvested: m.invested,
    promotersBaseline: p.baseline,
    promotersInvested: p.invested,
    detractorsBaseline: d.baseline,
    detractorsInvested: d.invested,
  };
}
