import * as z from 'zod';
import { scenarioAssumptions } from '../scenario/assumption-fields.js';
import { type RunParameters, contactFailure } from '../model/parameters.js';
import { centralValue } from '../scenario/distribution.js';
import { ScenarioError, fromZodIssues } from '../scenario/error.js';
import { shapeIssues } from '../scenario/guard.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { alternatives } from '../scenario/sources.js';
import { type ArmConditions, centralParameters, expectedMonth, netPromoterScore } from './expected.js';

/**
 * What a company knows about its own business, monthly. Give the annual
 * retention or the monthly churn (one of them).
 */
export const observedBusinessSchema = z
  .strictObject({
    /** Active customers today. */
    customers: z.number({ error: 'expected a number of customers' }).int('must be a whole number').min(1, 'must be at least 1').max(1e9, 'must be at most 1,000,000,000'),
    /** Share of customers still customers a year later (0 to 1). */
    annualRetention: z.number({ error: 'expected a share from 0 to 1' }).gt(0, 'must be above 0').max(1, 'must be at most 1').optional(),
    /** Share of customers lost a month (0 to 1). */
    monthlyChurn: z.number({ error: 'expected a share from 0 to 1' }).min(0, 'must be at least 0').lt(1, 'must be below 1').optional(),
    /** Average revenue per customer per month. */
    averageRevenuePerCustomerMonthly: z.number({ error: 'expected an amount of money' }).min(0, 'must be at least 0').max(1e12, 'must be at most 1e12'),
    /** New customers a month. */
    newCustomersMonthly: z.number({ error: 'expected a number of customers' }).min(0, 'must be at least 0').max(1e9, 'must be at most 1e9'),
    /** Share of customers with a bad experience in a month: a complaint or failure rate (optional). */
    badExperienceShareMonthly: z.number({ error: 'expected a share from 0 to 1' }).min(0, 'must be at least 0').lt(1, 'must be below 1').optional(),
    /** Net Promoter Score, −100 to 100 (optional). */
    nps: z.number({ error: 'expected a score from -100 to 100' }).min(-100, 'must be at least -100').max(100, 'must be at most 100').optional(),
  })
  .check((ctx) => {
    const { annualRetention, monthlyChurn } = ctx.value;
    if ((annualRetention === undefined) === (monthlyChurn === undefined))
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: [annualRetention === undefined ? 'annualRetention' : 'monthlyChurn'],
        message: 'give exactly one of annualRetention and monthlyChurn',
      });
  });

/** What a company knows about its own business (see {@link observedBusinessSchema}). */
export type ObservedBusiness = z.infer<typeof observedBusinessSchema>;

const optionsSchema = z.strictObject({ startAtSteadyState: z.boolean({ error: 'must be true or false' }).optional() });

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /**
   * Start the simulation at the baseline's steady state (where new customers
   * balance churn in the first month) instead of today's customer count, so
   * the ROI is not carried by growth or decline the company would have had
   * anyway. It is steady at the start: as the prospect pool is used up,
   * organic sign-ups slow down (`impliedKpis(...).withoutProgramme` shows by
   * how much over the horizon).
   * @defaultValue false
   * @throws {@link ScenarioError} when there is no steady state (no churn, no new customers, or word of mouth outgrowing churn).
   */
  readonly startAtSteadyState?: boolean;
}

const percent = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;

function conflict(path: string, value: unknown, message: string): never {
  throw new ScenarioError([{ path: `observed.${path}`, value, message }]);
}

/** The x in [lo, hi] where an increasing f crosses target (bisection to double precision). */
function solveIncreasing(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); i += 1) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The touchpoint failures scaled by one factor so that the journey fails with probability `pBad`. */
function journeyFor(scenario: Scenario, pBad: number): Scenario['journey']['touchpointFailure'] {
  const given = scenario.journey.touchpointFailure;
  const failures = scenarioAssumptions(scenario)
    .filter((f) => f.path === 'journey.touchpointFailure' || f.path.startsWith('journey.touchpointFailure.'))
    .map((f) => centralValue(f.value, f.domain));
  const largest = Math.max(...failures);
  const journeyFails = (k: number) => 1 - failures.reduce((good, f) => good * (1 - Math.min(1, k * f)), 1);
  // Scale the journey's shape; a journey that never fails gets the rate spread evenly.
  const scaled =
    largest > 0 && journeyFails(1 / largest) >= pBad
      ? ((k: number) => failures.map((f) => Math.min(1, k * f)))(solveIncreasing(journeyFails, pBad, 0, 1 / largest))
      : failures.map(() => 1 - (1 - pBad) ** (1 / failures.length));
  if (Array.isArray(given)) return scaled;
  if (typeof given === 'number' || 'dist' in given) return scaled[0] as number;
  return Object.fromEntries(Object.keys(given).map((name, i) => [name, scaled[i] as number]));
}

/**
 * A scenario whose baseline is the company's own business: it reproduces the
 * customers, retention (or churn), average revenue per customer and new
 * customers a month it is given, and when given them, the bad-experience rate
 * and NPS. It solves for the illustrative parameters (`churn.base`,
 * `spend.averagePerMonth`, `acquisition.organicMonthly`,
 * `wordOfMouth.excellentShare`, the touchpoint failure rates, scaled
 * together) in closed form where the model allows and by bisection where it
 * does not, and keeps the sourced figures (86%, 9 and 16, 140%, 90%, 50%).
 * Uncertain assumptions it reads count at their mean; those it solves for
 * become numbers. `impliedKpis(calibrate(observed))` gives back `observed`.
 *
 * @param observed - What the company knows (see {@link ObservedBusiness}).
 * @param input - A partial scenario to start from (the programme, costs, horizon…); defaults fill the rest.
 * @param options - `startAtSteadyState`.
 * @returns The complete scenario, valid input for `simulate`.
 * @throws {@link ScenarioError} for a bad observation or scenario, and when the
 *   observations contradict a sourced figure (for example churn lower than
 *   86% of the bad-experience rate allows), naming the conflict and the
 *   figures in the seed articles that would resolve it.
 * @example
 * ```ts
 * const scenario = calibrate({ customers: 42_000, annualRetention: 0.85, averageRevenuePerCustomerMonthly: 31, newCustomersMonthly: 600 });
 * simulate(scenario, { runs: 2000 });
 * ```
 */
export function calibrate(observed: ObservedBusiness, input: ScenarioInput = {}, options: CalibrateOptions | null = {}): Scenario {
  // The same bounds on shape as a scenario's, before anything walks the observations.
  const shape = shapeIssues({ observed }).concat(shapeIssues({ options }));
  if (shape.length > 0) throw new ScenarioError(shape);
  const parsed = observedBusinessSchema.safeParse(observed);
  if (!parsed.success)
    throw new ScenarioError(fromZodIssues(parsed.error.issues, { observed }, () => Object.keys(observedBusinessSchema.shape), ['observed']));
  const given = optionsSchema.safeParse(options ?? {});
  if (!given.success) throw new ScenarioError(fromZodIssues(given.error.issues, { options }, () => Object.keys(optionsSchema.shape), ['options']));
  const o = parsed.data;
  const scenario = parseScenario(input);
  const central = centralParameters(scenario);

  // 1. Bad experiences: the observed rate, by scaling the touchpoints; else the scenario's.
  const pBad = o.badExperienceShareMonthly ?? central.pBad;
  // With channels, contacts that fail are part of the rate: the touchpoints make up the rest.
  const contactFails = central.channels ? contactFailure(central.channels, 0) : 0;
  if (o.badExperienceShareMonthly !== undefined && contactFails > pBad + 1e-12)
    conflict(
      'badExperienceShareMonthly',
      o.badExperienceShareMonthly,
      `failed contacts alone give ${percent(contactFails, 4)} bad experiences a month, more than the ${percent(pBad, 4)} observed: lower channels.contactRate, the channels' failure rates or channels.siloPenalty`,
    );
  // Within the tolerance above, contacts may leave the touchpoints a hair below nothing: they then fail never.
  const journey =
    o.badExperienceShareMonthly === undefined ? scenario.journey.touchpointFailure : journeyFor(scenario, Math.max(0, 1 - (1 - pBad) / (1 - contactFails)));

  // 2. Churn: bad journeys lose switchAfterBad of their customers; base churn takes the rest.
  const churn = o.monthlyChurn ?? 1 - (o.annualRetention as number) ** (1 / 12);
  const churnField = o.monthlyChurn === undefined ? 'annualRetention' : 'monthlyChurn';
  const churnValue = o.monthlyChurn ?? o.annualRetention;
  const fromBad = pBad * central.switchAfterBad;
  if (fromBad > churn + 1e-12) {
    const lower = (alternatives['churn.switchAfterBad'] ?? []).filter((a) => a.value < central.switchAfterBad);
    const describe = (a: (typeof lower)[number]) => `${percent(a.value, 0)} (${a.figure}: ${a.credit}, ${a.article})`;
    const fitting = lower.filter((a) => a.value * pBad <= churn);
    const resolution =
      fitting.length > 0
        ? `the seed articles also give ${fitting.map(describe).join('; ')}, which fit${fitting.length === 1 ? 's' : ''}: set churn.switchAfterBad to ${fitting.length === 1 ? 'it' : 'one of them'}.`
        : `even the lowest figures in the seed articles (${lower.map(describe).join('; ')}) leave more churn than observed, so check the bad-experience rate.`;
    conflict(
      churnField,
      churnValue,
      `monthly churn ${percent(churn, 2)} is lower than bad experiences alone cause: ${percent(pBad, 2)} of customers a month have one and churn.switchAfterBad says ${percent(central.switchAfterBad, 0)} of them leave (${percent(fromBad, 2)}). ` +
        `Either fewer customers have bad experiences (${o.badExperienceShareMonthly === undefined ? `give observed.badExperienceShareMonthly: ${percent(pBad, 2)} is the default journey's illustrative rate` : 'observed.badExperienceShareMonthly'}) or fewer of them leave: ${resolution}`,
    );
  }
  const baseChurn = pBad >= 1 ? 0 : Math.max(0, (churn - fromBad) / (1 - pBad));
  if (baseChurn > 1) conflict(churnField, churnValue, `monthly churn ${percent(churn, 2)} is higher than every customer leaving can give at this bad-experience rate`);

  // 3. NPS: linear in the excellent share (see netPromoterScore), so solved in closed form.
  let excellentShare = central.excellentShare;
  if (o.nps !== undefined) {
    const score = (x: number) => netPromoterScore({ pBad, excellentShare: x }, central);
    const [lowest, highest] = [score(0), score(1)];
    excellentShare = highest > lowest ? (o.nps - lowest) / (highest - lowest) : 0;
    if (o.nps < lowest - 1e-9 || o.nps > highest + 1e-9)
      conflict(
        'nps',
        o.nps,
        `an NPS of ${o.nps} cannot come from a bad-experience rate of ${percent(pBad, 2)}: with the scenario's promoter and detractor shares (wordOfMouth.recommendAfterExcellent, recommendAfterBad, detractorAfterOrdinary) NPS lies between ${lowest.toFixed(1)} (no excellent journeys) and ${highest.toFixed(1)} (all good journeys excellent); leave out observed.nps, or give the bad-experience rate that goes with it`,
      );
    excellentShare = Math.min(1, Math.max(0, excellentShare));
  }

  // 4. Acquisition: organic sign-ups such that the first month brings the observed new customers.
  const p: RunParameters = { ...central, pBad, baseChurn, excellentShare, initialCustomers: o.customers };
  const arm: ArmConditions = { pBad, excellentShare };
  const newCustomers = (organicMonthly: number, customers = o.customers) =>
    expectedMonth(customers, p.prospects, arm, { ...p, organicMonthly }).acquired;
  const fromWordOfMouth = newCustomers(0);
  if (fromWordOfMouth > o.newCustomersMonthly * (1 + 1e-9) + 1e-6)
    conflict(
      'newCustomersMonthly',
      o.newCustomersMonthly,
      `recommendations alone bring ${fromWordOfMouth.toFixed(0)} new customers a month at these figures, more than the ${o.newCustomersMonthly} observed: lower wordOfMouth.conversionPerTell (an illustrative assumption)${o.nps === undefined ? ' or wordOfMouth.excellentShare (give observed.nps)' : ' or the NPS, which sets how many journeys are excellent'}`,
    );
  // Everyone in the pool about to join, and still too few: the pool is too small, or negative stories put too many off.
  const everyone = expectedMonth(o.customers, p.prospects, arm, { ...p, organicMonthly: 1 });
  if (everyone.acquired < o.newCustomersMonthly) {
    conflict(
      'newCustomersMonthly',
      o.newCustomersMonthly,
      everyone.converted + everyone.organic >= o.newCustomersMonthly
        ? `negative stories put off ${everyone.deterred.toFixed(0)} of the ${(everyone.converted + everyone.organic).toFixed(0)} who would join, leaving fewer than the ${o.newCustomersMonthly} observed: lower wordOfMouth.deterrencePerTell (an illustrative assumption) or the bad-experience rate`
        : `the prospect pool (customers.prospects, ${p.prospects.toLocaleString('en-US')}) cannot supply ${o.newCustomersMonthly} new customers a month: raise customers.prospects`,
    );
  }
  const organicMonthly = solveIncreasing((x) => newCustomers(x), o.newCustomersMonthly, 0, 1);

  // 5. Where to start: today's customers, or the count at which new customers balance churn.
  let initial = o.customers;
  if (given.data.startAtSteadyState === true) {
    if (churn <= 0) conflict(churnField, churnValue, 'a business that never loses a customer has no steady state: leave startAtSteadyState off');
    // Net change a month at A customers: new − churn·A. A steady state is where it crosses zero from above.
    const net = (customers: number) => newCustomers(organicMonthly, customers) - churn * customers;
    const most = 1e9;
    // Each extra customer brings recommendations; if they win more customers than churn takes, nothing holds the base steady.
    const perCustomer = (newCustomers(organicMonthly, 2 * o.customers) - newCustomers(organicMonthly, o.customers)) / o.customers;
    if (perCustomer >= churn)
      conflict(
        'newCustomersMonthly',
        o.newCustomersMonthly,
        `the customer base has no steady state at these figures: each customer wins ${percent(perCustomer, 2)} a month in new customers by recommendation, more than the ${percent(churn, 2)} churn takes, so it grows until the prospect pool runs dry; leave startAtSteadyState off, or lower wordOfMouth.conversionPerTell`,
      );
    initial = Math.round(solveIncreasing((a) => -net(a), 0, 0, most));
    // A root at the search's end, or one where new customers do not balance churn, is no steady state.
    if (initial >= most || Math.abs(net(initial)) > Math.max(1, 0.01 * churn * initial))
      conflict('newCustomersMonthly', o.newCustomersMonthly, `the customer base has no steady state below ${most.toLocaleString('en-US')} customers at these figures: leave startAtSteadyState off`);
    if (initial >= p.prospects)
      conflict('newCustomersMonthly', o.newCustomersMonthly, `the steady state (${initial.toLocaleString('en-US')} customers) is larger than the prospect pool (customers.prospects, ${p.prospects.toLocaleString('en-US')}): leave startAtSteadyState off, or raise customers.prospects`);
    if (initial < 1)
      conflict('newCustomersMonthly', o.newCustomersMonthly, 'with no new customers the steady state is an empty customer base: leave startAtSteadyState off');
  }

  const spend = scenario.spend;
  return parseScenario({
    ...scenario,
    customers: { ...scenario.customers, initial },
    journey: { touchpointFailure: journey },
    churn: { ...scenario.churn, base: baseChurn },
    spend: { ...spend, averagePerMonth: o.averageRevenuePerCustomerMonthly },
    wordOfMouth: { ...scenario.wordOfMouth, excellentShare },
    acquisition: { organicMonthly },
  });
}
