import { recordedParameterNames } from '../model/assumptions.js';
import { type Seed, murmurHash3Blocks } from '../random/stream.js';
import { formatNumber, limits } from '../scenario/domain.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/error.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { type HorizonColumns, type MetricColumn, type MonthlyMetric, type RunMatrix, createMatrix, joinRuns, monthlyMetrics, orderBlocks, simulateRange, singlePrecisionMetrics } from '../simulate/matrix.js';
import { figureProblem, figureRange } from '../simulate/figure-ranges.js';
import { isSeed, maxSeedLength } from '../simulate/options.js';
import { progressStep } from '../simulate/progress.js';
import type { SimulationResult } from '../simulate/result.js';
import { assembleResult, resultFromBlocks } from '../summary/result.js';
import { type BandMetric, type BandsByMetric, bandMetrics, derivedMetrics, paidBackShares, seriesRows, summarizeHorizon } from '../summary/summarize.js';
import { version } from '../version.js';
import { type Section, type SectionArray, ShardFormatError, decodeSections, encodeSections } from './codec.js';
import { type MonthSketch, addValues, createSketch, mergeSketch, readSketch, sketchBand, sketchNumbers } from './sketch.js';

/** How a simulation's monthly bands are computed. */
export type BandMethod =
  /** From every run's monthly values, held in one place: the bands of `simulate`, bit for bit. */
  | { readonly method: 'exact' }
  /**
   * From mergeable quantile sketches (DDSketch): each percentile within
   * `relativeAccuracy × |x|` of `x`, the exact ⌊q(n − 1)⌋-th smallest value,
   * whatever the split; the horizon figures and the paid-back shares stay
   * exact, and each mean is the sum of every run's value over the runs (its
   * last bits depend on the split, as sums of doubles do).
   */
  | { readonly method: 'sketch'; readonly relativeAccuracy: number };

/** Options of {@link planShards}. */
export interface ShardPlanOptions {
  /**
   * Number of Monte Carlo runs in all: up to 10,000,000, ten times what one call of `simulate` takes (past `exactBandsUpTo` the bands are sketched).
   * @defaultValue 1000
   */
  runs?: number;
  /**
   * Seed: the merged result is `simulate`'s with the same seed.
   * @defaultValue 1
   */
  seed?: Seed;
  /**
   * Number of shards, from 1 to 100,000 and at most `runs`: near-equal contiguous blocks of run indices.
   * @defaultValue 1
   */
  shards?: number;
  /**
   * Whether the merged result keeps every run (`runs`), as `simulate`'s `keepRuns`.
   * @defaultValue false
   */
  keepRuns?: boolean;
  /**
   * The most runs whose monthly bands are exact. Exact bands need every run's
   * monthly figures in one place when the shards are merged (72 bytes a run
   * and month); past this many runs the shards send sketches instead
   * (see {@link BandMethod}), whose size does not grow with the runs.
   * @defaultValue the most runs `simulate` holds for the horizon: 24,000,000 ÷ horizonMonths (400,000 for 60 months)
   */
  exactBandsUpTo?: number;
  /**
   * The sketches' relative accuracy, when the bands are sketched: from 0.0001 to 0.05.
   * @defaultValue 0.01
   */
  relativeAccuracy?: number;
}

/**
 * The most runs a sharded simulation takes. The merge keeps every run's
 * horizon figures exact (about 130 bytes a run, 1.3 GB at this many, and
 * copies of the ROI and NPV columns while it sorts them), so this bounds
 * the merging machine's memory.
 */
export const maxShardedRuns = 10_000_000;
/** The most shards a plan has. */
export const maxShards = 100_000;
/** The sketches' relative accuracy unless set. */
export const defaultRelativeAccuracy = 0.01;

/**
 * One shard of a simulation: plain JSON, to send to a worker on any machine
 * (a queue, a file, a message). {@link simulateShard} turns it into a shard
 * result. Do not edit one: its `plan` is checked.
 */
export interface ShardSpec {
  readonly kind: 'cx-roi/shard-spec';
  /** The cx-roi version that planned it: a worker of another version refuses it (its runs would differ). */
  readonly version: string;
  /** A fingerprint of the whole plan (scenario, seed, runs, shards, keepRuns, bands): shards of one plan share it. */
  readonly plan: string;
  /** This shard's place in the plan, 0 to shards − 1. */
  readonly index: number;
  readonly shards: number;
  /** Its runs: `first` to `first + count − 1`, of `runs` in all. */
  readonly first: number;
  readonly count: number;
  readonly runs: number;
  readonly seed: Seed;
  readonly keepRuns: boolean;
  readonly bands: BandMethod;
  /** The complete scenario (defaults filled in). */
  readonly scenario: Scenario;
}

/** The contiguous blocks `[first, first + count)` that split `runs` into `parts` near-equal shards. */
export function splitRuns(runs: number, parts: number): { first: number; count: number }[] {
  const n = Math.max(1, Math.min(parts, runs));
  return Array.from({ length: n }, (_, k) => {
    const first = Math.floor((k * runs) / n);
    return { first, count: Math.floor(((k + 1) * runs) / n) - first };
  });
}

/** A short fingerprint of a text: MurmurHash3_x86_128 of its UTF-16 code units, as 32 hex digits. */
function fingerprint(text: string): string {
  const words: number[] = [text.length];
  for (let i = 0; i < text.length; i += 2) words.push(text.charCodeAt(i) | ((i + 1 < text.length ? text.charCodeAt(i + 1) : 0) << 16));
  while (words.length % 4 !== 0) words.push(0);
  return murmurHash3Blocks(words)
    .map((w) => (w >>> 0).toString(16).padStart(8, '0'))
    .join('');
}

/** JSON with every object's keys sorted: the same text however a spec's keys were reordered on the way (jq -S, a database's JSON). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * The plan's fingerprint: MurmurHash3 of its canonical JSON. It catches a spec
 * or result changed by accident or mixed up with another plan's; it is not a
 * signature (anyone can compute it), so shards from untrusted hands need an
 * authenticated channel.
 * @internal exported for the tests
 */
export function planKey(p: Pick<ShardSpec, 'version' | 'scenario' | 'seed' | 'runs' | 'shards' | 'keepRuns' | 'bands'>): string {
  return fingerprint(canonicalJson([p.version, p.scenario, typeof p.seed, p.seed, p.runs, p.shards, p.keepRuns, p.bands]));
}

/** Most bytes a shard result may hold: as base64 it still fits in one JavaScript string and one queue value. */
export const maxShardBytes = 256 * 2 ** 20;

/** About how many bytes a shard of `count` runs holds. */
function shardBytes(count: number, months: number, parameters: number, keepRuns: boolean, sketched: boolean): number {
  const monthly = sketched ? 0 : months * 72;
  const kept = keepRuns ? 8 * (months + parameters) : 0;
  return count * (monthly + 128 + kept) + (sketched ? 16 * bandMetrics.length * months * 1024 : 0);
}

/**
 * Why a shard of `count` runs (of `runs` in all) is one planShards would not
 * make, or undefined: exact bands past the runs whose monthly figures fit in
 * memory, every run kept past the run-months a result holds, or a result past
 * {@link maxShardBytes}. A spec or result from elsewhere is checked against
 * these before any work, whatever its fingerprint says (anyone can compute one).
 */
function shardLimitIssue(s: { runs: number; count: number; keepRuns: boolean; bands: BandMethod }, months: number, parameters: number): { field: 'bands' | 'keepRuns' | 'count'; message: string } | undefined {
  const fits = Math.floor(limits.runMonths / months);
  if (s.bands.method === 'exact' && s.runs > fits)
    return { field: 'bands', message: `are exact for ${formatNumber(s.runs)} runs of ${months} months, past the ${formatNumber(fits)} whose monthly figures fit in memory (planShards sketches the bands past that)` };
  if (s.keepRuns && s.runs * months > limits.runMonths)
    return { field: 'keepRuns', message: `keeps every run's monthly NPV, so runs × horizonMonths (${formatNumber(s.runs)} × ${months}) must be at most ${formatNumber(limits.runMonths)}` };
  const bytes = shardBytes(s.count, months, parameters, s.keepRuns, s.bands.method === 'sketch');
  if (bytes > maxShardBytes)
    return { field: 'count', message: `gives a shard result of about ${formatNumber(Math.round(bytes / 2 ** 20))} MB, more than the ${maxShardBytes / 2 ** 20} MB planShards allows a shard` };
  return undefined;
}

/** Whether a band method is one planShards makes. */
function validBands(bands: unknown): bands is BandMethod {
  const b = bands as { method?: unknown; relativeAccuracy?: unknown } | null;
  if (b === null || typeof b !== 'object') return false;
  if (b.method === 'exact') return Object.keys(b).length === 1;
  return b.method === 'sketch' && typeof b.relativeAccuracy === 'number' && b.relativeAccuracy >= 0.0001 && b.relativeAccuracy <= 0.05 && Object.keys(b).length === 2;
}


const isWhole = (x: unknown, from: number, to: number): x is number => typeof x === 'number' && Number.isInteger(x) && x >= from && x <= to;

/**
 * Splits a simulation into shards to run anywhere: run `i` depends only on
 * (seed, i), so each shard simulates a contiguous block of run indices on its
 * own, and {@link mergeShards} puts the results together into `simulate`'s
 * result, bit for bit (exact bands), whatever the split and whatever order
 * the shards come back in.
 *
 * @param input - A partial scenario, as for `simulate`.
 * @param options - Runs, seed, shards, keepRuns, and when to sketch the bands.
 * @returns One JSON-serialisable spec per shard (fewer shards than asked when there are fewer runs).
 * @throws {@link ScenarioError} for a bad scenario or option, naming every bad field (`options.shards`, …).
 * @example
 * ```ts
 * const specs = planShards({}, { runs: 20_000, seed: 1, shards: 8 });
 * const results = specs.map((spec) => simulateShard(spec)); // on any machines, in any order
 * const result = mergeShards(results); // equal to simulate({}, { runs: 20_000, seed: 1 })
 * ```
 */
export function planShards(input: ScenarioInput = {}, options: ShardPlanOptions = {}): ShardSpec[] {
  const scenario = parseScenario(input);
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options)))
    throw new ScenarioError([{ path: 'options', value: options, message: 'must be an object of options ({ runs, seed, shards, … })' }]);
  const given = (options ?? {}) as Record<string, unknown>;
  const issues: ScenarioIssue[] = [];
  const bad = (name: string, message: string) => issues.push({ path: `options.${name}`, value: given[name], message });
  const known = ['runs', 'seed', 'shards', 'keepRuns', 'exactBandsUpTo', 'relativeAccuracy'];
  for (const key of Object.keys(given)) if (!known.includes(key)) bad(key, `is not an option of planShards (options: ${known.join(', ')})`);
  // Own options only, and a null is a value given (a bad one), not an option left out.
  const option = (name: string, fallback: unknown): unknown => (Object.hasOwn(given, name) && given[name] !== undefined ? given[name] : fallback);
  const runs = option('runs', 1000);
  const seed = option('seed', 1);
  const shards = option('shards', 1);
  const keepRuns = option('keepRuns', false);
  const months = scenario.horizonMonths;
  const fits = Math.floor(limits.runMonths / months);
  const exactBandsUpTo = option('exactBandsUpTo', fits);
  const relativeAccuracy = option('relativeAccuracy', defaultRelativeAccuracy);
  if (!isWhole(runs, 1, maxShardedRuns)) bad('runs', `must be a whole number from 1 to ${formatNumber(maxShardedRuns)}`);
  if (!isSeed(seed)) bad('seed', `a seed must be a finite number or a string of at most ${maxSeedLength} characters`);
  if (!isWhole(shards, 1, maxShards)) bad('shards', `must be a whole number from 1 to ${formatNumber(maxShards)}`);
  if (typeof keepRuns !== 'boolean') bad('keepRuns', 'must be true or false');
  if (!isWhole(exactBandsUpTo, 0, fits)) bad('exactBandsUpTo', `must be a whole number from 0 to ${formatNumber(fits)} (the most runs of ${months} months whose monthly figures fit in memory)`);
  if (!(typeof relativeAccuracy === 'number' && relativeAccuracy >= 0.0001 && relativeAccuracy <= 0.05)) bad('relativeAccuracy', 'must be a number from 0.0001 to 0.05');
  if (issues.length === 0 && keepRuns === true && (runs as number) * months > limits.runMonths)
    bad('keepRuns', `keeps every run's monthly NPV: runs × horizonMonths (${runs as number} × ${months}) must then be at most ${formatNumber(limits.runMonths)}`);
  if (issues.length > 0) throw new ScenarioError(issues);
  const bands: BandMethod = (runs as number) > (exactBandsUpTo as number) ? { method: 'sketch', relativeAccuracy: relativeAccuracy as number } : { method: 'exact' };
  const blocks = splitRuns(runs as number, shards as number);
  const parameters = recordedParameterNames(scenario).length;
  const largest = shardBytes(blocks[0]?.count ?? 0, months, parameters, keepRuns as boolean, bands.method === 'sketch');
  if (largest > maxShardBytes) {
    const sketched = bands.method === 'sketch';
    const fixed = shardBytes(0, months, parameters, keepRuns as boolean, sketched);
    const perRun = shardBytes(1, months, parameters, keepRuns as boolean, sketched) - fixed;
    const needed = Math.ceil((runs as number) / Math.max(1, Math.floor((maxShardBytes - fixed) / perRun)));
    throw new ScenarioError([
      {
        path: 'options.shards',
        value: shards,
        message: `gives shards of about ${Math.round(largest / 2 ** 20)} MB each, more than the ${maxShardBytes / 2 ** 20} MB a shard result may hold (to cross a queue as one value): use at least ${formatNumber(Math.min(needed, runs as number))} shards${bands.method === 'exact' ? ', or sketch the bands (a lower exactBandsUpTo)' : ''}`,
      },
    ]);
  }
  const common = { version, scenario, seed: seed as Seed, runs: runs as number, shards: blocks.length, keepRuns: keepRuns as boolean, bands };
  const plan = planKey(common);
  return blocks.map(({ first, count }, index) => ({ kind: 'cx-roi/shard-spec', version, plan, index, shards: common.shards, first, count, runs: common.runs, seed: common.seed, keepRuns: common.keepRuns, bands, scenario }));
}

/** Options of {@link simulateShard}. */
export interface SimulateShardOptions {
  /** Called as runs complete (about 100 times a shard), with the shard's runs done and its count. */
  onProgress?: (done: number, count: number) => void;
}

const specKeys = ['kind', 'version', 'plan', 'index', 'shards', 'first', 'count', 'runs', 'seed', 'keepRuns', 'bands', 'scenario'];

/** Checks a spec that may have come from anywhere, and returns its scenario as parsed here. */
function checkSpec(spec: ShardSpec): Scenario {
  const s = spec as Partial<ShardSpec> | null;
  const fail = (path: string, message: string): never => {
    throw new ScenarioError([{ path: `spec${path ? `.${path}` : ''}`, value: path ? (s as Record<string, unknown> | null)?.[path] : s, message }]);
  };
  if (s === null || typeof s !== 'object' || s.kind !== 'cx-roi/shard-spec') return fail('', 'is not a shard spec of cx-roi (from planShards)');
  // Fields of its own only: the fingerprint does not cover a field added on the way, so one is refused by name.
  const stray = Object.keys(s).find((key) => !specKeys.includes(key));
  if (stray !== undefined) return fail(stray, 'is not a field of a shard spec (from planShards)');
  if (s.version !== version) return fail('version', `was planned by cx-roi ${String(s.version)}; this is cx-roi ${version}, whose runs may differ: plan and simulate with the same version`);
  // Each field checked for itself, not only through the fingerprint (which anyone can compute).
  if (!isSeed(s.seed)) return fail('seed', `a seed must be a finite number or a string of at most ${maxSeedLength} characters`);
  if (typeof s.keepRuns !== 'boolean') return fail('keepRuns', 'must be true or false');
  if (!validBands(s.bands)) return fail('bands', 'must be { method: "exact" } or { method: "sketch", relativeAccuracy } with relativeAccuracy from 0.0001 to 0.05');
  if (!isWhole(s.runs, 1, maxShardedRuns)) return fail('runs', `must be a whole number from 1 to ${formatNumber(maxShardedRuns)}`);
  if (!isWhole(s.shards, 1, Math.min(maxShards, s.runs as number))) return fail('shards', `must be a whole number from 1 to the runs (at most ${formatNumber(maxShards)})`);
  if (s.scenario === null || typeof s.scenario !== 'object') return fail('scenario', 'must be the complete scenario of planShards');
  let scenario: Scenario;
  try {
    scenario = parseScenario(s.scenario as ScenarioInput);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new ScenarioError(error.issues.map((issue) => ({ ...issue, path: issue.path ? `spec.scenario.${issue.path}` : 'spec.scenario' })));
  }
  if (s.plan !== planKey(s as ShardSpec)) return fail('plan', 'does not match the spec: it was changed after planShards made it');
  const block = isWhole(s.index, 0, maxShards - 1) ? splitRuns(s.runs as number, s.shards as number)[s.index] : undefined;
  if (!block || block.first !== s.first || block.count !== s.count) return fail('index', `does not match the runs of shard ${String(s.index)} of ${String(s.shards)}`);
  // The limits planShards enforces, before any work: a spec forged with a recomputed fingerprint must not tie a worker up for hours.
  const limit = shardLimitIssue(s as ShardSpec, scenario.horizonMonths, recordedParameterNames(scenario).length);
  if (limit) return fail(limit.field, limit.message);
  return scenario;
}

/** How many runs a sketching shard simulates at once: its memory does not grow with its size. */
const sketchBlockRuns = 1000;

/** The horizon figures of a matrix, as sections. */
function horizonSections(h: HorizonColumns): Section[] {
  return (Object.keys(h) as (keyof HorizonColumns)[]).map((name) => ({ name: `horizon.${name}`, array: h[name] }));
}

/** The values of a band metric for one month of a block, derived figures computed run by run. */
function monthValues(block: RunMatrix, metric: BandMetric, t: number, scratch: Float64Array): ArrayLike<number> {
  const column = (m: MonthlyMetric): MetricColumn => (block.values[m] as MetricColumn).subarray(t * block.count, (t + 1) * block.count);
  if (!Object.hasOwn(derivedMetrics, metric)) return column(metric as MonthlyMetric);
  const { from, value } = derivedMetrics[metric as keyof typeof derivedMetrics];
  const a = column(from[0]);
  const b = column(from[1]);
  const out = scratch.subarray(0, block.count);
  for (let i = 0; i < block.count; i += 1) out[i] = value(a[i] as number, b[i] as number);
  return out;
}

/**
 * Simulates one shard of a plan from {@link planShards}, on any machine with
 * the same version of cx-roi.
 *
 * @param spec - One of planShards' specs (it may have crossed a queue as JSON).
 * @param options - A progress callback.
 * @returns The shard's result as one byte array: its runs' figures as typed
 *   arrays (or, past `exactBandsUpTo`, the bands' sketches), a JSON header
 *   with the cx-roi version and the plan, and a checksum. Store or send it as
 *   bytes (base64 in JSON); {@link mergeShards} reads it.
 * @throws {@link ScenarioError} naming the field of a spec that is not one
 *   of planShards', was planned by another version, or was changed.
 * @example
 * ```ts
 * const [spec] = planShards({}, { runs: 1000, seed: 1, shards: 1 });
 * const bytes = simulateShard(spec); // a Uint8Array
 * ```
 */
export function simulateShard(spec: ShardSpec, options: SimulateShardOptions = {}): Uint8Array {
  const scenario = checkSpec(spec);
  const { first, count, seed, keepRuns, bands } = spec;
  const onProgress = options?.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new ScenarioError([{ path: 'options.onProgress', value: onProgress, message: 'must be a function (done, count) => void' }]);
  const step = progressStep(count);
  const header = {
    kind: 'cx-roi/shard-result',
    version,
    plan: spec.plan,
    index: spec.index,
    shards: spec.shards,
    first,
    count,
    runs: spec.runs,
    seed,
    keepRuns,
    bands,
    scenario: spec.scenario,
    parameterNames: recordedParameterNames(scenario),
  };
  if (bands.method === 'exact') {
    const m = simulateRange(scenario, seed, first, count, keepRuns, onProgress && ((done) => (done % step === 0 || done === count) && onProgress(done, count)));
    const sections: Section[] = [
      ...monthlyMetrics.map((name) => ({ name: `values.${name}`, array: m.values[name] })),
      { name: 'paidBackCounts', array: m.paidBackCounts },
      ...horizonSections(m.horizon),
      ...(m.parameters ? [{ name: 'parameters', array: m.parameters }] : []),
      ...(m.npvByMonth ? [{ name: 'npvByMonth', array: m.npvByMonth }] : []),
    ];
    return encodeSections(header, sections);
  }
  // Sketched bands: a thousand runs at a time, each block's months added to the sketches and let go.
  const months = scenario.horizonMonths;
  const whole = createMatrix(scenario, first, count, keepRuns, false);
  const sketches = bandMetrics.map(() => Array.from({ length: months }, () => createSketch(bands.relativeAccuracy)));
  const scratch = new Float64Array(sketchBlockRuns);
  for (let at = 0; at < count; at += sketchBlockRuns) {
    const n = Math.min(sketchBlockRuns, count - at);
    const block = simulateRange(scenario, seed, first + at, n, keepRuns, onProgress && ((done) => (at + done) % step === 0 && onProgress(at + done, count)));
    bandMetrics.forEach((metric, k) => {
      for (let t = 0; t < months; t += 1) addValues(sketches[k]?.[t] as MonthSketch, monthValues(block, metric, t, scratch));
    });
    block.paidBackCounts.forEach((c, t) => (whole.paidBackCounts[t] = (whole.paidBackCounts[t] as number) + c));
    for (const key of Object.keys(whole.horizon) as (keyof HorizonColumns)[]) whole.horizon[key].set(block.horizon[key], at);
    if (whole.parameters && block.parameters) whole.parameters.set(block.parameters, at * whole.parameterNames.length);
    if (whole.npvByMonth && block.npvByMonth) whole.npvByMonth.set(block.npvByMonth, at * months);
  }
  if (onProgress && count % step !== 0) onProgress(count, count);
  const numbers = new Float64Array(sketches.flatMap((byMonth) => byMonth.flatMap(sketchNumbers)));
  const sections: Section[] = [
    { name: 'sketches', array: numbers },
    { name: 'paidBackCounts', array: whole.paidBackCounts },
    ...horizonSections(whole.horizon),
    ...(whole.parameters ? [{ name: 'parameters', array: whole.parameters }] : []),
    ...(whole.npvByMonth ? [{ name: 'npvByMonth', array: whole.npvByMonth }] : []),
  ];
  return encodeSections(header, sections);
}

/** A month's sketch from a shard result, which must hold every one of the shard's runs. */
function readSketchOf(numbers: Float64Array, at: number, relativeAccuracy: number, count: number, label: string): ReturnType<typeof readSketch> {
  let read: ReturnType<typeof readSketch>;
  try {
    read = readSketch(numbers, at, relativeAccuracy);
  } catch (error) {
    throw new ShardFormatError(`${label} has a bad value in section sketches: ${(error as Error).message}`);
  }
  if (read.sketch.count !== count) throw new ShardFormatError(`${label} has a bad value in section sketches: a month's sketch counts ${read.sketch.count} runs, not the shard's ${count}`);
  return read;
}

/**
 * Checks the figures inside a shard result: every one finite, and counts,
 * shares, months and flags within their range. Throws a ShardFormatError
 * naming the shard, the section and the first bad value.
 */
function checkShardValues(sections: ReadonlyMap<string, SectionArray>, header: ShardHeader, months: number, label: string): void {
  for (const [name, array] of sections) {
    if (name === 'sketches') continue; // read and checked by readSketch
    const range = figureRange(name, months, header.count);
    for (let i = 0; i < array.length; i += 1) {
      const x = array[i] as number;
      const bad = figureProblem(x, range);
      if (bad) throw new ShardFormatError(`${label} has a bad value in section ${name}: ${String(x)} at ${i} ${bad}`);
    }
  }
}

interface ShardHeader {
  kind: string;
  version: string;
  plan: string;
  index: number;
  shards: number;
  first: number;
  count: number;
  runs: number;
  seed: Seed;
  keepRuns: boolean;
  bands: BandMethod;
  scenario: Scenario;
  parameterNames: string[];
}

/**
 * Merges the results of every shard of one plan into the simulation's
 * result. With exact bands it equals `simulate(input, { runs, seed, keepRuns })`
 * bit for bit, for any split and any order of the results; with sketched
 * bands, its `bands` says so and the percentiles of the monthly series are
 * within the sketch's bound (every horizon figure still exact).
 *
 * @param results - Every shard's result from {@link simulateShard}, in any order.
 * @returns The simulation's result.
 * @throws {@link ShardFormatError} for bytes that are not a shard result, fail
 *   their checksum or come from another format; an Error when the results are of
 *   different plans or versions, or a shard is missing or repeated (naming it).
 * @example
 * ```ts
 * const result = mergeShards(planShards({}, { runs: 4000, shards: 4 }).map((s) => simulateShard(s)).reverse());
 * ```
 */
export function mergeShards(results: readonly Uint8Array[]): SimulationResult {
  if (!Array.isArray(results) || results.length === 0) throw new TypeError('mergeShards needs an array of every shard result of a plan (from simulateShard)');
  // Array.from, not map: a hole in the array is a missing result to name, not one to skip.
  const decoded = Array.from(results, (bytes, i) => {
    const d = decodeSections(bytes, `results[${i}]`);
    const header = d.header as unknown as ShardHeader;
    if (header.kind !== 'cx-roi/shard-result') throw new ShardFormatError(`results[${i}] is not a shard result`);
    if (header.version !== version) throw new Error(`results[${i}] was simulated by cx-roi ${header.version}; this is cx-roi ${version}: merge with the version that simulated it`);
    // The header's own fields, checked for themselves and against its plan's fingerprint.
    const block = isWhole(header.runs, 1, maxShardedRuns) && isWhole(header.shards, 1, Math.min(maxShards, header.runs)) && isWhole(header.index, 0, header.shards - 1) ? splitRuns(header.runs, header.shards)[header.index] : undefined;
    if (
      !block ||
      block.first !== header.first ||
      block.count !== header.count ||
      !isSeed(header.seed) ||
      typeof header.keepRuns !== 'boolean' ||
      !validBands(header.bands) ||
      header.scenario === null ||
      typeof header.scenario !== 'object' ||
      !Array.isArray(header.parameterNames) ||
      header.plan !== planKey(header)
    )
      throw new ShardFormatError(`results[${i}] has a header that does not match its plan: it was changed after simulateShard wrote it`);
    // The limits planShards enforces, whatever the fingerprint (anyone can compute one): the merge must not run out of memory.
    const months = (header.scenario as { horizonMonths?: unknown }).horizonMonths;
    const limit = isWhole(months, 1, limits.runMonths) ? shardLimitIssue(header, months, header.parameterNames.length) : { field: 'scenario', message: 'has no horizon' };
    if (limit) throw new ShardFormatError(`results[${i}] (shard ${header.index}) is not one planShards makes: its ${limit.field} ${limit.message}`);
    return { header, sections: d.sections, at: i };
  });
  const head = (decoded[0] as (typeof decoded)[number]).header;
  for (const { header, at } of decoded) if (header.plan !== head.plan) throw new Error(`results[${at}] is of another plan than results[0] (another scenario, seed, run count or split): merge the shards of one planShards call`);
  const byIndex = new Map<number, (typeof decoded)[number]>();
  for (const d of decoded) {
    const other = byIndex.get(d.header.index);
    if (other) throw new Error(`shard ${d.header.index} is given twice (results[${other.at}] and results[${d.at}])`);
    byIndex.set(d.header.index, d);
  }
  const missing = Array.from({ length: head.shards }, (_, k) => k).filter((k) => !byIndex.has(k));
  if (missing.length > 0) throw new Error(`${missing.length} of ${head.shards} shards are missing: shard${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`);
  const scenario = parseScenario(head.scenario as ScenarioInput);
  const ordered = [...byIndex.values()].sort((a, b) => a.header.index - b.header.index);
  const months = scenario.horizonMonths;
  const section = (d: (typeof decoded)[number], name: string): SectionArray => {
    const array = d.sections.get(name);
    if (!array) throw new ShardFormatError(`results[${d.at}] has no section ${name}`);
    // Each section's kind and length follow from its name and the shard's runs.
    const n = d.header.count;
    const expected: [string, number] | undefined = name.startsWith('values.')
      ? [singlePrecisionMetrics.has(name.slice(7) as MonthlyMetric) ? 'Float32Array' : 'Float64Array', n * months]
      : name === 'paidBackCounts'
        ? ['Int32Array', months]
        : name === 'parameters'
          ? ['Float64Array', n * d.header.parameterNames.length]
          : name === 'npvByMonth'
            ? ['Float64Array', n * months]
            : name.startsWith('horizon.')
              ? [name === 'horizon.executed' ? 'Uint8Array' : name === 'horizon.paybackMonth' || name === 'horizon.stoppedMonth' ? 'Int32Array' : 'Float64Array', n]
              : undefined;
    if (expected && (array.constructor.name !== expected[0] || array.length !== expected[1])) throw new ShardFormatError(`results[${d.at}] has a section ${name} of the wrong kind or length`);
    return array;
  };
  // The values themselves: a result that passes its checksum may still have been written by a broken or forged worker.
  for (const d of ordered) checkShardValues(d.sections, d.header, months, `results[${d.at}] (shard ${d.header.index})`);
  const horizonOf = (d: (typeof decoded)[number]): HorizonColumns => {
    const empty = createMatrix(scenario, 0, 0, false, false).horizon;
    return Object.fromEntries((Object.keys(empty) as (keyof HorizonColumns)[]).map((k) => [k, section(d, `horizon.${k}`)])) as unknown as HorizonColumns;
  };
  const blocks: RunMatrix[] = ordered.map((d) => {
    const { first, count } = d.header;
    const base = createMatrix(scenario, first, 0, false, false);
    return {
      first,
      count,
      months: scenario.horizonMonths,
      values: head.bands.method === 'exact' ? (Object.fromEntries(monthlyMetrics.map((m) => [m, section(d, `values.${m}`)])) as Record<MonthlyMetric, MetricColumn>) : base.values,
      paidBackCounts: section(d, 'paidBackCounts') as Int32Array,
      horizon: horizonOf(d),
      parameterNames: d.header.parameterNames,
      parameters: head.keepRuns ? (section(d, 'parameters') as Float64Array) : null,
      npvByMonth: head.keepRuns ? (section(d, 'npvByMonth') as Float64Array) : null,
    };
  });
  if (head.bands.method === 'exact') return resultFromBlocks(scenario, head.seed, blocks, head.runs, head.keepRuns);
  const { relativeAccuracy } = head.bands;
  const merged = bandMetrics.map(() => Array.from({ length: months }, () => createSketch(relativeAccuracy)));
  for (const d of ordered) {
    const numbers = section(d, 'sketches') as Float64Array;
    let at = 0;
    bandMetrics.forEach((_, k) => {
      for (let t = 0; t < months; t += 1) {
        const { sketch, next } = readSketchOf(numbers, at, relativeAccuracy, d.header.count, `results[${d.at}] (shard ${d.header.index})`);
        mergeSketch(merged[k]?.[t] as MonthSketch, sketch);
        at = next;
      }
    });
  }
  const bands: BandsByMetric = Object.fromEntries(bandMetrics.map((metric, k) => [metric, (merged[k] ?? []).map(sketchBand)]));
  const runs = joinRuns(orderBlocks(blocks, head.runs), head.runs);
  const result = assembleResult(scenario, head.seed, runs, seriesRows(bands, paidBackShares(blocks, head.runs)), summarizeHorizon(scenario, runs), head.keepRuns);
  return { ...result, bands: head.bands };
}
