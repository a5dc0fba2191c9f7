import { ScenarioError } from './error.js';
import type { Scenario } from './schema.js';

/** Every assumption's value in one run, by dotted path. */
export type DrawnValues = Readonly<Record<string, number>>;

/** The touchpoints a programme targets by name: each one's failure chance and the programme's cut of it at full effect. */
export interface TargetedTouchpoints {
  readonly failure: Float64Array;
  readonly reduction: Float64Array;
}

/** The contact channels of a run: their shares of contacts, failure chances now, and the programme's cut at full effect. */
export interface RunChannels {
  /** Share of customers who contact the company in a month. */
  readonly contactRate: number;
  readonly share: Float64Array;
  /** Failure chance per contact without the programme: the channel's own, × the silo penalty when it is not connected. */
  readonly failure: Float64Array;
  /** Relative cut of that chance once the programme is fully in effect (connection and improvement together). */
  readonly fullCut: Float64Array;
}

/** The numbers one run uses, after its assumptions are drawn. */
export interface RunParameters {
  readonly horizonMonths: number;
  /** Monthly discount factor: (1 + annual rate)^(−1/12). */
  readonly monthlyDiscount: number;
  readonly initialCustomers: number;
  readonly prospects: number;
  /** Chance of a bad journey without the programme: 1 − Π(1 − failᵢ) over the touchpoints and, if any, the contact step. */
  readonly pBad: number;
  /** The touchpoints' part of it: 1 − Π(1 − failᵢ). */
  readonly touchpointPBad: number;
  readonly switchAfterBad: number;
  readonly baseChurn: number;
  /** Revenue from a customer in a month with a bad experience: the average split by the 2.4 : 1 ratio. */
  readonly spendBad: number;
  /** Revenue from a customer in a month with a good experience. */
  readonly spendGood: number;
  /** How many times a bad month's spend a good month's is (`spend.goodMultiplier`). */
  readonly spendRatio: number;
  readonly grossMargin: number;
  readonly excellentShare: number;
  readonly recommendAfterExcellent: number;
  readonly recommendAfterBad: number;
  readonly detractorAfterOrdinary: number;
  readonly toldAfterExcellent: number;
  /** Months over which a promoter tells `toldAfterExcellent` people (`wordOfMouth.tellingPeriodMonths`). */
  readonly tellingPeriodMonths: number;
  /** People a customer who recommends after an excellent month tells that month: toldAfterExcellent ÷ tellingPeriodMonths. */
  readonly toldPerRecommendingMonth: number;
  readonly speakAfterBad: number;
  readonly toldAfterBad: number;
  readonly conversionPerTell: number;
  readonly deterrencePerTell: number;
  /** log1p(−conversionPerTell) and log1p(−deterrencePerTell): word of mouth needs them in both arms every month, the same all run. */
  readonly logMissConversion: number;
  readonly logMissDeterrence: number;
  readonly organicMonthly: number;
  /** Upfront cost: the programme's (summed over touchpoints) and any channel budgets. */
  readonly upfront: number;
  /** Monthly cost, summed over touchpoints. */
  readonly monthlyCost: number;
  /** Whole-journey cut of pBad at full effect; 0 when the programme targets touchpoints. */
  readonly failureReduction: number;
  /** Per-touchpoint cuts, when the programme targets touchpoints by name; else `null`. */
  readonly targets: TargetedTouchpoints | null;
  /** The contact channels, when the scenario has them; else `null`. */
  readonly channels: RunChannels | null;
  readonly delayMonths: number;
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

/**
 * The relative cut in a channel's (or a touchpoint's) failures that a
 * budget buys: nothing
 * until the set-up cost is covered (the channel is then connected, so its
 * silo penalty ends), then each `halfEffectSpend` more halves its failure
 * rate: 1 − 2^(−(budget − setupCost) ÷ halfEffectSpend). Diminishing returns:
 * the first half-effect buys as much as every later one together.
 *
 * @param budget - Money spent on the channel.
 * @param setupCost - What must be covered before anything improves (0 for none).
 * @param halfEffectSpend - Money beyond the set-up cost that halves the failure rate (> 0).
 * @returns Whether the budget covers the set-up (the channel is then connected) and the cut, 0 to 1.
 * @throws {@link ScenarioError} naming an argument that is not an amount of money in range (`halfEffectSpend` at least 1).
 * @example
 * ```ts
 * import { improvementFromBudget } from 'cx-roi';
 * improvementFromBudget(35_000, 15_000, 20_000); // => { connects: true, cut: 0.5 }
 * improvementFromBudget(55_000, 15_000, 20_000); // => { connects: true, cut: 0.75 }
 * improvementFromBudget(10_000, 15_000, 20_000); // => { connects: false, cut: 0 }
 * improvementFromBudget(35_000, 15_000, 0); // throws ScenarioError: halfEffectSpend: must be an amount of money from 1
 * ```
 */
export function improvementFromBudget(budget: number, setupCost: number, halfEffectSpend: number): { connects: boolean; cut: number } {
  const issues = (
    [
      ['budget', budget, 0],
      ['setupCost', setupCost, 0],
      ['halfEffectSpend', halfEffectSpend, 1],
    ] as const
  )
    .filter(([, value, least]) => !(typeof value === 'number' && value >= least && value <= 1e12))
    .map(([path, value, least]) => ({ path, value, message: `must be an amount of money from ${least} to 1,000,000,000,000` }));
  if (issues.length > 0) throw new ScenarioError(issues);
  if (budget < setupCost || budget <= 0) return { connects: false, cut: 0 };
  return { connects: true, cut: -Math.expm1(-((budget - setupCost) / halfEffectSpend) * Math.LN2) };
}

const touchpointPrefix = 'journey.touchpointFailure';
const reductionPrefix = 'investment.failureReduction.';

const upfrontPath = 'investment.upfront';
const monthlyPath = 'investment.monthly';

/** Whether `key` is the field `path` itself or one of its per-touchpoint parts (`path.name`). */
function isUnder(key: string, path: string): boolean {
  return key.startsWith(path) && (key.length === path.length || key.charCodeAt(path.length) === 46) /* '.' */;
}

/**
 * The drawn values that runParameters multiplies or adds up, by path, in the
 * values' own order (the order the product and sums are taken in): the
 * touchpoints' failures and the programme's per-touchpoint costs.
 */
export interface SummedPaths {
  readonly touchpointFailure: readonly string[];
  readonly upfront: readonly string[];
  readonly monthly: readonly string[];
}

/** The {@link SummedPaths} among the paths of drawn values, given in the values' order. */
export function summedPaths(paths: readonly string[]): SummedPaths {
  const touchpointFailure: string[] = [];
  const upfront: string[] = [];
  const monthly: string[] = [];
  for (const path of paths) {
    if (isUnder(path, touchpointPrefix)) touchpointFailure.push(path);
    else if (isUnder(path, upfrontPath)) upfront.push(path);
    else if (isUnder(path, monthlyPath)) monthly.push(path);
  }
  return { touchpointFailure, upfront, monthly };
}

/** The sum of drawn values, in the order of `paths`. */
function total(v: DrawnValues, paths: readonly string[]): number {
  let sum = 0;
  for (const path of paths) sum += v[path] as number;
  return sum;
}

/** The drawn value at a path, which must be there. */
function drawnValueAt(v: DrawnValues): (path: string) => number {
  return (path) => {
    const x = v[path];
    if (x === undefined) throw new Error(`no value drawn for ${path}`);
    return x;
  };
}

/** A programme that targets touchpoints by name cuts each one's failure, not pBad: the failures and cuts, or null. */
function drawnTargets(scenario: Scenario, v: DrawnValues, get: (path: string) => number): TargetedTouchpoints | null {
  if (v['investment.failureReduction'] !== undefined) return null;
  const names = Object.keys(scenario.journey.touchpointFailure);
  return {
    failure: Float64Array.from(names, (name) => get(`${touchpointPrefix}.${name}`)),
    reduction: Float64Array.from(names, (name) => v[`${reductionPrefix}${name}`] ?? 0),
  };
}

/** The contact channels of a run (null without them) and what the programme spends on them up front. */
function drawnChannels(
  scenario: Scenario,
  v: DrawnValues,
  get: (path: string) => number,
): { channels: RunChannels | null; channelBudget: number } {
  if (!scenario.channels) return { channels: null, channelBudget: 0 };
  let channelBudget = 0;
  const { offered } = scenario.channels;
  const names = Object.keys(offered);
  const silo = get('channels.siloPenalty');
  const investment = scenario.investment.channels;
  const failure = new Float64Array(names.length);
  const fullCut = new Float64Array(names.length);
  names.forEach((name, c) => {
    const connected = offered[name]?.connected ?? false;
    const own = get(`channels.offered.${name}.failure`);
    const before = Math.min(1, own * (connected ? 1 : silo));
    failure[c] = before;
    const budget = investment ? (v[`investment.channels.budget.${name}`] ?? 0) : 0;
    channelBudget += budget;
    if (!investment || before <= 0) return;
    const { connects, cut } = improvementFromBudget(
      budget,
      get('investment.channels.setupCost'),
      get('investment.channels.halfEffectSpend'),
    );
    const after = Math.min(1, own * (connected || connects ? 1 : silo) * (1 - cut));
    fullCut[c] = 1 - after / before;
  });
  const channels = {
    contactRate: get('channels.contactRate'),
    share: Float64Array.from(names, (name) => offered[name]?.share ?? 0),
    failure,
    fullCut,
  };
  return { channels, channelBudget };
}

/**
 * The model's parameters from one run's drawn values, as drawn: a scenario
 * that holds a business has some of them solved from it (`runParameters`).
 *
 * @param summed - `summedPaths(Object.keys(v))`, given by a caller that knows it (one per scenario for
 *   drawValues's records) so that each run need not sort the values' keys.
 */
export function drawnParameters(scenario: Scenario, v: DrawnValues, summed: SummedPaths = summedPaths(Object.keys(v))): RunParameters {
  const get = drawnValueAt(v);
  let pGood = 1;
  for (const path of summed.touchpointFailure) pGood *= 1 - (v[path] as number);
  const touchpointPBad = 1 - pGood;
  const targets = drawnTargets(scenario, v, get);
  const { channels, channelBudget } = drawnChannels(scenario, v, get);
  const pBad = channels ? 1 - pGood * (1 - contactFailure(channels, 0)) : touchpointPBad;

  const { spendBad, spendGood } = splitSpend(get('spend.averagePerMonth'), get('spend.goodMultiplier'), pBad);
  return {
    horizonMonths: scenario.horizonMonths,
    monthlyDiscount: (1 + get('discountRateAnnual')) ** (-1 / 12),
    initialCustomers: get('customers.initial'),
    prospects: get('customers.prospects'),
    pBad,
    touchpointPBad,
    switchAfterBad: get('churn.switchAfterBad'),
    baseChurn: get('churn.base'),
    spendBad,
    spendGood,
    spendRatio: get('spend.goodMultiplier'),
    grossMargin: get('spend.grossMargin'),
    excellentShare: get('wordOfMouth.excellentShare'),
    recommendAfterExcellent: get('wordOfMouth.recommendAfterExcellent'),
    recommendAfterBad: get('wordOfMouth.recommendAfterBad'),
    detractorAfterOrdinary: get('wordOfMouth.detractorAfterOrdinary'),
    toldAfterExcellent: get('wordOfMouth.toldAfterExcellent'),
    tellingPeriodMonths: get('wordOfMouth.tellingPeriodMonths'),
    toldPerRecommendingMonth: get('wordOfMouth.toldAfterExcellent') / get('wordOfMouth.tellingPeriodMonths'),
    speakAfterBad: get('wordOfMouth.speakAfterBad'),
    toldAfterBad: get('wordOfMouth.toldAfterBad'),
    conversionPerTell: get('wordOfMouth.conversionPerTell'),
    deterrencePerTell: get('wordOfMouth.deterrencePerTell'),
    logMissConversion: Math.log1p(-get('wordOfMouth.conversionPerTell')),
    logMissDeterrence: Math.log1p(-get('wordOfMouth.deterrencePerTell')),
    organicMonthly: get('acquisition.organicMonthly'),
    upfront: total(v, summed.upfront) + channelBudget,
    monthlyCost: total(v, summed.monthly),
    failureReduction: targets ? 0 : get('investment.failureReduction'),
    targets,
    channels,
    delayMonths: get('investment.delayMonths'),
    rampMonths: get('investment.rampMonths'),
    executionSuccess: get('investment.executionSuccess'),
    missedEffectShare: get('investment.missedEffectShare'),
    excellentShareIncrease: get('investment.excellentShareIncrease'),
  };
}

// biome-ignore lint/complexity/useMathMinMax: Math.max(0, x) would turn −0 into 0; the drawn values stay as they are, bit for bit
const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Chance that a customer's month has a failed contact, with the programme at `scale` of its full effect. */
export function contactFailure(channels: RunChannels, scale: number): number {
  let failed = 0;
  for (let c = 0; c < channels.share.length; c += 1)
    failed += (channels.share[c] as number) * clamp01((channels.failure[c] as number) * (1 - cutAt(channels.fullCut[c] as number, scale)));
  return channels.contactRate * failed;
}

/**
 * The programme's relative cut of a failure chance at `scale` of its full
 * effect. A negative scale is a missed programme that backfires
 * (`missedEffectShare` < 0): it makes failures more likely by that share of
 * the planned cut's size, whatever the cut's sign, so two negatives never
 * make an improvement.
 */
export function cutAt(plannedCut: number, scale: number): number {
  return (scale >= 0 ? plannedCut : Math.abs(plannedCut)) * scale;
}

/**
 * The chance of a bad journey with the programme at `scale` of its full
 * effect (negative: it backfires). The whole-journey form cuts the
 * touchpoints' part of pBad by failureReduction × scale; a targeted one cuts
 * each touchpoint it names. Channels, if any, are one more step of the
 * journey, which only `investment.channels` improves.
 */
export function investedPBad(p: RunParameters, scale: number): number {
  if (p.targets === null && p.channels === null) return Math.min(1, p.pBad * (1 - cutAt(p.failureReduction, scale)));
  let good: number;
  if (p.targets) {
    good = 1;
    const { failure, reduction } = p.targets;
    for (let i = 0; i < failure.length; i += 1) good *= 1 - clamp01((failure[i] as number) * (1 - cutAt(reduction[i] as number, scale)));
  } else good = 1 - Math.min(1, p.touchpointPBad * (1 - cutAt(p.failureReduction, scale)));
  if (p.channels) good *= 1 - contactFailure(p.channels, scale);
  return 1 - good;
}
