import type { RunParameters } from './parameters.js';

/**
 * The model's expected month, without simulation: the same steps as
 * `simulateMonth`, with every binomial count replaced by its mean. With
 * counts in the hundreds or more the difference from the simulated mean is
 * far below the Monte Carlo error (tested).
 */
export interface ExpectedMonth {
  readonly churned: number;
  readonly converted: number;
  readonly organic: number;
  readonly deterred: number;
  readonly acquired: number;
  readonly revenue: number;
  readonly customersEnd: number;
  readonly prospectsEnd: number;
}

/** One arm's conditions: its chance of a bad journey and its share of excellent good ones. */
export interface ArmConditions {
  readonly pBad: number;
  readonly excellentShare: number;
}

/**
 * Chance that one member of a group of `group` people is moved by at least
 * one of `tells` messages spread evenly over the group, each moving its
 * hearer with probability `perTell`: 1 − (1 − perTell)^(tells / group).
 */
export function reachedShare(perTell: number, tells: number, group: number): number {
  return reachedShareWith(Math.log1p(-perTell), perTell, tells, group);
}

/** {@link reachedShare} given `logMiss` = log1p(−perTell), which is the same all run long. */
export function reachedShareWith(logMiss: number, perTell: number, tells: number, group: number): number {
  if (group <= 0 || tells <= 0 || perTell <= 0) return 0;
  if (perTell >= 1) return 1;
  return -Math.expm1((tells / group) * logMiss);
}

/** The expected outcome of one month of an arm with `customers` and `prospects`. */
export function expectedMonth(customers: number, prospects: number, arm: ArmConditions, p: RunParameters): ExpectedMonth {
  const bad = customers * arm.pBad;
  const good = customers - bad;
  const excellent = good * arm.excellentShare;
  const churned = bad * p.switchAfterBad + good * p.baseChurn;
  const positiveTells = excellent * p.recommendAfterExcellent * p.toldPerRecommendingMonth;
  const negativeTells = bad * p.speakAfterBad * p.toldAfterBad;
  const converted = prospects * reachedShare(p.conversionPerTell, positiveTells, prospects);
  const organic = (prospects - converted) * p.organicMonthly;
  const aboutToJoin = converted + organic;
  const deterred = aboutToJoin * reachedShare(p.deterrencePerTell, negativeTells, aboutToJoin);
  const acquired = aboutToJoin - deterred;
  return {
    churned,
    converted,
    organic,
    deterred,
    acquired,
    revenue: good * p.spendGood + bad * p.spendBad,
    customersEnd: customers - churned + acquired,
    prospectsEnd: prospects - aboutToJoin,
  };
}
