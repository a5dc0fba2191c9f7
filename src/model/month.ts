import { binomial } from '../random/binomial.js';
import type { RunParameters } from './parameters.js';
import type { ArmStreams } from './streams.js';

/** What happened in one arm in one month: whole counts, and money. */
export interface MonthOutcome {
  /** Active customers at the start of the month. */
  customersStart: number;
  /** Customers whose journey this month was bad (any touchpoint failed). */
  bad: number;
  /** Customers whose journey was good. */
  good: number;
  /** Customers lost this month: after a bad journey, or base churn after a good one. */
  churned: number;
  /** Prospects converted by positive word of mouth. */
  convertedByWordOfMouth: number;
  /** Prospects who became customers without word of mouth. */
  acquiredOrganically: number;
  /** Prospects put off for good by negative word of mouth. */
  deterred: number;
  /** New customers: converted + organic. */
  acquired: number;
  /** Active customers at the end of the month: start − churned + acquired. */
  customersEnd: number;
  /** Prospect pool at the start and end of the month. */
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
    customersStart: 0, bad: 0, good: 0, churned: 0, convertedByWordOfMouth: 0, acquiredOrganically: 0,
    deterred: 0, acquired: 0, customersEnd: 0, prospectsStart: 0, prospectsEnd: 0, revenue: 0, margin: 0,
  };
}

/** Chance that a prospect reached by `tells / pool` tells on average is moved by at least one. */
function reachedShare(perTell: number, tells: number, pool: number): number {
  if (pool <= 0 || tells <= 0 || perTell <= 0) return 0;
  if (perTell >= 1) return 1;
  return -Math.expm1((tells / pool) * Math.log1p(-perTell));
}

/**
 * One month of one arm: experience, churn, spend, word of mouth, acquisition.
 * Counts are drawn per group (binomial), so the cost does not grow with the
 * number of customers.
 *
 * @param customers - Active customers at the start of the month.
 * @param prospects - Prospect pool at the start of the month.
 * @param pBad - This arm's chance of a bad journey this month.
 * @param out - Filled with the month's outcome.
 */
export function simulateMonth(
  customers: number,
  prospects: number,
  pBad: number,
  p: RunParameters,
  streams: ArmStreams,
  out: MonthOutcome,
): void {
  // 1. Experience: the journey is bad if any touchpoint fails.
  const bad = binomial(streams.experience, customers, pBad);
  const good = customers - bad;
  // 2. Churn.
  const churned = binomial(streams.churnAfterBad, bad, p.switchAfterBad) + binomial(streams.churnAfterGood, good, p.baseChurn);
  // 3. Spend: everyone with a journey this month buys at its rate.
  const revenue = good * p.spendGood + bad * p.spendBad;
  // 4. Word of mouth: tells spread over the pool, so no count can exceed it.
  const positiveTells = Math.round(binomial(streams.recommend, good, p.recommendAfterGood) * p.toldAfterGood);
  const negativeTells = Math.round(binomial(streams.speakOut, bad, p.speakAfterBad) * p.toldAfterBad);
  const converted = binomial(streams.convert, prospects, reachedShare(p.conversionPerTell, positiveTells, prospects));
  const deterred = binomial(streams.deter, prospects - converted, reachedShare(p.deterrencePerTell, negativeTells, prospects));
  // 5. Acquisition: organic from whoever is left in the pool.
  const organic = binomial(streams.organic, prospects - converted - deterred, p.organicMonthly);
  const acquired = converted + organic;

  out.customersStart = customers;
  out.bad = bad;
  out.good = good;
  out.churned = churned;
  out.convertedByWordOfMouth = converted;
  out.acquiredOrganically = organic;
  out.deterred = deterred;
  out.acquired = acquired;
  out.customersEnd = customers - churned + acquired;
  out.prospectsStart = prospects;
  out.prospectsEnd = prospects - converted - deterred - organic;
  out.revenue = revenue;
  out.margin = revenue * p.grossMargin;
}
