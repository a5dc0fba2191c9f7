import type { Seed } from '../random/stream.js';
import { ScenarioError } from '../scenario/error.js';
import { type Scenario, minimumProgrammeCost } from '../scenario/schema.js';
import { type DrawnValues, drawValues } from './draw.js';
import { type MonthOutcome, emptyOutcome, simulateMonth } from './month.js';
import { type RunParameters, runParameters } from './parameters.js';
import { armStreams, modelStreams } from './streams.js';

/** One run's figures at the horizon, and what it drew. */
export interface RunResult {
  /** The run's index: its draws depend only on (seed, run). */
  readonly run: number;
  /** ROI at the horizon: (discounted incremental margin − discounted cost) ÷ discounted cost. */
  readonly roi: number;
  /** Net present value at the horizon: discounted incremental margin − discounted cost. */
  readonly npv: number;
  /** First month whose cumulative ROI is ≥ 0, or `null` if none within the horizon. */
  readonly paybackMonth: number | null;
  /** Active customers at the horizon in each arm. */
  readonly customers: { readonly baseline: number; readonly invested: number };
  /** Whether the programme was carried out as planned in this run (else it delivers `missedEffectShare`). */
  readonly executed: boolean;
  /** Every assumption's value in this run, by dotted path. */
  readonly parameters: DrawnValues;
}

/** Month-by-month values of one run, index `t − 1` for month `t`. */
export interface RunTrace {
  readonly roi: Float64Array;
  readonly customers: { readonly baseline: Float64Array; readonly invested: Float64Array };
  readonly revenue: { readonly baseline: Float64Array; readonly invested: Float64Array };
  readonly margin: { readonly baseline: Float64Array; readonly invested: Float64Array };
}

/** Buffers for a run's months, reusable from one run to the next. */
export function createTrace(horizonMonths: number): RunTrace {
  const arms = () => ({ baseline: new Float64Array(horizonMonths), invested: new Float64Array(horizonMonths) });
  return { roi: new Float64Array(horizonMonths), customers: arms(), revenue: arms(), margin: arms() };
}

/** Called after each month with both arms' outcomes (for tests and tracing; the copies are reused). */
export type MonthObserver = (month: number, baseline: Readonly<MonthOutcome>, invested: Readonly<MonthOutcome>) => void;

/**
 * The programme's relative cut in pBad in month `month`: it grows linearly
 * to its full size over `rampMonths` (the long game), scaled down when the
 * programme was not carried out as planned.
 */
export function effectInMonth(p: RunParameters, executed: boolean, month: number): number {
  const ramp = p.rampMonths <= 0 ? 1 : Math.min(1, month / p.rampMonths);
  return p.failureReduction * (executed ? 1 : p.missedEffectShare) * ramp;
}

/**
 * Simulates run `run` of a scenario: both arms, month by month, from the same
 * customers, parameter draws and random streams.
 *
 * @param scenario - A validated scenario (see `parseScenario`).
 * @param seed - The simulation seed.
 * @param run - The run's index; its result depends only on (seed, run).
 * @param trace - Filled with the month-by-month figures, if given.
 * @param observe - Called after every month with both arms' outcomes, if given.
 */
export function simulateRun(scenario: Scenario, seed: Seed, run: number, trace?: RunTrace, observe?: MonthObserver): RunResult {
  const streams = modelStreams(scenario, seed);
  const values = drawValues(scenario, seed, run);
  const p = runParameters(scenario.horizonMonths, values);
  if (p.upfront < minimumProgrammeCost && p.monthlyCost < minimumProgrammeCost)
    // parseScenario rules this out for every draw; kept as the guard of ROI's denominator.
    throw new ScenarioError([
      { path: 'investment.upfront', value: p.upfront, message: `drew ${p.upfront} with investment.monthly ${p.monthlyCost} in run ${run}: the programme must cost at least ${minimumProgrammeCost}` },
    ]);
  const executed = streams.execution.at(run)() < p.executionSuccess;
  // Identical streams for both arms: common random numbers.
  const baselineStreams = armStreams(streams, run);
  const investedStreams = armStreams(streams, run);
  const baseline = emptyOutcome();
  const invested = emptyOutcome();

  let baselineCustomers = p.initialCustomers;
  let investedCustomers = p.initialCustomers;
  let baselineProspects = p.prospects;
  let investedProspects = p.prospects;
  let discount = 1;
  let cost = p.upfront;
  let incrementalMargin = 0;
  let roi = -1;
  let paybackMonth: number | null = null;

  for (let month = 1; month <= p.horizonMonths; month += 1) {
    simulateMonth(baselineCustomers, baselineProspects, p.pBad, p, baselineStreams, baseline);
    const pBadInvested = p.pBad * (1 - effectInMonth(p, executed, month));
    simulateMonth(investedCustomers, investedProspects, pBadInvested, p, investedStreams, invested);
    baselineCustomers = baseline.customersEnd;
    investedCustomers = invested.customersEnd;
    baselineProspects = baseline.prospectsEnd;
    investedProspects = invested.prospectsEnd;

    discount *= p.monthlyDiscount;
    cost += discount * p.monthlyCost;
    incrementalMargin += discount * (invested.margin - baseline.margin);
    roi = (incrementalMargin - cost) / cost;
    if (paybackMonth === null && roi >= 0) paybackMonth = month;

    if (trace) {
      const i = month - 1;
      trace.roi[i] = roi;
      trace.customers.baseline[i] = baselineCustomers;
      trace.customers.invested[i] = investedCustomers;
      trace.revenue.baseline[i] = baseline.revenue;
      trace.revenue.invested[i] = invested.revenue;
      trace.margin.baseline[i] = baseline.margin;
      trace.margin.invested[i] = invested.margin;
    }
    if (observe) observe(month, baseline, invested);
  }

  return {
    run,
    roi,
    npv: incrementalMargin - cost,
    paybackMonth,
    customers: { baseline: baselineCustomers, invested: investedCustomers },
    executed,
    parameters: values,
  };
}
