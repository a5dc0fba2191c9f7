import type { Seed } from '../random/stream.js';
import type { Scenario } from '../scenario/schema.js';
import { type RunMatrix, joinRuns, orderBlocks, runResults } from '../simulate/matrix.js';
import type { SimulationResult } from '../simulate/result.js';
import { summarizeHorizon, summarizeSeries } from './summarize.js';

/**
 * The result of a simulation from its blocks of runs (one block, or one per
 * worker, in any order): the same bits however the runs were split.
 */
export function resultFromBlocks(
  scenario: Scenario,
  seed: Seed,
  blocks: readonly RunMatrix[],
  total: number,
  keepRuns: boolean,
): SimulationResult {
  const ordered = orderBlocks(blocks, total);
  const runs = joinRuns(ordered, total);
  const result: SimulationResult = {
    scenario,
    seed,
    runCount: total,
    series: summarizeSeries(ordered, total),
    horizon: summarizeHorizon(scenario, runs),
  };
  return keepRuns ? { ...result, runs: runResults(runs) } : result;
}
