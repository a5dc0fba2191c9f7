import * as z from 'zod';
import type { Domain } from '../domain.js';
import { setting } from './field-kinds.js';
import type { SectionCheck } from './checks.js';

/** An ROI at the horizon: from losing the whole cost (−1) to a hundredfold return. */
const roiAtHorizon: Domain = { min: -1, max: 100, integer: false, label: 'an ROI from -1 to 100' };

/** `scenario.outcomeClasses`: the ROI thresholds that sort runs into clearly positive, middling and lower or negative. */
export const outcomeClassesSchema = z.strictObject({
  /**
   * ROI counted as clearly positive.
   *
   * ROI at or above which a run counts as “clearly positive” (Accenture’s 23%).
   *
   * Unit: ROI at the horizon. Allowed: an ROI from -1 to 100.
   * Illustrative assumption: Accenture publishes the shares, not the thresholds: 1.0 (the programme returns its cost twice over) is a choice.
   * @defaultValue 1
   */
  positiveFrom: setting(roiAtHorizon, {
    label: 'ROI counted as clearly positive',
    unit: 'ROI at the horizon',
    description: 'ROI at or above which a run counts as “clearly positive” (Accenture’s 23%).',
    source: null,
    note: 'Accenture publishes the shares, not the thresholds: 1.0 (the programme returns its cost twice over) is a choice.',
  }),
  /**
   * ROI counted as lower or negative.
   *
   * ROI below which a run counts as “lower or negative” (Accenture’s 20%); between the two is “middling” (57%).
   *
   * Unit: ROI at the horizon. Allowed: an ROI from -1 to 100.
   * Illustrative assumption: Zero by default: the programme does not earn back its cost.
   * @defaultValue 0
   */
  negativeBelow: setting(roiAtHorizon, {
    label: 'ROI counted as lower or negative',
    unit: 'ROI at the horizon',
    description: 'ROI below which a run counts as “lower or negative” (Accenture’s 20%); between the two is “middling” (57%).',
    source: null,
    note: 'Zero by default: the programme does not earn back its cost.',
  }),
});

/** The classes do not overlap: "lower or negative" ends where "clearly positive" begins, or below. */
export const classesInOrder: SectionCheck<z.output<typeof outcomeClassesSchema>> = ({ positiveFrom, negativeBelow }, { complain }) => {
  if (negativeBelow > positiveFrom) complain(['negativeBelow'], `must be ≤ outcomeClasses.positiveFrom (${positiveFrom})`);
};
