import type { ScenarioInput } from '../scenario/schema.js';
import type { SimulationResult } from '../simulate/result.js';
import { importNodeBuiltin, isNode } from './platform.js';
import type { ShardMessage, WorkerRequest } from './protocol.js';
import { type ParallelOptions, simulateParallelWith } from './parallel.js';
import type { ShardWorker } from './worker-pool.js';

interface NodeWorker {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: ShardMessage) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  terminate(): Promise<number>;
  removeAllListeners(event: 'message' | 'error'): void;
  ref(): void;
  unref(): void;
}

// Held in a variable, not written into new URL(…): bundlers copy a literal new URL('./x', import.meta.url)
// into a browser build as an asset, and this one is for Node only (the browser's is below).
const nodeWorkerFile = './worker.js';

/** Why a worker file could not start, and what to do, when it is missing (an app that bundled cx-roi). */
export function missingWorkerError(url: URL, error: Error): Error {
  const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module/.test(error.message);
  if (!missing) return error;
  return new Error(
    `simulateParallel could not start its worker: ${url.href} is missing. An app that bundles cx-roi (esbuild, webpack, rollup) must ship node_modules/cx-roi/dist/worker.js next to its bundle (copy it there), or pass options.createWorker (see "Bundling simulateParallel" in docs/scaling-out.md).`,
    { cause: error },
  );
}

async function nodeWorkers(): Promise<{ spawn: () => ShardWorker; cores: number }> {
  const { Worker } = await importNodeBuiltin<{ Worker: new (url: URL, options: { execArgv?: string[] }) => NodeWorker }>(
    'node:worker_threads',
  );
  const { availableParallelism } = await importNodeBuiltin<{ availableParallelism: () => number }>('node:os');
  const url = new URL(nodeWorkerFile, import.meta.url);
  const evalOnly = process.execArgv.some((flag) => flag.startsWith('--input-type'));
  return {
    cores: availableParallelism(),
    spawn: () => {
      // A worker inherits the process's flags, and Node leaves out those a worker cannot take. But
      // --input-type (from `node --input-type=module -e …`) applies to the eval'd text alone and would
      // make the worker's file fail to start: then the worker gets no flags (NODE_OPTIONS still apply).
      const worker = new Worker(url, evalOnly ? { execArgv: [] } : {});
      return {
        post: (request: WorkerRequest, transfer?: ArrayBuffer[]) => worker.postMessage(request, transfer),
        onMessage: (listener) => {
          worker.removeAllListeners('message');
          worker.on('message', listener);
        },
        onError: (listener) => {
          worker.removeAllListeners('error');
          worker.on('error', (error) => listener(missingWorkerError(url, error)));
        },
        terminate: () => void worker.terminate(),
        hold: (busy) => (busy ? worker.ref() : worker.unref()),
      };
    },
  };
}

function browserWorkers(): { spawn: () => ShardWorker; cores: number } {
  return {
    cores: globalThis.navigator?.hardwareConcurrency ?? 2,
    spawn: () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      return {
        post: (request: WorkerRequest, transfer?: ArrayBuffer[]) => worker.postMessage(request, { transfer: transfer ?? [] }),
        onMessage: (listener) => {
          worker.onmessage = (event: MessageEvent<ShardMessage>) => listener(event.data);
        },
        onError: (listener) => {
          worker.onerror = (event: ErrorEvent) => listener(new Error(event.message || 'worker error'));
        },
        terminate: () => worker.terminate(),
      };
    },
  };
}

/**
 * {@link simulate} split across worker threads (Node's `worker_threads`, or
 * Web Workers in a browser), merged into a result bit for bit identical to
 * `simulate` with the same seed: run `i` depends only on (seed, i), so each
 * worker takes a contiguous block of run indices.
 *
 * It pays off from a few thousand runs: starting a worker costs tens of
 * milliseconds, a run of the default scenario a tenth of one. Workers are
 * kept, idle and warm, for the next call (see {@link stopWorkers}).
 *
 * @param input - A partial scenario, as for `simulate`.
 * @param options - As for `simulate`, plus `workers`, `signal` and `createWorker`.
 * @returns The same result as `simulate(input, options)`.
 * @throws {@link ScenarioError} for a bad scenario or option; rejects with
 *   the signal's reason when `signal` aborts (an `AbortError` when it has none).
 * @example
 * ```ts
 * import { resultHash, simulate, simulateParallel, stopWorkers } from 'cx-roi';
 * const result = await simulateParallel({}, { runs: 1000, seed: 1, workers: 2 });
 * result.horizon.roi.p50; // => 0.138
 * resultHash(result) === resultHash(simulate({}, { runs: 1000, seed: 1 })); // => true
 * // The two workers are kept for the next call; end them now rather than after 30 s idle.
 * stopWorkers();
 * await simulateParallel({}, { workers: 0 }); // throws ScenarioError: options.workers: must be a whole number from 1 to 256
 * ```
 */
export async function simulateParallel(input: ScenarioInput = {}, options: ParallelOptions = {}): Promise<SimulationResult> {
  platform ??= isNode ? nodeWorkers() : Promise.resolve(browserWorkers());
  const { spawn, cores } = await platform;
  return simulateParallelWith(spawn, Math.max(1, cores), input, options);
}

// One platform (and one worker factory, so idle workers can be found again) per module.
let platform: Promise<{ spawn: () => ShardWorker; cores: number }> | undefined;
