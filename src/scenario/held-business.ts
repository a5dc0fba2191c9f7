import { count, percent } from '../format/numbers.js';
import type { Business } from './business.js';
import { expectedMonth } from './expected-month.js';
import { type RunParameters, contactFailure, splitSpend } from './parameters.js';

/** The monthly churn a business states: given, or from its annual retention. */
export function businessMonthlyChurn(business: Pick<Business, 'annualRetention' | 'monthlyChurn'>): number {
  return business.monthlyChurn ?? 1 - (business.annualRetention as number) ** (1 / 12);
}

/** A figure of a held business that one set of parameters cannot reproduce, in words. */
export interface BusinessConflict {
  /** The business figure, as a dotted path (`business.annualRetention`, …). */
  readonly path: string;
  readonly value: unknown;
  readonly message: string;
}

/** The x in [lo, hi] where an increasing f crosses target (bisection to double precision). */
export function solveIncreasing(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); i += 1) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The factor k by which touchpoint failures scale together (each capped at
 * 1) so that a journey fails with probability `pBad`; `null` when they are
 * all 0 (such a journey is given the rate spread evenly instead).
 */
export function journeyScale(failures: ArrayLike<number>, pBad: number): number | null {
  let largest = 0;
  for (let i = 0; i < failures.length; i += 1) largest = Math.max(largest, failures[i] as number);
  // Failures so small that 1 ÷ the largest overflows are as good as none: such a journey gets the rate spread evenly.
  if (!(largest > 0) || !Number.isFinite(1 / largest)) return null;
  const fails = (k: number) => {
    let good = 1;
    for (let i = 0; i < failures.length; i += 1) good *= 1 - Math.min(1, k * (failures[i] as number));
    return 1 - good;
  };
  // Already at the rate (a scenario read back): keep its failures to the bit.
  if (Math.abs(fails(1) - pBad) <= 1e-15) return 1;
  const k = solveIncreasing(fails, pBad, 0, 1 / largest);
  return Number.isFinite(k) ? k : null;
}

/** Failures scaled to a journey that fails with probability `pBad` (see {@link journeyScale}). */
export function scaledFailures(failures: ArrayLike<number>, pBad: number): number[] {
  const k = journeyScale(failures, pBad);
  const n = failures.length;
  return Array.from({ length: n }, (_, i) => (k === null ? 1 - (1 - pBad) ** (1 / n) : Math.min(1, k * (failures[i] as number))));
}

/**
 * Customers about to join (word-of-mouth converts and organic sign-ups) such
 * that, after negative stories put some off, `target` join: J·(1 − d)^(N/J)
 * = target, increasing and convex in J, solved by Newton's method from below.
 */
function aboutToJoinFor(target: number, negativeTells: number, deterrencePerTell: number, most: number): number {
  if (target <= 0) return 0;
  if (negativeTells <= 0 || deterrencePerTell <= 0) return target;
  if (deterrencePerTell >= 1) return most;
  const c = negativeTells * Math.log1p(-deterrencePerTell);
  const joining = (j: number) => j * Math.exp(c / j);
  let j = target;
  for (let i = 0; i < 100; i += 1) {
    const e = Math.exp(c / j);
    const step = (j * e - target) / (e * (1 - c / j));
    j -= step;
    if (!Number.isFinite(j) || Math.abs(step) <= 1e-13 * j) break;
  }
  // Stories so many that the exponential underflows defeat Newton's step: bisection over what the pool allows.
  if (!Number.isFinite(j) || j < target || j > most || Math.abs(joining(j) - target) > 1e-9 * target)
    return solveIncreasing(joining, target, target, most);
  return j;
}

/** Expected new customers in a month of a baseline with `customers`, at the parameters `p` and `organicMonthly` sign-ups. */
function newCustomers(p: RunParameters, customers: number, organicMonthly: number): number {
  return expectedMonth(customers, p.prospects, { pBad: p.pBad, excellentShare: p.excellentShare }, { ...p, organicMonthly }).acquired;
}

/**
 * The parameters of a run that holds `business`: the run's drawn figures
 * stay, and the unobserved ones are solved so that the baseline's first
 * month reproduces what the company observes: the bad-experience rate (the
 * touchpoints scaled together), churn (base churn takes what bad
 * experiences do not cause), revenue per customer, NPS (the excellent share)
 * and new customers (organic sign-ups take what word of mouth does not
 * bring), from today's customers or the steady state. Where a run's figures
 * cannot reproduce a figure, the solved parameter stops at its bound and
 * `report` (when given) hears why, in words.
 *
 * @param p - The run's parameters as drawn.
 * @param spendRatio - The run's `spend.goodMultiplier`.
 */
export function holdBusiness(p: RunParameters, business: Business, report?: (conflict: BusinessConflict) => void): RunParameters {
  // Five steps solved in order, each from the ones before.
  const conflict: Conflict = (path, value, message) => report?.({ path: `business.${path}`, value, message });
  const { pBad, touchpointPBad, targets } = heldBadExperiences(p, business, conflict);
  const { churn, baseChurn } = heldChurn(p, business, pBad, conflict);
  const excellentShare = heldExcellentShare(p, business, pBad, conflict);
  const { spendBad, spendGood } = splitSpend(business.averageRevenuePerCustomerMonthly, p.spendRatio, pBad);
  const held: RunParameters = {
    ...p,
    pBad,
    touchpointPBad,
    targets,
    baseChurn,
    excellentShare,
    spendBad,
    spendGood,
    initialCustomers: business.customers,
  };
  const organicMonthly = heldOrganicMonthly(held, business, conflict);

  // 5. Where to start: today's customers, or the count at which new customers balance churn.
  let initialCustomers = business.customers;
  if (business.startAtSteadyState === true) {
    const steady = steadyState({ ...held, organicMonthly }, churn);
    if (typeof steady === 'string') conflict('startAtSteadyState', true, steady);
    else initialCustomers = steady;
  }
  return { ...held, organicMonthly, initialCustomers };
}

/** Tells of a figure of the business (a path under `business.`) that the run cannot reproduce. */
type Conflict = (path: string, value: unknown, message: string) => void;

/** 1. Bad experiences: the observed rate, the touchpoints scaled together; else the run's own. */
function heldBadExperiences(
  p: RunParameters,
  business: Business,
  conflict: Conflict,
): Pick<RunParameters, 'pBad' | 'touchpointPBad' | 'targets'> {
  let { pBad, touchpointPBad, targets } = p;
  const observedBad = business.badExperienceShareMonthly;
  if (observedBad === undefined) return { pBad, touchpointPBad, targets };
  const contactFails = p.channels ? contactFailure(p.channels, 0) : 0;
  if (contactFails > observedBad + 1e-12)
    conflict(
      'badExperienceShareMonthly',
      observedBad,
      `failed contacts alone give ${percent(contactFails, 4)} bad experiences a month, more than the ${percent(observedBad, 4)} observed: lower channels.contactRate, the channels' failure rates or channels.siloPenalty`,
    );
  touchpointPBad = Math.max(0, 1 - (1 - observedBad) / (1 - contactFails));
  if (targets) {
    const failure = Float64Array.from(scaledFailures(targets.failure, touchpointPBad));
    targets = { failure, reduction: targets.reduction };
    let good = 1;
    for (const f of failure) good *= 1 - f;
    touchpointPBad = 1 - good;
  }
  pBad = p.channels ? 1 - (1 - touchpointPBad) * (1 - contactFails) : touchpointPBad;
  return { pBad, touchpointPBad, targets };
}

/** 2. Churn: bad journeys lose switchAfterBad of their customers; base churn takes the rest. */
function heldChurn(p: RunParameters, business: Business, pBad: number, conflict: Conflict): { churn: number; baseChurn: number } {
  const churn = businessMonthlyChurn(business);
  const churnPath = business.monthlyChurn === undefined ? 'annualRetention' : 'monthlyChurn';
  const churnValue = business.monthlyChurn ?? business.annualRetention;
  const fromBad = pBad * p.switchAfterBad;
  if (fromBad > churn + 1e-12)
    conflict(
      churnPath,
      churnValue,
      `monthly churn ${percent(churn, 2)} is lower than bad experiences alone cause: ${percent(pBad, 2)} of customers a month have one and churn.switchAfterBad says ${percent(p.switchAfterBad, 0)} of them leave (${percent(fromBad, 2)})`,
    );
  let baseChurn = pBad >= 1 ? 0 : Math.max(0, (churn - fromBad) / (1 - pBad));
  if (baseChurn > 1) {
    conflict(
      churnPath,
      churnValue,
      `monthly churn ${percent(churn, 2)} is higher than every customer leaving can give at this bad-experience rate`,
    );
    baseChurn = 1;
  }
  return { churn, baseChurn };
}

/** 3. NPS is linear in the excellent share: solved in closed form. */
function heldExcellentShare(p: RunParameters, business: Business, pBad: number, conflict: Conflict): number {
  if (business.nps === undefined) return p.excellentShare;
  const score = (x: number) => {
    const good = 1 - pBad;
    const promoters = good * x * p.recommendAfterExcellent + pBad * p.recommendAfterBad;
    const detractors = pBad * (1 - p.recommendAfterBad) + good * (1 - x) * p.detractorAfterOrdinary;
    return 100 * (promoters - detractors);
  };
  const [lowest, highest] = [score(0), score(1)];
  if (business.nps < lowest - 1e-9 || business.nps > highest + 1e-9)
    conflict(
      'nps',
      business.nps,
      `an NPS of ${business.nps} cannot come from a bad-experience rate of ${percent(pBad, 2)}: with the scenario's promoter and detractor shares (wordOfMouth.recommendAfterExcellent, recommendAfterBad, detractorAfterOrdinary) NPS lies between ${count(lowest, 1)} (no excellent journeys) and ${count(highest, 1)} (all good journeys excellent)`,
    );
  return highest > lowest ? Math.min(1, Math.max(0, (business.nps - lowest) / (highest - lowest))) : 0;
}

/** 4. Acquisition: organic sign-ups such that today's customers bring the observed new customers. */
function heldOrganicMonthly(held: RunParameters, business: Business, conflict: Conflict): number {
  const p = held;
  const { pBad, excellentShare } = held;
  const target = business.newCustomersMonthly;
  const customers = business.customers;
  const bad = customers * pBad;
  // The month without organic sign-ups: what word of mouth alone converts, and brings once stories put some off.
  const wordOfMouthOnly = expectedMonth(customers, p.prospects, { pBad, excellentShare }, { ...held, organicMonthly: 0 });
  const { converted } = wordOfMouthOnly;
  const fromWordOfMouth = wordOfMouthOnly.acquired;
  if (fromWordOfMouth > target * (1 + 1e-9) + 1e-6) {
    conflict(
      'newCustomersMonthly',
      target,
      `recommendations alone bring ${count(fromWordOfMouth)} new customers a month at these figures, more than the ${target} observed: lower wordOfMouth.conversionPerTell (an illustrative assumption)${business.nps === undefined ? ' or wordOfMouth.excellentShare (give business.nps)' : ' or the NPS, which sets how many journeys are excellent'}`,
    );
    return 0;
  }
  if (newCustomers(held, customers, 1) < target) {
    const everyone = p.prospects;
    conflict(
      'newCustomersMonthly',
      target,
      everyone >= target
        ? `negative stories put off too many of those who would join to leave the ${target} new customers observed: lower wordOfMouth.deterrencePerTell (an illustrative assumption) or the bad-experience rate`
        : `the prospect pool (customers.prospects, ${count(p.prospects)}) cannot supply ${target} new customers a month: raise customers.prospects`,
    );
    return 1;
  }
  const aboutToJoin = aboutToJoinFor(target, bad * p.speakAfterBad * p.toldAfterBad, p.deterrencePerTell, p.prospects);
  const rest = p.prospects - converted;
  return rest > 0 ? Math.min(1, Math.max(0, (aboutToJoin - converted) / rest)) : 0;
}

/** The customer count at which new customers balance churn, or why there is none. */
function steadyState(p: RunParameters, churn: number): number | string {
  if (churn <= 0) return 'a business that never loses a customer has no steady state: leave startAtSteadyState off';
  const net = (customers: number) => newCustomers(p, customers, p.organicMonthly) - churn * customers;
  const most = 1e9;
  const base = Math.max(1, p.initialCustomers);
  const perCustomer = (newCustomers(p, 2 * base, p.organicMonthly) - newCustomers(p, base, p.organicMonthly)) / base;
  if (perCustomer >= churn)
    return `the customer base has no steady state at these figures: each customer wins ${percent(perCustomer, 2)} a month in new customers by recommendation, more than the ${percent(churn, 2)} churn takes, so it grows until the prospect pool runs dry; leave startAtSteadyState off, or lower wordOfMouth.conversionPerTell`;
  const initial = Math.round(solveIncreasing((a) => -net(a), 0, 0, most));
  if (initial >= most || Math.abs(net(initial)) > Math.max(1, 0.01 * churn * initial))
    return `the customer base has no steady state below ${count(most)} customers at these figures: leave startAtSteadyState off`;
  if (initial >= p.prospects)
    return `the steady state (${count(initial)} customers) is larger than the prospect pool (customers.prospects, ${count(p.prospects)}): leave startAtSteadyState off, or raise customers.prospects`;
  if (initial < 1) return 'with no new customers the steady state is an empty customer base: leave startAtSteadyState off';
  return initial;
}
