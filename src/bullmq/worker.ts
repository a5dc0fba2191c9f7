/**
 * The simulation worker: takes the shard and merge jobs of cx-roi's
 * simulations from a BullMQ queue, watches that Redis answers, and closes
 * itself, letting go of Redis, when it does not.
 */
import type { Worker } from 'bullmq';
import { type JobContext, type MergeJobData, type MergeJobResult, type ShardJobData, jobProcessor } from './jobs.js';
import {
  type Defaulted,
  type OptionCheck,
  callback,
  defaultQueue,
  defaultRedisTimeout,
  milliseconds,
  queueName,
  rejectProblems,
  unknownOptions,
  unless,
  wholeNumber,
} from './options.js';
import { bullmq } from './peers.js';
import { type RedisConnection, type RedisStatus, RedisWatch, describeConnection, redisOptions, stoppable } from './redis.js';
import { ShardThreadPool } from './thread-pool.js';
import { delay } from './time.js';

const { Queue } = bullmq;

/** Options of {@link createSimulationWorker}. */
export interface SimulationWorkerOptions {
  /** Redis: an address (`redis://127.0.0.1:6379`) or BullMQ's connection options. */
  connection: RedisConnection;
  /**
   * The queue's name: clients and workers of one fleet use the same one.
   * @defaultValue "cx-roi"
   */
  queue?: string | undefined;
  /**
   * Shards simulated at once by this worker, each in a thread of its own: up to the machine's cores.
   * @defaultValue 1
   */
  concurrency?: number | undefined;
  /**
   * How long a job's lock lasts without renewal, in milliseconds: a worker
   * that dies (killed, its machine lost) leaves its shard to another after
   * about this long. The lock is renewed while the shard runs.
   * @defaultValue 30000
   */
  lockDuration?: number | undefined;
  /** BullMQ's key prefix in Redis. @defaultValue "bull" */
  prefix?: string | undefined;
  /**
   * The most milliseconds a shard (or a merge) may run: past it, its thread is
   * ended, the job fails with the reason (without retries: it would take as
   * long again) and the worker takes the next job. The largest shard
   * `planShards` makes takes about 6 minutes on one core of a 2020s machine
   * (for 60 months; about twice that for 120).
   * @defaultValue 3600000 (an hour)
   */
  shardTimeout?: number | undefined;
  /**
   * How long, in milliseconds, the worker keeps trying a Redis that does not
   * answer (unreachable, gone, or refusing every command) before it closes
   * itself: `closed` then resolves with the error, so a supervisor can
   * restart it. Redis is pinged once a second.
   * @defaultValue 15000
   */
  redisTimeout?: number | undefined;
  /**
   * Called when Redis stops answering, answers again, or the worker gives up
   * on it, with a one-line message. The worker prints nothing itself, and the
   * errors that repeat while Redis is down (one a second) are not passed on.
   */
  onRedisStatus?: ((status: RedisStatus) => void) | undefined;
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

/** How long a shard or merge may run on a worker, unless told otherwise: an hour. */
export const defaultShardTimeout = 3_600_000;

/** How long closing waits for a Redis that does not answer before it lets go of the connections. */
const closeMilliseconds = 5000;

/** A worker's options with their defaults, once checked. */
type WorkerSettings = Defaulted<Omit<SimulationWorkerOptions, 'prefix' | 'onRedisStatus'>> &
  Pick<SimulationWorkerOptions, 'prefix' | 'onRedisStatus'>;

/** The worker's options with their defaults; a `ScenarioError` naming every bad or unknown option. */
function workerSettings(options: SimulationWorkerOptions): WorkerSettings {
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
  const prefixOk = prefix === undefined || (typeof prefix === 'string' && prefix.length > 0 && prefix.length <= 100);
  const checks: OptionCheck[] = [
    wholeNumber('concurrency', concurrency, 1, 256),
    wholeNumber('lockDuration', lockDuration, 1000, 3_600_000, 'milliseconds'),
    queueName(queue),
    milliseconds('shardTimeout', shardTimeout, 1000),
    milliseconds('redisTimeout', redisTimeout, 1000),
    callback('onRedisStatus', onRedisStatus, '(status) => void'),
    unless(prefixOk, 'prefix', prefix, 'must be a key prefix of 1 to 100 characters'),
    ...unknownOptions(options ?? {}, workerOptionNames, 'createSimulationWorker'),
  ];
  rejectProblems(checks);
  return { connection, queue, concurrency, lockDuration, prefix, shardTimeout, redisTimeout, onRedisStatus };
}

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
 * import { resultHash, simulate } from 'cx-roi';
 * import { createSimulationWorker, simulateOnQueue } from 'cx-roi/bullmq';
 * const connection = 'redis://127.0.0.1:6379';
 * const worker = createSimulationWorker({ connection, concurrency: 2 });
 * // In a service: process.on('SIGTERM', () => void worker.close());
 * // Any client on the queue now has its shards simulated and merged here.
 * const result = await simulateOnQueue({}, { connection, runs: 500, seed: 1, shards: 2 });
 * resultHash(result) === resultHash(simulate({}, { runs: 500, seed: 1 })); // => true
 * await worker.close();
 * // Closed as asked, not given up on Redis.
 * await worker.closed; // => undefined
 * createSimulationWorker({ connection, concurrency: 0 }); // throws ScenarioError: options.concurrency: must be a whole number
 * ```
 */
export function createSimulationWorker(options: SimulationWorkerOptions): SimulationWorker {
  const { connection, queue, concurrency, lockDuration, prefix, shardTimeout, redisTimeout, onRedisStatus } = workerSettings(options);
  // Once the worker closes, its connections stop reconnecting: a Redis that is gone must not keep the process alive.
  let letGo = false;
  const redis = stoppable(redisOptions(connection), () => letGo);
  const threads = new ShardThreadPool();
  const parents = new Queue(queue, { connection: redis, ...(prefix ? { prefix } : {}) });
  const context: JobContext = { threads, parents, shardTimeout };
  const worker = new bullmq.Worker<ShardJobData | MergeJobData, string | MergeJobResult>(queue, jobProcessor(context), {
    connection: redis,
    concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    ...(prefix ? { prefix } : {}),
  });
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
      await threads.close();
      settle(reason);
    })());
  const watch = new RedisWatch(
    () => parents.getJobCounts('active'),
    describeConnection(connection, redis),
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
