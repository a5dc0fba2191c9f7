import type { Seed } from '../random/stream.js';
import { formatNumber } from '../scenario/domain.js';
import { ScenarioError } from '../scenario/error.js';
import { deepFreeze } from '../scenario/freeze.js';
import type { Scenario } from '../scenario/schema.js';
import { simulateRange } from '../simulate/matrix.js';
import { medianWithError } from '../maths/statistics.js';

/** The figures a break-even search can aim at. */
export const breakEvenMetrics = deepFreeze(['probabilityPositiveRoi', 'probabilityPaidBackBy', 'roiMedian', 'npvMedian'] as const);
export type BreakEvenMetric = (typeof breakEvenMetrics)[number];

/** What must be reached: the metric at least `value`. */
export interface BreakEvenTarget {
  /** P(ROI > 0) at the horizon, P(paid back by `month`), the median horizon ROI, or the median horizon NPV. */
  readonly metric: BreakEvenMetric;
  /** For `probabilityPaidBackBy`: the month (1 to the horizon). */
  readonly month?: number | undefined;
  /** The least value the metric must reach (a share for the probabilities, a ratio for ROI, currency for NPV). */
  readonly value: number;
}

/** The target asked for, checked against the horizon: a ScenarioError names the part that is wrong. */
export function checkTarget(target: BreakEvenTarget | undefined, horizon: number): BreakEvenTarget {
  const fail = (path: string, value: unknown, message: string): never => {
    throw new ScenarioError([{ path: `options.target${path}`, value, message }]);
  };
  if (!target || typeof target !== 'object')
    return fail('', target, `give { metric, value } with metric one of ${breakEvenMetrics.join(', ')}`);
  const stray = Object.keys(target).find((key) => !['metric', 'month', 'value'].includes(key));
  if (stray !== undefined)
    fail(`.${stray}`, undefined, `is not part of a target (metric, month, value)${stray === 'months' ? '; did you mean "month"?' : ''}`);
  if (!breakEvenMetrics.includes(target.metric)) fail('.metric', target.metric, `must be one of ${breakEvenMetrics.join(', ')}`);
  if (typeof target.value !== 'number' || !Number.isFinite(target.value)) fail('.value', target.value, 'must be a finite number');
  if (target.metric.startsWith('probability') && !(target.value > 0 && target.value <= 1))
    fail('.value', target.value, 'a probability target must be above 0 and at most 1 (0.8 for 80%)');
  if (target.metric === 'probabilityPaidBackBy') {
    if (!Number.isInteger(target.month) || (target.month as number) < 1 || (target.month as number) > horizon)
      fail('.month', target.month, `probabilityPaidBackBy needs a month, a whole number from 1 to the horizon, ${horizon}`);
  } else if (target.month !== undefined)
    fail('.month', target.month, `only probabilityPaidBackBy takes a month; ${target.metric} is at the horizon`);
  return target.metric === 'probabilityPaidBackBy'
    ? { metric: target.metric, month: target.month, value: target.value }
    : { metric: target.metric, value: target.value };
}

/** A target's metric over one simulation's runs, and which runs meet it with what they drew. */
export interface Measured {
  readonly reached: number;
  readonly standardError: number;
  readonly runs: {
    readonly met: Uint8Array;
    readonly executed: Uint8Array;
    readonly parameterNames: readonly string[];
    readonly parameters: Float64Array | null;
  };
}

/** The metric of one simulation, with its standard error. */
export function measure(scenario: Scenario, seed: Seed, runs: number, target: BreakEvenTarget): Measured {
  const { horizon, parameterNames, parameters } = simulateRange(scenario, seed, 0, runs, true);
  const met = new Uint8Array(runs);
  const kept = { met, executed: horizon.executed, parameterNames, parameters };
  if (target.metric === 'probabilityPositiveRoi' || target.metric === 'probabilityPaidBackBy') {
    let count = 0;
    for (let i = 0; i < runs; i += 1) {
      const payback = horizon.paybackMonth[i] as number;
      const yes =
        target.metric === 'probabilityPositiveRoi' ? (horizon.roi[i] as number) > 0 : payback > 0 && payback <= (target.month as number);
      met[i] = yes ? 1 : 0;
      count += met[i] as number;
    }
    const p = count / runs;
    return { reached: p, standardError: Math.sqrt((p * (1 - p)) / runs), runs: kept };
  }
  const values = target.metric === 'roiMedian' ? horizon.roi : horizon.npv;
  for (let i = 0; i < runs; i += 1) met[i] = (values[i] as number) >= target.value ? 1 : 0;
  return { ...medianWithError(values), runs: kept };
}

/** A metric's value in words. */
export function describeMetric(target: BreakEvenTarget, value: number): string {
  const pct = `${formatNumber(Math.round(1000 * value) / 10)}%`;
  // "an 80% chance", "an 18% chance", "an 8% chance": as the number is said.
  const a = /^(8|1[18](?!\d))/.test(pct) ? 'an' : 'a';
  switch (target.metric) {
    case 'probabilityPositiveRoi':
      return `${a} ${pct} chance of a positive ROI`;
    case 'probabilityPaidBackBy':
      return `${a} ${pct} chance of payback by month ${target.month}`;
    case 'roiMedian':
      return `a median ROI of ${pct}`;
    default:
      return `a median NPV of ${formatNumber(Math.round(value))}`;
  }
}
