import * as z from 'zod';
import { domains } from '../domain.js';
import { fieldRegistry } from './registry.js';
import { assumption, byName, calibratedNote, illustrative, touchpointName } from './field-kinds.js';

/** One touchpoint's failure rate: the whole journey's as one number, or an item of a list or a record of them. */
const touchpointFailureOne = assumption(domains.probability, {
  label: 'Touchpoint failure rate',
  unit: 'probability per month',
  description: 'Chance that one touchpoint of a customer’s monthly journey fails.',
  source: null,
  note: calibratedNote,
});

/** `scenario.journey`: the touchpoints of a customer's monthly journey, any one of which can make the month bad. */
export const journeySchema = z.strictObject({
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
      byName(touchpointName, touchpointFailureOne, 'touchpoints'),
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
});
