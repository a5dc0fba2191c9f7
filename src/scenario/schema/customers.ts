import * as z from 'zod';
import { domains } from '../domain.js';
import { assumption, illustrative } from './field-kinds.js';

/** `scenario.customers`: the customers at the start, and the people who could still become customers. */
export const customersSchema = z.strictObject({
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
});
