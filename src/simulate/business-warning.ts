import { count } from '../format/numbers.js';
import { runsNotHoldingBusiness } from '../model/business-check.js';
import type { DrawnValues } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/schema.js';
import type { SimulationWarning } from './result.js';

/**
 * A warning when some runs draw figures under which the scenario's business
 * cannot be held (from the draws of the first runs, `drawFirstRuns`): those runs describe another
 * company, so the answer is not wholly for this one. Empty when every run
 * holds it, or when the scenario holds no business.
 */
export function heldBusinessWarnings(scenario: Scenario, draws: readonly DrawnValues[]): SimulationWarning[] {
  if (!scenario.business) return [];
  const { checked, notHeld, first } = runsNotHoldingBusiness(scenario, draws);
  if (notHeld === 0 || !first) return [];
  const share = (100 * notHeld) / checked;
  return [
    {
      code: 'business-not-held',
      message: `In ${count(share, share < 1 ? 1 : 0)}% of runs (${count(notHeld)} of the first ${count(checked)}) the drawn figures cannot reproduce the business, for example: ${first.message}. Those runs keep the nearest business they can, so they describe another company: narrow the uncertain figure, or check the business.`,
      field: first.path,
    },
  ];
}
