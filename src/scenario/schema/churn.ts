import * as z from 'zod';
import { calibratedNote, probability } from './field-kinds.js';

/** `scenario.churn`: why customers leave, after a bad experience or anyway. */
export const churnSchema = z.strictObject({
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
});
