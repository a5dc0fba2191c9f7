import { type AssumptionField, rememberAssumptionFields } from '../model/assumptions.js';
import type { Seed } from '../random/stream.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/error.js';
import type { Scenario } from '../scenario/schema.js';
import { type MonthPiece, type RunMatrix, horizonColumnNames, simulateRange } from '../simulate/matrix.js';
import { progressStep } from '../simulate/progress.js';
import { type BandBlock, type BandTask, type BandsByMetric, seriesBands } from '../summary/summarize.js';

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

const shown = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? JSON.stringify(value) : String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
};

const isColumn = (value: unknown, length: number): boolean => (value instanceof Float64Array || value instanceof Float32Array) && value.length === length;

/** What is wrong with a worker's answer to a shard request, or undefined when its matrix has the shapes asked for. */
function matrixProblem(matrix: unknown, request: ShardRequest): string | undefined {
  if (matrix === null || typeof matrix !== 'object') return `a "done" message whose matrix is ${shown(matrix)}, not an object`;
  const m = matrix as Partial<Record<keyof RunMatrix, unknown>>;
  const months = request.scenario.horizonMonths;
  if (m.first !== request.first || m.count !== request.count) return `a block of runs from ${shown(m.first)}, ${shown(m.count)} runs, when it was asked for runs from ${request.first}, ${request.count} runs`;
  if (m.months !== months) return `a block of ${shown(m.months)} months, not ${months}`;
  if (!(m.paidBackCounts instanceof Int32Array) || m.paidBackCounts.length !== months) return `a block whose paidBackCounts is not an Int32Array of ${months} months`;
  const horizon = m.horizon as Record<string, unknown> | null | undefined;
  if (horizon === null || typeof horizon !== 'object') return `a block whose horizon is ${shown(horizon)}, not an object`;
  const badColumn = horizonColumnNames.find((name) => !ArrayBuffer.isView(horizon[name]) || (horizon[name] as Float64Array).length !== request.count);
  if (badColumn) return `a block whose horizon.${badColumn} is not a typed array of ${request.count} runs`;
  if (!Array.isArray(m.parameterNames) || !m.parameterNames.every((name) => typeof name === 'string')) return 'a block whose parameterNames is not a list of names';
  const perRun = request.keepParameters ? m.parameterNames.length : 0;
  if (request.keepParameters ? !isColumn(m.parameters, request.count * perRun) : m.parameters !== null) return `a block whose parameters are not ${request.keepParameters ? `a Float64Array of ${request.count} × ${perRun}` : 'null'}`;
  if (request.keepParameters ? !isColumn(m.npvByMonth, request.count * months) : m.npvByMonth !== null) return `a block whose npvByMonth is not ${request.keepParameters ? `a Float64Array of ${request.count} × ${months}` : 'null'}`;
  const pieces = request.pieces;
  if (pieces) {
    if (!Array.isArray(m.pieces) || m.pieces.length !== pieces.length) return `a block with ${Array.isArray(m.pieces) ? m.pieces.length : 'no'} pieces, when ${pieces.length} were asked for`;
    const bad = pieces.findIndex((piece, k) => !isColumn((m.pieces as unknown[])[k], request.count * (piece.to - piece.from)));
    if (bad >= 0) return `a block whose piece ${bad} (${pieces[bad]?.metric}) is not a column of ${request.count} runs × ${(pieces[bad]?.to ?? 0) - (pieces[bad]?.from ?? 0)} months`;
  } else if (m.values === null || typeof m.values !== 'object') return 'a block with no monthly values';
  return undefined;
}

/** What is wrong with a worker's answer to a bands request, or undefined when it has every band asked for. */
function bandsProblem(bands: unknown, request: BandsRequest): string | undefined {
  if (bands === null || typeof bands !== 'object') return `a "bands" message whose bands are ${shown(bands)}, not an object`;
  for (const { metric, from, to } of request.tasks) {
    const months = (bands as Record<string, unknown>)[metric];
    for (let t = from; t < to; t += 1) {
      const band = Array.isArray(months) ? (months[t] as Record<string, unknown> | null | undefined) : undefined;
      if (band === null || typeof band !== 'object' || !['mean', 'p5', 'p25', 'p50', 'p75', 'p95'].every((key) => typeof band[key] === 'number'))
        return `bands without a band of ${metric} for month ${t + 1} (mean, p5 … p95, each a number)`;
    }
  }
  return undefined;
}

/**
 * What is wrong with a message a worker posted in answer to `request`, in
 * words, or undefined when it is a message the protocol knows with the shapes
 * asked for. A worker of the app's own (`createWorker`) may post anything: a
 * malformed message then rejects simulateParallel with this, not a TypeError
 * from deep inside the merge.
 */
export function messageProblem(message: unknown, request: WorkerRequest): string | undefined {
  if (message === null || typeof message !== 'object') return `a message that is ${shown(message)}, not an object`;
  const { type } = message as { type?: unknown };
  const m = message as Record<string, unknown>;
  switch (type) {
    case 'progress':
      return typeof m.done === 'number' && Number.isFinite(m.done) && m.done >= 0 ? undefined : `a "progress" message whose done is ${shown(m.done)}, not a count of runs`;
    case 'error': {
      const issues = m.issues;
      const wellFormed = (issue: unknown) => issue !== null && typeof issue === 'object' && typeof (issue as ScenarioIssue).path === 'string' && typeof (issue as ScenarioIssue).message === 'string';
      if (issues !== undefined && !(Array.isArray(issues) && issues.length > 0 && issues.every(wellFormed))) return 'an "error" message whose issues are not a list of { path, message }';
      return undefined;
    }
    case 'done':
      return request.type === 'shard' ? matrixProblem(m.matrix, request) : 'a "done" message (a block of runs) when it was asked for bands';
    case 'bands':
      return request.type === 'bands' ? bandsProblem(m.bands, request) : 'a "bands" message when it was asked to simulate a block of runs';
    default:
      return type === undefined ? 'a message without a type ("progress", "done", "bands" or "error")' : `a message of unknown type ${shown(type)} (not "progress", "done", "bands" or "error")`;
  }
}

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

/** What is wrong with a request a worker was sent, in words, or undefined when it has the shapes of one. */
function requestProblem(request: unknown): string | undefined {
  if (request === null || typeof request !== 'object') return `a request that is ${shown(request)}, not an object ({ type: "shard" } or { type: "bands" })`;
  const r = request as Record<string, unknown>;
  if (r.type === 'shard') {
    if (r.scenario === null || typeof r.scenario !== 'object') return 'a "shard" request without a scenario';
    if (!isCount(r.first) || !isCount(r.count)) return `a "shard" request whose first (${shown(r.first)}) or count (${shown(r.count)}) is not a whole number of runs`;
    if (!Array.isArray(r.fields)) return 'a "shard" request without its fields (the scenario\'s assumptions)';
    if (r.pieces !== undefined && !Array.isArray(r.pieces)) return 'a "shard" request whose pieces are not a list';
    return undefined;
  }
  if (r.type === 'bands') {
    if (!Array.isArray(r.blocks) || !Array.isArray(r.tasks) || !isCount(r.total)) return 'a "bands" request without its blocks, tasks and total';
    return undefined;
  }
  return r.type === undefined ? 'a request without a type ("shard" or "bands")' : `a request of unknown type ${shown(r.type)} (not "shard" or "bands")`;
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
 * // worker.ts of an app that bundles its own worker
 * import { handleWorkerRequest } from 'cx-roi';
 * self.onmessage = (e) => handleWorkerRequest(e.data, (msg, transfer) => self.postMessage(msg, { transfer }));
 * ```
 */
export function handleWorkerRequest(request: WorkerRequest, post: (message: ShardMessage, transfer?: ArrayBuffer[]) => void): void {
  if (typeof post !== 'function') throw new TypeError(`handleWorkerRequest needs a function to post its answers with (post), not ${shown(post)}`);
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
    rememberAssumptionFields(request.scenario, request.fields);
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
    if (error instanceof ScenarioError) post({ type: 'error', message: error.message, issues: error.issues.map(({ path, message }) => ({ path, value: undefined, message })) });
    else post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
