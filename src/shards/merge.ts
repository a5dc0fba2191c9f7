import { isWholeIn } from '../format/numbers.js';
import { limits } from '../scenario/domain.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { assembleResult, resultFromBlocks } from '../simulate/assemble.js';
import { figureProblem, figureRange } from '../simulate/figure-ranges.js';
import { type HorizonColumns, type RunMatrix, createMatrix, joinRuns, orderBlocks } from '../simulate/matrix.js';
import { type MetricColumn, type MonthlyMetric, monthlyMetrics, singlePrecisionMetrics } from '../simulate/metrics.js';
import type { SimulationResult } from '../simulate/result.js';
import { type BandsByMetric, bandMetrics, paidBackShares, seriesRows, summarizeHorizon } from '../simulate/summarize.js';
import { version } from '../version.js';
import { type SectionArray, ShardFormatError, decodeSections } from './codec.js';
import { type MonthSketch, createSketch, mergeSketch, readSketch, sketchBand } from './sketch.js';
import { type ShardHeader, planProblem, shardLimitIssue } from './spec-check.js';

/** A shard result as read: its header, its sections by name, and its place in the merge's arguments. */
interface DecodedShard {
  readonly header: ShardHeader;
  readonly sections: ReadonlyMap<string, SectionArray>;
  readonly at: number;
}

type ReadSketch = ReturnType<typeof readSketch>;

/** A month's sketch from a shard result, which must hold every one of the shard's runs. */
function readSketchOf(numbers: Float64Array, at: number, relativeAccuracy: number, count: number, label: string): ReadSketch {
  let read: ReadSketch;
  try {
    read = readSketch(numbers, at, relativeAccuracy);
  } catch (error) {
    throw new ShardFormatError(`${label} has a bad value in section sketches: ${(error as Error).message}`);
  }
  if (read.sketch.count !== count)
    throw new ShardFormatError(
      `${label} has a bad value in section sketches: a month's sketch counts ${read.sketch.count} runs, not the shard's ${count}`,
    );
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

/** Reads the `i`-th result and checks its header: a shard result of this version, of a plan planShards makes. */
function decodeShard(bytes: Uint8Array, i: number): DecodedShard {
  const d = decodeSections(bytes, `results[${i}]`);
  const header = d.header as unknown as ShardHeader;
  if (header.kind !== 'cx-roi/shard-result') throw new ShardFormatError(`results[${i}] is not a shard result`);
  if (header.version !== version)
    throw new Error(
      `results[${i}] was simulated by cx-roi ${header.version}; this is cx-roi ${version}: merge with the version that simulated it`,
    );
  // The header's own fields, checked for themselves and against its plan's fingerprint, as a worker checks a spec.
  const problem = planProblem(header) ?? (Array.isArray(header.parameterNames) ? undefined : { field: 'parameterNames' });
  if (problem)
    throw new ShardFormatError(
      `results[${i}] has a header that does not match its plan (its ${problem.field}): it was changed after simulateShard wrote it`,
    );
  // The limits planShards enforces, whatever the fingerprint (anyone can compute one): the merge must not run out of memory.
  const months = (header.scenario as { horizonMonths?: unknown }).horizonMonths;
  const limit = isWholeIn(months, 1, limits.runMonths)
    ? shardLimitIssue(header, months, header.parameterNames.length)
    : { field: 'scenario', message: 'has no horizon' };
  if (limit)
    throw new ShardFormatError(`results[${i}] (shard ${header.index}) is not one planShards makes: its ${limit.field} ${limit.message}`);
  return { header, sections: d.sections, at: i };
}

/** The shards of one plan, each once and none missing, in the plan's order. */
function wholePlan(decoded: readonly DecodedShard[]): DecodedShard[] {
  const head = (decoded[0] as DecodedShard).header;
  for (const { header, at } of decoded) {
    if (header.plan !== head.plan)
      throw new Error(
        `results[${at}] is of another plan than results[0] (another scenario, seed, run count or split): ` +
          'merge the shards of one planShards call',
      );
  }
  const byIndex = new Map<number, DecodedShard>();
  for (const d of decoded) {
    const other = byIndex.get(d.header.index);
    if (other) throw new Error(`shard ${d.header.index} is given twice (results[${other.at}] and results[${d.at}])`);
    byIndex.set(d.header.index, d);
  }
  const missing = Array.from({ length: head.shards }, (_, k) => k).filter((k) => !byIndex.has(k));
  if (missing.length > 0) {
    const named = `${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`;
    throw new Error(`${missing.length} of ${head.shards} shards are missing: shard${missing.length > 1 ? 's' : ''} ${named}`);
  }
  return [...byIndex.values()].sort((a, b) => a.header.index - b.header.index);
}

/** The kind and length a section must have, from its name and the shard's runs; undefined for a section of no fixed shape. */
function expectedShape(name: string, runs: number, months: number, parameters: number): [kind: string, length: number] | undefined {
  if (name.startsWith('values.')) {
    const single = singlePrecisionMetrics.has(name.slice('values.'.length) as MonthlyMetric);
    return [single ? 'Float32Array' : 'Float64Array', runs * months];
  }
  if (name === 'paidBackCounts') return ['Int32Array', months];
  if (name === 'parameters') return ['Float64Array', runs * parameters];
  if (name === 'npvByMonth') return ['Float64Array', runs * months];
  if (name === 'horizon.executed') return ['Uint8Array', runs];
  if (name === 'horizon.paybackMonth' || name === 'horizon.stoppedMonth') return ['Int32Array', runs];
  if (name.startsWith('horizon.')) return ['Float64Array', runs];
  return undefined;
}

/** A section of a shard result, of the kind and length its name says. */
function section(d: DecodedShard, name: string, months: number): SectionArray {
  const array = d.sections.get(name);
  if (!array) throw new ShardFormatError(`results[${d.at}] has no section ${name}`);
  const expected = expectedShape(name, d.header.count, months, d.header.parameterNames.length);
  if (expected && (array.constructor.name !== expected[0] || array.length !== expected[1]))
    throw new ShardFormatError(`results[${d.at}] has a section ${name} of the wrong kind or length`);
  return array;
}

/** A shard's runs as a block of the simulation's matrix (the monthly values only when the bands are exact). */
function blockOf(d: DecodedShard, scenario: Scenario, head: ShardHeader): RunMatrix {
  const months = scenario.horizonMonths;
  const { first, count } = d.header;
  const horizonOf = (): HorizonColumns => {
    const names = Object.keys(createMatrix(scenario, 0, 0, false, false).horizon) as (keyof HorizonColumns)[];
    return Object.fromEntries(names.map((k) => [k, section(d, `horizon.${k}`, months)])) as unknown as HorizonColumns;
  };
  const valuesOf = (): Record<MonthlyMetric, MetricColumn> =>
    head.bands.method === 'exact'
      ? (Object.fromEntries(monthlyMetrics.map((m) => [m, section(d, `values.${m}`, months)])) as Record<MonthlyMetric, MetricColumn>)
      : createMatrix(scenario, first, 0, false, false).values;
  // Read in this order (values, counts, horizon, kept runs), so a result with several bad sections names the same one first.
  return {
    first,
    count,
    months,
    values: valuesOf(),
    paidBackCounts: section(d, 'paidBackCounts', months) as Int32Array,
    horizon: horizonOf(),
    parameterNames: d.header.parameterNames,
    parameters: head.keepRuns ? (section(d, 'parameters', months) as Float64Array) : null,
    npvByMonth: head.keepRuns ? (section(d, 'npvByMonth', months) as Float64Array) : null,
  };
}

/** The monthly bands of every metric from the shards' sketches, merged. */
function mergedSketchBands(ordered: readonly DecodedShard[], months: number, relativeAccuracy: number): BandsByMetric {
  const merged = bandMetrics.map(() => Array.from({ length: months }, () => createSketch(relativeAccuracy)));
  for (const d of ordered) {
    const numbers = section(d, 'sketches', months) as Float64Array;
    let at = 0;
    bandMetrics.forEach((_, k) => {
      for (let t = 0; t < months; t += 1) {
        const { sketch, next } = readSketchOf(numbers, at, relativeAccuracy, d.header.count, `results[${d.at}] (shard ${d.header.index})`);
        mergeSketch(merged[k]?.[t] as MonthSketch, sketch);
        at = next;
      }
    });
  }
  return Object.fromEntries(bandMetrics.map((metric, k) => [metric, (merged[k] ?? []).map(sketchBand)])) as BandsByMetric;
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
 * import { mergeShards, planShards, simulateShard } from 'cx-roi';
 * const results = planShards({}, { runs: 1000, seed: 1, shards: 4 }).map((spec) => simulateShard(spec));
 * const result = mergeShards([...results].reverse());
 * result.runCount; // => 1000
 * result.horizon.roi.p50; // => 0.138
 * mergeShards(results.slice(1)); // throws Error: 1 of 4 shards are missing: shard 0
 * const damaged = results[0].slice();
 * damaged[100] ^= 1;
 * mergeShards([damaged, ...results.slice(1)]); // throws ShardFormatError: fails its checksum
 * ```
 */
export function mergeShards(results: readonly Uint8Array[]): SimulationResult {
  if (!Array.isArray(results) || results.length === 0)
    throw new TypeError('mergeShards needs an array of every shard result of a plan (from simulateShard)');
  // Array.from, not map: a hole in the array is a missing result to name, not one to skip.
  const ordered = wholePlan(Array.from(results, decodeShard));
  const head = (ordered[0] as DecodedShard).header;
  const scenario = parseScenario(head.scenario as ScenarioInput);
  const months = scenario.horizonMonths;
  // The values themselves: a result that passes its checksum may still have been written by a broken or forged worker.
  for (const d of ordered) checkShardValues(d.sections, d.header, months, `results[${d.at}] (shard ${d.header.index})`);
  const blocks = ordered.map((d) => blockOf(d, scenario, head));
  if (head.bands.method === 'exact') return resultFromBlocks(scenario, head.seed, blocks, head.runs, head.keepRuns);
  const bands = mergedSketchBands(ordered, months, head.bands.relativeAccuracy);
  const runs = joinRuns(orderBlocks(blocks, head.runs), head.runs);
  const series = seriesRows(bands, paidBackShares(blocks, head.runs));
  const result = assembleResult(scenario, head.seed, runs, series, summarizeHorizon(scenario, runs), head.keepRuns);
  return { ...result, bands: head.bands };
}
