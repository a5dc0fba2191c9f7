import type { ScenarioInput } from '../../src/index.js';

/** 0.3.0's default scenario, written out in full, so later defaults cannot change it. */
export const defaults030 = {
  horizonMonths: 60,
  discountRateAnnual: 0.08,
  customers: { initial: 10000, prospects: 250000 },
  journey: { touchpointFailure: { discover: 0.002, order: 0.002, delivery: 0.006, product: 0.003, service: 0.002 } },
  churn: { switchAfterBad: 0.86, base: 0.0056 },
  spend: { averagePerMonth: 90, goodMultiplier: 2.4, grossMargin: 0.35 },
  wordOfMouth: {
    excellentShare: 0.218,
    recommendAfterExcellent: 0.9,
    toldAfterExcellent: 9,
    speakAfterBad: 0.5,
    toldAfterBad: 16,
    conversionPerTell: 0.002,
    deterrencePerTell: 0.005,
  },
  acquisition: { organicMonthly: 0.0006 },
  investment: {
    upfront: 130000,
    monthly: 6500,
    failureReduction: { dist: 'pert', min: 0.2, mode: 0.4, max: 0.6 },
    rampMonths: { dist: 'triangular', min: 24, mode: 30, max: 36 },
    executionSuccess: { dist: 'uniform', min: 0.2, max: 0.3 },
    missedEffectShare: 0.4,
    excellentShareIncrease: 0.05,
  },
  valuation: { terminalValue: 'none' },
  outcomeClasses: { positiveFrom: 1, negativeBelow: 0 },
} as const satisfies ScenarioInput;

/** Scenarios as 0.3.0 read them, and the fingerprint of 0.3.0's result (seed 2026, 300 runs, runs kept). */
export const frozen030: readonly { name: string; input: ScenarioInput; fingerprint: string }[] = [
  { name: 'default', input: defaults030, fingerprint: 'a3a73e1f352f4fa832e6028f4816583bf82505ca757eac1f47467db5712d1315' },
  {
    name: 'whole journey as one number, everything uncertain',
    input: {
      ...defaults030,
      journey: { touchpointFailure: { dist: 'uniform', min: 0.005, max: 0.03 } },
      churn: { switchAfterBad: { dist: 'pert', min: 0.5, mode: 0.86, max: 0.95 }, base: { dist: 'uniform', min: 0.003, max: 0.008 } },
      investment: { ...investment030(), upfront: { dist: 'lognormal', mu: 11.9, sigma: 0.4 } },
      valuation: { terminalValue: 'customerLifetime' },
    },
    fingerprint: '3594915b3ae13ddf1727557d75423d6595d0691e1fdb16b7888350f469585183',
  },
  {
    name: 'touchpoints as a list, programme always carried out',
    input: {
      ...defaults030,
      journey: { touchpointFailure: [0.01, 0.004, 0.02] },
      investment: { ...investment030(), executionSuccess: 1, rampMonths: 0 },
    },
    fingerprint: 'a67110b322f95863881024ca4d686548e16b3a60f417c2f9239d43017de75959',
  },
];

function investment030() {
  return { ...defaults030.investment };
}
