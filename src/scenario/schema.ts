import * as z from 'zod';
import { type Assumption, distributionSchema, distributionWords, lowestDraw } from './distribution.js';
import { type Domain, domains, limits, minimumProgrammeCost } from './domain.js';
import { maturityAnswersSchema, executionSuccessFromMaturity } from './maturity.js';
import { businessSchema } from './business.js';
import { type SourceName, sources } from './sources.js';
import { deepFreeze } from './freeze.js';

/** What the docs, the playground and `describeAssumptions` say about one scenario field. */
export interface FieldMeta {
  /**
   * A short name in plain words for people who do not read code, in sentence
   * case and at most about 40 characters, e.g. `"Switching after a bad experience"`
   * for `churn.switchAfterBad`. Fields given per touchpoint or per channel share
   * one label (`"Touchpoint failure rate"`): a display adds the name.
   */
  readonly label: string;
  /** Unit of the value, e.g. `"share per month"`. */
  readonly unit: string;
  /** What the field means in the model, in one sentence. */
  readonly description: string;
  /** The documented figure behind the default, or `null` for an illustrative assumption. */
  readonly source: SourceName | null;
  /** Allowed values. */
  readonly domain: Domain;
  /** Whether the field may be a distribution (`{ dist: ... }`) instead of a number. */
  readonly uncertain: boolean;
  /** Why the default is what it is, when it is an illustrative assumption. */
  readonly note?: string;
}

/**
 * Field metadata, keyed by schema: the one place docs tables are generated from.
 * Read it with `fieldRegistry.get(schema)`. It is read-only: every record is
 * frozen, and once the scenario schema is built `add`, `remove` and `clear`
 * throw a TypeError, since a changed label or domain would change every later
 * description and check. Keep metadata of your own in a `z.registry()` of your own.
 */
export const fieldRegistry = z.registry<FieldMeta>();
// While the schema below is built, each record is frozen as it is registered.
const registerField = fieldRegistry.add.bind(fieldRegistry) as (schema: z.core.$ZodType, meta: FieldMeta) => unknown;
Object.defineProperty(fieldRegistry, 'add', {
  configurable: true,
  value: (schema: z.core.$ZodType, meta: FieldMeta) => (registerField(schema, deepFreeze(meta)), fieldRegistry),
});

function fixedNumber(domain: Domain) {
  const range = `must be ${domain.label}`;
  const base = z.number({ error: `expected ${domain.label}` });
  return (domain.integer ? base.int(`${range} (a whole number)`) : base).min(domain.min, range).max(domain.max, range);
}

/** A numeric assumption: a number in `domain`, or a distribution over it drawn once per run. */
function assumption(domain: Domain, meta: Omit<FieldMeta, 'domain' | 'uncertain'>) {
  return z.union([fixedNumber(domain), distributionSchema(domain)]).register(fieldRegistry, { ...meta, domain, uncertain: true });
}

/** A setting that shapes the simulation itself and is never uncertain. */
function setting(domain: Domain, meta: Omit<FieldMeta, 'domain' | 'uncertain'>) {
  return fixedNumber(domain).register(fieldRegistry, { ...meta, domain, uncertain: false });
}

const probability = (meta: Omit<FieldMeta, 'domain' | 'uncertain'>) => assumption(domains.probability, meta);
const illustrative = 'Illustrative assumption, not a published finding: set it from your own data.';

const touchpointName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'a touchpoint name: a letter, then letters, digits, _ or -, at most 40')
  .refine((name) => !distributionWords.has(name), 'a touchpoint cannot be named like a word of a distribution (dist, min, max, …)');
const calibratedNote = `${illustrative} While the scenario holds a business (scenario.business, by default the default business: 80% annual retention, 1.5% bad experiences a month, NPS 20, 180 new customers a month), it is solved from that business in every run, and the value shown is the solution at the assumptions' means; with business: null it is yours to set.`;
const touchpointFailureOne = assumption(domains.probability, {
  label: 'Touchpoint failure rate',
  unit: 'probability per month',
  description: 'Chance that one touchpoint of a customer’s monthly journey fails.',
  source: null,
  note: calibratedNote,
});

const tunedCostNote =
  'Illustrative: the programme’s budget is the company’s own figure, not something to estimate. The default (110,000 up front, 5,500 a month) is a mid-sized programme for a 10,000-customer business; 0.4 chose it so that the default landed near Accenture’s 23 / 57 / 20, a target nothing is tuned to any more (realityCheck() shows how far the default lands from it). Set your own.';

/**
 * An assumption given once for the whole journey, or once per touchpoint the
 * programme targets (a record by touchpoint name, e.g. `{ delivery: 0.5 }`).
 */
function perTouchpoint(domain: Domain, meta: Omit<FieldMeta, 'domain' | 'uncertain'>) {
  const one = assumption(domain, meta);
  return z
    .union([
      one,
      z.record(touchpointName, one).refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 50, 'needs 1 to 50 named touchpoints'),
    ])
    .register(fieldRegistry, { ...meta, domain, uncertain: true });
}

const channelName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'a channel name: a letter, then letters, digits, _ or -, at most 40')
  .refine((name) => !distributionWords.has(name), 'a channel cannot be named like a word of a distribution (dist, min, max, …)');
const channelBudgetOne = assumption(domains.money, {
  label: 'Channel budget',
  unit: 'currency',
  description: 'Budget the programme spends on improving one channel, paid at the start on top of investment.upfront.',
  source: null,
  note: illustrative,
});

/** The sum of a per-touchpoint assumption's lowest draws. */
function lowestTotal(value: Assumption | Readonly<Record<string, Assumption>>, domain: Domain): number {
  if (typeof value === 'number' || 'dist' in value) return lowestDraw(value as Assumption, domain);
  let sum = 0;
  for (const x of Object.values(value) as Assumption[]) sum += lowestDraw(x, domain);
  return sum;
}

/**
 * The scenario: every assumption of the model, with its range and provenance.
 * The TypeScript types, the defaults' validation and the docs tables all
 * derive from this one schema.
 */
export const scenarioSchema = z
  .strictObject({
    /**
     * Time horizon.
     *
     * How many months to simulate: long enough to see a 2–3 year programme pay back.
     *
     * Unit: months. Allowed: a whole number of months from 1 to 240.
     * Illustrative assumption: Five years by default, a choice rather than a finding; at most 20 years.
     * @defaultValue 60
     */
    horizonMonths: setting(
      { min: 1, max: limits.horizonMonths, integer: true, label: `a whole number of months from 1 to ${limits.horizonMonths}` },
      {
        label: 'Time horizon',
        unit: 'months',
        description: 'How many months to simulate: long enough to see a 2–3 year programme pay back.',
        source: null,
        note: 'Five years by default, a choice rather than a finding; at most 20 years.',
      },
    ),
    /**
     * Discount rate.
     *
     * Annual discount rate applied to margins and costs (monthly compounding) for ROI and NPV.
     *
     * Unit: share per year. Allowed: an annual rate from 0 to 1, or a distribution over it, drawn once per run.
     * Illustrative assumption, not a published finding: set it from your own data.
     * @defaultValue 0.08
     */
    discountRateAnnual: assumption(domains.annualRate, {
      label: 'Discount rate',
      unit: 'share per year',
      description: 'Annual discount rate applied to margins and costs (monthly compounding) for ROI and NPV.',
      source: null,
      note: illustrative,
    }),
    /**
     * The business the scenario describes, as the company observes it
     * (customers, annual retention or monthly churn, revenue per customer,
     * new customers a month, and if known the bad-experience rate and NPS).
     * While it is given, the parameters nobody observes (customers.initial,
     * churn.base, spend.averagePerMonth, acquisition.organicMonthly, the
     * touchpoint failures' scale with a bad-experience rate, and
     * wordOfMouth.excellentShare with an NPS) are solved from it in every
     * run, so changing a CX figure asks what the programme is worth to this
     * company were that figure true. `null`: no business is held, and those
     * parameters are the scenario's own.
     * @defaultValue defaultBusiness
     */
    business: businessSchema.nullable(),
    customers: z.strictObject({
      /**
       * Customers at the start.
       *
       * Active customers at the start, the same in both arms.
       *
       * Unit: customers. Allowed: a whole number of people from 0 to 1,000,000,000, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data.
       * @defaultValue 10000
       */
      initial: assumption(domains.people, {
        label: 'Customers at the start',
        unit: 'customers',
        description: 'Active customers at the start, the same in both arms.',
        source: null,
        note: illustrative,
      }),
      /**
       * Potential customers.
       *
       * Prospect pool: people who could still become customers; acquisition and deterrence draw it down.
       *
       * Unit: people. Allowed: a whole number of people from 0 to 1,000,000,000, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data.
       * @defaultValue 250000
       */
      prospects: assumption(domains.people, {
        label: 'Potential customers',
        unit: 'people',
        description: 'Prospect pool: people who could still become customers; acquisition and deterrence draw it down.',
        source: null,
        note: illustrative,
      }),
    }),
    journey: z.strictObject({
      /**
       * Touchpoint failure rate.
       *
       * Failure chance of each touchpoint of the monthly journey (a number for the whole journey, or one per touchpoint, listed or named); the journey is bad if any one fails: pBad = 1 − Π(1 − failᵢ).
       *
       * Unit: probability per month. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data. The weakest-link idea itself (one late delivery undoes the journey) is from 000_ab32cb94a1089f0b.txt.
       */
      touchpointFailure: z
        .union([
          touchpointFailureOne,
          z.array(touchpointFailureOne).min(1, 'needs at least one touchpoint').max(50, 'at most 50 touchpoints'),
          z
            .record(touchpointName, touchpointFailureOne)
            .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 50, 'needs 1 to 50 named touchpoints'),
        ])
        .register(fieldRegistry, {
          label: 'Touchpoint failure rate',
          unit: 'probability per month',
          description:
            'Failure chance of each touchpoint of the monthly journey (a number for the whole journey, or one per touchpoint, listed or named); the journey is bad if any one fails: pBad = 1 − Π(1 − failᵢ).',
          source: null,
          note: `${illustrative} The weakest-link idea itself (one late delivery undoes the journey) is from 000_ab32cb94a1089f0b.txt.`,
          domain: domains.probability,
          uncertain: true,
        }),
    }),
    churn: z.strictObject({
      /**
       * Switching after a bad experience.
       *
       * Chance that a customer with a bad experience this month stops buying and switches brand.
       *
       * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Source: the article’s own statistics, “86% switch to another brand after one bad experience” (Alles wat je wil én moet weten over customer experience).
       * @defaultValue 0.86
       */
      switchAfterBad: probability({
        label: 'Switching after a bad experience',
        unit: 'probability',
        description: 'Chance that a customer with a bad experience this month stops buying and switches brand.',
        source: 'switchAfterBad',
      }),
      /**
       * Leaving after a good experience.
       *
       * Chance that a customer with a good experience leaves anyway this month (moves, no longer needs the product).
       *
       * Unit: probability per month. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data. While the scenario holds a business (scenario.business, by default the default business: 80% annual retention, 1.5% bad experiences a month, NPS 20, 180 new customers a month), it is solved from that business in every run, and the value shown is the solution at the assumptions' means; with business: null it is yours to set.
       * @defaultValue 0.005607583884516073
       */
      base: probability({
        label: 'Leaving after a good experience',
        unit: 'probability per month',
        description: 'Chance that a customer with a good experience leaves anyway this month (moves, no longer needs the product).',
        source: null,
        note: calibratedNote,
      }),
    }),
    spend: z.strictObject({
      /**
       * Monthly spend per customer.
       *
       * Average revenue per customer per month without the programme, as the company knows it; the documented 2.4 : 1 ratio splits it into good and bad months, so fewer bad months raise it.
       *
       * Unit: currency per customer per month. Allowed: an amount of money from 0 to 1,000,000,000,000, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data.
       * @defaultValue 90
       */
      averagePerMonth: assumption(domains.money, {
        label: 'Monthly spend per customer',
        unit: 'currency per customer per month',
        description:
          'Average revenue per customer per month without the programme, as the company knows it; the documented 2.4 : 1 ratio splits it into good and bad months, so fewer bad months raise it.',
        source: null,
        note: illustrative,
      }),
      /**
       * Extra spend after a good experience.
       *
       * How much more a customer spends in a month with a good experience than in one with a bad experience: 2.4 means 140% more.
       *
       * Unit: × bad spend. Allowed: a spend ratio from 0.01 to 100, or a distribution over it, drawn once per run.
       * Source: Harvard Business Review, “customers with a good experience spend 140% more (2.4 : 1)” (Alles wat je wil én moet weten over customer experience).
       * @defaultValue 2.4
       */
      goodMultiplier: assumption(domains.spendRatio, {
        label: 'Extra spend after a good experience',
        unit: '× bad spend',
        description: 'How much more a customer spends in a month with a good experience than in one with a bad experience: 2.4 means 140% more.',
        source: 'spendAfterGood',
      }),
      /**
       * Gross margin.
       *
       * Gross margin on revenue: the part of extra revenue that is extra profit.
       *
       * Unit: share of revenue. Allowed: a share from 0 to 1, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data.
       * @defaultValue 0.35
       */
      grossMargin: assumption(domains.share, {
        label: 'Gross margin',
        unit: 'share of revenue',
        description: 'Gross margin on revenue: the part of extra revenue that is extra profit.',
        source: null,
        note: illustrative,
      }),
    }),
    wordOfMouth: z.strictObject({
      /**
       * Share of excellent experiences.
       *
       * Share of good journeys that are excellent: the experiences customers recommend, and with the bad share what sets NPS (see recommendAfterBad and detractorAfterOrdinary).
       *
       * Unit: share of good journeys. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data. While the scenario holds a business (scenario.business, by default the default business: 80% annual retention, 1.5% bad experiences a month, NPS 20, 180 new customers a month), it is solved from that business in every run, and the value shown is the solution at the assumptions' means; with business: null it is yours to set. calibrate() sets it from an observed NPS.
       * @defaultValue 0.31279187817258886
       */
      excellentShare: probability({
        label: 'Share of excellent experiences',
        unit: 'share of good journeys',
        description:
          'Share of good journeys that are excellent: the experiences customers recommend, and with the bad share what sets NPS (see recommendAfterBad and detractorAfterOrdinary).',
        source: null,
        note: `${calibratedNote} calibrate() sets it from an observed NPS.`,
      }),
      /**
       * Recommending after an excellent experience.
       *
       * Chance that a customer with an excellent experience this month recommends the company.
       *
       * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Source: Temkin Group, “90% recommend the company after an excellent experience” (Hoe klantgedreven is jouw organisatie daadwerkelijk?).
       * @defaultValue 0.9
       */
      recommendAfterExcellent: probability({
        label: 'Recommending after an excellent experience',
        unit: 'probability',
        description: 'Chance that a customer with an excellent experience this month recommends the company.',
        source: 'recommendAfterExcellent',
      }),
      /**
       * People told about an excellent experience.
       *
       * People a customer who recommends the company tells about the excellent experience.
       *
       * Unit: people per recommender. Allowed: a number of people from 0 to 1,000, or a distribution over it, drawn once per run.
       * Source: the article (“Customer experience weetjes”), “loyal customers tell about 9 people, dissatisfied ones 16 on average” (Alles wat je wil én moet weten over customer experience).
       * @defaultValue 9
       */
      toldAfterExcellent: assumption(domains.tellsPerCustomer, {
        label: 'People told about an excellent experience',
        unit: 'people per recommender',
        description: 'People a customer who recommends the company tells about the excellent experience.',
        source: 'toldAfterGoodAndBad',
      }),
      /**
       * Months over which a promoter tells them.
       *
       * The span over which a customer who recommends the company tells toldAfterExcellent people: a month with an excellent experience and a recommendation tells toldAfterExcellent ÷ this many. 1: 9 people for every excellent month; 12: about 9 people a year of recommending.
       *
       * Unit: months. Allowed: a number of months from 1 to 240, or a distribution over it, drawn once per run.
       * Illustrative assumption: A reading of article 003, an illustrative choice rather than a figure of its own. “Loyal customers share their experience with some 9 people” counts people per loyal customer and gives no period; the model’s excellent experiences come monthly, and a customer’s circle does not renew every month, so 9 people every excellent month (cx-roi 0.5’s reading, 1) tells about 30 people a customer-year, more than the 16 a dissatisfied customer tells about a bad experience. A year (12) is the default: a promoter reaches about 9 people a year, fewer per teller than the 16 a bad experience reaches, as the articles stress. A customer’s mean tenure (about 54 months for the default business) is a third reading; robustness() shows the decision under each.
       * @defaultValue 12
       */
      tellingPeriodMonths: assumption(domains.spanMonths, {
        label: 'Months over which a promoter tells them',
        unit: 'months',
        description:
          'The span over which a customer who recommends the company tells toldAfterExcellent people: a month with an excellent experience and a recommendation tells toldAfterExcellent ÷ this many. 1: 9 people for every excellent month; 12: about 9 people a year of recommending.',
        source: null,
        note: 'A reading of article 003, an illustrative choice rather than a figure of its own. “Loyal customers share their experience with some 9 people” counts people per loyal customer and gives no period; the model’s excellent experiences come monthly, and a customer’s circle does not renew every month, so 9 people every excellent month (cx-roi 0.5’s reading, 1) tells about 30 people a customer-year, more than the 16 a dissatisfied customer tells about a bad experience. A year (12) is the default: a promoter reaches about 9 people a year, fewer per teller than the 16 a bad experience reaches, as the articles stress. A customer’s mean tenure (about 54 months for the default business) is a third reading; robustness() shows the decision under each.',
      }),
      /**
       * Telling others after a bad experience.
       *
       * Chance that a customer with a bad experience this month tells others about it.
       *
       * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Source: research cited in the article, “50% tell their friends after a bad experience” (Customer Experience: Ambitie vs. Realiteit).
       * @defaultValue 0.5
       */
      speakAfterBad: probability({
        label: 'Telling others after a bad experience',
        unit: 'probability',
        description: 'Chance that a customer with a bad experience this month tells others about it.',
        source: 'speakAfterBad',
      }),
      /**
       * People told about a bad experience.
       *
       * People a customer who complains tells about the bad experience.
       *
       * Unit: people per complainer. Allowed: a number of people from 0 to 1,000, or a distribution over it, drawn once per run.
       * Source: the article (“Customer experience weetjes”), “loyal customers tell about 9 people, dissatisfied ones 16 on average” (Alles wat je wil én moet weten over customer experience).
       * @defaultValue 16
       */
      toldAfterBad: assumption(domains.tellsPerCustomer, {
        label: 'People told about a bad experience',
        unit: 'people per complainer',
        description: 'People a customer who complains tells about the bad experience.',
        source: 'toldAfterGoodAndBad',
      }),
      /**
       * Recommending despite a bad experience.
       *
       * Chance that a customer with a bad experience this month would still recommend the company: a promoter in an NPS survey. Sets NPS; calibrate() reads it to solve the excellent share from an observed NPS.
       *
       * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Source: Temkin Group, “18% recommend the company after a bad experience” (Hoe klantgedreven is jouw organisatie daadwerkelijk?).
       * @defaultValue 0.18
       */
      recommendAfterBad: probability({
        label: 'Recommending despite a bad experience',
        unit: 'probability',
        description:
          'Chance that a customer with a bad experience this month would still recommend the company: a promoter in an NPS survey. Sets NPS; calibrate() reads it to solve the excellent share from an observed NPS.',
        source: 'recommendAfterBad',
      }),
      /**
       * Low scores after an ordinary experience.
       *
       * Chance that a customer with a good but not excellent experience this month scores 0–6 in an NPS survey (a detractor; the rest are passives). Sets NPS; calibrate() reads it like recommendAfterBad.
       *
       * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data. With it NPS has detractors beyond this month’s bad journeys, as surveys find.
       * @defaultValue 0.1
       */
      detractorAfterOrdinary: probability({
        label: 'Low scores after an ordinary experience',
        unit: 'probability',
        description:
          'Chance that a customer with a good but not excellent experience this month scores 0–6 in an NPS survey (a detractor; the rest are passives). Sets NPS; calibrate() reads it like recommendAfterBad.',
        source: null,
        note: `${illustrative} With it NPS has detractors beyond this month’s bad journeys, as surveys find.`,
      }),
      /**
       * Chance a recommendation wins a customer.
       *
       * Chance that one recommendation turns a prospect into a customer.
       *
       * Unit: probability per tell. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Illustrative and uncertain: nobody has measured it for this business. The default range, 1% to 4% a tell, makes recommendations bring about 12% to 46% of the default business’s new customers (about 29% at its middle, as 0.5’s 0.2% did with twelve times the tells): article 003 calls word of mouth the main reason consumers try a new product, so a large share, though not all. A business that knows how its new customers heard of it can narrow it.
       * @defaultValue uniform(min 0.01, max 0.04)
       */
      conversionPerTell: probability({
        label: 'Chance a recommendation wins a customer',
        unit: 'probability per tell',
        description: 'Chance that one recommendation turns a prospect into a customer.',
        source: null,
        note: 'Illustrative and uncertain: nobody has measured it for this business. The default range, 1% to 4% a tell, makes recommendations bring about 12% to 46% of the default business’s new customers (about 29% at its middle, as 0.5’s 0.2% did with twelve times the tells): article 003 calls word of mouth the main reason consumers try a new product, so a large share, though not all. A business that knows how its new customers heard of it can narrow it.',
      }),
      /**
       * Chance a bad story puts someone off.
       *
       * Chance that one negative story costs a prospect who was about to join (a word-of-mouth convert or an organic sign-up); the prospect is put off for good.
       *
       * Unit: probability per tell. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data. A fixed point, checked: over its plausible range (one story in 1,000 to one in 50 putting someone off) it moves the default chance of a positive ROI by about 4 points, under the 10 that make a number uncertain by default; robustness() shows both ends.
       * @defaultValue 0.005
       */
      deterrencePerTell: probability({
        label: 'Chance a bad story puts someone off',
        unit: 'probability per tell',
        description:
          'Chance that one negative story costs a prospect who was about to join (a word-of-mouth convert or an organic sign-up); the prospect is put off for good.',
        source: null,
        note: `${illustrative} A fixed point, checked: over its plausible range (one story in 1,000 to one in 50 putting someone off) it moves the default chance of a positive ROI by about 4 points, under the 10 that make a number uncertain by default; robustness() shows both ends.`,
      }),
    }),
    acquisition: z.strictObject({
      /**
       * Sign-ups without word of mouth.
       *
       * Share of the remaining prospect pool that becomes a customer each month without word of mouth (marketing, search).
       *
       * Unit: share of prospects per month. Allowed: a share from 0 to 1, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data. While the scenario holds a business (scenario.business, by default the default business: 80% annual retention, 1.5% bad experiences a month, NPS 20, 180 new customers a month), it is solved from that business in every run, and the value shown is the solution at the assumptions' means; with business: null it is yours to set.
       * @defaultValue 0.0005331983667729157
       */
      organicMonthly: assumption(domains.share, {
        label: 'Sign-ups without word of mouth',
        unit: 'share of prospects per month',
        description: 'Share of the remaining prospect pool that becomes a customer each month without word of mouth (marketing, search).',
        source: null,
        note: calibratedNote,
      }),
    }),
    channels: z
      .strictObject({
        /**
         * Customers getting in touch each month.
         *
         * Share of customers who contact the company in a month; a failed contact makes the month’s journey bad.
         *
         * Unit: share of customers per month. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
         * Illustrative assumption, not a published finding: set it from your own data.
         */
        contactRate: probability({
          label: 'Customers getting in touch each month',
          unit: 'share of customers per month',
          description: 'Share of customers who contact the company in a month; a failed contact makes the month’s journey bad.',
          source: null,
          note: illustrative,
        }),
        /**
         * Extra failures of an unconnected channel.
         *
         * How many times as often a channel not connected to the others fails.
         *
         * Unit: × failure rate. Allowed: a multiplier from 1 to 100, or a distribution over it, drawn once per run.
         * Illustrative assumption, not a published finding: set it from your own data. Article 002 (Dimension Data) finds 58% of organisations manage their channels in silos, which guarantees problems sharing data; it does not say how much more often a siloed channel fails, so 1.5 is a choice.
         */
        siloPenalty: assumption(domains.failureMultiplier, {
          label: 'Extra failures of an unconnected channel',
          unit: '× failure rate',
          description: 'How many times as often a channel not connected to the others fails.',
          source: null,
          note: `${illustrative} Article 002 (Dimension Data) finds ${sources.channelsInSilos.figure.replace(/^58%/, '58% of organisations')}; it does not say how much more often a siloed channel fails, so 1.5 is a choice.`,
        }),
        offered: z
          .record(
            channelName,
            z.strictObject({
              share: setting(domains.share, {
                label: 'Channel’s share of contacts',
                unit: 'share of contacts',
                description: 'Share of contacts through this channel (the shares add up to 1).',
                source: null,
                note: illustrative,
              }),
              failure: probability({
                label: 'Channel failure rate',
                unit: 'probability per contact',
                description: 'Chance that a contact through this channel fails when it is connected to the others.',
                source: null,
                note: illustrative,
              }),
              connected: z.boolean({ error: 'must be true or false' }),
            }),
          )
          .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 50, 'needs 1 to 50 named channels'),
      })
      .optional(),
    investment: z.strictObject({
      /**
       * Up-front cost.
       *
       * One-off cost of the CX programme, paid at the start: one amount, or one per touchpoint it targets (summed). Any channel budget (investment.channels.budget) is paid on top.
       *
       * Unit: currency. Allowed: an amount of money from 0 to 1,000,000,000,000, or a distribution over it, drawn once per run.
       * Illustrative: the programme’s budget is the company’s own figure, not something to estimate. The default (110,000 up front, 5,500 a month) is a mid-sized programme for a 10,000-customer business; 0.4 chose it so that the default landed near Accenture’s 23 / 57 / 20, a target nothing is tuned to any more (realityCheck() shows how far the default lands from it). Set your own.
       * @defaultValue 110000
       */
      upfront: perTouchpoint(domains.money, {
        label: 'Up-front cost',
        unit: 'currency',
        description:
          'One-off cost of the CX programme, paid at the start: one amount, or one per touchpoint it targets (summed). Any channel budget (investment.channels.budget) is paid on top.',
        source: null,
        note: tunedCostNote,
      }),
      /**
       * Monthly cost.
       *
       * Running cost of the programme each month (people, tools, follow-up): one amount, or one per touchpoint (summed). Paid to the horizon, or until a stage gate stops the programme.
       *
       * Unit: currency per month. Allowed: an amount of money from 0 to 1,000,000,000,000, or a distribution over it, drawn once per run.
       * Illustrative: the programme’s budget is the company’s own figure, not something to estimate. The default (110,000 up front, 5,500 a month) is a mid-sized programme for a 10,000-customer business; 0.4 chose it so that the default landed near Accenture’s 23 / 57 / 20, a target nothing is tuned to any more (realityCheck() shows how far the default lands from it). Set your own.
       * @defaultValue 5500
       */
      monthly: perTouchpoint(domains.money, {
        label: 'Monthly cost',
        unit: 'currency per month',
        description:
          'Running cost of the programme each month (people, tools, follow-up): one amount, or one per touchpoint (summed). Paid to the horizon, or until a stage gate stops the programme.',
        source: null,
        note: tunedCostNote,
      }),
      /**
       * Failure reduction.
       *
       * Relative cut in the chance of a bad experience at full effect: one share for the whole journey’s touchpoints, or one per touchpoint it targets (the others stay as they were). Channels improve only through investment.channels. Negative: worse.
       *
       * Unit: share of the failure chance. Allowed: a relative cut (negative: the programme makes failures more likely) from -1 to 1, or a distribution over it, drawn once per run.
       * Illustrative assumption, not a published finding: set it from your own data. Negative values are allowed because programmes can backfire (a CX project (a new website, the old one left online) made the experience worse; the project was stopped, 000_ab32cb94a1089f0b.txt).
       * @defaultValue pert(min 0.2, mode 0.4, max 0.6)
       */
      failureReduction: perTouchpoint(domains.effect, {
        label: 'Failure reduction',
        unit: 'share of the failure chance',
        description:
          'Relative cut in the chance of a bad experience at full effect: one share for the whole journey’s touchpoints, or one per touchpoint it targets (the others stay as they were). Channels improve only through investment.channels. Negative: worse.',
        source: null,
        note: `${illustrative} Negative values are allowed because programmes can backfire (${sources.backfire.figure}, ${sources.backfire.article}).`,
      }),
      /**
       * Delay before effect.
       *
       * Months after the start before the programme has any effect (listening, building), then the effect ramps up over rampMonths.
       *
       * Unit: months. Allowed: a number of months from 0 to 240, or a distribution over it, drawn once per run.
       * Source: Nienke Bloem (Emerce webinar), “two to three years before the effect is there; listening comes before acting” (‘CX en NPS moeten op hoogste niveau in organisatie bestuurd’).
       * @defaultValue triangular(min 3, mode 6, max 12)
       */
      delayMonths: assumption(domains.months, {
        label: 'Delay before effect',
        unit: 'months',
        description: 'Months after the start before the programme has any effect (listening, building), then the effect ramps up over rampMonths.',
        source: 'delayMonths',
        note: 'Read from “two to three years before the effect is there”: about half a year of nothing (mode 6), then a ramp of 18–30 months: full effect after about 30 months.',
      }),
      /**
       * Ramp-up to full effect.
       *
       * Months from the end of the delay until the programme reaches full effect; the effect grows linearly until then (the long game).
       *
       * Unit: months. Allowed: a number of months from 0 to 240, or a distribution over it, drawn once per run.
       * Source: Nienke Bloem (Emerce webinar), “the effect takes two to three years (24–36 months) to show” (‘CX en NPS moeten op hoogste niveau in organisatie bestuurd’).
       * @defaultValue triangular(min 18, mode 24, max 30)
       */
      rampMonths: assumption(domains.months, {
        label: 'Ramp-up to full effect',
        unit: 'months',
        description: 'Months from the end of the delay until the programme reaches full effect; the effect grows linearly until then (the long game).',
        source: 'rampMonths',
        note: 'With delayMonths (mode 6), full effect at about two and a half years.',
      }),
      /**
       * Chance of carrying it out.
       *
       * Chance that the programme is carried out as planned; drawn once per run. Give investment.maturity instead to derive it from the nine maturity questions.
       *
       * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
       * Source: Adrian Swinscoe, Punk CX, “70–80% of CX initiatives miss expectations or goals, so 20–30% succeed” (Klantbeleving: durf eens keuzes te maken als een punkrocker).
       * @defaultValue uniform(min 0.2, max 0.3)
       */
      executionSuccess: probability({
        label: 'Chance of carrying it out',
        unit: 'probability',
        description: 'Chance that the programme is carried out as planned; drawn once per run. Give investment.maturity instead to derive it from the nine maturity questions.',
        source: 'executionSuccess',
      }),
      /**
       * Effect when it misses its goals.
       *
       * Share of the planned effect a programme that misses its goals still delivers; negative: a missed programme makes things worse, by that share of the planned effect’s size.
       *
       * Unit: share of full effect. Allowed: a relative cut (negative: the programme makes failures more likely) from -1 to 1, or a distribution over it, drawn once per run.
       * Illustrative and uncertain: no article measures what a programme that misses its goals still delivers. “Missing expectations or goals” (70–80% of initiatives, article 002) spans delivering nothing to delivering most of the plan, so the default is uniform from 0 to 0.6. 0.5 and earlier used 0.4, tuned with the costs to land near Accenture’s split; nothing is tuned now, and 0.4 is one of the readings robustness() shows. The answer depends on it strongly: a missed programme that delivers nothing turns the default decision.
       * @defaultValue uniform(min 0, max 0.6)
       */
      missedEffectShare: assumption(domains.effect, {
        label: 'Effect when it misses its goals',
        unit: 'share of full effect',
        description:
          'Share of the planned effect a programme that misses its goals still delivers; negative: a missed programme makes things worse, by that share of the planned effect’s size.',
        source: null,
        note: 'Illustrative and uncertain: no article measures what a programme that misses its goals still delivers. “Missing expectations or goals” (70–80% of initiatives, article 002) spans delivering nothing to delivering most of the plan, so the default is uniform from 0 to 0.6. 0.5 and earlier used 0.4, tuned with the costs to land near Accenture’s split; nothing is tuned now, and 0.4 is one of the readings robustness() shows. The answer depends on it strongly: a missed programme that delivers nothing turns the default decision.',
      }),
      /**
       * Rise in excellent experiences.
       *
       * How much the programme raises the share of good journeys that are excellent once fully in effect (0.05: five points more), delayed, ramped and scaled like the failure reduction.
       *
       * Unit: share of good journeys. Allowed: a share from 0 to 1, or a distribution over it, drawn once per run.
       * Illustrative and uncertain: no article measures it. From nothing (the programme only prevents bad experiences) to ten points, about a third more excellent experiences in the default business; over that range it moves the default chance of a positive ROI by about ten points, so its uncertainty is in the spread rather than a point.
       * @defaultValue uniform(min 0, max 0.1)
       */
      excellentShareIncrease: assumption(domains.share, {
        label: 'Rise in excellent experiences',
        unit: 'share of good journeys',
        description:
          'How much the programme raises the share of good journeys that are excellent once fully in effect (0.05: five points more), delayed, ramped and scaled like the failure reduction.',
        source: null,
        note: 'Illustrative and uncertain: no article measures it. From nothing (the programme only prevents bad experiences) to ten points, about a third more excellent experiences in the default business; over that range it moves the default chance of a positive ROI by about ten points, so its uncertainty is in the spread rather than a point.',
      }),
      maturity: maturityAnswersSchema.optional(),
      channels: z
        .strictObject({
          budget: z
            .record(channelName, channelBudgetOne)
            .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 50, 'needs 1 to 50 named channels'),
          /**
           * Set-up cost per channel.
           *
           * What a channel’s budget must cover before it improves anything: connecting it to the others (its silo penalty ends) and the basics.
           *
           * Unit: currency per channel. Allowed: an amount of money from 0 to 1,000,000,000,000, or a distribution over it, drawn once per run.
           * Illustrative assumption, not a published finding: set it from your own data. It is why a budget spread thin can do less than one spent on a few channels (better to excel on a few channels than be average on many).
           */
          setupCost: assumption(domains.money, {
            label: 'Set-up cost per channel',
            unit: 'currency per channel',
            description:
              'What a channel’s budget must cover before it improves anything: connecting it to the others (its silo penalty ends) and the basics.',
            source: null,
            note: `${illustrative} It is why a budget spread thin can do less than one spent on a few channels (${sources.greatAtAFew.figure}).`,
          }),
          /**
           * Spend that halves channel failures.
           *
           * Budget beyond the set-up cost that halves a channel’s failure rate; each further such amount halves it again (diminishing returns).
           *
           * Unit: currency. Allowed: an amount of money from 1 to 1,000,000,000,000, or a distribution over it, drawn once per run.
           * Illustrative assumption, not a published finding: set it from your own data.
           */
          halfEffectSpend: assumption(domains.positiveMoney, {
            label: 'Spend that halves channel failures',
            unit: 'currency',
            description:
              'Budget beyond the set-up cost that halves a channel’s failure rate; each further such amount halves it again (diminishing returns).',
            source: null,
            note: illustrative,
          }),
        })
        .optional(),
      stageGate: z
        .strictObject({
          /**
           * Month of the go/no-go review.
           *
           * The month at whose end the programme is reviewed.
           *
           * Unit: month. Allowed: a whole number of months from 1 to 240.
           * Illustrative assumption: Your choice.
           */
          month: setting(
            { min: 1, max: limits.horizonMonths, integer: true, label: `a whole number of months from 1 to ${limits.horizonMonths}` },
            {
              label: 'Month of the go/no-go review',
              unit: 'month',
              description: 'The month at whose end the programme is reviewed.',
              source: null,
              note: 'Your choice.',
            },
          ),
          measure: z.enum(['effect', 'nps', 'roi'], { error: 'must be "effect", "nps" or "roi"' }),
          /**
           * Minimum result to carry on.
           *
           * Stop when the measure is below this at the gate. "effect": the drop of the bad-experience share over the gate month and the two before, against the rate before the programme; "nps": the rise of NPS over those months, in points; "roi": cumulative ROI (−1 at the start, so an early ROI gate stops nearly every run).
           *
           * Unit: share (effect), NPS points (nps) or ROI. Allowed: a number from -200 to 200.
           * Illustrative assumption: Your choice.
           */
          threshold: setting(
            { min: -200, max: 200, integer: false, label: 'a number from -200 to 200' },
            {
              label: 'Minimum result to carry on',
              unit: 'share (effect), NPS points (nps) or ROI',
              description:
                'Stop when the measure is below this at the gate. "effect": the drop of the bad-experience share over the gate month and the two before, against the rate before the programme; "nps": the rise of NPS over those months, in points; "roi": cumulative ROI (−1 at the start, so an early ROI gate stops nearly every run).',
              source: null,
              note: 'Your choice.',
            },
          ),
          afterStop: z.enum(['fade', 'hold'], { error: 'must be "fade" or "hold"' }).default('fade'),
          /**
           * Fade-out after stopping.
           *
           * With afterStop "fade": months over which a stopped programme’s effect falls linearly to nothing.
           *
           * Unit: months. Allowed: a whole number of months from 1 to 240.
           * Illustrative assumption: Fading is the default: article 000 calls CX “a constant process”, so gains without follow-up wear off. It fades harm alike, though a stopped project may “bring new problems” (then use "hold"). 12 months is illustrative.
           */
          fadeMonths: setting(
            { min: 1, max: limits.horizonMonths, integer: true, label: `a whole number of months from 1 to ${limits.horizonMonths}` },
            {
              label: 'Fade-out after stopping',
              unit: 'months',
              description: 'With afterStop "fade": months over which a stopped programme’s effect falls linearly to nothing.',
              source: null,
              note: 'Fading is the default: article 000 calls CX “a constant process”, so gains without follow-up wear off. It fades harm alike, though a stopped project may “bring new problems” (then use "hold"). 12 months is illustrative.',
            },
          ).default(12),
        })
        .optional(),
    }),
    valuation: z.strictObject({
      /**
       * Value of customers beyond the horizon.
       *
       * Whether to value the customers the programme has gained by the horizon (TEI-style terminal value): "customerLifetime" values the gap at the invested arm’s customer lifetime value, reported apart from the horizon NPV. It assumes the gained customers keep the invested arm’s churn and spend for life and charges no programme cost after the horizon (optimistic), and it leaves out the lower churn of the rest of the base (conservative).
       *
       * Unit: method. Allowed: "none" or "customerLifetime".
       * Illustrative assumption: Off ("none") by default: the horizon NPV counts only what is earned within the horizon.
       * @defaultValue "none"
       */
      terminalValue: z
        .enum(['none', 'customerLifetime'], { error: 'must be "none" or "customerLifetime"' })
        .register(fieldRegistry, {
          label: 'Value of customers beyond the horizon',
          unit: 'method',
          description:
            'Whether to value the customers the programme has gained by the horizon (TEI-style terminal value): "customerLifetime" values the gap at the invested arm’s customer lifetime value, reported apart from the horizon NPV. It assumes the gained customers keep the invested arm’s churn and spend for life and charges no programme cost after the horizon (optimistic), and it leaves out the lower churn of the rest of the base (conservative).',
          source: null,
          note: 'Off ("none") by default: the horizon NPV counts only what is earned within the horizon.',
          domain: { min: 0, max: 0, integer: false, label: '"none" or "customerLifetime"' },
          uncertain: false,
        }),
    }),
    outcomeClasses: z.strictObject({
      /**
       * ROI counted as clearly positive.
       *
       * ROI at or above which a run counts as “clearly positive” (Accenture’s 23%).
       *
       * Unit: ROI at the horizon. Allowed: an ROI from -1 to 100.
       * Illustrative assumption: Accenture publishes the shares, not the thresholds: 1.0 (the programme returns its cost twice over) is a choice.
       * @defaultValue 1
       */
      positiveFrom: setting(
        { min: -1, max: 100, integer: false, label: 'an ROI from -1 to 100' },
        {
          label: 'ROI counted as clearly positive',
          unit: 'ROI at the horizon',
          description: 'ROI at or above which a run counts as “clearly positive” (Accenture’s 23%).',
          source: null,
          note: 'Accenture publishes the shares, not the thresholds: 1.0 (the programme returns its cost twice over) is a choice.',
        },
      ),
      /**
       * ROI counted as lower or negative.
       *
       * ROI below which a run counts as “lower or negative” (Accenture’s 20%); between the two is “middling” (57%).
       *
       * Unit: ROI at the horizon. Allowed: an ROI from -1 to 100.
       * Illustrative assumption: Zero by default: the programme does not earn back its cost.
       * @defaultValue 0
       */
      negativeBelow: setting(
        { min: -1, max: 100, integer: false, label: 'an ROI from -1 to 100' },
        {
          label: 'ROI counted as lower or negative',
          unit: 'ROI at the horizon',
          description: 'ROI below which a run counts as “lower or negative” (Accenture’s 20%); between the two is “middling” (57%).',
          source: null,
          note: 'Zero by default: the programme does not earn back its cost.',
        },
      ),
    }),
  })
  .check((ctx) => {
    const complain = (path: PropertyKey[], message: string) => ctx.issues.push({ code: 'custom', input: ctx.value, path, message });
    const { positiveFrom, negativeBelow } = ctx.value.outcomeClasses;
    if (negativeBelow > positiveFrom)
      complain(['outcomeClasses', 'negativeBelow'], `must be ≤ outcomeClasses.positiveFrom (${positiveFrom})`);
    if (ctx.value.valuation.terminalValue === 'customerLifetime' && lowestDraw(ctx.value.discountRateAnnual, domains.annualRate) < minimumTerminalDiscountRate)
      complain(['discountRateAnnual'], `a terminal value needs discounting: with valuation.terminalValue "customerLifetime" the annual discount rate must be at least ${minimumTerminalDiscountRate} in every run (a customer who never leaves, undiscounted, is worth an unbounded sum)`);
    const { upfront, monthly, channels: channelInvestment, stageGate, maturity } = ctx.value.investment;
    const channelBudget = channelInvestment ? lowestTotal(channelInvestment.budget, domains.money) : 0;
    const lowestUpfront = lowestTotal(upfront, domains.money) + channelBudget;
    if (lowestUpfront < minimumProgrammeCost && lowestTotal(monthly, domains.money) < minimumProgrammeCost)
      complain(['investment', 'upfront'], `the programme must cost at least ${minimumProgrammeCost} in every run for ROI to be defined, but investment.upfront${channelInvestment ? ' with the channel budgets' : ''} can draw ${lowestUpfront} and investment.monthly ${lowestTotal(monthly, domains.money)}: raise one of them to at least ${minimumProgrammeCost} (for a distribution, its min)`);
    // Targeted investment names touchpoints of the journey.
    const journey = ctx.value.journey.touchpointFailure;
    const named = typeof journey === 'object' && !Array.isArray(journey) && !('dist' in journey) ? new Set(Object.keys(journey)) : null;
    for (const field of ['failureReduction', 'upfront', 'monthly'] as const) {
      const value = ctx.value.investment[field];
      if (typeof value === 'number' || 'dist' in value) continue;
      for (const name of Object.keys(value))
        if (!named?.has(name))
          complain(['investment', field, name], named
              ? `"${name}" is not a touchpoint of the journey (${[...named].join(', ')})`
              : 'a programme can target touchpoints by name only when journey.touchpointFailure names them ({ "delivery": 0.006, … })');
    }
    const channels = ctx.value.channels;
    if (channels) {
      const total = Object.values(channels.offered).reduce((sum, c) => sum + c.share, 0);
      if (Math.abs(total - 1) > 1e-9)
        complain(['channels', 'offered'], `the channels' shares of contacts must add up to 1, not ${total}`);
    }
    if (channelInvestment) {
      for (const name of Object.keys(channelInvestment.budget))
        if (!channels || !Object.hasOwn(channels.offered, name))
          complain(['investment', 'channels', 'budget', name], channels ? `"${name}" is not a channel of channels.offered (${Object.keys(channels.offered).join(', ')})` : 'a channel budget needs the scenario’s channels: give channels.offered');
    }
    if (stageGate && stageGate.month > ctx.value.horizonMonths)
      complain(['investment', 'stageGate', 'month'], `must be within the horizon (${ctx.value.horizonMonths} months)`);
    if (stageGate?.measure === 'effect' && (stageGate.threshold > 1 || stageGate.threshold < -1))
      complain(['investment', 'stageGate', 'threshold'], 'an effect threshold is a relative cut: from -1 to 1');
    if (stageGate?.measure === 'roi' && (stageGate.threshold > 100 || stageGate.threshold < -1))
      complain(['investment', 'stageGate', 'threshold'], 'an ROI threshold is from -1 to 100');
    // Answers that are themselves wrong are reported as such, not as a clash with executionSuccess.
    const badAnswers = ctx.issues.some((issue) => issue.path?.[0] === 'investment' && issue.path?.[1] === 'maturity');
    if (maturity && !badAnswers && maturityAnswersSchema.safeParse(maturity).success && JSON.stringify(ctx.value.investment.executionSuccess) !== JSON.stringify(executionSuccessFromMaturity(maturity)))
      complain(['investment', 'executionSuccess'], 'is set by investment.maturity (the nine questions): give one or the other, not both');
  });

// The schema is built: from here on no field's record is added, replaced or removed.
for (const change of ['add', 'remove', 'clear'] as const) {
  Object.defineProperty(fieldRegistry, change, {
    value: () => {
      throw new TypeError(`fieldRegistry is read-only (${change}): register metadata of your own in a z.registry() of your own`);
    },
  });
}
deepFreeze(fieldRegistry);

/** Least annual discount rate with a terminal value: below it a lifetime value can be unbounded. */
export const minimumTerminalDiscountRate = 0.001;

// In domain.ts, which the model's workers can load without the schema.
export { minimumProgrammeCost } from './domain.js';

/** A complete, validated scenario. */
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * A partial scenario: any field left out takes its value from
 * `defaultScenario`. Named touchpoints merge name by name with the default
 * journey, and `null` removes one; a list or a single number replaces the
 * whole journey.
 */
export type ScenarioInput = Omit<DeepPartial<Scenario>, 'journey'> & {
  journey?: { touchpointFailure?: Assumption | readonly Assumption[] | Readonly<Record<string, Assumption | null>> };
};

/** Every field optional, all the way down; arrays and distributions are replaced whole. */
export type DeepPartial<T> = T extends number | string | boolean | readonly unknown[]
  ? T
  : T extends { dist: string }
    ? T
    : { [K in keyof T]?: DeepPartial<T[K]> };
