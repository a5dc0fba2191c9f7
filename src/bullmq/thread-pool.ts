/**
 * The threads a simulation worker simulates in (the thread's own code is
 * shard-thread.ts): started when a job needs one, reused by the next job,
 * ended when a shard is cancelled under it or the worker closes.
 */
import { Worker as ThreadWorker } from 'node:worker_threads';
import { bullmq } from './peers.js';
import type { ThreadMessage, ThreadRequest } from './shard-thread.js';

const { UnrecoverableError } = bullmq;

/** The thread's final answer to a request: the shard's bytes or the merged result. */
export type ThreadAnswer = Exclude<ThreadMessage, { type: 'progress' | 'error' }>;

/** One thread that simulates shards one after another; replaced when a shard is cancelled. */
export class ShardThread {
  private thread: ThreadWorker | null = null;
  /** Ends the request in flight, if any, when the thread is closed under it. */
  private abandon: ((error: Error) => void) | undefined;

  private start(): ThreadWorker {
    // Held in a variable, not written into new URL(…), so bundlers do not try to copy the thread's file.
    const file = './shard-thread.js';
    this.thread = new ThreadWorker(new URL(file, import.meta.url));
    return this.thread;
  }

  /** Sends the thread one request and waits for its answer; a cancellation ends the thread. */
  run(
    request: ThreadRequest,
    transfer: ArrayBuffer[],
    onProgress: (done: number, count: number) => void,
    signal: AbortSignal,
  ): Promise<ThreadAnswer> {
    const thread = this.thread ?? this.start();
    return new Promise((resolve, reject) => {
      const stop = () => {
        // A cancelled shard's thread is ended mid-computation; the next shard starts a new one.
        cleanup();
        this.thread = null;
        void thread.terminate();
        const reason: unknown = signal.reason;
        const why = reason instanceof Error ? reason.message : `cancelled: ${String(reason ?? 'the simulation was cancelled')}`;
        reject(new UnrecoverableError(why));
      };
      const onMessage = (message: ThreadMessage) => {
        if (message.type === 'progress') onProgress(message.done, message.count);
        else {
          cleanup();
          if (message.type === 'error') reject(message.invalid ? new UnrecoverableError(message.message) : new Error(message.message));
          else resolve(message);
        }
      };
      const onError = (error: Error) => {
        cleanup();
        this.thread = null;
        reject(error);
      };
      const cleanup = () => {
        thread.off('message', onMessage);
        thread.off('error', onError);
        signal.removeEventListener('abort', stop);
        this.abandon = undefined;
      };
      this.abandon = (error) => {
        cleanup();
        reject(error);
      };
      if (signal.aborted) return stop();
      signal.addEventListener('abort', stop, { once: true });
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.postMessage(request, transfer);
    });
  }

  close(): Promise<unknown> {
    // A shard still running when the worker closes (its Redis gone) ends here, so that its job's timers end too.
    this.abandon?.(new Error('the worker closed while the shard ran'));
    return this.thread ? this.thread.terminate() : Promise.resolve();
  }
}

/** A worker's threads: one per job running at once (up to its concurrency), kept between jobs. */
export class ShardThreadPool {
  private readonly idle: ShardThread[] = [];
  private readonly all: ShardThread[] = [];

  /** An idle thread, or a new one when every thread is busy. */
  take(): ShardThread {
    const idle = this.idle.pop();
    if (idle) return idle;
    const thread = new ShardThread();
    this.all.push(thread);
    return thread;
  }

  /** Gives a thread back once its job has ended (whether it succeeded or not). */
  give(thread: ShardThread): void {
    this.idle.push(thread);
  }

  /** Ends every thread, idle or busy. */
  async close(): Promise<void> {
    await Promise.all(this.all.map((thread) => thread.close()));
  }
}
