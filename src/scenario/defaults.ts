import { deepFreeze } from './freeze.js';
import type { Scenario } from './schema.js';

// Kept here too, where the library's modules have imported it from.
export { deepFreeze };

/**
 * The default scenario: the published CX figures where one exists (86% switch
 * after a bad experience, 9 and 16 people told, good experience spends 140%
 * more, 90% recommend after an excellent experience, 50% tell friends after a
 * bad one, 20–30% of programmes succeed, 2–3 years to full effect), and
 * plainly illustrative values elsewhere:
 *
 * - It holds a business ({@link defaultBusiness}: 10,000 customers, 80%
 *   annual retention, 90 a month, 180 new customers a month, 1.5% bad
 *   experiences a month, NPS 20): the touchpoint failures' scale, base
 *   churn, the excellent share and organic sign-ups are solved from it in
 *   every run (the values here are the solution at the assumptions' means),
 *   so changing a CX figure keeps the business.
 * - The numbers nobody measured that can move the decision are uncertain:
 *   what a missed programme still delivers (0–60% of the plan), the chance a
 *   recommendation wins a customer (1–4%), the rise in excellent
 *   experiences (0–10 points). Nothing is tuned to a target.
 * - The programme's cost (110,000 upfront, 5,500 a month) is an
 *   illustrative budget.
 *
 * `describeAssumptions()` lists each field with its source.
 */
export const defaultScenario: Scenario = deepFreeze({
  horizonMonths: 60,
  discountRateAnnual: 0.08,
  business: {
    customers: 10_000,
    annualRetention: 0.8,
    averageRevenuePerCustomerMonthly: 90,
    newCustomersMonthly: 180,
    badExperienceShareMonthly: 0.015,
    nps: 20,
  } satisfies typeof defaultBusiness,
  customers: { initial: 10_000, prospects: 250_000 },
  journey: {
    // The shape 2 : 2 : 6 : 3 : 2 (delivery fails most), scaled to the business's 1.5% bad experiences a month.
    touchpointFailure: {
      discover: 0.0020112965422257045,
      order: 0.0020112965422257045,
      delivery: 0.006033889626677114,
      product: 0.003016944813338557,
      service: 0.0020112965422257045,
    },
  },
  churn: { switchAfterBad: 0.86, base: 0.005607583884516073 },
  spend: { averagePerMonth: 90, goodMultiplier: 2.4, grossMargin: 0.35 },
  wordOfMouth: {
    excellentShare: 0.31279187817258886,
    recommendAfterExcellent: 0.9,
    toldAfterExcellent: 9,
    tellingPeriodMonths: 12,
    recommendAfterBad: 0.18,
    detractorAfterOrdinary: 0.1,
    speakAfterBad: 0.5,
    toldAfterBad: 16,
    conversionPerTell: { dist: 'uniform', min: 0.01, max: 0.04 },
    deterrencePerTell: 0.005,
  },
  acquisition: { organicMonthly: 0.0005331983667729157 },
  investment: {
    upfront: 110_000,
    monthly: 5_500,
    failureReduction: { dist: 'pert', min: 0.2, mode: 0.4, max: 0.6 },
    delayMonths: { dist: 'triangular', min: 3, mode: 6, max: 12 },
    rampMonths: { dist: 'triangular', min: 18, mode: 24, max: 30 },
    executionSuccess: { dist: 'uniform', min: 0.2, max: 0.3 },
    missedEffectShare: { dist: 'uniform', min: 0, max: 0.6 },
    excellentShareIncrease: { dist: 'uniform', min: 0, max: 0.1 },
  },
  valuation: { terminalValue: 'none' },
  outcomeClasses: { positiveFrom: 1, negativeBelow: 0 },
});

/** The business the default scenario describes and holds, as a company would state it (a scenario's `business`, or the input of `calibrate`). */
export const defaultBusiness: {
  readonly customers: number;
  readonly annualRetention: number;
  readonly averageRevenuePerCustomerMonthly: number;
  readonly newCustomersMonthly: number;
  readonly badExperienceShareMonthly: number;
  readonly nps: number;
} = defaultScenario.business as never;

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
