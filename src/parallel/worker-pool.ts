import type { ShardMessage, WorkerRequest } from './protocol.js';

/** A worker as simulateParallel sees it, whatever the platform. */
export interface ShardWorker {
  post(request: WorkerRequest, transfer?: ArrayBuffer[]): void;
  /** Sets the one listener for the worker's messages (replacing any earlier one). */
  onMessage(listener: (message: ShardMessage) => void): void;
  onError(listener: (error: Error) => void): void;
  terminate(): void;
  /** Whether the worker is busy; an idle Node worker must not keep the process alive. */
  hold?(busy: boolean): void;
}

// Idle workers, by the factory that made them: the next call reuses them, started and warm.
const idleWorkers = new Map<() => ShardWorker, ShardWorker[]>();
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** How long idle workers are kept for the next call before they are ended, in milliseconds. */
export const idleWorkerMilliseconds = 30_000;

/** Most workers simulateParallel starts by default: past this, more workers cost memory and start-up for little speed. */
export const defaultWorkerCap = 8;

/**
 * Most workers simulateParallel starts on a machine with `cores` logical
 * cores, whatever `workers` asks: twice the cores, and at least 2. Workers
 * past the cores only take turns on them, each with its own memory and
 * start-up (256 workers on 2 cores took over a minute and 2.5 GB for what
 * `simulate` does in under a second); twice leaves room for a platform that
 * reports fewer cores than it has. The result is the same whatever the count.
 */
export function workerCeiling(cores: number): number {
  return Math.max(2, 2 * Math.floor(cores));
}

const methods = ['post', 'onMessage', 'onError', 'terminate'] as const;

/** Workers for one call: idle ones first, then new ones. A factory that fails leaves no worker running. */
export function acquire(factory: () => ShardWorker, count: number, pooled: boolean): ShardWorker[] {
  const idle = pooled ? (idleWorkers.get(factory) ?? []) : [];
  const workers = idle.splice(0, count);
  try {
    while (workers.length < count) {
      const worker: unknown = factory();
      const missing = methods.filter((m) => typeof (worker as Record<string, unknown> | null)?.[m] !== 'function');
      if (missing.length > 0) {
        if (typeof (worker as ShardWorker | null)?.terminate === 'function') (worker as ShardWorker).terminate();
        throw new TypeError(
          `options.createWorker must return a worker with ${methods.join(', ')}; it returned one without ${missing.join(', ')}`,
        );
      }
      workers.push(worker as ShardWorker);
    }
  } catch (error) {
    for (const worker of workers) worker.terminate();
    throw error;
  }
  for (const worker of workers) worker.hold?.(true);
  return workers;
}

/** Workers back after a call: kept idle and warm for the next one when reusable, else ended. */
export function release(factory: () => ShardWorker, workers: readonly ShardWorker[], reusable: boolean): void {
  if (!reusable) {
    for (const worker of workers) worker.terminate();
    return;
  }
  for (const worker of workers) worker.hold?.(false);
  idleWorkers.set(factory, [...(idleWorkers.get(factory) ?? []), ...workers]);
  // Idle workers hold memory: end them if no call comes for a while.
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = setTimeout(stopWorkers, idleWorkerMilliseconds);
  (idleTimer as { unref?: () => void }).unref?.();
}

/**
 * Ends the idle workers simulateParallel keeps for its next call (it also
 * ends them itself after 30 s without a call). Node exits with them alive
 * (they are unreferenced while idle); call this to free their memory sooner,
 * or before a test runner checks for open handles.
 *
 * @example
 * ```ts
 * import { resultHash, simulateParallel, stopWorkers } from 'cx-roi';
 * const first = await simulateParallel({ horizonMonths: 12 }, { runs: 500, seed: 1, workers: 2 });
 * // Its two workers are kept, idle, for the next call: end them now (a service between jobs, a test's teardown).
 * stopWorkers();
 * // A later call starts new ones, with the same result.
 * const again = await simulateParallel({ horizonMonths: 12 }, { runs: 500, seed: 1, workers: 2 });
 * resultHash(again) === resultHash(first); // => true
 * stopWorkers();
 * ```
 */
export function stopWorkers(): void {
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = undefined;
  for (const workers of idleWorkers.values()) for (const worker of workers) worker.terminate();
  idleWorkers.clear();
}
