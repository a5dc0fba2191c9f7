/** The fields a held business solves, and where each comes from (no zod: the model's workers read them). */

import { deepFreeze } from './freeze.js';

/**
 * The fields solved from a held business, always: giving one of them beside a
 * business is an error unless it has the solved value (a complete scenario
 * read back). `wordOfMouth.excellentShare` is solved too when the business
 * gives an NPS; the touchpoint failures are scaled when it gives a
 * bad-experience rate (their shape stays the scenario's).
 */
export const derivedPaths = deepFreeze(['customers.initial', 'churn.base', 'spend.averagePerMonth', 'acquisition.organicMonthly'] as const);

/** The fields a held business sets, given which of its optional figures it has. */
export function derivedPathsOf(business: { readonly nps?: number | undefined }): string[] {
  return business.nps === undefined ? [...derivedPaths] : [...derivedPaths, 'wordOfMouth.excellentShare'];
}

/** Which business figure each derived field comes from, in words, for the assumptions table. */
export const derivedFrom: Readonly<Record<string, string>> = {
  'customers.initial': 'business.customers (or, with business.startAtSteadyState, the count at which new customers balance churn)',
  'churn.base': 'business.annualRetention or business.monthlyChurn, less the churn bad experiences cause',
  'spend.averagePerMonth': 'business.averageRevenuePerCustomerMonthly',
  'acquisition.organicMonthly': 'business.newCustomersMonthly, less those word of mouth brings',
  'wordOfMouth.excellentShare': 'business.nps',
  'journey.touchpointFailure': 'business.badExperienceShareMonthly (the touchpoints scaled together; their shape is the scenario’s)',
};
