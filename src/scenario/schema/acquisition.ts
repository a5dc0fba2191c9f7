import * as z from 'zod';
import { domains } from '../domain.js';
import { assumption, calibratedNote } from './field-kinds.js';

/** `scenario.acquisition`: the customers won without word of mouth. */
export const acquisitionSchema = z.strictObject({
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
});
