import { recordedParameterNames } from '../scenario/assumptions.js';
import { ScenarioError } from '../scenario/error.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { type HorizonColumns, type RunMatrix, createMatrix, simulateRange } from '../simulate/matrix.js';
import { type MetricColumn, type MonthlyMetric, monthlyMetrics } from '../simulate/metrics.js';
import { progressStep } from '../simulate/progress.js';
import { type BandMetric, type DerivedMetric, bandMetrics, deriveInto, derivedMetrics } from '../simulate/summarize.js';
import { version } from '../version.js';
import { type Section, encodeSections } from './codec.js';
import type { ShardSpec } from './plan.js';
import { type MonthSketch, addValues, createSketch, sketchNumbers } from './sketch.js';
import { type ShardHeader, planProblem, shardLimitIssue } from './spec-check.js';

/** Options of {@link simulateShard}. */
export interface SimulateShardOptions {
  /** Called as runs complete (about 100 times a shard), with the shard's runs done and its count. */
  onProgress?: ((done: number, count: number) => void) | undefined;
}

const specKeys = ['kind', 'version', 'plan', 'index', 'shards', 'first', 'count', 'runs', 'seed', 'keepRuns', 'bands', 'scenario'];

/** Checks a spec that may have come from anywhere, and returns its scenario as parsed here. */
function checkSpec(spec: ShardSpec): Scenario {
  const s = spec as Partial<ShardSpec> | null;
  const fail = (path: string, message: string): never => {
    const value = path ? (s as Record<string, unknown> | null)?.[path] : s;
    throw new ScenarioError([{ path: `spec${path ? `.${path}` : ''}`, value, message }]);
  };
  if (s === null || typeof s !== 'object' || s.kind !== 'cx-roi/shard-spec')
    return fail('', 'is not a shard spec of cx-roi (from planShards)');
  // Fields of its own only: the fingerprint does not cover a field added on the way, so one is refused by name.
  const stray = Object.keys(s).find((key) => !specKeys.includes(key));
  if (stray !== undefined) return fail(stray, 'is not a field of a shard spec (from planShards)');
  if (s.version !== version) {
    const differ = `this is cx-roi ${version}, whose runs may differ: plan and simulate with the same version`;
    return fail('version', `was planned by cx-roi ${String(s.version)}; ${differ}`);
  }
  const problem = planProblem(s);
  if (problem && problem.field !== 'plan' && problem.field !== 'index') return fail(problem.field, problem.message);
  // A scenario that does not parse is named by its own fields, before the fingerprint it breaks.
  const scenario = specScenario(s.scenario);
  if (problem) return fail(problem.field, problem.message);
  // The limits planShards enforces, before any work: a spec forged with a recomputed fingerprint must not tie a worker up for hours.
  const limit = shardLimitIssue(s as ShardSpec, scenario.horizonMonths, recordedParameterNames(scenario).length);
  if (limit) return fail(limit.field, limit.message);
  return scenario;
}

/** A spec's scenario as parsed here, its issues named under `spec.scenario`. */
function specScenario(given: unknown): Scenario {
  try {
    return parseScenario(given as ScenarioInput);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const under = (path: string) => (path ? `spec.scenario.${path}` : 'spec.scenario');
    throw new ScenarioError(error.issues.map((issue) => ({ ...issue, path: under(issue.path) })));
  }
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
  const { from } = derivedMetrics[metric as DerivedMetric];
  deriveInto(metric as DerivedMetric, column(from[0]), column(from[1]), scratch, 0);
  return scratch.subarray(0, block.count);
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
 * import { planShards, simulateShard } from 'cx-roi';
 * const [spec] = planShards({}, { runs: 500, seed: 1, shards: 2 });
 * const bytes = simulateShard(spec);
 * bytes instanceof Uint8Array; // => true
 * // "CXRS", then the shard format.
 * [...bytes.subarray(0, 5)]; // => [0x43, 0x58, 0x52, 0x53, 1]
 * // About 4 kB a run of five years.
 * Math.round(bytes.byteLength / spec.count / 1000); // => 4
 * simulateShard({ ...spec, seed: 2 }); // throws ScenarioError: spec.plan: does not match the spec: it was changed after planShards made it
 * simulateShard({ ...spec, version: '0.1.0' }); // throws ScenarioError: spec.version: was planned by cx-roi 0.1.0
 * ```
 */
export function simulateShard(spec: ShardSpec, options: SimulateShardOptions = {}): Uint8Array {
  const scenario = checkSpec(spec);
  const { first, count, seed, keepRuns, bands } = spec;
  const onProgress = options?.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw new ScenarioError([{ path: 'options.onProgress', value: onProgress, message: 'must be a function (done, count) => void' }]);
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
  } satisfies ShardHeader;
  if (bands.method === 'exact') {
    const report = onProgress && ((done: number) => (done % step === 0 || done === count) && onProgress(done, count));
    const m = simulateRange(scenario, seed, first, count, keepRuns, report);
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
    const report = onProgress && ((done: number) => (at + done) % step === 0 && onProgress(at + done, count));
    const block = simulateRange(scenario, seed, first + at, n, keepRuns, report);
    bandMetrics.forEach((metric, k) => {
      for (let t = 0; t < months; t += 1) addValues(sketches[k]?.[t] as MonthSketch, monthValues(block, metric, t, scratch));
    });
    block.paidBackCounts.forEach((c, t) => {
      whole.paidBackCounts[t] = (whole.paidBackCounts[t] as number) + c;
    });
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
