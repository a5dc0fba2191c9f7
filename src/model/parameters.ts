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
  readonly spendBad: number;
  readonly spendGood: number;
  readonly grossMargin: number;
  readonly recommendAfterGood: number;
  readonly toldAfterGood: number;
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
  const spendBad = get('spend.perMonthBad');
  return {
    horizonMonths,
    monthlyDiscount: Math.pow(1 + get('discountRateAnnual'), -1 / 12),
    initialCustomers: get('customers.initial'),
    prospects: get('customers.prospects'),
    pBad: 1 - pGood,
    switchAfterBad: get('churn.switchAfterBad'),
    baseChurn: get('churn.base'),
    spendBad,
    spendGood: spendBad * get('spend.goodMultiplier'),
    grossMargin: get('spend.grossMargin'),
    recommendAfterGood: get('wordOfMouth.recommendAfterGood'),
    toldAfterGood: get('wordOfMouth.toldAfterGood'),
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
  };
}
