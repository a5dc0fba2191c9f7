import { scenarioAssumptions } from '../scenario/assumption-fields.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { ScenarioError } from '../scenario/error.js';
import {
  type MonthPiece,
  type JoinedRuns,
  type RunMatrix,
  horizonColumnNames,
  joinRuns,
  orderBlocks,
  runResults,
} from '../simulate/matrix.js';
import type { MetricColumn, MonthlyMetric } from '../simulate/metrics.js';
import { type SimulateOptions, progressStep, resolveOptions, simulateOptionNames } from '../simulate/options.js';
import { checkOptions, optionsObject, unknownOptions } from '../scenario/options-check.js';
import { isWholeIn } from '../format/numbers.js';
import type { SimulationResult } from '../simulate/result.js';
import { type RunChecks, assembleResult, checkedRuns, keptRunsFlags, runChecks } from '../simulate/assemble.js';
import { drawValues } from '../model/draw.js';
import type { DrawnValues } from '../scenario/parameters.js';
import type { RunResult } from '../model/run.js';
import { mergeBands, paidBackShares, seriesRows, sourcesOf, splitBandTasks, summarizeHorizon } from '../simulate/summarize.js';
import { splitRuns } from '../simulate/split-runs.js';
import type { ShardMessage } from './protocol.js';
import { type ShardWorker, acquire, defaultWorkerCap, release, workerCeiling } from './worker-pool.js';
import { abortError, abortOn, ask, isAbortSignal, nextTask } from './messaging.js';

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
  /**
   * A first answer from the first runs, before the whole: `onPreview` is
   * called with the result of runs `0 .. runs − 1` (the very result
   * `simulateParallel` gives for that many runs and this seed, its runs kept
   * when `keepRuns` says so), and the whole answer then reuses those runs
   * rather than simulating them again. For a page that shows an answer at
   * once and the full one when it is ready. `runs` must be fewer than the
   * call's runs. What `onPreview` returns is not waited for; one that throws,
   * or returns a promise that rejects before the whole answer is ready,
   * rejects the call.
   * @defaultValue none: the whole answer only
   */
  preview?:
    | { readonly runs: number; readonly keepRuns?: boolean | undefined; readonly onPreview: (result: SimulationResult) => void }
    | undefined;
}

/** How many kept runs are made a task. */
const keptRunsPerTask = 2500;

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
  const { runs, preview, createWorker } = call;
  const factory = createWorker ?? defaultWorker;
  const workers = acquire(factory, call.shards.length, createWorker === undefined);
  let finished = false;
  const { aborted, detach } = abortOn(call.signal);
  try {
    let earlier: RunMatrix[] = [];
    let previewed: Promise<void> | undefined;
    let previewFailure: { error: unknown } | undefined;
    if (preview) {
      // The preview's blocks keep everything the whole needs (their monthly pieces are copied before the preview's
      // bands take them); its result is exactly that of a call with its runs.
      const keepPreview = preview.keepRuns ?? call.keepRuns;
      const first = await shardRound(call, workers, aborted, 0, preview.runs, keepPreview || call.keepRuns, 0);
      earlier = first.map((block) => withCopiedPieces(call.keepRuns ? block : withoutParameters(block)));
      const blocks = keepPreview || !call.keepRuns ? first : first.map(withoutParameters);
      // The preview's bands are asked for now, and the next runs right behind them: the workers go on simulating
      // while this thread puts the preview together.
      previewed = answer(call, workers, aborted, blocks, preview.runs, keepPreview).then((result) => {
        // What it returns is not waited for, so a callback that returns a promise does not hold the whole answer up;
        // a promise that rejects before the answer is ready rejects the call, as a throw does (never unhandled).
        const returned: unknown = preview.onPreview(result);
        if (returned instanceof Promise) returned.catch((error: unknown) => (previewFailure ??= { error }));
      });
      previewed.catch(() => undefined);
    }
    const from = preview?.runs ?? 0;
    const simulated = shardRound(call, workers, aborted, from, runs, call.keepRuns, preview ? 1 : 0);
    simulated.catch(() => undefined);
    // While the workers simulate, this thread makes what the result needs of the scenario and seed alone.
    await previewed;
    const checks = await runChecksInTasks(call, runs);
    const rest = await simulated;
    const result = await answer(call, workers, aborted, orderBlocks([...earlier, ...rest], runs), runs, call.keepRuns, checks);
    if (previewFailure) throw previewFailure.error;
    finished = true;
    return result;
  } finally {
    // A worker that failed or was cut short is ended; one that finished its work is kept warm.
    release(factory, workers, finished && createWorker === undefined);
    detach();
  }
}

type Call = Awaited<ReturnType<typeof callOf>>;

/**
 * The answer from blocks covering runs `0 .. runs − 1`: each worker summarises some figures' monthly bands over
 * all blocks, whose buffers are handed over, not copied, while this thread summarises the horizon.
 */
async function answer(
  call: Call,
  workers: readonly ShardWorker[],
  aborted: Promise<never>,
  blocks: RunMatrix[],
  runs: number,
  keepRuns: boolean,
  checks?: RunChecks,
): Promise<SimulationResult> {
  const { scenario, seed, signal, check } = call;
  const taskGroups = splitBandTasks(scenario.horizonMonths, workers.length);
  const needs = taskGroups.map(neededRanges);
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
  const checked = checks ?? (await runChecksInTasks(call, runs));
  const bandAnswers = (await Promise.race([aborted, bandsAsked])) as Extract<ShardMessage, { type: 'bands' }>[];
  const bands = mergeBands(bandAnswers.map((m) => m.bands));
  const built = keepRuns ? await keptRunsInTasks(scenario, joined, runs, signal) : undefined;
  return assembleResult(scenario, seed, joined, seriesRows(bands, paidBack), horizon, keepRuns, built, checked);
}

/** {@link runChecks}, its draws made a few hundred runs a task, so a page stays responsive. */
async function runChecksInTasks(call: Call, runs: number): Promise<RunChecks> {
  const draws: DrawnValues[] = [];
  const wanted = checkedRuns(call.scenario, runs);
  for (let run = 0; run < wanted; run += 1) {
    if (run % 400 === 0) {
      await nextTask();
      if (call.signal?.aborted) throw abortError(call.signal);
    }
    draws.push(drawValues(call.scenario, call.seed, run));
  }
  await nextTask();
  return runChecks(call.scenario, call.seed, runs, draws);
}

/** A block whose monthly pieces are copies: the originals can be handed to a worker and the block still used. */
function withCopiedPieces(block: RunMatrix): RunMatrix {
  return block.pieces ? { ...block, pieces: block.pieces.map((piece) => piece.slice()) } : block;
}

/** A block without its runs' drawn values (for an answer that does not keep runs). */
function withoutParameters(block: RunMatrix): RunMatrix {
  return { ...block, parameters: null, npvByMonth: null };
}

/** One call's checked scenario and options, its shards, the progress over them, and the check of an app's own worker's messages. */
async function callOf(cores: number, input: ScenarioInput, options: ParallelOptions) {
  const { workers: wanted, signal, createWorker, preview, ...simulateOptions } = optionsObject(options, parallelOptionNames);
  const scenario = parseScenario(input);
  const { runs, seed, keepRuns, onProgress } = resolveOptions(simulateOptions, scenario.horizonMonths);
  checkOptions({ workers: wanted, signal, createWorker }, parallelOptionRules);
  if (signal?.aborted) throw abortError(signal);
  // splitRuns makes no more blocks than runs; the machine bounds the rest.
  const shards = splitRuns(runs, Math.min(wanted ?? Math.min(cores, defaultWorkerCap), workerCeiling(cores)));
  checkPreview(preview, runs);
  // Two rounds when there is a preview: a tally for each worker in each.
  const progress = progressOfShards(2 * shards.length, runs, onProgress);
  // A worker of the app's own is checked message by message; the check is loaded only then (a page using the package's worker does not download it).
  const check = createWorker === undefined ? undefined : (await import('./message-check.js')).messageCheck(horizonColumnNames);
  if (signal?.aborted) throw abortError(signal);
  return {
    scenario,
    runs,
    seed,
    keepRuns,
    signal,
    createWorker,
    shards,
    progress,
    check,
    preview: preview as ParallelOptions['preview'],
  };
}

/**
 * A round of simulation: each worker simulates a block of runs `from .. to − 1`, cut into the pieces the band
 * round needs. That round's split is known before the runs are: every figure × month band, split evenly
 * across the workers, and the kept figures each group reads (a derived figure reads two).
 */
async function shardRound(
  call: Call,
  workers: readonly ShardWorker[],
  aborted: Promise<never>,
  from: number,
  to: number,
  keepParameters: boolean,
  round: number,
): Promise<RunMatrix[]> {
  const { scenario, seed, progress, check } = call;
  const needs = splitBandTasks(scenario.horizonMonths, workers.length).map(neededRanges);
  // Each shard worker cuts its block into one piece per (group, figure), so that every piece is
  // handed over, never copied, on its way to the worker that summarises it.
  const pieces: MonthPiece[] = needs.flatMap((needed) => [...needed].map(([metric, range]) => ({ metric, ...range })));
  const shards = splitRuns(to - from, workers.length).map(({ first, count }) => ({ first: from + first, count }));
  const answers = await Promise.race([
    aborted,
    Promise.all(
      shards.map((shard, k) => {
        const tally = round * workers.length + k;
        return ask(
          workers[k] as ShardWorker,
          {
            type: 'shard',
            scenario,
            fields: scenarioAssumptions(scenario),
            seed,
            first: shard.first,
            count: shard.count,
            keepParameters,
            pieces,
          },
          [],
          (count) => progress(tally, count),
          check,
        ).then((message) => {
          progress(tally, shard.count);
          return message as Extract<ShardMessage, { type: 'done' }>;
        });
      }),
    ),
  ]);
  return answers.map((m) => m.matrix);
}

/** The preview option's rules: a whole number of runs fewer than the call's, and a function to call (both required). */
function checkPreview(preview: unknown, runs: number): void {
  if (preview === undefined) return;
  const given = (typeof preview === 'object' && preview !== null ? preview : {}) as Record<string, unknown>;
  const required = { runs: given.runs ?? null, onPreview: given.onPreview ?? null, keepRuns: given.keepRuns };
  checkOptions(
    required,
    {
      runs: {
        ok: (value: unknown) => isWholeIn(value, 1, runs - 1),
        rule: `must be a whole number from 1 to ${runs - 1} (fewer than options.runs)`,
      },
      keepRuns: { ok: (value: unknown) => typeof value === 'boolean', rule: 'must be true or false' },
      onPreview: { ok: (value: unknown) => typeof value === 'function', rule: 'must be a function that takes the preview result' },
    },
    'options.preview',
  );
  const unknown = unknownOptions(given, { of: 'a preview', names: ['runs', 'keepRuns', 'onPreview'] }, 'options.preview');
  if (unknown.length > 0) throw new ScenarioError(unknown);
}

const parallelOptionNames = {
  of: 'simulateParallel',
  names: [...simulateOptionNames, 'workers', 'signal', 'createWorker', 'preview'],
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
