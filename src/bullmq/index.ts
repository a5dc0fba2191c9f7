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
import { type ConnectionOptions, FlowProducer, Job, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { ScenarioError, type ScenarioInput, type ShardPlanOptions, type ShardSpec, type SimulationResult, parseScenario, planShards } from 'cx-roi';
import type { ThreadMessage, ThreadRequest } from './shard-thread.js';

/** Where Redis is: `redis://[user:password@]host:port[/db]` (`rediss://` for TLS), or BullMQ's connection options. */
export type RedisConnection = string | ConnectionOptions;

/** The queue cx-roi uses unless told otherwise. */
export const defaultQueue = 'cx-roi';

/** BullMQ's connection options for a Redis address. */
export function redisOptions(connection: RedisConnection): ConnectionOptions {
  const bad = (message: string): never => {
    throw new ScenarioError([{ path: 'options.connection', value: connection, message }]);
  };
  if (connection !== null && typeof connection === 'object' && !Array.isArray(connection)) return connection;
  if (typeof connection !== 'string') return bad('must be a Redis address such as redis://127.0.0.1:6379, or BullMQ\'s connection options');
  let url: URL;
  try {
    url = new URL(connection);
  } catch {
    return bad('must be a Redis address such as redis://127.0.0.1:6379');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return bad('must start with redis:// or rediss://');
  if (url.search || url.hash) return bad('takes no ?query or #fragment: the database goes in the path, redis://host:6379/2');
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,6}$/.test(db)) return bad(`names database "${db}": a database is a whole number from 0 (redis://host:6379/2)`);
  return {
    // An IPv6 address comes bracketed in a URL ([::1]); Redis clients take it bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's workers block on Redis; ioredis must not give up on a command while they wait.
    maxRetriesPerRequest: null,
  };
}

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
}

/** A running simulation worker. */
export interface SimulationWorker {
  /** The BullMQ worker, for its events (`completed`, `failed`, `error`). */
  readonly worker: Worker;
  /** Stops taking jobs, lets the running ones finish, and closes the connections and threads. */
  close(): Promise<void>;
}

/** One thread that simulates shards one after another; replaced when a shard is cancelled. */
class ShardThread {
  private thread: ThreadWorker | null = null;

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
        reject(new UnrecoverableError(`cancelled: ${String(signal.reason ?? 'the simulation was cancelled')}`));
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
      };
      if (signal.aborted) return stop();
      signal.addEventListener('abort', stop, { once: true });
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.postMessage(request, transfer);
    });
  }

  close(): Promise<unknown> {
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

/** How long a client or a worker waits for Redis to answer before it says so. */
const connectMilliseconds = 10_000;

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
  const { connection, queue = defaultQueue, concurrency = 1, lockDuration = 30_000, prefix } = options ?? ({} as SimulationWorkerOptions);
  const issues = [
    !isWhole(concurrency, 1, 256) && { path: 'options.concurrency', value: concurrency, message: 'must be a whole number from 1 to 256' },
    !isWhole(lockDuration, 1000, 3_600_000) && { path: 'options.lockDuration', value: lockDuration, message: 'must be a whole number of milliseconds from 1,000 to 3,600,000' },
    !(typeof queue === 'string' && queue.length > 0 && !queue.includes(':')) && { path: 'options.queue', value: queue, message: 'must be a name without ":"' },
  ].filter((issue) => issue !== false);
  if (issues.length > 0) throw new ScenarioError(issues);
  const redis = redisOptions(connection);
  const idle: ShardThread[] = [];
  const all: ShardThread[] = [];
  const parents = new Queue(queue, { connection: redis, ...(prefix ? { prefix } : {}) });
  const worker = new Worker<ShardJobData | MergeJobData, string | MergeJobResult>(
    queue,
    async (job, _token, signal) => {
      const thread =
        idle.pop() ??
        (() => {
          const t = new ShardThread();
          all.push(t);
          return t;
        })();
      try {
        if (job.name === 'merge') {
          const values = await job.getChildrenValues<string>();
          const results = Object.values(values).map((base64) => new Uint8Array(Buffer.from(base64, 'base64')));
          const merged = await thread.run({ type: 'merge', results }, results.map((r) => r.buffer as ArrayBuffer), () => undefined, signal ?? new AbortController().signal);
          if (merged.type !== 'merged') throw new Error('the merge thread answered out of turn');
          return { hash: merged.hash, json: merged.json } satisfies MergeJobResult;
        }
        if (job.name !== 'shard') throw new UnrecoverableError(`cx-roi's worker does not know jobs named "${job.name}" (only "shard" and "merge")`);
        const { spec } = job.data as ShardJobData;
        const parentId = job.parent?.id;
        // The job's own signal (this worker's cancelJob), and a look every quarter second at the flow's
        // parent, where a client on another machine marks a cancellation.
        const controller = new AbortController();
        signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
        const poll = setInterval(() => {
          if (!parentId) return;
          void Job.fromId<MergeJobData>(parents, parentId).then(
            (parent) => {
              const why = parent ? parent.data.cancelled : 'the simulation was removed';
              if (why) controller.abort(why);
            },
            () => undefined,
          );
        }, cancelPollMilliseconds);
        try {
          const done = await thread.run({ type: 'shard', spec }, [], (d, count) => void job.updateProgress({ done: d, count }).catch(() => undefined), controller.signal);
          if (done.type !== 'done') throw new Error('the shard thread answered out of turn');
          return Buffer.from(done.bytes.buffer, done.bytes.byteOffset, done.bytes.byteLength).toString('base64');
        } finally {
          clearInterval(poll);
        }
      } finally {
        idle.push(thread);
      }
    },
    { connection: redis, concurrency, lockDuration, stalledInterval: lockDuration, ...(prefix ? { prefix } : {}) },
  );
  return {
    worker,
    close: async () => {
      await worker.close();
      await parents.close();
      await Promise.all(all.map((t) => t.close()));
    },
  };
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
  /** Cancels the simulation: its shards are removed or stopped, and the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
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
 *   failure of a shard that failed all its attempts, an `AbortError` when `signal`
 *   aborts, or a `TimeoutError` after `timeout` ms.
 * @example
 * ```ts
 * import { simulateOnQueue } from 'cx-roi/bullmq';
 * const result = await simulateOnQueue({}, { connection: 'redis://127.0.0.1:6379', runs: 1_000_000, shards: 40 });
 * ```
 */
export async function simulateOnQueue(input: ScenarioInput, options: QueueSimulateOptions): Promise<SimulationResult> {
  const { connection, queue = defaultQueue, prefix, attempts = 3, timeout, signal, onProgress, ...plan } = options ?? ({} as QueueSimulateOptions);
  const issues = [
    !isWhole(attempts, 1, 100) && { path: 'options.attempts', value: attempts, message: 'must be a whole number from 1 to 100' },
    timeout !== undefined && !isWhole(timeout, 1, 2_147_483_647) && { path: 'options.timeout', value: timeout, message: 'must be a whole number of milliseconds from 1' },
    onProgress !== undefined && typeof onProgress !== 'function' && { path: 'options.onProgress', value: onProgress, message: 'must be a function (done, total) => void' },
    !(typeof queue === 'string' && queue.length > 0 && !queue.includes(':')) && { path: 'options.queue', value: queue, message: 'must be a name without ":"' },
  ].filter((issue) => issue !== false);
  if (issues.length > 0) throw new ScenarioError(issues);
  const redis = redisOptions(connection);
  // Exact bands ship every run's months to the worker that merges them: by default, sketch them past
  // 6,000,000 run-months (100,000 five-year runs, about 430 MB of shard results) on a queue.
  const months = parseScenario(input).horizonMonths;
  const specs = planShards(input, { ...plan, exactBandsUpTo: plan.exactBandsUpTo ?? Math.floor(queueRunMonths / months) });
  const first = specs[0] as ShardSpec;
  if (signal?.aborted) throw namedError('AbortError', 'The simulation was aborted');
  const common = { connection: redis, ...(prefix ? { prefix } : {}) };
  const flows = new FlowProducer(common);
  // Each completed shard's event carries its bytes: keep the queue's event stream short.
  const jobs = new Queue(queue, { ...common, streams: { events: { maxLen: 200 } } });
  const events = new QueueEvents(queue, common);
  // Redis errors repeat while it is unreachable: keep the last for the message, print none.
  let lastRedisError = '';
  const remember = (error: Error) => (lastRedisError = error.message);
  flows.on('error', remember);
  jobs.on('error', remember);
  events.on('error', remember);
  let parentId: string | undefined;
  let stop: ((error: Error) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  const onAbort = () => stop?.(namedError('AbortError', 'The simulation was aborted'));
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timeout === undefined ? undefined : setTimeout(() => stop?.(namedError('TimeoutError', `The simulation took longer than ${timeout} ms`)), timeout);
  const done = new Map<string, number>();
  let reported = -1;
  events.on('progress', ({ jobId, data }) => {
    if (!onProgress || !done.has(jobId)) return;
    const d = (data as { done?: unknown }).done;
    if (typeof d !== 'number') return;
    done.set(jobId, d);
    const total = [...done.values()].reduce((a, b) => a + b, 0);
    if (total !== reported) {
      reported = total;
      try {
        onProgress(total, first.runs);
      } catch (error) {
        // The caller's callback threw: the simulation stops with its error.
        stop?.(error as Error);
      }
    }
  });
  const address = redis as { host?: string; port?: number };
  const where = typeof connection === 'string' ? connection : `${address.host ?? '127.0.0.1'}:${address.port ?? 6379}`;
  const unreachable = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`could not reach Redis at ${where} within ${connectMilliseconds / 1000} s${lastRedisError ? ` (${lastRedisError})` : ''}`)), connectMilliseconds).unref(),
  );
  unreachable.catch(() => undefined);
  let node: Awaited<ReturnType<FlowProducer['add']>> | undefined;
  try {
    await Promise.race([stopped, unreachable, events.waitUntilReady()]);
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
    if (!(error instanceof Error) || error.name === 'AbortError' || error.name === 'TimeoutError' || !parentId) throw error;
    // A failed shard fails the flow: say which and why, in the shard's own words.
    const failed = await failedShard(jobs, node?.children?.map((c) => c.job.id).filter((id): id is string => id !== undefined) ?? []);
    throw new Error(`the simulation on queue "${queue}" failed: ${failed ?? error.message}`, { cause: error });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (timer) clearTimeout(timer);
    if (parentId) await cleanUp(jobs, parentId);
    // Closing waits for Redis; an unreachable one must not keep the caller waiting, nor its process alive.
    const closed = Promise.allSettled([events.close(), flows.close(), jobs.close()]);
    const gaveUp = await Promise.race([closed.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 1000).unref())]);
    if (gaveUp) void Promise.allSettled([events.disconnect(), flows.disconnect(), jobs.disconnect()]);
  }
}

/** The first shard of a flow that failed, and why, in words. */
async function failedShard(jobs: Queue, ids: readonly string[]): Promise<string | undefined> {
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
async function cleanUp(jobs: Queue, parentId: string): Promise<void> {
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
