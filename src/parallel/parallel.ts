import { parseScenario } from '../scenario/parse.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { ScenarioError } from '../scenario/error.js';
import type { RunMatrix } from '../simulate/matrix.js';
import { type SimulateOptions, resolveOptions } from '../simulate/options.js';
import type { SimulationResult } from '../simulate/result.js';
import { resultFromBlocks } from '../summary/result.js';
import type { ShardMessage, ShardRequest } from './protocol.js';

/** A worker as simulateParallel sees it, whatever the platform. */
export interface ShardWorker {
  post(request: ShardRequest): void;
  onMessage(listener: (message: ShardMessage) => void): void;
  onError(listener: (error: Error) => void): void;
  terminate(): void;
}

/** Options of {@link simulateParallel}: those of `simulate`, and how to split the work. */
export interface ParallelOptions extends SimulateOptions {
  /**
   * How many workers to run at once.
   * @defaultValue the number of logical cores (Node's `availableParallelism`, the browser's `hardwareConcurrency`), at least 1
   */
  workers?: number;
  /** Cancels the simulation: the workers are stopped and the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
  /**
   * Makes a worker, for apps that bundle the worker themselves (see `handleShardRequest`).
   * @defaultValue the package's own `worker.js`, next to the module
   */
  createWorker?: () => ShardWorker;
}

/** The contiguous blocks `[first, first + count)` that split `runs` into `parts` near-equal shards. */
export function planShards(runs: number, parts: number): { first: number; count: number }[] {
  const n = Math.max(1, Math.min(parts, runs));
  return Array.from({ length: n }, (_, k) => {
    const first = Math.floor((k * runs) / n);
    return { first, count: Math.floor(((k + 1) * runs) / n) - first };
  });
}

function abortError(): Error {
  const error = new Error('The simulation was aborted');
  error.name = 'AbortError';
  return error;
}

/** simulateParallel on any platform, given how to make a worker there. */
export async function simulateParallelWith(
  defaultWorker: () => ShardWorker,
  defaultWorkers: number,
  input: ScenarioInput,
  options: ParallelOptions,
): Promise<SimulationResult> {
  const { workers: wanted, signal, createWorker, ...simulateOptions } = options;
  const scenario = parseScenario(input);
  const { runs, seed, keepRuns, onProgress } = resolveOptions(simulateOptions, scenario.horizonMonths);
  if (wanted !== undefined && !(Number.isInteger(wanted) && wanted >= 1 && wanted <= 256))
    throw new ScenarioError([{ path: 'options.workers', value: wanted, message: 'must be a whole number from 1 to 256' }]);
  if (signal?.aborted) throw abortError();
  const shards = planShards(runs, wanted ?? defaultWorkers);
  const done = shards.map(() => 0);
  const step = Math.max(1, Math.floor(runs / 100));
  let reported = 0;
  const progress = () => {
    const total = done.reduce((a, b) => a + b, 0);
    if (onProgress && (total - reported >= step || total === runs)) {
      reported = total;
      onProgress(total, runs);
    }
  };
  const started: ShardWorker[] = [];
  const stopAll = () => started.forEach((w) => w.terminate());
  try {
    const blocks = await new Promise<RunMatrix[]>((resolve, reject) => {
      const results: RunMatrix[] = [];
      let remaining = shards.length;
      const onAbort = () => reject(abortError());
      signal?.addEventListener('abort', onAbort, { once: true });
      shards.forEach((shard, k) => {
        const worker = (createWorker ?? defaultWorker)();
        started.push(worker);
        worker.onError((error) => reject(error));
        worker.onMessage((message) => {
          if (message.type === 'progress') {
            done[k] = message.done;
            progress();
          } else if (message.type === 'error') reject(new Error(`a simulation worker failed: ${message.message}`));
          else {
            done[k] = shard.count;
            progress();
            results[k] = message.matrix;
            remaining -= 1;
            if (remaining === 0) {
              signal?.removeEventListener('abort', onAbort);
              resolve(results);
            }
          }
        });
        worker.post({ type: 'shard', scenario, seed, first: shard.first, count: shard.count, keepParameters: keepRuns });
      });
    });
    return resultFromBlocks(scenario, seed, blocks, runs, keepRuns);
  } finally {
    stopAll();
  }
}
