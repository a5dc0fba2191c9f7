import { parseScenario } from '../scenario/parse.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { resultFromBlocks } from './assemble.js';
import { simulateRange } from './matrix.js';
import { type SimulateOptions, progressStep, resolveOptions } from './options.js';
import type { SimulationResult } from './result.js';

/**
 * Simulates a CX programme's return as a distribution: many seeded runs of
 * the month-by-month model, each following a baseline and an invested arm
 * side by side, summarised as percentile bands per month and at the horizon.
 *
 * @param input - A partial scenario merged over `defaultScenario` (see
 *   `describeAssumptions()` for every field, its unit and its source).
 * @param options - Runs, seed, whether to keep each run, a progress callback.
 * @returns The scenario used, a series of monthly bands, the horizon summary
 *   (ROI, NPV, P(ROI > 0) with standard errors, payback, outcome classes)
 *   and, with `keepRuns`, each run's figures.
 * @throws {@link ScenarioError} for a bad scenario or option, naming every bad field.
 * @example
 * ```ts
 * import { simulate } from 'cx-roi';
 * const { horizon } = simulate({}, { runs: 1000, seed: 7 });
 * horizon.roi.p50; // => 0.105
 * horizon.probabilityPositiveRoi; // => 0.557
 * horizon.paybackMonth.median; // => 57
 * // Four times the upfront cost: fewer than half the runs pay back within the horizon.
 * const costly = simulate({ investment: { upfront: 400_000 } }, { runs: 500, seed: 7 }).horizon;
 * costly.roi.p50; // => -0.365
 * costly.paybackMonth.median; // => null
 * simulate({}, { runs: 0 }); // throws ScenarioError: options.runs: must be at least 1
 * ```
 */
export function simulate(input: ScenarioInput = {}, options: SimulateOptions = {}): SimulationResult {
  const scenario = parseScenario(input);
  const { runs, seed, keepRuns, onProgress } = resolveOptions(options, scenario.horizonMonths);
  const step = progressStep(runs);
  const matrix = simulateRange(
    scenario,
    seed,
    0,
    runs,
    keepRuns,
    onProgress && ((done) => (done % step === 0 || done === runs) && onProgress(done, runs)),
  );
  return resultFromBlocks(scenario, seed, [matrix], runs, keepRuns);
}
