/**
 * The run-by-run analyses behind the drivers, sensitivity and value-of-
 * information cells: pure functions of a result's kept runs, with no chart
 * library, so the analyses worker computes them off the page's thread (and
 * the charts, or a chart test, can compute them in place).
 */
import { type RunResult, roiDrivers, sensitivity, valueOfInformationFromRuns } from 'cx-roi';
import { type Analyses, type RunsOf, firstRuns, knownAnalyses, rememberAnalyses } from './analyses-cache';

const executedPath = 'investment.executed';
const failurePath = 'investment.failureReduction';

/** The three analyses of a result's first runs. */
export function analyse(result: RunsOf): Analyses {
  const read = firstRuns(result);
  const runs: readonly RunResult[] = read.runs ?? [];
  const first = runs[0];
  const at = (r: RunResult, path: string) => (path === executedPath ? Number(r.executed) : r.parameters[path]);
  const varying = first
    ? [executedPath, ...Object.keys(first.parameters)].filter((path) => runs.some((r) => at(r, path) !== at(first, path)))
    : [];
  const group = varying.includes(executedPath) && varying.includes(failurePath) ? [[executedPath, failurePath]] : [];
  return {
    drivers: roiDrivers(read),
    sensitivity: sensitivity(read, { swings: false }),
    valueOfInformation: valueOfInformationFromRuns(read, { parameters: [...varying, ...group] }),
  };
}

/** The analyses of a result: recorded (from the worker), or computed here and recorded. */
export function analysesOf(result: RunsOf): Analyses {
  let found = knownAnalyses(result);
  if (!found) {
    found = analyse(result);
    rememberAnalyses(result, found);
  }
  return found;
}
