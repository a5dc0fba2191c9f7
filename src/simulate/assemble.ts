import type { Seed } from '../random/stream.js';
import { version } from '../version.js';
import { scenarioKpis } from '../model/kpis.js';
import { baselineWarnings } from './baseline-warning.js';
import type { Scenario } from '../scenario/schema.js';
import { type JoinedRuns, type RunMatrix, joinRuns, orderBlocks, runResults } from './matrix.js';
import type { HorizonSummary, SeriesRow, SimulationResult } from './result.js';
import type { RunResult } from '../model/run.js';
import { summarizeHorizon, summarizeSeries } from './summarize.js';
import { unmeasuredDriverWarnings } from './driver-warning.js';
import { heldBusinessWarnings } from './business-warning.js';
import { drawFirstRuns } from '../model/draw.js';
import { scenarioAssumptions } from '../scenario/assumption-fields.js';

/** A simulation's result from its parts (with the kept runs, when built already). */
export function assembleResult(
  scenario: Scenario,
  seed: Seed,
  runs: JoinedRuns,
  series: readonly SeriesRow[],
  horizon: HorizonSummary,
  keepRuns: boolean,
  built?: readonly RunResult[],
): SimulationResult {
  // The first runs' draws, made again once for both checks that read them (a scenario read back from JSON or sent
  // between threads has its assumptions found again first).
  const drawn = scenarioAssumptions(scenario).some((f) => typeof f.value !== 'number');
  const draws = scenario.business !== null || (drawn && runs.count >= 100) ? drawFirstRuns(scenario, seed, runs.count) : [];
  const warnings = [
    ...baselineWarnings(scenarioKpis(scenario), scenario.business !== null),
    ...heldBusinessWarnings(scenario, draws),
    ...unmeasuredDriverWarnings(scenario, seed, draws, runs.horizon.npv, runs.horizon.executed),
  ];
  const result: SimulationResult = { version, scenario, warnings, seed, runCount: runs.count, series, horizon };
  return keepRuns ? { ...result, runs: built ?? runResults(runs, ...keptRunsFlags(scenario)) } : result;
}

/** What the kept runs of a scenario carry: its terminal value, its stage gate. */
export function keptRunsFlags(scenario: Scenario): [withTerminalValue: boolean, withGate: boolean] {
  return [scenario.valuation.terminalValue !== 'none', scenario.investment.stageGate !== undefined];
}

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
  return assembleResult(scenario, seed, runs, summarizeSeries(ordered, total), summarizeHorizon(scenario, runs), keepRuns);
}
