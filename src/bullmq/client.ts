/**
 * The client: plans a simulation into shards, adds them to the queue as one
 * flow, follows their progress, and waits for the merged result; it always
 * settles (a cancellation, a timeout, a Redis that stops answering) and
 * removes the jobs it can reach.
 */
import type { FlowProducer as BullFlowProducer, Queue as BullQueue, QueueEvents as BullQueueEvents } from 'bullmq';
import { type ScenarioInput, type ShardPlanOptions, type ShardSpec, type SimulationResult, parseScenario, planShards } from 'cx-roi';
import { type MergeJobResult, failedShard, removeSimulation, simulationFlow } from './jobs.js';
import {
  type Defaulted,
  callback,
  defaultQueue,
  defaultRedisTimeout,
  milliseconds,
  queueName,
  rejectProblems,
  unless,
  wholeNumber,
} from './options.js';
import { bullmq } from './peers.js';
import { type RedisConnection, RedisWatch, describeConnection, redisOptions } from './redis.js';
import { bounded, delay } from './time.js';

const { FlowProducer, Queue, QueueEvents } = bullmq;

/** Options of {@link simulateOnQueue}: those of `planShards`, and the queue's. */
export interface QueueSimulateOptions extends ShardPlanOptions {
  /** Redis: an address (`redis://127.0.0.1:6379`) or BullMQ's connection options. */
  connection: RedisConnection;
  /**
   * The queue's name, as the workers' ({@link createSimulationWorker}).
   * @defaultValue "cx-roi"
   */
  queue?: string | undefined;
  /** BullMQ's key prefix in Redis. @defaultValue "bull" */
  prefix?: string | undefined;
  /**
   * Tries of a shard that fails (its worker lost, Redis unreachable): a shard
   * retried gives the same bytes, so retries never change the result.
   * @defaultValue 3
   */
  attempts?: number | undefined;
  /**
   * Most milliseconds to wait for the result; then the simulation is
   * cancelled and the promise rejects with a `TimeoutError`.
   * @defaultValue no limit
   */
  timeout?: number | undefined;
  /**
   * Cancels the simulation: its shards are removed or stopped, and the promise
   * rejects with the signal's reason (as `fetch` does: an `AbortError`
   * DOMException unless `abort(reason)` was given one).
   */
  signal?: AbortSignal | undefined;
  /**
   * How long, in milliseconds, to keep trying a Redis that does not answer
   * (unreachable, killed mid-run, refusing every command as for a database
   * that does not exist) before the promise rejects with an error that names
   * Redis and the cause. Redis is pinged once a second.
   * @defaultValue 15000
   */
  redisTimeout?: number | undefined;
  /** Called as the shards report progress, with the runs done (over all shards) and the total. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Most run-months whose bands `simulateOnQueue` keeps exact unless told otherwise: past this, sketched. */
export const queueRunMonths = 6_000_000;

/** The options of the queue (not of the plan) that the client checks before it connects. */
type QueueChecked = Defaulted<Pick<QueueSimulateOptions, 'attempts' | 'redisTimeout' | 'queue'>> &
  Pick<QueueSimulateOptions, 'timeout' | 'onProgress' | 'signal'>;

/** A `ScenarioError` naming every bad option of the queue (the plan's are `planShards`'s to check). */
function checkQueueOptions({ attempts, timeout, redisTimeout, onProgress, signal, queue }: QueueChecked): void {
  rejectProblems([
    wholeNumber('attempts', attempts, 1, 100),
    timeout === undefined ? undefined : milliseconds('timeout', timeout, 1),
    milliseconds('redisTimeout', redisTimeout, 1000),
    callback('onProgress', onProgress, '(done, total) => void'),
    unless(signal === undefined || signal instanceof AbortSignal, 'signal', signal, 'must be an AbortSignal'),
    queueName(queue),
  ]);
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
 * import { createSimulationWorker, simulateOnQueue } from 'cx-roi/bullmq';
 * const connection = 'redis://127.0.0.1:6379';
 * // Workers take the shards: usually on other machines; here one in this process.
 * const worker = createSimulationWorker({ connection });
 * const done: number[] = [];
 * const result = await simulateOnQueue({}, { connection, runs: 600, seed: 1, shards: 3, onProgress: (runs) => done.push(runs) });
 * result.runCount; // => 600
 * result.horizon.roi.p50; // => 0.120
 * done.at(-1); // => 600
 * await worker.close();
 * await simulateOnQueue({}, { connection, shards: 0 }); // throws ScenarioError: options.shards: must be a whole number from 1 to 100,000
 * ```
 */
export async function simulateOnQueue(input: ScenarioInput, options: QueueSimulateOptions): Promise<SimulationResult> {
  const {
    connection,
    queue = defaultQueue,
    prefix,
    attempts = 3,
    timeout,
    redisTimeout = defaultRedisTimeout,
    signal,
    onProgress,
    ...plan
  } = options ?? ({} as QueueSimulateOptions);
  checkQueueOptions({ attempts, timeout, redisTimeout, onProgress, signal, queue });
  const redis = redisOptions(connection);
  // Exact bands ship every run's months to the worker that merges them: by default, sketch them past
  // 6,000,000 run-months (100,000 five-year runs, about 430 MB of shard results) on a queue.
  const months = parseScenario(input).horizonMonths;
  const specs = planShards(input, { ...plan, exactBandsUpTo: plan.exactBandsUpTo ?? Math.floor(queueRunMonths / months) });
  const runs = (specs[0] as ShardSpec).runs;
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
  const where = describeConnection(connection, redis);
  const watch = new RedisWatch(
    () => jobs.getJobCounts('active'),
    where,
    redisTimeout,
    (status) => {
      if (status.state !== 'gave-up') return;
      stop?.(new Error(`the simulation on queue "${queue}" stopped: ${status.message}`, { cause: status.error }));
    },
  );
  // Redis errors repeat while it is unreachable: keep the last for the message, print none.
  flows.on('error', (error) => watch.remember(error));
  jobs.on('error', (error) => watch.remember(error));
  events.on('error', (error) => watch.remember(error));
  watch.start();
  const onAbort = () => stop?.(abortReason(signal as AbortSignal));
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = timeout === undefined ? undefined : setTimeout(() => stop?.(timeoutError(timeout, watch, where)), timeout);
  const progress = new ProgressTally(runs, onProgress, (error) => stop?.(error));
  events.on('progress', ({ jobId, data }) => progress.heard(jobId, data));
  let node: Awaited<ReturnType<BullFlowProducer['add']>> | undefined;
  try {
    await Promise.race([stopped, events.waitUntilReady()]);
    node = await Promise.race([stopped, flows.add(simulationFlow(queue, specs, attempts))]);
    parentId = node.job.id;
    progress.follow(node.children?.map((child) => child.job.id) ?? []);
    const value = (await Promise.race([stopped, node.job.waitUntilFinished(events)])) as MergeJobResult;
    progress.finish();
    return JSON.parse(value.json) as SimulationResult;
  } catch (error) {
    // Stopped (a signal, a timeout, Redis), or never added: the error says it all.
    const stoppedError = !(error instanceof Error) || error.name === 'AbortError' || error.name === 'TimeoutError';
    if (stoppedError || (signal?.aborted && error === signal.reason) || watch.gaveUp || !parentId) throw error;
    // A failed shard fails the flow: say which and why, in the shard's own words.
    const shardIds = node?.children?.map((c) => c.job.id).filter((id): id is string => id !== undefined) ?? [];
    const failed = await bounded(failedShard(jobs, shardIds), 5000);
    throw new Error(`the simulation on queue "${queue}" failed: ${failed ?? error.message}`, { cause: error });
  } finally {
    watch.stop();
    signal?.removeEventListener('abort', onAbort);
    if (timer) clearTimeout(timer);
    // Removes what it can: with Redis answering, up to 10 s for running shards to let go; without, a second.
    if (parentId) await bounded(removeSimulation(jobs, parentId), watch.gaveUp || watch.failing ? 1000 : 15_000);
    await closeClient(events, flows, jobs);
  }
}

/**
 * The runs done over all shards, added up from the shards' progress events,
 * passed on to the caller's `onProgress` each time the sum changes.
 */
class ProgressTally {
  /** Runs done by each of the flow's shards, by job id: events of other jobs are not counted. */
  private readonly done = new Map<string, number>();
  private reported = -1;

  constructor(
    private readonly runs: number,
    private readonly onProgress: ((done: number, total: number) => void) | undefined,
    /** Stops the simulation: with the error of a callback that threw. */
    private readonly stop: (error: unknown) => void,
  ) {}

  /** Counts the progress of these jobs (the flow's shards), from none done. */
  follow(ids: readonly (string | undefined)[]): void {
    for (const id of ids) if (id) this.done.set(id, 0);
  }

  /** A progress event of the queue: a shard's `{ done }`. */
  heard(jobId: string, data: unknown): void {
    if (!this.onProgress || !this.done.has(jobId)) return;
    const d = (data as { done?: unknown } | null)?.done;
    if (typeof d !== 'number') return;
    this.done.set(jobId, d);
    const total = [...this.done.values()].reduce((a, b) => a + b, 0);
    if (total === this.reported) return;
    this.reported = total;
    try {
      this.onProgress(total, this.runs);
    } catch (error) {
      // The caller's callback threw: the simulation stops with its error.
      this.stop(error);
    }
  }

  /** Reports every run done, unless the last report already did (a throw here fails the simulation). */
  finish(): void {
    if (this.onProgress && this.reported !== this.runs) this.onProgress(this.runs, this.runs);
  }
}

/** Closes the client's connections; one to an unreachable Redis must not keep the caller waiting, nor its process alive. */
async function closeClient(events: BullQueueEvents, flows: BullFlowProducer, jobs: BullQueue): Promise<void> {
  const closed = Promise.allSettled([events.close(), flows.close(), jobs.close()]);
  const gaveUp = await Promise.race([closed.then(() => false), delay(1000).then(() => true)]);
  if (gaveUp) void Promise.allSettled([events.disconnect(), flows.disconnect(), jobs.disconnect()]);
}

/** The error a timeout stops with; a timeout while Redis does not answer says so: that is the likelier cause. */
function timeoutError(timeout: number, watch: RedisWatch, where: string): Error {
  const redis = watch.failing ? `; Redis at ${where} was not answering${watch.problem ? ` (${watch.problem})` : ''}` : '';
  return namedError('TimeoutError', `The simulation took longer than ${timeout} ms${redis}`);
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** The error an aborted signal stops with: its reason, or an AbortError when it has none. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? namedError('AbortError', 'The simulation was aborted');
}
