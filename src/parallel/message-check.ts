/**
 * The check of a message from a worker of the app's own (simulateParallel's
 * `createWorker`). It is loaded only when such a worker is given: the
 * package's own worker posts what the protocol says, and a page that uses it
 * need not download this.
 */
import type { ScenarioIssue } from '../scenario/error.js';
import type { RunMatrix } from '../simulate/matrix.js';
import type { BandsRequest, ShardRequest, WorkerRequest } from './protocol.js';
import { figureProblem, figureRange } from '../simulate/figure-ranges.js';
import { shown } from './shown.js';

/**
 * The check of a custom worker's messages, given the horizon columns a block
 * carries (matrix.ts's `horizonColumnNames`, passed in so that this chunk
 * imports nothing at run time: a bundler then keeps it apart, loaded only when
 * needed).
 */
export function messageCheck(horizonColumnNames: readonly string[]): (message: unknown, request: WorkerRequest) => string | undefined {
  return (message, request) => messageProblem(message, request, horizonColumnNames);
}

const isColumn = (value: unknown, length: number): boolean =>
  (value instanceof Float64Array || value instanceof Float32Array) && value.length === length;

/** What is wrong with a worker's answer to a shard request, or undefined when its matrix has the shapes asked for. */
function matrixProblem(matrix: unknown, request: ShardRequest, horizonColumnNames: readonly string[]): string | undefined {
  if (matrix === null || typeof matrix !== 'object') return `a "done" message whose matrix is ${shown(matrix)}, not an object`;
  const m = matrix as Partial<Record<keyof RunMatrix, unknown>>;
  const months = request.scenario.horizonMonths;
  if (m.first !== request.first || m.count !== request.count)
    return `a block of runs from ${shown(m.first)}, ${shown(m.count)} runs, when it was asked for runs from ${request.first}, ${request.count} runs`;
  if (m.months !== months) return `a block of ${shown(m.months)} months, not ${months}`;
  if (!(m.paidBackCounts instanceof Int32Array) || m.paidBackCounts.length !== months)
    return `a block whose paidBackCounts is not an Int32Array of ${months} months`;
  const horizon = m.horizon as Record<string, unknown> | null | undefined;
  if (horizon === null || typeof horizon !== 'object') return `a block whose horizon is ${shown(horizon)}, not an object`;
  const badColumn = horizonColumnNames.find(
    (name) => !ArrayBuffer.isView(horizon[name]) || (horizon[name] as Float64Array).length !== request.count,
  );
  if (badColumn) return `a block whose horizon.${badColumn} is not a typed array of ${request.count} runs`;
  // The figures themselves, as mergeShards checks a shard's: finite, and flags, months and counts within range.
  for (const name of horizonColumnNames) {
    const column = horizon[name] as ArrayLike<number>;
    const range = figureRange(`horizon.${name}`, months, request.count);
    for (let i = 0; i < column.length; i += 1) {
      const bad = figureProblem(column[i] as number, range);
      if (bad) return `a block whose horizon.${name} holds ${String(column[i])} at run ${request.first + i}, which ${bad}`;
    }
  }
  const paidBackRange = figureRange('paidBackCounts', months, request.count);
  const badCount = m.paidBackCounts.findIndex((n) => figureProblem(n, paidBackRange) !== undefined);
  if (badCount >= 0)
    return `a block whose paidBackCounts hold ${m.paidBackCounts[badCount]} for month ${badCount + 1}, which ${figureProblem(m.paidBackCounts[badCount] as number, paidBackRange)}`;
  if (!Array.isArray(m.parameterNames) || !m.parameterNames.every((name) => typeof name === 'string'))
    return 'a block whose parameterNames is not a list of names';
  const perRun = request.keepParameters ? m.parameterNames.length : 0;
  if (request.keepParameters ? !isColumn(m.parameters, request.count * perRun) : m.parameters !== null)
    return `a block whose parameters are not ${request.keepParameters ? `a Float64Array of ${request.count} × ${perRun}` : 'null'}`;
  if (request.keepParameters ? !isColumn(m.npvByMonth, request.count * months) : m.npvByMonth !== null)
    return `a block whose npvByMonth is not ${request.keepParameters ? `a Float64Array of ${request.count} × ${months}` : 'null'}`;
  const pieces = request.pieces;
  if (pieces) {
    if (!Array.isArray(m.pieces) || m.pieces.length !== pieces.length)
      return `a block with ${Array.isArray(m.pieces) ? m.pieces.length : 'no'} pieces, when ${pieces.length} were asked for`;
    const bad = pieces.findIndex((piece, k) => !isColumn((m.pieces as unknown[])[k], request.count * (piece.to - piece.from)));
    if (bad >= 0)
      return `a block whose piece ${bad} (${pieces[bad]?.metric}) is not a column of ${request.count} runs × ${(pieces[bad]?.to ?? 0) - (pieces[bad]?.from ?? 0)} months`;
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
      if (
        band === null ||
        typeof band !== 'object' ||
        !['mean', 'p5', 'p25', 'p50', 'p75', 'p95'].every((key) => typeof band[key] === 'number' && Number.isFinite(band[key]))
      )
        return `bands without a band of ${metric} for month ${t + 1} (mean, p5 … p95, each a finite number)`;
      const b = band as Record<'p5' | 'p25' | 'p50' | 'p75' | 'p95', number>;
      if (!(b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95))
        return `a band of ${metric} for month ${t + 1} whose percentiles are out of order (p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95)`;
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
export function messageProblem(message: unknown, request: WorkerRequest, horizonColumnNames: readonly string[]): string | undefined {
  if (message === null || typeof message !== 'object') return `a message that is ${shown(message)}, not an object`;
  const { type } = message as { type?: unknown };
  const m = message as Record<string, unknown>;
  switch (type) {
    case 'progress':
      return Number.isInteger(m.done) && (m.done as number) >= 0 && (request.type !== 'shard' || (m.done as number) <= request.count)
        ? undefined
        : `a "progress" message whose done is ${shown(m.done)}, not a count of the block's runs`;
    case 'error': {
      const issues = m.issues;
      const wellFormed = (issue: unknown) =>
        issue !== null &&
        typeof issue === 'object' &&
        typeof (issue as ScenarioIssue).path === 'string' &&
        typeof (issue as ScenarioIssue).message === 'string';
      if (issues !== undefined && !(Array.isArray(issues) && issues.length > 0 && issues.every(wellFormed)))
        return 'an "error" message whose issues are not a list of { path, message }';
      return undefined;
    }
    case 'done':
      return request.type === 'shard'
        ? matrixProblem(m.matrix, request, horizonColumnNames)
        : 'a "done" message (a block of runs) when it was asked for bands';
    case 'bands':
      return request.type === 'bands' ? bandsProblem(m.bands, request) : 'a "bands" message when it was asked to simulate a block of runs';
    default:
      return type === undefined
        ? 'a message without a type ("progress", "done", "bands" or "error")'
        : `a message of unknown type ${shown(type)} (not "progress", "done", "bands" or "error")`;
  }
}
