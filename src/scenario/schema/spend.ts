import * as z from 'zod';
import { domains } from '../domain.js';
import { assumption, illustrative } from './field-kinds.js';

/** `scenario.spend`: what a customer spends a month, after a good or a bad experience, and the margin on it. */
export const spendSchema = z.strictObject({
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
    description:
      'How much more a customer spends in a month with a good experience than in one with a bad experience: 2.4 means 140% more.',
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
});
