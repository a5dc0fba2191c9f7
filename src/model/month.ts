import { binomialFrom as binomial } from '../random/binomial.js';
import { reachedShareWith } from '../scenario/expected-month.js';
import type { RunParameters } from '../scenario/parameters.js';
import type { ArmStreams } from './streams.js';

/** What happened in one arm in one month: whole counts, and money. */
export interface MonthOutcome {
  /** Active customers at the start of the month. */
  customersStart: number;
  /** Customers whose journey this month was bad (any touchpoint failed). */
  bad: number;
  /** Customers whose journey was good. */
  good: number;
  /** Customers whose good journey was excellent (the ones who may recommend). */
  excellent: number;
  /** Customers lost this month: after a bad journey, or base churn after a good one. */
  churned: number;
  /** Prospects won by recommendations this month (before any negative story put some off). */
  convertedByWordOfMouth: number;
  /** Prospects who signed up this month without a recommendation (before any negative story put some off). */
  acquiredOrganically: number;
  /** Of those about to join, the ones a negative story put off for good. */
  deterred: number;
  /** New customers: converted + organic − deterred. */
  acquired: number;
  /** Active customers at the end of the month: start − churned + acquired. */
  customersEnd: number;
  /** Prospect pool at the start and end of the month (those about to join leave it, deterred or not). */
  prospectsStart: number;
  prospectsEnd: number;
  /** Revenue this month: good × spendGood + bad × spendBad. */
  revenue: number;
  /** Gross margin on that revenue. */
  margin: number;
}

/** An empty outcome to fill, so the hot loop allocates nothing. */
export function emptyOutcome(): MonthOutcome {
  return {
    customersStart: 0,
    bad: 0,
    good: 0,
    excellent: 0,
    churned: 0,
    convertedByWordOfMouth: 0,
    acquiredOrganically: 0,
    deterred: 0,
    acquired: 0,
    customersEnd: 0,
    prospectsStart: 0,
    prospectsEnd: 0,
    revenue: 0,
    margin: 0,
  };
}

/** Copies a month's outcome into another (an arm that is, this month, the other's twin). */
export function copyOutcome(from: Readonly<MonthOutcome>, to: MonthOutcome): void {
  to.customersStart = from.customersStart;
  to.bad = from.bad;
  to.good = from.good;
  to.excellent = from.excellent;
  to.churned = from.churned;
  to.convertedByWordOfMouth = from.convertedByWordOfMouth;
  to.acquiredOrganically = from.acquiredOrganically;
  to.deterred = from.deterred;
  to.acquired = from.acquired;
  to.customersEnd = from.customersEnd;
  to.prospectsStart = from.prospectsStart;
  to.prospectsEnd = from.prospectsEnd;
  to.revenue = from.revenue;
  to.margin = from.margin;
}

/**
 * One month of one arm: experience, churn, spend, word of mouth, acquisition.
 * Counts are drawn per group (binomial), so the cost does not grow with the
 * number of customers. Word of mouth follows the experiences of this month
 * only: recommendations from excellent journeys (a promoter tells
 * toldAfterExcellent people over tellingPeriodMonths, so that share of them
 * this month), stories from bad ones (toldAfterBad people each).
 *
 * @param customers - Active customers at the start of the month.
 * @param prospects - Prospect pool at the start of the month.
 * @param pBad - This arm's chance of a bad journey this month.
 * @param excellentShare - This arm's share of good journeys that are excellent this month.
 * @param out - Filled with the month's outcome.
 */
export function simulateMonth(
  customers: number,
  prospects: number,
  pBad: number,
  excellentShare: number,
  p: RunParameters,
  streams: ArmStreams,
  out: MonthOutcome,
): void {
  // 1. Experience: the journey is bad if any touchpoint fails; some good ones are excellent.
  const bad = binomial(streams.experience, customers, pBad);
  const good = customers - bad;
  const excellent = binomial(streams.excellent, good, excellentShare);
  // 2. Churn.
  const churned = binomial(streams.churnAfterBad, bad, p.switchAfterBad) + binomial(streams.churnAfterGood, good, p.baseChurn);
  // 3. Spend: everyone with a journey this month buys at its rate.
  const revenue = good * p.spendGood + bad * p.spendBad;
  // 4. Word of mouth, from this month's experiences.
  const positiveTells = Math.round(binomial(streams.recommend, excellent, p.recommendAfterExcellent) * p.toldPerRecommendingMonth);
  const negativeTells = Math.round(binomial(streams.speakOut, bad, p.speakAfterBad) * p.toldAfterBad);
  // Recommendations spread over the pool, so no count can exceed it.
  const converted = binomial(
    streams.convert,
    prospects,
    reachedShareWith(p.logMissConversion, p.conversionPerTell, positiveTells, prospects),
  );
  // 5. Acquisition: organic sign-ups from whoever is left in the pool.
  const organic = binomial(streams.organic, prospects - converted, p.organicMonthly);
  // Negative stories reach those about to join: each one put off is a customer lost.
  const aboutToJoin = converted + organic;
  const deterred = binomial(
    streams.deter,
    aboutToJoin,
    reachedShareWith(p.logMissDeterrence, p.deterrencePerTell, negativeTells, aboutToJoin),
  );
  const acquired = aboutToJoin - deterred;

  out.customersStart = customers;
  out.bad = bad;
  out.good = good;
  out.excellent = excellent;
  out.churned = churned;
  out.convertedByWordOfMouth = converted;
  out.acquiredOrganically = organic;
  out.deterred = deterred;
  out.acquired = acquired;
  out.customersEnd = customers - churned + acquired;
  out.prospectsStart = prospects;
  out.prospectsEnd = prospects - aboutToJoin;
  out.revenue = revenue;
  out.margin = revenue * p.grossMargin;
}
