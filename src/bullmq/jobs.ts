/**
 * A simulation's jobs on the queue: one BullMQ flow whose parent ("merge")
 * waits for its children ("shard"). What each job carries and returns, how a
 * client adds the flow and removes it, and how a worker handles each job (in
 * a thread of its pool, within its time limit, stopping when the simulation
 * is cancelled).
 */
import type { Queue as BullQueue, FlowJob, Job as BullJob, Processor } from 'bullmq';
import type { ShardSpec } from 'cx-roi';
import { bullmq } from './peers.js';
import type { ShardThread, ShardThreadPool } from './thread-pool.js';

const { Job, UnrecoverableError } = bullmq;

/** The data of a shard job. */
export interface ShardJobData {
  readonly spec: ShardSpec;
}

/** The data of the merge job, the flow's parent. */
export interface MergeJobData {
  readonly plan: string;
  readonly runs: number;
  readonly shards: number;
  /** Set by a client that cancels: shards still running stop at their next look. */
  readonly cancelled?: string;
}

/**
 * What the merge job returns: the result's hash, and the result as JSON (made
 * in the thread, so the worker's event loop only passes a string on).
 */
export interface MergeJobResult {
  readonly hash: string;
  readonly json: string;
}

/** A job of a simulation, as a worker takes it: a shard's result is its bytes in base64. */
export type SimulationJob = BullJob<ShardJobData | MergeJobData, string | MergeJobResult>;

/** How often a running shard looks whether its simulation was cancelled, in milliseconds. */
const cancelPollMilliseconds = 250;

/**
 * The flow of one simulation: the merge job, and a shard job for each spec.
 * A shard that fails all its `attempts` fails the flow.
 */
export function simulationFlow(queue: string, specs: readonly ShardSpec[], attempts: number): FlowJob {
  const first = specs[0] as ShardSpec;
  return {
    name: 'merge',
    queueName: queue,
    data: { plan: first.plan, runs: first.runs, shards: first.shards } satisfies MergeJobData,
    children: specs.map((spec) => ({
      name: 'shard',
      queueName: queue,
      data: { spec } satisfies ShardJobData,
      opts: { attempts, backoff: { type: 'exponential', delay: 500 }, failParentOnFailure: true },
    })),
  };
}

/** A shard job's spec; a job that is not cx-roi's shard, or has no spec, fails without retries (it would fail again). */
function shardSpecOf(job: SimulationJob): ShardSpec {
  if (job.name !== 'shard') {
    throw new UnrecoverableError(`cx-roi's worker does not know jobs named "${job.name}" (only "shard" and "merge")`);
  }
  const data = job.data as ShardJobData | null;
  if (data === null || typeof data !== 'object' || data.spec === null || typeof data.spec !== 'object') {
    const got = data === null ? 'null' : typeof data === 'object' ? 'no spec' : typeof data;
    throw new UnrecoverableError(`a shard job's data must be { spec } with a spec from planShards (got ${got})`);
  }
  return data.spec;
}

/** What a worker's jobs need: its threads, its queue (to look at a shard's parent) and its time limit. */
export interface JobContext {
  readonly threads: ShardThreadPool;
  readonly parents: BullQueue;
  /** The most milliseconds a shard or merge may run. */
  readonly shardTimeout: number;
}

/** The function a BullMQ worker handles cx-roi's jobs with: each in a thread of the pool, within the time limit. */
export function jobProcessor(context: JobContext): Processor<ShardJobData | MergeJobData, string | MergeJobResult> {
  return async (job, _token, signal) => {
    const thread = context.threads.take();
    // The job's own signal (this worker's cancelJob), the wall-clock limit, and (for a shard) a look every
    // quarter second at the flow's parent, where a client on another machine marks a cancellation.
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    const what = job.name === 'merge' ? 'merge' : 'shard';
    const overrun = `the ${what} ran past the worker's limit of ${context.shardTimeout / 1000} s (shardTimeout) and was stopped`;
    const limit = setTimeout(() => controller.abort(new Error(overrun)), context.shardTimeout);
    limit.unref?.();
    try {
      if (job.name === 'merge') return await mergeJob(job, thread, controller.signal);
      return await shardJob(job, shardSpecOf(job), thread, context.parents, controller);
    } finally {
      clearTimeout(limit);
      context.threads.give(thread);
    }
  };
}

/** Merges the shards' results (the children's return values) in the thread. */
async function mergeJob(job: SimulationJob, thread: ShardThread, signal: AbortSignal): Promise<MergeJobResult> {
  const values = await job.getChildrenValues<string>();
  const results = Object.values(values).map((base64) => new Uint8Array(Buffer.from(base64, 'base64')));
  const merged = await thread.run(
    { type: 'merge', results },
    results.map((r) => r.buffer as ArrayBuffer),
    () => undefined,
    signal,
  );
  if (merged.type !== 'merged') throw new Error('the merge thread answered out of turn');
  return { hash: merged.hash, json: merged.json };
}

/** Simulates a shard in the thread, reporting progress, and stops it when its simulation is cancelled or removed. */
async function shardJob(
  job: SimulationJob,
  spec: ShardSpec,
  thread: ShardThread,
  parents: BullQueue,
  controller: AbortController,
): Promise<string> {
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
    const onProgress = (done: number, count: number) => void job.updateProgress({ done, count }).catch(() => undefined);
    const done = await thread.run({ type: 'shard', spec }, [], onProgress, controller.signal);
    if (done.type !== 'done') throw new Error('the shard thread answered out of turn');
    return Buffer.from(done.bytes.buffer, done.bytes.byteOffset, done.bytes.byteLength).toString('base64');
  } finally {
    clearInterval(poll);
  }
}

/** The first shard of a flow that failed, and why, in words. */
export async function failedShard(jobs: BullQueue, ids: readonly string[]): Promise<string | undefined> {
  for (const [k, id] of ids.entries()) {
    const job = await Job.fromId<ShardJobData>(jobs, id).catch(() => undefined);
    if (!job?.failedReason) continue;
    const tries = `${job.attemptsMade} attempt${job.attemptsMade === 1 ? '' : 's'}`;
    return `shard ${job.data?.spec?.index ?? k} failed after ${tries}: ${job.failedReason}`;
  }
  return undefined;
}

/**
 * Removes a simulation's jobs from Redis; for one still running, first marks
 * it cancelled, so that a shard running on any worker stops at its next look.
 */
export async function removeSimulation(jobs: BullQueue, parentId: string): Promise<void> {
  const parent = await Job.fromId<MergeJobData>(jobs, parentId).catch(() => undefined);
  if (!parent) return;
  const state = await parent.getState().catch(() => 'unknown');
  if (state !== 'completed' && state !== 'failed') {
    await parent.updateData({ ...parent.data, cancelled: 'the client stopped waiting' }).catch(() => undefined);
  }
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
