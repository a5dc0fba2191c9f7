import type { Scenario } from '../scenario/schema.js';
import { type BusinessConflict, holdBusiness } from '../scenario/held-business.js';
import { drawnSummedPaths } from './draw.js';
import { type DrawnValues, drawnParameters } from '../scenario/parameters.js';

/**
 * How many of a simulation's runs (given by their draws: `drawFirstRuns`) draw figures under which the
 * scenario's business cannot be held (a switching share so high that bad
 * experiences alone lose more customers than the business does, a chance a
 * tell wins a customer so high that recommendations alone bring more than
 * its new customers, …), and the first such run's reason. Such a run keeps
 * the nearest business it can (a solved parameter stops at its bound), so
 * it describes another company. `checked` is 0 when the scenario holds no
 * business.
 */
export function runsNotHoldingBusiness(
  scenario: Scenario,
  draws: readonly DrawnValues[],
): { readonly checked: number; readonly notHeld: number; readonly first: BusinessConflict | null } {
  const business = scenario.business;
  if (!business) return { checked: 0, notHeld: 0, first: null };
  const checked = draws.length;
  const summed = drawnSummedPaths(scenario);
  let notHeld = 0;
  let first: BusinessConflict | null = null;
  for (let run = 0; run < checked; run += 1) {
    let clash: BusinessConflict | null = null;
    holdBusiness(drawnParameters(scenario, draws[run] as DrawnValues, summed), business, (c) => {
      clash ??= c;
    });
    if (clash) {
      notHeld += 1;
      first ??= clash;
    }
  }
  return { checked, notHeld, first };
}
