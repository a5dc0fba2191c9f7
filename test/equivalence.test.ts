import { beforeAll, describe, expect, it } from 'vitest';
import { simulateRun } from '../src/model/run.js';
import { createTrace } from '../src/model/trace.js';
import { type ScenarioInput, parseScenario } from '../src/index.js';
import { statisticalCount } from './helpers/counts.js';
import { ksCritical, ksStatistic, meanVariance } from './helpers/statistics.js';
import { perCustomerRun } from './oracle/per-customer.js';

// Small worlds keep the per-customer oracle fast; the dynamics are the same at any size.
const small: ScenarioInput = { horizonMonths: 24, business: null, customers: { initial: 800, prospects: 8000 } };
const scenarios: Record<string, ScenarioInput> = {
  // The default, its business held at a twelfth of the size: both engines solve the same parameters from it.
  default: { horizonMonths: 24, business: { customers: 800, newCustomersMonthly: 14.4 }, customers: { prospects: 8000 } },
  'heavy word of mouth': {
    ...small,
    wordOfMouth: { toldAfterExcellent: 20, excellentShare: 0.5, toldAfterBad: 30, conversionPerTell: 0.02, deterrencePerTell: 0.02 },
  },
  'high failure with investment': {
    ...small,
    journey: { touchpointFailure: 0.25 },
    investment: { failureReduction: 0.6, rampMonths: 6, executionSuccess: 1 },
  },
};
// 150 runs an engine tell apart a switch rate of 0.7 from 0.86 (below) at α = 0.001; 600 under `npm run test:stats`.
const runs = statisticalCount(150, 600);
const alpha = 0.001;

function engineSamples(input: ScenarioInput) {
  const scenario = parseScenario(input);
  const trace = createTrace(scenario.horizonMonths);
  const out = { customersBaseline: [] as number[], customersInvested: [] as number[], marginInvested: [] as number[] };
  for (let run = 0; run < runs; run += 1) {
    const result = simulateRun(scenario, 'engine', run, trace);
    out.customersBaseline.push(result.customers.baseline);
    out.customersInvested.push(result.customers.invested);
    out.marginInvested.push(trace.margin.invested.reduce((a, b) => a + b, 0));
  }
  return out;
}

function oracleSamples(input: ScenarioInput) {
  const scenario = parseScenario(input);
  const out = { customersBaseline: [] as number[], customersInvested: [] as number[], marginInvested: [] as number[] };
  for (let run = 0; run < runs; run += 1) {
    const result = perCustomerRun(scenario, 'oracle', run);
    out.customersBaseline.push(result.baseline.customers);
    out.customersInvested.push(result.invested.customers);
    out.marginInvested.push(result.invested.cumulativeMargin);
  }
  return out;
}

describe.each(Object.entries(scenarios))('count engine ≡ per-customer oracle: %s', (_, input) => {
  // Drawn when the tests run, not when they are listed.
  let engine: ReturnType<typeof engineSamples>;
  let oracle: ReturnType<typeof oracleSamples>;
  beforeAll(() => {
    engine = engineSamples(input);
    oracle = oracleSamples(input);
  });
  it.each(['customersBaseline', 'customersInvested', 'marginInvested'] as const)(
    '%s: KS test at α = 0.001, means within 4 standard errors',
    (figure) => {
      const a = engine[figure];
      const b = oracle[figure];
      expect(ksStatistic(a, b)).toBeLessThan(ksCritical(a.length, b.length, alpha));
      const ma = meanVariance(a);
      const mb = meanVariance(b);
      expect(Math.abs(ma.mean - mb.mean)).toBeLessThan(4 * Math.sqrt(ma.variance / a.length + mb.variance / b.length));
    },
  );
});

describe('the equivalence tests have teeth', () => {
  it('a per-customer model with a different switch rate is told apart', () => {
    const engine = engineSamples(small);
    const other = parseScenario({ ...small, churn: { switchAfterBad: 0.7 } });
    const customers = Array.from({ length: runs }, (_, run) => perCustomerRun(other, 'oracle', run).baseline.customers);
    expect(ksStatistic(engine.customersBaseline, customers)).toBeGreaterThan(ksCritical(runs, runs, alpha));
  });
});
