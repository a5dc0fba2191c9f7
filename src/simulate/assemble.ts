import type { Seed } from '../random/stream.js';
import { version } from '../version.js';
import { scenarioKpis } from '../model/kpis.js';
import { baselineWarnings } from './baseline-warning.js';
import type { Scenario } from '../scenario/schema.js';
import { type JoinedRuns, type RunMatrix, joinRuns, orderBlocks, runResults } from './matrix.js';
import type { HorizonSummary, SeriesRow, SimulationResult, SimulationWarning } from './result.js';
import type { DrawnValues } from '../scenario/parameters.js';
import type { RunResult } from '../model/run.js';
import { summarizeHorizon, summarizeSeries } from './summarize.js';
import { unmeasuredDriverWarnings } from './driver-warning.js';
import { heldBusinessWarnings } from './business-warning.js';
import { drawFirstRuns, redrawnRuns } from '../model/draw.js';
import { scenarioAssumptions } from '../scenario/assumption-fields.js';

/**
 * What a result says that depends only on the scenario, the seed and the number of runs, not on the runs' figures:
 * the first runs' draws (made again from the seed, for the checks that read them) and the warnings about the
 * baseline and the held business. A parallel simulation works them out while its workers simulate.
 */
export interface RunChecks {
  readonly draws: readonly DrawnValues[];
  readonly warnings: readonly SimulationWarning[];
}

/**
 * How many of the first runs' draws the checks read: up to {@link redrawnRuns} when the scenario holds a business or,
 * from 100 runs, when something is uncertain; else none (a scenario read back from JSON or sent between threads has
 * its assumptions found again first).
 */
export function checkedRuns(scenario: Scenario, runs: number): number {
  const drawn = scenarioAssumptions(scenario).some((f) => typeof f.value !== 'number');
  return scenario.business !== null || (drawn && runs >= 100) ? Math.min(runs, redrawnRuns) : 0;
}

/** The {@link RunChecks} of a simulation of `runs` runs, from the first runs' draws when made already. */
export function runChecks(
  scenario: Scenario,
  seed: Seed,
  runs: number,
  draws: readonly DrawnValues[] = drawFirstRuns(scenario, seed, checkedRuns(scenario, runs)),
): RunChecks {
  return {
    draws,
    warnings: [...baselineWarnings(scenarioKpis(scenario), scenario.business !== null), ...heldBusinessWarnings(scenario, draws)],
  };
}

/** A simulation's result from its parts (with the kept runs, and the checks, when worked out already). */
export function assembleResult(
  scenario: Scenario,
  seed: Seed,
  runs: JoinedRuns,
  series: readonly SeriesRow[],
  horizon: HorizonSummary,
  keepRuns: boolean,
  built?: readonly RunResult[],
  checks: RunChecks = runChecks(scenario, seed, runs.count),
): SimulationResult {
  const warnings = [...checks.warnings, ...unmeasuredDriverWarnings(scenario, seed, checks.draws, runs.horizon.npv, runs.horizon.executed)];
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
