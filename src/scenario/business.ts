import * as z from 'zod';

// The observed figures, as plain zod fields: the business a scenario holds and calibrate's input share them.
const observedFields = {
  /** Active customers today. */
  customers: z
    .number({ error: 'expected a number of customers' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1e9, 'must be at most 1,000,000,000'),
  /** Share of customers still customers a year later (0 to 1). */
  annualRetention: z.number({ error: 'expected a share from 0 to 1' }).gt(0, 'must be above 0').max(1, 'must be at most 1').optional(),
  /** Share of customers lost a month (0 to 1). */
  monthlyChurn: z.number({ error: 'expected a share from 0 to 1' }).min(0, 'must be at least 0').lt(1, 'must be below 1').optional(),
  /** Average revenue per customer per month. */
  averageRevenuePerCustomerMonthly: z
    .number({ error: 'expected an amount of money' })
    .min(0, 'must be at least 0')
    .max(1e12, 'must be at most 1e12'),
  /** New customers a month. */
  newCustomersMonthly: z.number({ error: 'expected a number of customers' }).min(0, 'must be at least 0').max(1e9, 'must be at most 1e9'),
  /** Share of customers with a bad experience in a month: a complaint or failure rate (optional). */
  badExperienceShareMonthly: z
    .number({ error: 'expected a share from 0 to 1' })
    .min(0, 'must be at least 0')
    .lt(1, 'must be below 1')
    .optional(),
  /** Net Promoter Score, −100 to 100 (optional). */
  nps: z
    .number({ error: 'expected a score from -100 to 100' })
    .min(-100, 'must be at least -100')
    .max(100, 'must be at most 100')
    .optional(),
};

function oneChurnFigure(ctx: {
  value: { annualRetention?: number | undefined; monthlyChurn?: number | undefined };
  issues: z.core.$ZodRawIssue[];
}): void {
  const { annualRetention, monthlyChurn } = ctx.value;
  if ((annualRetention === undefined) === (monthlyChurn === undefined))
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: [annualRetention === undefined ? 'annualRetention' : 'monthlyChurn'],
      message: 'give exactly one of annualRetention and monthlyChurn',
    });
}

/**
 * What a company knows about its own business, monthly. Give the annual
 * retention or the monthly churn (one of them).
 */
export const observedBusinessSchema = z.strictObject(observedFields).check(oneChurnFigure);

/** What a company knows about its own business (see {@link observedBusinessSchema}). */
export type ObservedBusiness = z.infer<typeof observedBusinessSchema>;

/**
 * The business a scenario holds (`scenario.business`): the observed figures,
 * and whether the simulation starts at the baseline's steady state instead
 * of today's customers. While a scenario holds a business, its unobserved
 * parameters (base churn, the touchpoint failures' scale, the excellent
 * share, organic sign-ups, the starting customers and revenue) are solved
 * from it in every run, whatever the CX figures say.
 */
export const businessSchema = z
  .strictObject({
    ...observedFields,
    /**
     * Start at the customer count where new customers balance churn, rather
     * than at `customers`: the ROI is then not carried by growth or decline
     * the company would have had anyway.
     */
    startAtSteadyState: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .check(oneChurnFigure);

/** The business a scenario holds (see {@link businessSchema}). */
export type Business = z.infer<typeof businessSchema>;

// The solved fields live apart from the schema, so the model's workers can know them without zod.
export { derivedFrom, derivedPaths, derivedPathsOf } from './solved.js';
