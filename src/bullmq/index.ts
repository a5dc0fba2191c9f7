/**
 * cx-roi/bullmq: simulations split into shards and run by BullMQ workers on
 * Redis, on as many machines as the work needs. A simulation is one BullMQ
 * flow: a parent job ("merge") whose children are the shards ("shard"). Each
 * shard is simulated in a worker thread by whichever worker takes it; when
 * the last one completes, a worker takes the parent, merges the shards with
 * `mergeShards` and returns the result. The merged result has the same result
 * hash as `simulate` with the same input and seed: run `i` depends only on
 * (seed, i), so a shard retried elsewhere gives the same bytes.
 *
 * `bullmq` (6) and `ioredis` are optional peer dependencies: install them to use this.
 * @packageDocumentation
 */
import { Worker as ThreadWorker } from 'node:worker_threads';
import type { ConnectionOptions, FlowProducer as BullFlowProducer, Queue as BullQueue, Worker } from 'bullmq';
import { ScenarioError, type ScenarioInput, type ShardPlanOptions, type ShardSpec, type SimulationResult, parseScenario, planShards } from 'cx-roi';
import { bullmq } from './peers.js';
import { type RedisConnection, type RedisStatus, RedisWatch, describeConnection, redisOptions } from './redis.js';
import type { ThreadMessage, ThreadRequest } from './shard-thread.js';

export { redactedAddress, redisOptions } from './redis.js';
export type { RedisConnection, RedisStatus } from './redis.js';

const { FlowProducer, Job, Queue, QueueEvents, UnrecoverableError } = bullmq;

/** The queue cx-roi uses unless told otherwise. */
export const defaultQueue = 'cx-roi';

/** Options of {@link createSimulationWorker}. */
export interface SimulationWorkerOptions {
  /** Redis: an address (`redis://127.0.0.1:6379`) or BullMQ's connection options. */
  connection: RedisConnection;
  /**
   * The queue's name: clients and workers of one fleet use the same one.
   * @defaultValue "cx-roi"
   */
  queue?: string;
  /**
   * Shards simulated at once by this worker, each in a thread of its own: up to the machine's cores.
   * @defaultValue 1
   */
  concurrency?: number;
  /**
   * How long a job's lock lasts without renewal, in milliseconds: a worker
   * that dies (killed, its machine lost) leaves its shard to another after
   * about this long. The lock is renewed while the shard runs.
   * @defaultValue 30000
   */
  lockDuration?: number;
  /** BullMQ's key prefix in Redis. @defaultValue "bull" */
  prefix?: string;
  /**
   * The most milliseconds a shard (or a merge) may run: past it, its thread is
   * ended, the job fails with the reason (without retries: it would take as
   * long again) and the worker takes the next job. The largest shard
   * `planShards` makes takes about 6 minutes on one core of a 2020s machine
   * (for 60 months; about twice that for 120).
   * @defaultValue 3600000 (an hour)
   */
  shardTimeout?: number;
  /**
   * How long, in milliseconds, the worker keeps trying a Redis that does not
   * answer (unreachable, gone, or refusing every command) before it closes
   * itself: `closed` then resolves with the error, so a supervisor can
   * restart it. Redis is pinged once a second.
   * @defaultValue 15000
   */
  redisTimeout?: number;
  /**
   * Called when Redis stops answering, answers again, or the worker gives up
   * on it, with a one-line message. The worker prints nothing itself, and the
   * errors that repeat while Redis is down (one a second) are not passed on.
   */
  onRedisStatus?: (status: RedisStatus) => void;
}

const workerOptionNames = ['connection', 'queue', 'concurrency', 'lockDuration', 'prefix', 'shardTimeout', 'redisTimeout', 'onRedisStatus'];

/** A running simulation worker. */
export interface SimulationWorker {
  /** The BullMQ worker, for its events (`completed`, `failed`, `active`). */
  readonly worker: Worker;
  /**
   * Stops taking jobs, lets the running ones finish, and closes the
   * connections and threads. With Redis gone, it does not wait for Redis: it
   * resolves within about 5 seconds.
   */
  close(): Promise<void>;
  /**
   * Settles when the worker has closed: with `undefined` after {@link SimulationWorker.close},
   * or with the error when it gave up on Redis (see `redisTimeout`). It never rejects.
   */
  readonly closed: Promise<Error | undefined>;
}

/** One thread that simulates shards one after another; replaced when a shard is cancelled. */
class ShardThread {
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
  run(request: ThreadRequest, transfer: ArrayBuffer[], onProgress: (done: number, count: number) => void, signal: AbortSignal): Promise<Exclude<ThreadMessage, { type: 'progress' | 'error' }>> {
    const thread = this.thread ?? this.start();
    return new Promise((resolve, reject) => {
      const stop = () => {
        // A cancelled shard's thread is ended mid-computation; the next shard starts a new one.
        cleanup();
        this.thread = null;
        void thread.terminate();
        const reason: unknown = signal.reason;
        reject(new UnrecoverableError(reason instanceof Error ? reason.message : `cancelled: ${String(reason ?? 'the simulation was cancelled')}`));
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

/** The data of a shard job and of the merge job. */
interface ShardJobData {
  readonly spec: ShardSpec;
}
interface MergeJobData {
  readonly plan: string;
  readonly runs: number;
  readonly shards: number;
  /** Set by a client that cancels: shards still running stop at their next look. */
  readonly cancelled?: string;
}

/** What the merge job returns: the result's hash, and the result as JSON (made in the thread, so the worker's event loop only passes a string on). */
interface MergeJobResult {
  readonly hash: string;
  readonly json: string;
}

const isWhole = (x: unknown, from: number, to: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= from && x <= to;

/** Most run-months whose bands `simulateOnQueue` keeps exact unless told otherwise: past this, sketched. */
export const queueRunMonths = 6_000_000;

/** How long a client or a worker keeps trying a Redis that does not answer, unless told otherwise. */
export const defaultRedisTimeout = 15_000;

/** How long a shard or merge may run on a worker, unless told otherwise: an hour. */
export const defaultShardTimeout = 3_600_000;

/** How long closing waits for a Redis that does not answer before it lets go of the connections. */
const closeMilliseconds = 5000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/** How often a running shard looks whether its simulation was cancelled, in milliseconds. */
const cancelPollMilliseconds = 250;

/**
 * Starts a worker that simulates the shards and merges of cx-roi's
 * simulations on a BullMQ queue. Run one per machine (or per core with
 * `concurrency` 1); each shard runs in a worker thread.
 *
 * @param options - Redis, the queue, concurrency and lock duration.
 * @returns The worker and a way to close it.
 * @throws `ScenarioError` (cx-roi's) naming a bad option.
 * @example
 * ```ts
 * import { createSimulationWorker } from 'cx-roi/bullmq';
 * const { close } = createSimulationWorker({ connection: 'redis://127.0.0.1:6379', concurrency: 2 });
 * process.on('SIGTERM', () => void close());
 * ```
 */
export function createSimulationWorker(options: SimulationWorkerOptions): SimulationWorker {
  const {
    connection,
    queue = defaultQueue,
    concurrency = 1,
    lockDuration = 30_000,
    prefix,
    shardTimeout = defaultShardTimeout,
    redisTimeout = defaultRedisTimeout,
    onRedisStatus,
  } = options ?? ({} as SimulationWorkerOptions);
  const issues = [
    !isWhole(concurrency, 1, 256) && { path: 'options.concurrency', value: concurrency, message: 'must be a whole number from 1 to 256' },
    !isWhole(lockDuration, 1000, 3_600_000) && { path: 'options.lockDuration', value: lockDuration, message: 'must be a whole number of milliseconds from 1,000 to 3,600,000' },
    !(typeof queue === 'string' && queue.length > 0 && queue.length <= 200 && !queue.includes(':')) && { path: 'options.queue', value: queue, message: 'must be a name of 1 to 200 characters without ":"' },
    !isWhole(shardTimeout, 1000, 2_147_483_647) && { path: 'options.shardTimeout', value: shardTimeout, message: 'must be a whole number of milliseconds from 1,000' },
    !isWhole(redisTimeout, 1000, 2_147_483_647) && { path: 'options.redisTimeout', value: redisTimeout, message: 'must be a whole number of milliseconds from 1,000' },
    onRedisStatus !== undefined && typeof onRedisStatus !== 'function' && { path: 'options.onRedisStatus', value: onRedisStatus, message: 'must be a function (status) => void' },
    prefix !== undefined && !(typeof prefix === 'string' && prefix.length > 0 && prefix.length <= 100) && { path: 'options.prefix', value: prefix, message: 'must be a key prefix of 1 to 100 characters' },
    ...Object.keys(options ?? {})
      .filter((key) => !workerOptionNames.includes(key))
      .map((key) => ({ path: `options.${key}`, value: undefined, message: `is not an option of createSimulationWorker (options: ${workerOptionNames.join(', ')})` })),
  ].filter((issue) => issue !== false);
  if (issues.length > 0) throw new ScenarioError(issues);
  // Once the worker closes, its connections stop reconnecting: a Redis that is gone must not keep the process alive.
  let letGo = false;
  const redis = stoppable(redisOptions(connection), () => letGo);
  const idle: ShardThread[] = [];
  const all: ShardThread[] = [];
  const parents = new Queue(queue, { connection: redis, ...(prefix ? { prefix } : {}) });
  const worker = new bullmq.Worker<ShardJobData | MergeJobData, string | MergeJobResult>(
    queue,
    async (job, _token, signal) => {
      const thread =
        idle.pop() ??
        (() => {
          const t = new ShardThread();
          all.push(t);
          return t;
        })();
      // The job's own signal (this worker's cancelJob), the wall-clock limit, and (for a shard) a look every
      // quarter second at the flow's parent, where a client on another machine marks a cancellation.
      const controller = new AbortController();
      signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
      const limit = setTimeout(
        () => controller.abort(new Error(`the ${job.name === 'merge' ? 'merge' : 'shard'} ran past the worker's limit of ${shardTimeout / 1000} s (shardTimeout) and was stopped`)),
        shardTimeout,
      );
      limit.unref?.();
      try {
        if (job.name === 'merge') {
          const values = await job.getChildrenValues<string>();
          const results = Object.values(values).map((base64) => new Uint8Array(Buffer.from(base64, 'base64')));
          const merged = await thread.run({ type: 'merge', results }, results.map((r) => r.buffer as ArrayBuffer), () => undefined, controller.signal);
          if (merged.type !== 'merged') throw new Error('the merge thread answered out of turn');
          return { hash: merged.hash, json: merged.json } satisfies MergeJobResult;
        }
        if (job.name !== 'shard') throw new UnrecoverableError(`cx-roi's worker does not know jobs named "${job.name}" (only "shard" and "merge")`);
        const data = job.data as ShardJobData | null;
        if (data === null || typeof data !== 'object' || data.spec === null || typeof data.spec !== 'object')
          throw new UnrecoverableError(`a shard job's data must be { spec } with a spec from planShards (got ${data === null ? 'null' : typeof data === 'object' ? 'no spec' : typeof data})`);
        const parentId = job.parent?.id;
        const poll = setInterval(() => {
          if (!parentId) return;
          void Job.fromId<MergeJobData>(parents, parentId).then(
            (parent) => {
              const why = parent ? parent.data?.cancelled : 'the simulation was removed';
              if (why) controller.abort(why);
            },
            () => undefined,
          );
        }, cancelPollMilliseconds);
        poll.unref?.();
        try {
          const done = await thread.run({ type: 'shard', spec: data.spec }, [], (d, count) => void job.updateProgress({ done: d, count }).catch(() => undefined), controller.signal);
          if (done.type !== 'done') throw new Error('the shard thread answered out of turn');
          return Buffer.from(done.bytes.buffer, done.bytes.byteOffset, done.bytes.byteLength).toString('base64');
        } finally {
          clearInterval(poll);
        }
      } finally {
        clearTimeout(limit);
        idle.push(thread);
      }
    },
    { connection: redis, concurrency, lockDuration, stalledInterval: lockDuration, ...(prefix ? { prefix } : {}) },
  );
  let settle: (reason: Error | undefined) => void = () => undefined;
  const closed = new Promise<Error | undefined>((resolve) => (settle = resolve));
  let closing: Promise<void> | undefined;
  const close = (reason?: Error): Promise<void> =>
    (closing ??= (async () => {
      watch.stop();
      // A healthy Redis: let the running shards finish (each within shardTimeout). A Redis that does not
      // answer: wait a few seconds at most, then let go of the connections.
      // Given up on Redis, or Redis not answering: a forced close (BullMQ's lock extender and stalled-job checker
      // would otherwise go on re-arming their timers and keep the process alive).
      const graceful = Promise.allSettled([worker.close(reason !== undefined || watch.failing), parents.close()]);
      const bounded = (async () => {
        while (!watch.failing && !reason) await delay(250);
        // Given up on already: nothing to wait for.
        await delay(reason ? 1000 : closeMilliseconds);
      })();
      const done = await Promise.race([graceful.then(() => true), bounded.then(() => false)]);
      letGo = true;
      // Not closed in time: force the close (BullMQ stops its retry loop, whose timers would keep the process alive) and let go.
      if (!done) void Promise.allSettled([worker.close(true), worker.disconnect(), parents.disconnect()]);
      await Promise.all(all.map((t) => t.close()));
      settle(reason);
    })());
  const where = describeConnection(connection, redis);
  const watch = new RedisWatch(
    () => parents.getJobCounts('active'),
    where,
    redisTimeout,
    (status) => {
      if (status.state === 'gave-up') void close(status.error);
      onRedisStatus?.(status);
    },
  );
  // While Redis is down its errors repeat each second: kept for the message, never printed.
  worker.on('error', (error) => watch.remember(error));
  parents.on('error', (error) => watch.remember(error));
  watch.start();
  return { worker, close: () => close(), closed };
}

/** Options of {@link simulateOnQueue}: those of `planShards`, and the queue's. */
export interface QueueSimulateOptions extends ShardPlanOptions {
  /** Redis: an address (`redis://127.0.0.1:6379`) or BullMQ's connection options. */
  connection: RedisConnection;
  /**
   * The queue's name, as the workers' ({@link createSimulationWorker}).
   * @defaultValue "cx-roi"
   */
  queue?: string;
  /** BullMQ's key prefix in Redis. @defaultValue "bull" */
  prefix?: string;
  /**
   * Tries of a shard that fails (its worker lost, Redis unreachable): a shard
   * retried gives the same bytes, so retries never change the result.
   * @defaultValue 3
   */
  attempts?: number;
  /**
   * Most milliseconds to wait for the result; then the simulation is
   * cancelled and the promise rejects with a `TimeoutError`.
   * @defaultValue no limit
   */
  timeout?: number;
  /**
   * Cancels the simulation: its shards are removed or stopped, and the promise
   * rejects with the signal's reason (as `fetch` does: an `AbortError`
   * DOMException unless `abort(reason)` was given one).
   */
  signal?: AbortSignal;
  /**
   * How long, in milliseconds, to keep trying a Redis that does not answer
   * (unreachable, killed mid-run, refusing every command as for a database
   * that does not exist) before the promise rejects with an error that names
   * Redis and the cause. Redis is pinged once a second.
   * @defaultValue 15000
   */
  redisTimeout?: number;
  /** Called as the shards report progress, with the runs done (over all shards) and the total. */
  onProgress?: (done: number, total: number) => void;
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Simulates on a BullMQ queue: the simulation is planned into `shards`
 * shards (see `planShards`), added as one flow, simulated by whichever
 * workers ({@link createSimulationWorker}) take them, and merged by one of
 * them. Its result has the same result hash as `simulate(input, { runs, seed })`.
 *
 * @param input - A partial scenario, as for `simulate`.
 * @param options - The plan (runs, seed, shards, …), Redis and the queue, retries, a timeout, a signal, progress.
 * @returns The merged result (as JSON crossed Redis: equal to `simulate`'s but for the sign of a zero).
 * @throws `ScenarioError` (cx-roi's) for a bad scenario or option; rejects with the
 *   failure of a shard that failed all its attempts, the signal's reason when
 *   `signal` aborts, a `TimeoutError` after `timeout` ms, or an error naming
 *   Redis and the cause when it has not answered for `redisTimeout` ms. It
 *   always settles, and removes the simulation's jobs it can reach.
 * @example
 * ```ts
 * import { simulateOnQueue } from 'cx-roi/bullmq';
 * const result = await simulateOnQueue({}, { connection: 'redis://127.0.0.1:6379', runs: 1_000_000, shards: 40 });
 * ```
 */
export async function simulateOnQueue(input: ScenarioInput, options: QueueSimulateOptions): Promise<SimulationResult> {
  const { connection, queue = defaultQueue, prefix, attempts = 3, timeout, redisTimeout = defaultRedisTimeout, signal, onProgress, ...plan } = options ?? ({} as QueueSimulateOptions);
  const issues = [
    !isWhole(attempts, 1, 100) && { path: 'options.attempts', value: attempts, message: 'must be a whole number from 1 to 100' },
    timeout !== undefined && !isWhole(timeout, 1, 2_147_483_647) && { path: 'options.timeout', value: timeout, message: 'must be a whole number of milliseconds from 1' },
    !isWhole(redisTimeout, 1000, 2_147_483_647) && { path: 'options.redisTimeout', value: redisTimeout, message: 'must be a whole number of milliseconds from 1,000' },
    onProgress !== undefined && typeof onProgress !== 'function' && { path: 'options.onProgress', value: onProgress, message: 'must be a function (done, total) => void' },
    signal !== undefined && !(signal instanceof AbortSignal) && { path: 'options.signal', value: signal, message: 'must be an AbortSignal' },
    !(typeof queue === 'string' && queue.length > 0 && queue.length <= 200 && !queue.includes(':')) && { path: 'options.queue', value: queue, message: 'must be a name of 1 to 200 characters without ":"' },
  ].filter((issue) => issue !== false);
  if (issues.length > 0) throw new ScenarioError(issues);
  const redis = redisOptions(connection);
  // Exact bands ship every run's months to the worker that merges them: by default, sketch them past
  // 6,000,000 run-months (100,000 five-year runs, about 430 MB of shard results) on a queue.
  const months = parseScenario(input).horizonMonths;
  const specs = planShards(input, { ...plan, exactBandsUpTo: plan.exactBandsUpTo ?? Math.floor(queueRunMonths / months) });
  const first = specs[0] as ShardSpec;
  // The caller's reason, as fetch passes it on (a DOMException named AbortError unless they gave one).
  if (signal?.aborted) throw abortReason(signal);
  const common = { connection: redis, ...(prefix ? { prefix } : {}) };
  const flows = new FlowProducer(common);
  // Each completed shard's event carries its bytes: keep the queue's event stream short.
  const jobs = new Queue(queue, { ...common, streams: { events: { maxLen: 200 } } });
  const events = new QueueEvents(queue, common);
  let parentId: string | undefined;
  let stop: ((error: unknown) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  // Redis pinged once a second: when it has not answered for redisTimeout (unreachable, killed mid-run, a
  // database that does not exist), the simulation stops with an error that names Redis and the cause.
  const watch = new RedisWatch(() => jobs.getJobCounts('active'), describeConnection(connection, redis), redisTimeout, (status) => {
    if (status.state === 'gave-up') stop?.(new Error(`the simulation on queue "${queue}" stopped: ${status.message}`, { cause: status.error }));
  });
  // Redis errors repeat while it is unreachable: keep the last for the message, print none.
  flows.on('error', (error) => watch.remember(error));
  jobs.on('error', (error) => watch.remember(error));
  events.on('error', (error) => watch.remember(error));
  watch.start();
  const onAbort = () => stop?.(abortReason(signal as AbortSignal));
  signal?.addEventListener('abort', onAbort, { once: true });
  // A timeout while Redis does not answer says so: that is the likelier cause.
  const timer =
    timeout === undefined
      ? undefined
      : setTimeout(
          () =>
            stop?.(namedError('TimeoutError', `The simulation took longer than ${timeout} ms${watch.failing ? `; Redis at ${describeConnection(connection, redis)} was not answering${watch.problem ? ` (${watch.problem})` : ''}` : ''}`)),
          timeout,
        );
  const done = new Map<string, number>();
  let reported = -1;
  events.on('progress', ({ jobId, data }) => {
    if (!onProgress || !done.has(jobId)) return;
    const d = (data as { done?: unknown } | null)?.done;
    if (typeof d !== 'number') return;
    done.set(jobId, d);
    const total = [...done.values()].reduce((a, b) => a + b, 0);
    if (total !== reported) {
      reported = total;
      try {
        onProgress(total, first.runs);
      } catch (error) {
        // The caller's callback threw: the simulation stops with its error.
        stop?.(error);
      }
    }
  });
  let node: Awaited<ReturnType<BullFlowProducer['add']>> | undefined;
  try {
    await Promise.race([stopped, events.waitUntilReady()]);
    node = await Promise.race([
      stopped,
      flows.add({
        name: 'merge',
        queueName: queue,
        data: { plan: first.plan, runs: first.runs, shards: first.shards } satisfies MergeJobData,
        children: specs.map((spec) => ({
          name: 'shard',
          queueName: queue,
          data: { spec } satisfies ShardJobData,
          opts: { attempts, backoff: { type: 'exponential', delay: 500 }, failParentOnFailure: true },
        })),
      }),
    ]);
    parentId = node.job.id;
    for (const child of node.children ?? []) if (child.job.id) done.set(child.job.id, 0);
    const value = (await Promise.race([stopped, node.job.waitUntilFinished(events)])) as MergeJobResult;
    if (onProgress && reported !== first.runs) onProgress(first.runs, first.runs);
    return JSON.parse(value.json) as SimulationResult;
  } catch (error) {
    if (!(error instanceof Error) || error.name === 'AbortError' || error.name === 'TimeoutError' || (signal?.aborted && error === signal.reason) || watch.gaveUp || !parentId) throw error;
    // A failed shard fails the flow: say which and why, in the shard's own words.
    const failed = await bounded(failedShard(jobs, node?.children?.map((c) => c.job.id).filter((id): id is string => id !== undefined) ?? []), 5000);
    throw new Error(`the simulation on queue "${queue}" failed: ${failed ?? error.message}`, { cause: error });
  } finally {
    watch.stop();
    signal?.removeEventListener('abort', onAbort);
    if (timer) clearTimeout(timer);
    // Removes what it can: with Redis answering, up to 10 s for running shards to let go; without, a second.
    if (parentId) await bounded(cleanUp(jobs, parentId), watch.gaveUp || watch.failing ? 1000 : 15_000);
    // Closing waits for Redis; an unreachable one must not keep the caller waiting, nor its process alive.
    const closed = Promise.allSettled([events.close(), flows.close(), jobs.close()]);
    const gaveUp = await Promise.race([closed.then(() => false), delay(1000).then(() => true)]);
    if (gaveUp) void Promise.allSettled([events.disconnect(), flows.disconnect(), jobs.disconnect()]);
  }
}

/**
 * Connection options whose reconnections stop once `stopped()` is true
 * (ioredis's retryStrategy returning null), keeping the options' own strategy
 * (or BullMQ's) until then. A client of the app's own (an ioredis instance) is
 * the app's to close, and is left as it is.
 */
function stoppable(options: ConnectionOptions, stopped: () => boolean): ConnectionOptions {
  if (typeof (options as { duplicate?: unknown }).duplicate === 'function') return options;
  const own = (options as { retryStrategy?: (times: number) => number | null | undefined }).retryStrategy;
  return { ...options, retryStrategy: (times: number) => (stopped() ? null : own ? own(times) : Math.max(Math.min(Math.exp(times), 20_000), 1000)) } as ConnectionOptions;
}

/** What a promise gives within `ms` milliseconds, or undefined. */
function bounded<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise.catch(() => undefined), delay(ms).then(() => undefined)]);
}

/** The error an aborted signal stops with: its reason, or an AbortError when it has none. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? namedError('AbortError', 'The simulation was aborted');
}

/** The first shard of a flow that failed, and why, in words. */
async function failedShard(jobs: BullQueue, ids: readonly string[]): Promise<string | undefined> {
  for (const [k, id] of ids.entries()) {
    const job = await Job.fromId<ShardJobData>(jobs, id).catch(() => undefined);
    if (job?.failedReason) return `shard ${job.data?.spec?.index ?? k} failed after ${job.attemptsMade} attempt${job.attemptsMade === 1 ? '' : 's'}: ${job.failedReason}`;
  }
  return undefined;
}

/**
 * Removes a simulation's jobs from Redis; for one still running, first marks
 * it cancelled, so that a shard running on any worker stops at its next look.
 */
async function cleanUp(jobs: BullQueue, parentId: string): Promise<void> {
  const parent = await Job.fromId<MergeJobData>(jobs, parentId).catch(() => undefined);
  if (!parent) return;
  const state = await parent.getState().catch(() => 'unknown');
  if (state !== 'completed' && state !== 'failed') await parent.updateData({ ...parent.data, cancelled: 'the client stopped waiting' }).catch(() => undefined);
  // Locked (running) shards cannot be removed until their worker lets go: try again for a while.
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const removed = await jobs.remove(parentId, { removeChildren: true }).then(
      (n) => n > 0,
      () => false,
    );
    if (removed || !(await Job.fromId(jobs, parentId).catch(() => undefined))) return;
    await new Promise((resolve) => setTimeout(resolve, cancelPollMilliseconds));
  }
}
