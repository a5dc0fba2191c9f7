import type { Scenario } from './schema.js';

/**
 * The default scenario: the published CX figures where one exists (86% switch
 * after a bad experience, 9 and 16 people told, good experience spends 140%
 * more, 90% recommend after an excellent experience, 50% tell friends after a
 * bad one, 20–30% of programmes succeed, 2–3 years to full effect), and
 * plainly illustrative values elsewhere, set to targets that are said:
 *
 * - The business ({@link defaultBusiness}): the touchpoint failures, base
 *   churn, excellent share and organic acquisition are `calibrate()` of
 *   10,000 customers, 80% annual retention, 90 a month, 180 new customers a
 *   month, 1.5% bad experiences a month and NPS 20, rounded.
 * - The programme's cost (110,000 upfront, 5,500 a month) was tuned so that
 *   the default programme's outcome classes land near Accenture's published
 *   23 / 57 / 20: a calibration target, not a validation.
 *
 * `describeAssumptions()` lists each field with its source.
 */
export const defaultScenario: Scenario = deepFreeze({
  horizonMonths: 60,
  discountRateAnnual: 0.08,
  // Held from the next minor version on; until then the default scenario sets its parameters itself.
  business: null,
  customers: { initial: 10_000, prospects: 250_000 },
  journey: {
    touchpointFailure: { discover: 0.002, order: 0.002, delivery: 0.006, product: 0.003, service: 0.002 },
  },
  churn: { switchAfterBad: 0.86, base: 0.0056 },
  spend: { averagePerMonth: 90, goodMultiplier: 2.4, grossMargin: 0.35 },
  wordOfMouth: {
    excellentShare: 0.313,
    recommendAfterExcellent: 0.9,
    toldAfterExcellent: 9,
    tellingPeriodMonths: 1,
    recommendAfterBad: 0.18,
    detractorAfterOrdinary: 0.1,
    speakAfterBad: 0.5,
    toldAfterBad: 16,
    conversionPerTell: 0.002,
    deterrencePerTell: 0.005,
  },
  acquisition: { organicMonthly: 0.00054 },
  investment: {
    upfront: 110_000,
    monthly: 5_500,
    failureReduction: { dist: 'pert', min: 0.2, mode: 0.4, max: 0.6 },
    delayMonths: { dist: 'triangular', min: 3, mode: 6, max: 12 },
    rampMonths: { dist: 'triangular', min: 18, mode: 24, max: 30 },
    executionSuccess: { dist: 'uniform', min: 0.2, max: 0.3 },
    missedEffectShare: 0.4,
    excellentShareIncrease: 0.05,
  },
  valuation: { terminalValue: 'none' },
  outcomeClasses: { positiveFrom: 1, negativeBelow: 0 },
});

/** The business the default scenario describes, as a company would state it (the input of `calibrate`, or a scenario's `business`). */
export const defaultBusiness = deepFreeze({
  customers: 10_000,
  annualRetention: 0.8,
  averageRevenuePerCustomerMonthly: 90,
  newCustomersMonthly: 180,
  badExperienceShareMonthly: 0.015,
  nps: 20,
});

/** Freezes an object and everything in it, so shared defaults cannot be changed by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A typical organisation's contact channels, for `channels` in a scenario
 * (the default scenario has none). From article 002 (Dimension Data): nine
 * channels offered on average (eleven expected by 2019), and in 70% of
 * organisations none or very few of them connected, so two of the nine are
 * here (phone and e-mail); 58% manage their channels in silos, the reason
 * for the silo penalty; only 8% have all their channels in use, which the
 * model does not express (an offered channel here always takes its share).
 * The shares of contacts, the failure rates and the contact rate are
 * illustrative assumptions; the silo penalty (1.5×) is one too: the article
 * says silos guarantee problems, not how many. Adding channels adds failures
 * to the journey: calibrate again to keep the business you know.
 */
export const defaultChannels = deepFreeze({
  contactRate: 0.3,
  siloPenalty: 1.5,
  offered: {
    phone: { share: 0.3, failure: 0.02, connected: true },
    email: { share: 0.2, failure: 0.02, connected: true },
    web: { share: 0.15, failure: 0.02, connected: false },
    chat: { share: 0.1, failure: 0.02, connected: false },
    app: { share: 0.08, failure: 0.02, connected: false },
    social: { share: 0.05, failure: 0.02, connected: false },
    messaging: { share: 0.05, failure: 0.02, connected: false },
    store: { share: 0.05, failure: 0.02, connected: false },
    post: { share: 0.02, failure: 0.02, connected: false },
  },
} as const);
