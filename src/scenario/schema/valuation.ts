import * as z from 'zod';
import { fieldRegistry } from './registry.js';

/** `scenario.valuation`: whether the customers gained by the horizon are valued beyond it. */
export const valuationSchema = z.strictObject({
  /**
   * Value of customers beyond the horizon.
   *
   * Whether to value the customers the programme has gained by the horizon (TEI-style terminal value): "customerLifetime" values the gap at the invested arm’s customer lifetime value, reported apart from the horizon NPV. It assumes the gained customers keep the invested arm’s churn and spend for life and charges no programme cost after the horizon (optimistic), and it leaves out the lower churn of the rest of the base (conservative).
   *
   * Unit: method. Allowed: "none" or "customerLifetime".
   * Illustrative assumption: Off ("none") by default: the horizon NPV counts only what is earned within the horizon.
   * @defaultValue "none"
   */
  terminalValue: z.enum(['none', 'customerLifetime'], { error: 'must be "none" or "customerLifetime"' }).register(fieldRegistry, {
    label: 'Value of customers beyond the horizon',
    unit: 'method',
    description:
      'Whether to value the customers the programme has gained by the horizon (TEI-style terminal value): "customerLifetime" values the gap at the invested arm’s customer lifetime value, reported apart from the horizon NPV. It assumes the gained customers keep the invested arm’s churn and spend for life and charges no programme cost after the horizon (optimistic), and it leaves out the lower churn of the rest of the base (conservative).',
    source: null,
    note: 'Off ("none") by default: the horizon NPV counts only what is earned within the horizon.',
    domain: { min: 0, max: 0, integer: false, label: '"none" or "customerLifetime"' },
    uncertain: false,
  }),
});
