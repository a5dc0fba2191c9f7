import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { type ArmConditions, expectedMonth } from '../scenario/expected-month.js';
import { armConditions, centralParameters, lifetimeValue, armChurn, netPromoterScore, revenuePerCustomer } from './expected.js';
import type { RunParameters } from '../scenario/parameters.js';
import { deepFreeze } from '../scenario/freeze.js';

/** What a scenario says about one arm's business, per customer, from the model's expectations. */
export interface ArmKpis {
  /** Share of customers lost a month. */
  readonly monthlyChurn: number;
  /** Share of customers still customers a year later: (1 − monthly churn)¹². */
  readonly annualRetention: number;
  /** Expected months a customer stays (1 ÷ monthly churn); `null` when nobody ever leaves. */
  readonly meanTenureMonths: number | null;
  /** Share of the churn that follows a bad experience; `null` when nobody leaves. */
  readonly churnFromBadExperiences: number | null;
  /** Share of customers with a bad experience in a month. */
  readonly badExperienceShareMonthly: number;
  /** Share of customers with at least one bad experience in a year: 1 − (1 − monthly)¹². */
  readonly badExperienceShareYearly: number;
  /** Average revenue per customer per month. */
  readonly revenuePerCustomerMonthly: number;
  /** A customer's lifetime value: the discounted gross margin of this month and every later one; `null` when it has no end. */
  readonly customerLifetimeValue: number | null;
  /** Net Promoter Score the model implies: excellent journeys are promoters, bad ones detractors (−100 to 100). */
  readonly nps: number;
  /** New customers won by recommendation in the first month, per customer, times 12. */
  readonly wordOfMouthConversionsPerCustomerYearly: number;
  /** Would-be customers put off by negative stories in the first month, per customer, times 12. */
  readonly wordOfMouthLossesPerCustomerYearly: number;
  /** People told about an excellent experience in the first month, per customer, times 12 (recommendations heard a customer-year). */
  readonly positiveTellsPerCustomerYearly: number;
  /** People told about a bad experience in the first month, per customer, times 12. */
  readonly negativeTellsPerCustomerYearly: number;
  /** People one promoter tells in a year of recommending: toldAfterExcellent × 12 ÷ tellingPeriodMonths (9 by default). */
  readonly positiveTellsPerTeller: number;
  /** People one dissatisfied customer tells about a bad experience they share: toldAfterBad (16 by default). */
  readonly negativeTellsPerTeller: number;
  /** New customers in the first month (recommendations and organic sign-ups, less those put off). */
  readonly newCustomersMonthly: number;
}

/** The business a scenario implies. */
export interface ImpliedKpis {
  /** Without the programme. */
  readonly baseline: ArmKpis;
  /** With the programme fully in effect and carried out as planned (its best case, not its expected case). */
  readonly invested: ArmKpis;
  /** Without the programme, over the horizon. */
  readonly withoutProgramme: {
    /** Months of the horizon. */
    readonly months: number;
    /** Customers at the start. */
    readonly customersStart: number;
    /** Expected customers at the horizon. */
    readonly customersAtHorizon: number;
    /** Growth over the horizon: customers at the horizon ÷ at the start − 1. */
    readonly growth: number;
  };
}

/** A figure that is infinite (a customer who never leaves) as `null`. */
function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function armKpis(arm: ArmConditions, p: RunParameters): ArmKpis {
  const churn = armChurn(arm, p);
  const first = expectedMonth(p.initialCustomers, p.prospects, arm, p);
  const perCustomer = (x: number) => (p.initialCustomers > 0 ? (12 * x) / p.initialCustomers : 0);
  return {
    monthlyChurn: churn,
    annualRetention: (1 - churn) ** 12,
    meanTenureMonths: finiteOrNull(1 / churn),
    churnFromBadExperiences: churn > 0 ? (arm.pBad * p.switchAfterBad) / churn : null,
    badExperienceShareMonthly: arm.pBad,
    badExperienceShareYearly: 1 - (1 - arm.pBad) ** 12,
    revenuePerCustomerMonthly: revenuePerCustomer(arm, p),
    customerLifetimeValue: lifetimeValue(arm, p),
    nps: netPromoterScore(arm, p),
    wordOfMouthConversionsPerCustomerYearly: perCustomer(first.converted),
    wordOfMouthLossesPerCustomerYearly: perCustomer(first.deterred),
    positiveTellsPerCustomerYearly: perCustomer(
      p.initialCustomers * (1 - arm.pBad) * arm.excellentShare * p.recommendAfterExcellent * p.toldPerRecommendingMonth,
    ),
    negativeTellsPerCustomerYearly: perCustomer(p.initialCustomers * arm.pBad * p.speakAfterBad * p.toldAfterBad),
    positiveTellsPerTeller: (12 * p.toldAfterExcellent) / p.tellingPeriodMonths,
    negativeTellsPerTeller: p.toldAfterBad,
    newCustomersMonthly: first.acquired,
  };
}

/**
 * What a scenario says about the business, per arm, computed from the
 * model's expectations (no simulation): churn and retention, tenure, how
 * much churn bad experiences cause, revenue per customer, lifetime value,
 * NPS, word of mouth, new customers, and where the customer base goes over
 * the horizon without the programme. Uncertain assumptions count at their
 * mean. Show these beside any result: a scenario whose baseline is not the
 * business you know gives an ROI for someone else's business.
 *
 * @param input - A partial scenario (defaults fill the rest).
 * @returns The KPIs of the baseline, of the invested arm at full effect, and the baseline's path over the horizon.
 * @throws {@link ScenarioError} when `input` is not a valid scenario.
 * @example
 * ```ts
 * import { impliedKpis } from 'cx-roi';
 * const kpis = impliedKpis();
 * kpis.baseline.annualRetention; // => 0.8
 * kpis.baseline.nps; // => 20
 * kpis.baseline.customerLifetimeValue; // => 1275
 * kpis.invested.annualRetention; // => 0.852
 * // Without the programme, the customer base over the five-year horizon:
 * kpis.withoutProgramme; // => { months: 60, customersStart: 10000, customersAtHorizon: 9691, growth: -0.031 }
 * // Without the default business, the figures follow from the scenario's own churn:
 * impliedKpis({ business: null, churn: { base: 0.01 } }).baseline.annualRetention; // => 0.759
 * ```
 */
export function impliedKpis(input: ScenarioInput = {}): ImpliedKpis {
  return scenarioKpis(parseScenario(input));
}

/** {@link impliedKpis} of a validated scenario. */
export function scenarioKpis(scenario: Scenario): ImpliedKpis {
  const p = centralParameters(scenario);
  const arms = armConditions(p);
  let customers = p.initialCustomers;
  let prospects = p.prospects;
  for (let month = 1; month <= scenario.horizonMonths; month += 1) {
    const m = expectedMonth(customers, prospects, arms.baseline, p);
    customers = m.customersEnd;
    prospects = m.prospectsEnd;
  }
  return {
    baseline: armKpis(arms.baseline, p),
    invested: armKpis(arms.invested, p),
    withoutProgramme: {
      months: scenario.horizonMonths,
      customersStart: p.initialCustomers,
      customersAtHorizon: customers,
      growth: p.initialCustomers >= 1 ? customers / p.initialCustomers - 1 : 0,
    },
  };
}

/** Thresholds past which a baseline looks like no business a strategist would recognise. */
export const plausibility = deepFreeze({
  /** Annual retention below this is unusual for a going concern. */
  minimumAnnualRetention: 0.5,
  /** Growth (or shrinkage) of the customer base over the horizon without the programme beyond this. */
  maximumGrowthWithoutProgramme: 0.5,
} as const);
