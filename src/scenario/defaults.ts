import type { Scenario } from './schema.js';

/**
 * The default scenario: the published CX figures where one exists (86% switch
 * after a bad experience, 9 and 16 people told, good experience spends 140%
 * more, 90% recommend, 50% tell friends, 20–30% of programmes succeed, 2–3
 * years to full effect), and plainly illustrative values elsewhere. The
 * illustrative cost and missed-effect values were chosen so that the default
 * programme's outcome classes land near Accenture's published 23 / 57 / 20.
 * `describeAssumptions()` lists each with its source.
 */
export const defaultScenario: Scenario = deepFreeze({
  horizonMonths: 60,
  discountRateAnnual: 0.08,
  customers: { initial: 10_000, prospects: 250_000 },
  journey: {
    touchpointFailure: { discover: 0.005, order: 0.005, delivery: 0.02, product: 0.01, service: 0.01 },
  },
  churn: { switchAfterBad: 0.86, base: 0.01 },
  spend: { perMonthBad: 40, goodMultiplier: 2.4, grossMargin: 0.35 },
  wordOfMouth: {
    recommendAfterGood: 0.9,
    toldAfterGood: 9,
    speakAfterBad: 0.5,
    toldAfterBad: 16,
    conversionPerTell: 0.002,
    deterrencePerTell: 0.005,
  },
  acquisition: { organicMonthly: 0.003 },
  investment: {
    upfront: 500_000,
    monthly: 25_000,
    failureReduction: { dist: 'pert', min: 0.2, mode: 0.4, max: 0.6 },
    rampMonths: { dist: 'triangular', min: 24, mode: 30, max: 36 },
    executionSuccess: { dist: 'uniform', min: 0.2, max: 0.3 },
    missedEffectShare: 0.4,
  },
  outcomeClasses: { positiveFrom: 1, negativeBelow: 0 },
});

/** Freezes an object and everything in it, so shared defaults cannot be changed by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
