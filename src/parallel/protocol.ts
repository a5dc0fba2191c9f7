import { type AssumptionField, knownAssumptionFields, rememberAssumptionFields } from '../scenario/assumptions.js';
import type { Seed } from '../random/stream.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/error.js';
import type { Scenario } from '../scenario/schema.js';
import { limits } from '../scenario/domain.js';
import { type MonthPiece, type RunMatrix, simulateRange } from '../simulate/matrix.js';
import { monthlyMetrics } from '../simulate/metrics.js';
import { progressStep } from '../simulate/progress.js';
import { shown } from './shown.js';
import { type BandBlock, type BandTask, type BandsByMetric, seriesBands } from '../simulate/summarize.js';

/** What the main thread asks a worker to simulate: one block of runs. */
export interface ShardRequest {
  readonly type: 'shard';
  readonly scenario: Scenario;
  readonly seed: Seed;
  readonly first: number;
  readonly count: number;
  readonly keepParameters: boolean;
  /** The scenario's assumptions, as parseScenario found them: the worker has no schema to find them with. */
  readonly fields: readonly AssumptionField[];
  /**
   * When given, the monthly figures come back cut into these pieces (a
   * figure's months `[from, to)`, one piece for each worker of the band round
   * that reads it) instead of whole, so the main thread can hand each piece
   * on without a copy.
   */
  readonly pieces?: readonly MonthPiece[];
}

export type { MonthPiece } from '../simulate/matrix.js';

/** What the main thread asks a worker to summarise: some figures' monthly bands over all runs. */
export interface BandsRequest {
  readonly type: 'bands';
  readonly blocks: readonly BandBlock[];
  readonly total: number;
  readonly tasks: readonly BandTask[];
}

/** What a worker answers: progress, the finished block, the bands, or a failure. */
export type ShardMessage =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly matrix: RunMatrix }
  | { readonly type: 'bands'; readonly bands: BandsByMetric }
  | { readonly type: 'error'; readonly message: string; readonly issues?: readonly ScenarioIssue[] };

/** A request to a worker. */
export type WorkerRequest = ShardRequest | BandsRequest;

/** The buffers of a matrix, to transfer instead of copy. */
export function transferables(matrix: RunMatrix): ArrayBuffer[] {
  const arrays = [
    ...Object.values(matrix.values),
    ...(matrix.pieces ?? []),
    matrix.paidBackCounts,
    ...Object.values(matrix.horizon),
    ...(matrix.parameters ? [matrix.parameters] : []),
    ...(matrix.npvByMonth ? [matrix.npvByMonth] : []),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

/** Whether `value` is { from, to } with whole months 0 ≤ from ≤ to ≤ months. */
const rangeWithin = (value: unknown, months: number): boolean => {
  const { from, to } = (value ?? {}) as { from?: unknown; to?: unknown };
  return isCount(from) && isCount(to) && (from as number) <= (to as number) && (to as number) <= months;
};

/** What is wrong with a request a worker was sent, in words, or undefined when it has the shapes of one. */
function requestProblem(request: unknown): string | undefined {
  if (request === null || typeof request !== 'object')
    return `a request that is ${shown(request)}, not an object ({ type: "shard" } or { type: "bands" })`;
  const r = request as Record<string, unknown>;
  if (r.type === 'shard') {
    if (r.scenario === null || typeof r.scenario !== 'object') return 'a "shard" request without a scenario';
    // The scenario is simulateParallel's, parsed on the main thread (a worker carries no schema); its size is bounded
    // here all the same, so that a request of the app's own cannot ask a worker for gigabytes.
    const months = (r.scenario as { horizonMonths?: unknown }).horizonMonths;
    if (!(isCount(months) && (months as number) >= 1 && (months as number) <= limits.horizonMonths))
      return `a "shard" request whose scenario's horizonMonths (${shown(months)}) is not a whole number from 1 to ${limits.horizonMonths}`;
    if (!isCount(r.first) || !isCount(r.count) || (r.count as number) < 1 || (r.first as number) + (r.count as number) > 2 ** 31 - 1)
      return `a "shard" request whose first (${shown(r.first)}) or count (${shown(r.count)}) is not a whole number of runs (at least one)`;
    if ((r.count as number) * (months as number) > limits.runMonths)
      return `a "shard" request of ${shown(r.count)} runs of ${shown(months)} months, past the ${limits.runMonths} run-months a worker holds`;
    const isField = (f: unknown) =>
      f !== null &&
      typeof f === 'object' &&
      typeof (f as { path?: unknown }).path === 'string' &&
      (f as { domain?: unknown }).domain !== null &&
      typeof (f as { domain?: unknown }).domain === 'object';
    if (!Array.isArray(r.fields) || r.fields.length === 0 || !r.fields.every(isField))
      return 'a "shard" request without its fields (the scenario\'s assumptions: { path, value, domain } each)';
    if (
      r.pieces !== undefined &&
      !(
        Array.isArray(r.pieces) &&
        r.pieces.every(
          (p) => rangeWithin(p, months as number) && (monthlyMetrics as readonly unknown[]).includes((p as { metric?: unknown }).metric),
        )
      )
    )
      return `a "shard" request whose pieces are not a list of { metric, from, to } with a monthly figure and months within the horizon`;
    return undefined;
  }
  if (r.type === 'bands') {
    if (!Array.isArray(r.blocks) || !Array.isArray(r.tasks) || !isCount(r.total))
      return 'a "bands" request without its blocks, tasks and total';
    if (
      (r.total as number) < 1 ||
      r.blocks.reduce((sum: number, b) => sum + ((b as { count?: number } | null)?.count ?? Number.NaN), 0) !== r.total
    )
      return `a "bands" request whose blocks' runs do not add up to its total (${shown(r.total)})`;
    if (!r.tasks.every((t) => rangeWithin(t, limits.horizonMonths) && typeof (t as { metric?: unknown }).metric === 'string'))
      return 'a "bands" request whose tasks are not { metric, from, to } with months within a horizon';
    return undefined;
  }
  return r.type === undefined
    ? 'a request without a type ("shard" or "bands")'
    : `a request of unknown type ${shown(r.type)} (not "shard" or "bands")`;
}

/**
 * Serves one request inside a worker: simulates a block, reporting progress
 * about a hundred times, and posts the matrix back without copying it; or
 * summarises some figures' bands over blocks it is sent. A request that is
 * not one of these (null, no type, an unknown type, missing parts) is
 * answered with an `error` message that says what was wrong.
 * @throws TypeError when `post` is not a function.
 * @example
 * ```ts
 * import { type ShardWorker, resultHash, simulate, simulateParallel, stopWorkers } from 'cx-roi';
 * import { type ShardMessage, handleWorkerRequest } from 'cx-roi/worker';
 * // The worker.ts of an app that bundles its own worker is one line:
 * //   self.onmessage = (e) => handleWorkerRequest(e.data, (message, transfer) => self.postMessage(message, { transfer }));
 * // Here a worker that answers in this thread, through the same handler, for simulateParallel's createWorker:
 * const createWorker = (): ShardWorker => {
 *   let listener = (message: ShardMessage) => {};
 *   return {
 *     post: (request) => void Promise.resolve().then(() => handleWorkerRequest(request, (message) => listener(message))),
 *     onMessage: (l) => (listener = l),
 *     onError: () => {},
 *     terminate: () => {},
 *   };
 * };
 * const result = await simulateParallel({}, { runs: 500, seed: 1, workers: 2, createWorker });
 * resultHash(result) === resultHash(simulate({}, { runs: 500, seed: 1 })); // => true
 * stopWorkers();
 * // A request that is not one is answered with an error, not thrown.
 * const answers: ShardMessage[] = [];
 * handleWorkerRequest({ type: 'shard' } as never, (message) => answers.push(message));
 * answers; // => [{ type: 'error', message: 'handleWorkerRequest was given a "shard" request without a scenario' }]
 * ```
 */
export function handleWorkerRequest(request: WorkerRequest, post: (message: ShardMessage, transfer?: ArrayBuffer[]) => void): void {
  if (typeof post !== 'function')
    throw new TypeError(`handleWorkerRequest needs a function to post its answers with (post), not ${shown(post)}`);
  const problem = requestProblem(request);
  if (problem !== undefined) {
    post({ type: 'error', message: `handleWorkerRequest was given ${problem}` });
    return;
  }
  try {
    if (request.type === 'bands') {
      post({ type: 'bands', bands: seriesBands(request.blocks, request.total, request.tasks) });
      return;
    }
    // A scenario parsed in this thread knows its fields already: a request's must not replace them (a worker run
    // in-process shares the caller's objects). One sent across threads arrives as a copy, unknown here.
    if (knownAssumptionFields(request.scenario) === undefined) rememberAssumptionFields(request.scenario, request.fields);
    const step = progressStep(request.count);
    const matrix = simulateRange(
      request.scenario,
      request.seed,
      request.first,
      request.count,
      request.keepParameters,
      (done) => {
        if (done % step === 0 && done < request.count) post({ type: 'progress', done });
      },
      request.pieces,
    );
    post({ type: 'done', matrix }, transferables(matrix));
  } catch (error) {
    // A ScenarioError crosses as its issues, so the caller gets a ScenarioError back.
    if (error instanceof ScenarioError)
      post({
        type: 'error',
        message: error.message,
        issues: error.issues.map(({ path, message }) => ({ path, value: undefined, message })),
      });
    // Its words, not its stack: the caller's rejection reads "a simulation worker failed: …".
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
