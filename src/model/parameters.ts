import type { DrawnValues } from './draw.js';

/** The numbers one run uses, after its assumptions are drawn. */
export interface RunParameters {
  readonly horizonMonths: number;
  /** Monthly discount factor: (1 + annual rate)^(−1/12). */
  readonly monthlyDiscount: number;
  readonly initialCustomers: number;
  readonly prospects: number;
  /** Chance of a bad journey without the programme: 1 − Π(1 − failᵢ). */
  readonly pBad: number;
  readonly switchAfterBad: number;
  readonly baseChurn: number;
  /** Revenue from a customer in a month with a bad experience: the average split by the 2.4 : 1 ratio. */
  readonly spendBad: number;
  /** Revenue from a customer in a month with a good experience. */
  readonly spendGood: number;
  readonly grossMargin: number;
  readonly excellentShare: number;
  readonly recommendAfterExcellent: number;
  readonly toldAfterExcellent: number;
  readonly speakAfterBad: number;
  readonly toldAfterBad: number;
  readonly conversionPerTell: number;
  readonly deterrencePerTell: number;
  readonly organicMonthly: number;
  readonly upfront: number;
  readonly monthlyCost: number;
  readonly failureReduction: number;
  readonly rampMonths: number;
  readonly executionSuccess: number;
  readonly missedEffectShare: number;
  readonly excellentShareIncrease: number;
}

/**
 * The revenue of a bad and a good month such that the baseline's average is
 * `average`: bad·pBad + good·(1 − pBad) = average with good = ratio·bad.
 * The ratio is at least 0.01 (the schema's range), so the weight is too.
 */
export function splitSpend(average: number, ratio: number, pBad: number): { spendBad: number; spendGood: number } {
  const weight = ratio * (1 - pBad) + pBad;
  return { spendBad: average / weight, spendGood: (average * ratio) / weight };
}

const touchpointPrefix = 'journey.touchpointFailure';

/** The model's parameters from one run's drawn values. */
export function runParameters(horizonMonths: number, v: DrawnValues): RunParameters {
  let pGood = 1;
  for (const [path, failure] of Object.entries(v))
    if (path === touchpointPrefix || path.startsWith(`${touchpointPrefix}.`)) pGood *= 1 - failure;
  const get = (path: string): number => {
    const x = v[path];
    if (x === undefined) throw new Error(`no value drawn for ${path}`);
    return x;
  };
  const pBad = 1 - pGood;
  const { spendBad, spendGood } = splitSpend(get('spend.averagePerMonth'), get('spend.goodMultiplier'), pBad);
  return {
    horizonMonths,
    monthlyDiscount: Math.pow(1 + get('discountRateAnnual'), -1 / 12),
    initialCustomers: get('customers.initial'),
    prospects: get('customers.prospects'),
    pBad,
    switchAfterBad: get('churn.switchAfterBad'),
    baseChurn: get('churn.base'),
    spendBad,
    spendGood,
    grossMargin: get('spend.grossMargin'),
    excellentShare: get('wordOfMouth.excellentShare'),
    recommendAfterExcellent: get('wordOfMouth.recommendAfterExcellent'),
    toldAfterExcellent: get('wordOfMouth.toldAfterExcellent'),
    speakAfterBad: get('wordOfMouth.speakAfterBad'),
    toldAfterBad: get('wordOfMouth.toldAfterBad'),
    conversionPerTell: get('wordOfMouth.conversionPerTell'),
    deterrencePerTell: get('wordOfMouth.deterrencePerTell'),
    organicMonthly: get('acquisition.organicMonthly'),
    upfront: get('investment.upfront'),
    monthlyCost: get('investment.monthly'),
    failureReduction: get('investment.failureReduction'),
    rampMonths: get('investment.rampMonths'),
    executionSuccess: get('investment.executionSuccess'),
    missedEffectShare: get('investment.missedEffectShare'),
    excellentShareIncrease: get('investment.excellentShareIncrease'),
  };
}
