import { isWholeIn } from '../format/numbers.js';
import type { Seed } from '../random/stream.js';
import { recordedParameterNames } from '../scenario/assumptions.js';
import { formatNumber, limits } from '../scenario/domain.js';
import { ScenarioError } from '../scenario/error.js';
import { optionIssues, optionsObject } from '../scenario/options-check.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { isSeed, maxSeedLength } from '../simulate/options.js';
import type { BandMethod } from '../simulate/result.js';
import { splitRuns } from '../simulate/split-runs.js';
import { bandMetrics } from '../simulate/summarize.js';
import { version } from '../version.js';
import { planKey } from './fingerprint.js';

/** Options of {@link planShards}. */
export interface ShardPlanOptions {
  /**
   * Number of Monte Carlo runs in all: up to 10,000,000, ten times what one call of `simulate` takes (past `exactBandsUpTo` the bands are sketched).
   * @defaultValue 1000
   */
  runs?: number | undefined;
  /**
   * Seed: the merged result is `simulate`'s with the same seed.
   * @defaultValue 1
   */
  seed?: Seed | undefined;
  /**
   * Number of shards, from 1 to 100,000 and at most `runs`: near-equal contiguous blocks of run indices.
   * @defaultValue 1
   */
  shards?: number | undefined;
  /**
   * Whether the merged result keeps every run (`runs`), as `simulate`'s `keepRuns`.
   * @defaultValue false
   */
  keepRuns?: boolean | undefined;
  /**
   * The most runs whose monthly bands are exact. Exact bands need every run's
   * monthly figures in one place when the shards are merged (72 bytes a run
   * and month); past this many runs the shards send sketches instead
   * (see {@link BandMethod}), whose size does not grow with the runs.
   * @defaultValue the most runs `simulate` holds for the horizon: 24,000,000 ÷ horizonMonths (400,000 for 60 months)
   */
  exactBandsUpTo?: number | undefined;
  /**
   * The sketches' relative accuracy, when the bands are sketched: from 0.0001 to 0.05.
   * @defaultValue 0.01
   */
  relativeAccuracy?: number | undefined;
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

/** Most bytes a shard result may hold: as base64 it still fits in one JavaScript string and one queue value. */
export const maxShardBytes = 256 * 2 ** 20;

/** About how many bytes a shard of `count` runs holds. */
export function shardBytes(count: number, months: number, parameters: number, keepRuns: boolean, sketched: boolean): number {
  const monthly = sketched ? 0 : months * 72;
  const kept = keepRuns ? 8 * (months + parameters) : 0;
  return count * (monthly + 128 + kept) + (sketched ? 16 * bandMetrics.length * months * 1024 : 0);
}

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
 * import { mergeShards, planShards, resultHash, simulate, simulateShard } from 'cx-roi';
 * const specs = planShards({}, { runs: 1000, seed: 1, shards: 3 });
 * specs.map((spec) => [spec.first, spec.count]); // => [[0, 333], [333, 333], [666, 334]]
 * // Plain JSON: each spec can cross a queue or a file to another machine, and come back in any order.
 * const results = specs.map((spec) => simulateShard(JSON.parse(JSON.stringify(spec)))).reverse();
 * resultHash(mergeShards(results)) === resultHash(simulate({}, { runs: 1000, seed: 1 })); // => true
 * planShards({}, { runs: 1000, shards: 0 }); // throws ScenarioError: options.shards: must be a whole number from 1 to 100,000
 * ```
 */
export function planShards(input: ScenarioInput = {}, options: ShardPlanOptions = {}): ShardSpec[] {
  const scenario = parseScenario(input);
  const names = ['runs', 'seed', 'shards', 'keepRuns', 'exactBandsUpTo', 'relativeAccuracy'];
  const given: Record<string, unknown> = optionsObject(options, {
    of: 'planShards',
    names,
    example: '{ runs: 20000, seed: 1, shards: 8 }',
  });
  const months = scenario.horizonMonths;
  const fits = Math.floor(limits.runMonths / months);
  // A null is a value given (a bad one), not an option left out.
  const issues = optionIssues(given, {
    runs: { ok: (v) => isWholeIn(v, 1, maxShardedRuns), rule: `must be a whole number from 1 to ${formatNumber(maxShardedRuns)}` },
    seed: { ok: isSeed, rule: `a seed must be a finite number or a string of at most ${maxSeedLength} characters` },
    shards: { ok: (v) => isWholeIn(v, 1, maxShards), rule: `must be a whole number from 1 to ${formatNumber(maxShards)}` },
    keepRuns: { ok: (v) => typeof v === 'boolean', rule: 'must be true or false' },
    exactBandsUpTo: {
      ok: (v) => isWholeIn(v, 0, fits),
      rule: `must be a whole number from 0 to ${formatNumber(fits)} (the most runs of ${months} months whose monthly figures fit in memory)`,
    },
    relativeAccuracy: { ok: (v) => typeof v === 'number' && v >= 0.0001 && v <= 0.05, rule: 'must be a number from 0.0001 to 0.05' },
  });
  const option = (name: string, fallback: unknown): unknown => given[name] ?? fallback;
  const [runs, seed, shards, keepRuns] = [option('runs', 1000), option('seed', 1), option('shards', 1), option('keepRuns', false)];
  const exactBandsUpTo = option('exactBandsUpTo', fits);
  const relativeAccuracy = option('relativeAccuracy', defaultRelativeAccuracy);
  if (issues.length === 0 && keepRuns === true && (runs as number) * months > limits.runMonths)
    issues.push({
      path: 'options.keepRuns',
      value: keepRuns,
      message: `keeps every run's monthly NPV: runs × horizonMonths (${runs as number} × ${months}) must then be at most ${formatNumber(limits.runMonths)}`,
    });
  if (issues.length > 0) throw new ScenarioError(issues);
  const bands: BandMethod =
    (runs as number) > (exactBandsUpTo as number)
      ? { method: 'sketch', relativeAccuracy: relativeAccuracy as number }
      : { method: 'exact' };
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
  const common = {
    version,
    scenario,
    seed: seed as Seed,
    runs: runs as number,
    shards: blocks.length,
    keepRuns: keepRuns as boolean,
    bands,
  };
  const plan = planKey(common);
  return blocks.map(({ first, count }, index) => ({
    kind: 'cx-roi/shard-spec',
    version,
    plan,
    index,
    shards: common.shards,
    first,
    count,
    runs: common.runs,
    seed: common.seed,
    keepRuns: common.keepRuns,
    bands,
    scenario,
  }));
}
