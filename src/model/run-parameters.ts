import type { Scenario } from '../scenario/schema.js';
import { holdBusiness } from '../scenario/held-business.js';
import { type DrawnValues, type RunParameters, type SummedPaths, drawnParameters, summedPaths } from '../scenario/parameters.js';

/**
 * The model's parameters for one run: its drawn values and, when the
 * scenario holds a business (`scenario.business`), the unobserved ones solved
 * from that business with this run's draws, so that every run's baseline is
 * the company's own business whatever the CX figures say.
 *
 * @param summed - `summedPaths(Object.keys(v))`, given by a caller that knows it.
 */
export function runParameters(scenario: Scenario, v: DrawnValues, summed: SummedPaths = summedPaths(Object.keys(v))): RunParameters {
  const drawn = drawnParameters(scenario, v, summed);
  return scenario.business ? holdBusiness(drawn, scenario.business) : drawn;
}
