import { domains } from '../domain.js';
import { assumption, illustrative, setting, wholeMonthsInHorizon } from './field-kinds.js';

/** How long the simulation runs, and how its money is discounted: the two fields at the scenario's top level. */
export const horizonFields = {
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
    wholeMonthsInHorizon,
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
};
