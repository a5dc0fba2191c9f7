import { scenarioAssumptions } from '../scenario/assumption-fields.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { ScenarioError } from '../scenario/error.js';
import {
  type MetricColumn,
  type MonthPiece,
  type JoinedRuns,
  type MonthlyMetric,
  horizonColumnNames,
  joinRuns,
  orderBlocks,
  runResults,
} from '../simulate/matrix.js';
import { type SimulateOptions, progressStep, resolveOptions, simulateOptionNames } from '../simulate/options.js';
import { checkOptions, optionsObject } from '../scenario/options-check.js';
import { isWholeIn } from '../format/numbers.js';
import type { SimulationResult } from '../simulate/result.js';
import { assembleResult, keptRunsFlags } from '../simulate/assemble.js';
import type { RunResult } from '../model/run.js';
import { mergeBands, paidBackShares, seriesRows, sourcesOf, splitBandTasks, summarizeHorizon } from '../simulate/summarize.js';
import { splitRuns } from '../simulate/split-runs.js';
import type { ShardMessage, WorkerRequest } from './protocol.js';
import { type ShardWorker, acquire, defaultWorkerCap, release, workerCeiling } from './worker-pool.js';

/** Options of {@link simulateParallel}: those of `simulate`, and how to split the work. */
export interface ParallelOptions extends SimulateOptions {
  /**
   * How many workers to run at once (1 to 256). Each costs a thread and some
   * memory of its own; the runs' figures are split among them, not copied to each.
   * Fewer are started when fewer would do: never more than the runs (a worker
   * takes at least one run), and never more than twice the machine's logical
   * cores (at least 2), since workers past the cores only take turns on them.
   * The result is bit for bit the same whatever the count.
   * @defaultValue the number of logical cores (Node's `availableParallelism`, the browser's `hardwareConcurrency`), at least 1 and at most 8
   */
  workers?: number | undefined;
  /**
   * Cancels the simulation: the workers are stopped and the promise rejects
   * with the signal's reason (`controller.abort(reason)`; as `fetch` does), or
   * an `AbortError` when it has none.
   */
  signal?: AbortSignal | undefined;
  /**
   * Makes a worker, for apps that bundle the worker themselves (see `handleWorkerRequest`). The workers it
   * makes are ended when the call ends, not kept idle for the next one (see {@link stopWorkers}).
   * @defaultValue the package's own `worker.js`, next to the module
   */
  createWorker?: (() => ShardWorker) | undefined;
}

/** How many kept runs are made a task. */
const keptRunsPerTask = 2500;

/**
 * Resolves in a later task of the event loop: a message to itself (browsers and Node alike; unlike
 * setTimeout it is not clamped, and a test's fake timers do not hold it back).
 */
function nextTask(): Promise<void> {
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
function abortError(signal: AbortSignal | undefined): unknown {
  const reason: unknown = signal?.reason;
  if (reason !== undefined) return reason;
  const error = new Error('The simulation was aborted');
  error.name = 'AbortError';
  return error;
}

function isAbortSignal(value: unknown): value is AbortSignal {
  const signal = value as AbortSignal | null;
  return (
    typeof signal?.aborted === 'boolean' &&
    typeof signal.addEventListener === 'function' &&
    typeof signal.removeEventListener === 'function'
  );
}

/** What is wrong with a worker's message, in words, or undefined (message-check.ts). */
type MessageCheck = (message: unknown, request: WorkerRequest) => string | undefined;

/** Sends one request to a worker and waits for its final answer, passing progress on. */
function ask(
  worker: ShardWorker,
  request: WorkerRequest,
  transfer: ArrayBuffer[],
  onProgress: (done: number) => void,
  check?: MessageCheck,
): Promise<ShardMessage> {
  return new Promise((resolve, reject) => {
    worker.onMessage((message) => {
      try {
        // A worker of the app's own may post anything: say what was wrong rather than fail deep in the merge.
        const problem = check?.(message, request);
        if (problem !== undefined) reject(new Error(`a simulation worker sent ${problem}`));
        else if (message.type === 'progress') onProgress(message.done);
        else if (message.type === 'error')
          reject(message.issues ? new ScenarioError(message.issues) : new Error(`a simulation worker failed: ${message.message}`));
        else resolve(message);
      } catch (error) {
        // The caller's onProgress threw: the promise rejects with its error rather than the process dying.
        reject(error);
      }
    });
    worker.onError(reject);
    worker.post(request, transfer);
  });
}

/**
 * simulateParallel on any platform, given how to make a worker there. Two
 * rounds: each worker simulates a block of runs; then each summarises some
 * figures' monthly bands over all blocks, whose buffers are handed over, not
 * copied. Both rounds give the same bits as `simulate`. `cores` is the
 * machine's logical cores: the default count and the ceiling derive from it.
 */
export async function simulateParallelWith(
  defaultWorker: () => ShardWorker,
  cores: number,
  input: ScenarioInput,
  options: ParallelOptions,
): Promise<SimulationResult> {
  const call = await callOf(cores, input, options);
  const { scenario, seed, runs, keepRuns, signal, createWorker, check } = call;
  const factory = createWorker ?? defaultWorker;
  const workers = acquire(factory, call.shards.length, createWorker === undefined);
  let finished = false;
  const { aborted, detach } = abortOn(signal);
  try {
    const { taskGroups, needs, blocks } = await shardRound(call, workers, aborted);
    const paidBack = paidBackShares(blocks, runs);
    const joined = joinRuns(blocks, runs);
    const requests = bandRequests(taskGroups, needs, blocks, runs);
    const bandsAsked = Promise.all(
      requests.map(({ request, transfer }, k) => ask(workers[k] as ShardWorker, request, transfer, () => undefined, check)),
    );
    // Its failure is met by the race below; it must not count as unhandled while the horizon is summarised.
    bandsAsked.catch(() => undefined);
    // The horizon needs only the per-run figures: summarise it while the workers do the bands, in a task of
    // its own (tens of milliseconds for 10,000 runs), so a page stays responsive.
    await nextTask();
    const horizon = summarizeHorizon(scenario, joined);
    const bandAnswers = (await Promise.race([aborted, bandsAsked])) as Extract<ShardMessage, { type: 'bands' }>[];
    const bands = mergeBands(bandAnswers.map((m) => m.bands));
    finished = true;
    const built = keepRuns ? await keptRunsInTasks(scenario, joined, runs, signal) : undefined;
    return assembleResult(scenario, seed, joined, seriesRows(bands, paidBack), horizon, keepRuns, built);
  } finally {
    // A worker that failed or was cut short is ended; one that finished its work is kept warm.
    release(factory, workers, finished && createWorker === undefined);
    detach();
  }
}

/** One call's checked scenario and options, its shards, the progress over them, and the check of an app's own worker's messages. */
async function callOf(cores: number, input: ScenarioInput, options: ParallelOptions) {
  const { workers: wanted, signal, createWorker, ...simulateOptions } = optionsObject(options, parallelOptionNames);
  const scenario = parseScenario(input);
  const { runs, seed, keepRuns, onProgress } = resolveOptions(simulateOptions, scenario.horizonMonths);
  checkOptions({ workers: wanted, signal, createWorker }, parallelOptionRules);
  if (signal?.aborted) throw abortError(signal);
  // splitRuns makes no more blocks than runs; the machine bounds the rest.
  const shards = splitRuns(runs, Math.min(wanted ?? Math.min(cores, defaultWorkerCap), workerCeiling(cores)));
  const progress = progressOfShards(shards.length, runs, onProgress);
  // A worker of the app's own is checked message by message; the check is loaded only then (a page using the package's worker does not download it).
  const check = createWorker === undefined ? undefined : (await import('./message-check.js')).messageCheck(horizonColumnNames);
  if (signal?.aborted) throw abortError(signal);
  return { scenario, runs, seed, keepRuns, signal, createWorker, shards, progress, check };
}

/** A promise that rejects when the signal aborts (see {@link abortError}), and how to stop listening to the signal. */
function abortOn(signal: AbortSignal | undefined): { aborted: Promise<never>; detach: () => void } {
  let abort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    abort = () => reject(abortError(signal));
    signal?.addEventListener('abort', abort, { once: true });
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

/**
 * The first round: each worker simulates its block of runs, cut into the pieces the band round needs. That
 * round's split is known before the runs are: every figure × month band, split evenly across the workers,
 * and the kept figures each group reads (a derived figure reads two).
 */
async function shardRound(call: Awaited<ReturnType<typeof callOf>>, workers: readonly ShardWorker[], aborted: Promise<never>) {
  const { scenario, seed, keepRuns, runs, shards, progress, check } = call;
  const taskGroups = splitBandTasks(scenario.horizonMonths, workers.length);
  const needs = taskGroups.map(neededRanges);
  // Each shard worker cuts its block into one piece per (group, figure), so that every piece is
  // handed over, never copied, on its way to the worker that summarises it.
  const pieces: MonthPiece[] = needs.flatMap((needed) => [...needed].map(([metric, { from, to }]) => ({ metric, from, to })));
  const answers = await Promise.race([
    aborted,
    Promise.all(
      shards.map((shard, k) =>
        ask(
          workers[k] as ShardWorker,
          {
            type: 'shard',
            scenario,
            fields: scenarioAssumptions(scenario),
            seed,
            first: shard.first,
            count: shard.count,
            keepParameters: keepRuns,
            pieces,
          },
          [],
          (count) => progress(k, count),
          check,
        ).then((message) => {
          progress(k, shard.count);
          return message as Extract<ShardMessage, { type: 'done' }>;
        }),
      ),
    ),
  ]);
  const blocks = orderBlocks(
    answers.map((m) => m.matrix),
    runs,
  );
  return { taskGroups, needs, blocks };
}

const parallelOptionNames = {
  of: 'simulateParallel',
  names: [...simulateOptionNames, 'workers', 'signal', 'createWorker'],
  example: '{ runs: 10000, seed: 1, workers: 4 }',
};

/** The rules of the options simulateParallel adds to simulate's. */
const parallelOptionRules = {
  workers: { ok: (value: unknown) => isWholeIn(value, 1, 256), rule: 'must be a whole number from 1 to 256' },
  signal: { ok: isAbortSignal, rule: 'must be an AbortSignal (from an AbortController)' },
  createWorker: { ok: (value: unknown) => typeof value === 'function', rule: 'must be a function that returns a worker' },
};

/** Progress over all shards: `progress(k, count)` when shard `k` has made `count` runs; onProgress hears the total every step. */
function progressOfShards(shards: number, runs: number, onProgress: ((done: number, total: number) => void) | undefined) {
  const done = Array.from({ length: shards }, () => 0);
  const step = progressStep(runs);
  let reported = 0;
  return (k: number, count: number) => {
    done[k] = count;
    const total = done.reduce((a, b) => a + b, 0);
    if (onProgress && (total - reported >= step || total === runs)) {
      reported = total;
      onProgress(total, runs);
    }
  };
}

/** The months of each kept figure a group of band tasks reads. */
function neededRanges(tasks: ReturnType<typeof splitBandTasks>[number]): Map<MonthlyMetric, { from: number; to: number }> {
  const needed = new Map<MonthlyMetric, { from: number; to: number }>();
  for (const { metric, from, to } of tasks)
    for (const source of sourcesOf(metric)) {
      const range = needed.get(source);
      needed.set(source, range ? { from: Math.min(range.from, from), to: Math.max(range.to, to) } : { from, to });
    }
  return needed;
}

/** The band round's requests, one a worker, with the pieces of every block each needs (handed over, not copied). */
function bandRequests(
  taskGroups: ReturnType<typeof splitBandTasks>,
  needs: readonly Map<MonthlyMetric, { from: number; to: number }>[],
  blocks: ReturnType<typeof orderBlocks>,
  runs: number,
) {
  let next = 0;
  return taskGroups.map((tasks, k) => {
    const transfer: ArrayBuffer[] = [];
    const at = next;
    next += needs[k]?.size ?? 0;
    const bandBlocks = blocks.map((b) => {
      const values: Partial<Record<MonthlyMetric, MetricColumn>> = {};
      const fromMonth: Partial<Record<MonthlyMetric, number>> = {};
      [...(needs[k] ?? [])].forEach(([metric, { from }], j) => {
        const part = b.pieces?.[at + j];
        if (!part) throw new Error(`the worker of runs from ${b.first} sent no piece of ${metric}`);
        values[metric] = part;
        fromMonth[metric] = from;
        transfer.push(part.buffer as ArrayBuffer);
      });
      return { first: b.first, count: b.count, months: b.months, values, fromMonth };
    });
    return { request: { type: 'bands' as const, blocks: bandBlocks, total: runs, tasks }, transfer };
  });
}

/**
 * The kept runs, objects made on this thread (about 10 ms a thousand): a slice a task, so a page that waits
 * for them keeps answering (the bits are the same as one call's).
 */
async function keptRunsInTasks(
  scenario: Scenario,
  joined: JoinedRuns,
  runs: number,
  signal: AbortSignal | undefined,
): Promise<RunResult[]> {
  const built: RunResult[] = [];
  for (let from = 0; from < runs; from += keptRunsPerTask) {
    await nextTask();
    if (signal?.aborted) throw abortError(signal);
    built.push(...runResults(joined, ...keptRunsFlags(scenario), from, Math.min(runs, from + keptRunsPerTask)));
  }
  return built;
}
