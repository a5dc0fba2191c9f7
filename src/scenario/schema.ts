import * as z from 'zod';
import { type Assumption, lowestDraw } from './distribution.js';
import { domains } from './domain.js';
import { businessSchema } from './business.js';
import { closeFieldRegistry } from './schema/registry.js';
import { type Report, type SectionCheck, inside } from './schema/checks.js';
import { assumption, illustrative, setting, wholeMonthsInHorizon } from './schema/field-kinds.js';
import { customersSchema } from './schema/customers.js';
import { journeySchema } from './schema/journey.js';
import { churnSchema } from './schema/churn.js';
import { spendSchema } from './schema/spend.js';
import { wordOfMouthSchema } from './schema/word-of-mouth.js';
import { acquisitionSchema } from './schema/acquisition.js';
import { channelsSchema, sharesAddUpToOne } from './schema/channels.js';
import { costsEnoughForRoi, gateThresholdFitsMeasure, investmentSchema, maturityOrExecutionSuccess } from './schema/investment.js';
import { valuationSchema } from './schema/valuation.js';
import { classesInOrder, outcomeClassesSchema } from './schema/outcome-classes.js';

export { type FieldMeta, fieldRegistry } from './schema/registry.js';

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
    horizonMonths: setting(wholeMonthsInHorizon, {
      label: 'Time horizon',
      unit: 'months',
      description: 'How many months to simulate: long enough to see a 2–3 year programme pay back.',
      source: null,
      note: 'Five years by default, a choice rather than a finding; at most 20 years.',
    }),
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
    customers: customersSchema,
    journey: journeySchema,
    churn: churnSchema,
    spend: spendSchema,
    wordOfMouth: wordOfMouthSchema,
    acquisition: acquisitionSchema,
    channels: channelsSchema.optional(),
    investment: investmentSchema,
    valuation: valuationSchema,
    outcomeClasses: outcomeClassesSchema,
  })
  .check((ctx) => {
    const report: Report = {
      complain: (path, message) => {
        ctx.issues.push({ code: 'custom', input: ctx.value, path, message });
      },
      failed: (path) => ctx.issues.some((issue) => path.every((key, i) => issue.path?.[i] === key)),
    };
    for (const check of scenarioChecks) check(ctx.value, report);
  });

// The schema is built: from here on no field's record is added, replaced or removed.
closeFieldRegistry();

/** Least annual discount rate with a terminal value: below it a lifetime value can be unbounded. */
export const minimumTerminalDiscountRate = 0.001;

// In domain.ts, which the model's workers can load without the schema.
export { minimumProgrammeCost } from './domain.js';

/** A check of the whole scenario: paths from its top. */
type ScenarioCheck = SectionCheck<Scenario>;

/** A section's own check, run on the whole scenario (skipped when the scenario leaves that optional section out). */
function inSection<K extends keyof Scenario>(key: K, check: SectionCheck<NonNullable<Scenario[K]>>): ScenarioCheck {
  return (scenario, report) => {
    const section = scenario[key];
    if (section !== undefined && section !== null) check(section, inside(report, key));
  };
}

// The checks below read a field of one section against another's, so no one section can hold them.

/** valuation.terminalValue against the top-level discountRateAnnual: an undiscounted lifetime value can be unbounded. */
const terminalValueIsDiscounted: ScenarioCheck = ({ valuation, discountRateAnnual }, { complain }) => {
  if (valuation.terminalValue !== 'customerLifetime') return;
  if (lowestDraw(discountRateAnnual, domains.annualRate) < minimumTerminalDiscountRate)
    complain(
      ['discountRateAnnual'],
      'a terminal value needs discounting: with valuation.terminalValue "customerLifetime" the annual discount rate must be at least ' +
        `${minimumTerminalDiscountRate} in every run (a customer who never leaves, undiscounted, is worth an unbounded sum)`,
    );
};

/** The investment targets touchpoints by the names journey.touchpointFailure gives them. */
const targetsAreTouchpoints: ScenarioCheck = ({ journey, investment }, { complain }) => {
  const touchpoints = journey.touchpointFailure;
  const named =
    typeof touchpoints === 'object' && !Array.isArray(touchpoints) && !('dist' in touchpoints) ? new Set(Object.keys(touchpoints)) : null;
  for (const field of ['failureReduction', 'upfront', 'monthly'] as const) {
    const value = investment[field];
    if (typeof value === 'number' || 'dist' in value) continue;
    for (const name of Object.keys(value))
      if (!named?.has(name))
        complain(
          ['investment', field, name],
          named
            ? `"${name}" is not a touchpoint of the journey (${[...named].join(', ')})`
            : 'a programme can target touchpoints by name only when journey.touchpointFailure names them ({ "delivery": 0.006, … })',
        );
  }
};

/** The investment's channel budgets are for channels that channels.offered lists. */
const budgetsAreOfferedChannels: ScenarioCheck = ({ channels, investment }, { complain }) => {
  if (!investment.channels) return;
  for (const name of Object.keys(investment.channels.budget))
    if (!channels || !Object.hasOwn(channels.offered, name))
      complain(
        ['investment', 'channels', 'budget', name],
        channels
          ? `"${name}" is not a channel of channels.offered (${Object.keys(channels.offered).join(', ')})`
          : 'a channel budget needs the scenario’s channels: give channels.offered',
      );
};

/** The investment's stage gate reviews the programme within the top-level horizonMonths. */
const gateWithinHorizon: ScenarioCheck = ({ horizonMonths, investment: { stageGate } }, { complain }) => {
  if (stageGate && stageGate.month > horizonMonths)
    complain(['investment', 'stageGate', 'month'], `must be within the horizon (${horizonMonths} months)`);
};

/**
 * Every check of the scenario, in the order their issues are reported. The sections' own checks run from
 * here rather than from their objects because zod runs an object's checks while it parses that object:
 * their issues would come before later sections' field errors, and they would run even when another
 * section had failed to parse, which would change the errors a scenario gets.
 */
const scenarioChecks: readonly ScenarioCheck[] = [
  inSection('outcomeClasses', classesInOrder),
  terminalValueIsDiscounted,
  inSection('investment', costsEnoughForRoi),
  targetsAreTouchpoints,
  inSection('channels', sharesAddUpToOne),
  budgetsAreOfferedChannels,
  gateWithinHorizon,
  inSection('investment', gateThresholdFitsMeasure),
  inSection('investment', maturityOrExecutionSuccess),
];

/** A complete, validated scenario. */
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * A partial scenario: any field left out takes its value from
 * `defaultScenario`. Named touchpoints merge name by name with the default
 * journey, and `null` removes one; a list or a single number replaces the
 * whole journey.
 */
export type ScenarioInput = { [K in Exclude<keyof Scenario, 'journey'>]?: DeepPartial<Scenario[K]> | undefined } & {
  journey?:
    | { touchpointFailure?: Assumption | readonly Assumption[] | Readonly<Record<string, Assumption | null>> | undefined }
    | undefined;
};

/** Every field optional, all the way down; arrays and distributions are replaced whole. */
export type DeepPartial<T> = T extends number | string | boolean | readonly unknown[]
  ? T
  : T extends { dist: string }
    ? T
    : { [K in keyof T]?: DeepPartial<T[K]> };
