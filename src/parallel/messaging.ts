import { ScenarioError } from '../scenario/error.js';
import type { ShardMessage, WorkerRequest } from './protocol.js';
import type { ShardWorker } from './worker-pool.js';

/**
 * Resolves in a later task of the event loop: a message to itself (browsers and Node alike; unlike
 * setTimeout it is not clamped, and a test's fake timers do not hold it back).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Why the simulation stopped: the signal's reason when it has one (as `fetch` does), else an `AbortError`. */
export function abortError(signal: AbortSignal | undefined): unknown {
  const reason: unknown = signal?.reason;
  if (reason !== undefined) return reason;
  const error = new Error('The simulation was aborted');
  error.name = 'AbortError';
  return error;
}

export function isAbortSignal(value: unknown): value is AbortSignal {
  const signal = value as AbortSignal | null;
  return (
    typeof signal?.aborted === 'boolean' &&
    typeof signal.addEventListener === 'function' &&
    typeof signal.removeEventListener === 'function'
  );
}

/** What is wrong with a worker's message, in words, or undefined (message-check.ts). */
export type MessageCheck = (message: unknown, request: WorkerRequest) => string | undefined;

/** A request sent to a worker and not yet answered. */
interface Pending {
  readonly request: WorkerRequest;
  readonly resolve: (message: ShardMessage) => void;
  readonly reject: (error: unknown) => void;
  readonly onProgress: (done: number) => void;
  readonly check: MessageCheck | undefined;
}

// Each worker's requests not yet answered, oldest first: a worker answers its requests in the order they were sent,
// so several may be sent at once (a preview's bands, then the next runs) and each answer goes to its own.
const pendingOf = new WeakMap<ShardWorker, Pending[]>();

/** The queue of a worker's unanswered requests, listening to the worker the first time. */
function queueOf(worker: ShardWorker): Pending[] {
  const known = pendingOf.get(worker);
  if (known) return known;
  const pending: Pending[] = [];
  pendingOf.set(worker, pending);
  const failAll = (error: unknown) => {
    for (const waiting of pending.splice(0)) waiting.reject(error);
  };
  worker.onMessage((message) => {
    const head = pending[0];
    if (!head) return;
    try {
      // A worker of the app's own may post anything: say what was wrong rather than fail deep in the merge.
      const problem = head.check?.(message, head.request);
      if (problem !== undefined) failAll(new Error(`a simulation worker sent ${problem}`));
      else if (message.type === 'progress') head.onProgress(message.done);
      else {
        pending.shift();
        if (message.type === 'error')
          head.reject(message.issues ? new ScenarioError(message.issues) : new Error(`a simulation worker failed: ${message.message}`));
        else head.resolve(message);
      }
    } catch (error) {
      // The caller's onProgress threw: the promise rejects with its error rather than the process dying.
      failAll(error);
    }
  });
  worker.onError(failAll);
  return pending;
}

/** Sends one request to a worker and waits for its final answer, passing progress on. */
export function ask(
  worker: ShardWorker,
  request: WorkerRequest,
  transfer: ArrayBuffer[],
  onProgress: (done: number) => void,
  check?: MessageCheck,
): Promise<ShardMessage> {
  return new Promise((resolve, reject) => {
    // Queued before it is sent: a worker in this thread may answer within post.
    const queue = queueOf(worker);
    const entry = { request, resolve, reject, onProgress, check };
    queue.push(entry);
    try {
      worker.post(request, transfer);
    } catch (error) {
      // Not sent (a request that cannot be cloned, a worker already ended): no answer will come for it.
      const at = queue.indexOf(entry);
      if (at >= 0) queue.splice(at, 1);
      reject(error);
    }
  });
}

/** A promise that rejects when the signal aborts (see {@link abortError}), and how to stop listening to the signal. */
export function abortOn(signal: AbortSignal | undefined): { aborted: Promise<never>; detach: () => void } {
  let abort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    abort = () => reject(abortError(signal));
    // A signal aborted before this point (between the call's checks and here) fires no event: reject at once.
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
  aborted.catch(() => undefined);
  const detach = () => {
    try {
      signal?.removeEventListener('abort', abort);
    } catch {
      // A signal whose removeEventListener throws must not keep the workers, or the process, alive.
    }
  };
  return { aborted, detach };
}
