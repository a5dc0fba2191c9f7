import type { Seed } from '../random/stream.js';
import type { Scenario } from '../scenario/schema.js';
import { type RunMatrix, simulateRange } from '../simulate/matrix.js';

/** What the main thread asks a worker to simulate: one block of runs. */
export interface ShardRequest {
  readonly type: 'shard';
  readonly scenario: Scenario;
  readonly seed: Seed;
  readonly first: number;
  readonly count: number;
  readonly keepParameters: boolean;
}

/** What a worker answers: progress, the finished block, or a failure. */
export type ShardMessage =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly matrix: RunMatrix }
  | { readonly type: 'error'; readonly message: string };

/** The buffers of a matrix, to transfer instead of copy. */
export function transferables(matrix: RunMatrix): ArrayBuffer[] {
  const arrays = [...Object.values(matrix.values), ...Object.values(matrix.horizon), ...(matrix.parameters ? [matrix.parameters] : [])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/**
 * Serves one request inside a worker: simulates the block, reporting progress
 * about a hundred times, and posts the matrix back without copying it.
 * @example
 * ```ts
 * // worker.ts of an app that bundles its own worker
 * import { handleShardRequest } from 'cx-roi';
 * self.onmessage = (e) => handleShardRequest(e.data, (msg, transfer) => self.postMessage(msg, { transfer }));
 * ```
 */
export function handleShardRequest(request: ShardRequest, post: (message: ShardMessage, transfer?: ArrayBuffer[]) => void): void {
  try {
    const step = Math.max(1, Math.floor(request.count / 100));
    const matrix = simulateRange(request.scenario, request.seed, request.first, request.count, request.keepParameters, (done) => {
      if (done % step === 0 && done < request.count) post({ type: 'progress', done });
    });
    post({ type: 'done', matrix }, transferables(matrix));
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
