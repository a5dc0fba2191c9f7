import * as z from 'zod';
import { setting, wholeMonthsInHorizon } from './field-kinds.js';
import type { SectionCheck } from './checks.js';

/** `scenario.investment.stageGate` (optional): a go/no-go review that stops the programme when it falls short. */
export const stageGateSchema = z.strictObject({
  /**
   * Month of the go/no-go review.
   *
   * The month at whose end the programme is reviewed.
   *
   * Unit: month. Allowed: a whole number of months from 1 to 240.
   * Illustrative assumption: Your choice.
   */
  month: setting(wholeMonthsInHorizon, {
    label: 'Month of the go/no-go review',
    unit: 'month',
    description: 'The month at whose end the programme is reviewed.',
    source: null,
    note: 'Your choice.',
  }),
  measure: z.enum(['effect', 'nps', 'roi'], { error: 'must be "effect", "nps" or "roi"' }),
  /**
   * Minimum result to carry on.
   *
   * Stop when the measure is below this at the gate. "effect": the drop of the bad-experience share over the gate month and the two before, against the rate before the programme; "nps": the rise of NPS over those months, in points; "roi": cumulative ROI (−1 at the start, so an early ROI gate stops nearly every run).
   *
   * Unit: share (effect), NPS points (nps) or ROI. Allowed: a number from -200 to 200.
   * Illustrative assumption: Your choice.
   */
  threshold: setting(
    { min: -200, max: 200, integer: false, label: 'a number from -200 to 200' },
    {
      label: 'Minimum result to carry on',
      unit: 'share (effect), NPS points (nps) or ROI',
      description:
        'Stop when the measure is below this at the gate. "effect": the drop of the bad-experience share over the gate month and the two before, against the rate before the programme; "nps": the rise of NPS over those months, in points; "roi": cumulative ROI (−1 at the start, so an early ROI gate stops nearly every run).',
      source: null,
      note: 'Your choice.',
    },
  ),
  afterStop: z.enum(['fade', 'hold'], { error: 'must be "fade" or "hold"' }).default('fade'),
  /**
   * Fade-out after stopping.
   *
   * With afterStop "fade": months over which a stopped programme’s effect falls linearly to nothing.
   *
   * Unit: months. Allowed: a whole number of months from 1 to 240.
   * Illustrative assumption: Fading is the default: article 000 calls CX “a constant process”, so gains without follow-up wear off. It fades harm alike, though a stopped project may “bring new problems” (then use "hold"). 12 months is illustrative.
   */
  fadeMonths: setting(wholeMonthsInHorizon, {
    label: 'Fade-out after stopping',
    unit: 'months',
    description: 'With afterStop "fade": months over which a stopped programme’s effect falls linearly to nothing.',
    source: null,
    note: 'Fading is the default: article 000 calls CX “a constant process”, so gains without follow-up wear off. It fades harm alike, though a stopped project may “bring new problems” (then use "hold"). 12 months is illustrative.',
  }).default(12),
});

/** A threshold that the gate's measure can reach: an effect is a relative cut, an ROI is at least −1. */
export const thresholdFitsMeasure: SectionCheck<z.output<typeof stageGateSchema>> = (gate, { complain }) => {
  const { measure, threshold } = gate;
  if (measure === 'effect' && (threshold > 1 || threshold < -1))
    complain(['threshold'], 'an effect threshold is a relative cut: from -1 to 1');
  if (measure === 'roi' && (threshold > 100 || threshold < -1)) complain(['threshold'], 'an ROI threshold is from -1 to 100');
};
