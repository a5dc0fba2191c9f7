/** Month-by-month values of one run, index `t − 1` for month `t`. */
export interface RunTrace {
  readonly roi: Float64Array;
  /** Cumulative NPV up to the month's end (currency, discounted). */
  readonly npv: Float64Array;
  readonly customers: { readonly baseline: Float64Array; readonly invested: Float64Array };
  readonly revenue: { readonly baseline: Float64Array; readonly invested: Float64Array };
  readonly margin: { readonly baseline: Float64Array; readonly invested: Float64Array };
  /** Share of customers who are promoters and detractors in an NPS survey of the month (single precision: shares). */
  readonly promoters: { readonly baseline: Float32Array; readonly invested: Float32Array };
  readonly detractors: { readonly baseline: Float32Array; readonly invested: Float32Array };
}

/** Buffers for a run's months, reusable from one run to the next. */
export function createTrace(horizonMonths: number): RunTrace {
  const arms = () => ({ baseline: new Float64Array(horizonMonths), invested: new Float64Array(horizonMonths) });
  const shares = () => ({ baseline: new Float32Array(horizonMonths), invested: new Float32Array(horizonMonths) });
  return {
    roi: new Float64Array(horizonMonths),
    npv: new Float64Array(horizonMonths),
    customers: arms(),
    revenue: arms(),
    margin: arms(),
    promoters: shares(),
    detractors: shares(),
  };
}
