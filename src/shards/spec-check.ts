import { isWholeIn } from '../format/numbers.js';
import type { Seed } from '../random/stream.js';
import { formatNumber, limits } from '../scenario/domain.js';
import type { Scenario } from '../scenario/schema.js';
import { isSeed, maxSeedLength } from '../simulate/options.js';
import type { BandMethod } from '../simulate/result.js';
import { splitRuns } from '../simulate/split-runs.js';
import { planKey } from './fingerprint.js';
import { type ShardSpec, maxShardBytes, maxShardedRuns, maxShards, shardBytes } from './plan.js';

/**
 * The checks both ends of a plan make of what reaches them: a worker of a spec (simulateShard), the merge of a
 * result's header (mergeShards). Anyone can compute a fingerprint, so each field is checked for itself too.
 */

/** The header a shard result carries: its spec's fields (the scenario as planned), and the names of its runs' parameters. */
export interface ShardHeader {
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

/** A field of a spec or header that is not what planShards made, and why, in words. */
export interface PlanProblem {
  readonly field: string;
  readonly message: string;
}

/** Whether a band method is one planShards makes. */
function validBands(bands: unknown): bands is BandMethod {
  const b = bands as { method?: unknown; relativeAccuracy?: unknown } | null;
  if (b === null || typeof b !== 'object') return false;
  if (b.method === 'exact') return Object.keys(b).length === 1;
  const accuracy = b.relativeAccuracy;
  return b.method === 'sketch' && typeof accuracy === 'number' && accuracy >= 0.0001 && accuracy <= 0.05 && Object.keys(b).length === 2;
}

const problem = (field: string, message: string): PlanProblem => ({ field, message });

/**
 * The first field of a spec or a result's header that planShards would not have written, or undefined: seed,
 * keepRuns, bands, runs and shards each in range, a scenario object, the plan's fingerprint over them, and the
 * shard's place in the plan (its index, and the runs `first` to `first + count − 1` of that shard).
 */
export function planProblem(s: Partial<Record<keyof ShardSpec, unknown>>): PlanProblem | undefined {
  if (!isSeed(s.seed)) return problem('seed', `a seed must be a finite number or a string of at most ${maxSeedLength} characters`);
  if (typeof s.keepRuns !== 'boolean') return problem('keepRuns', 'must be true or false');
  if (!validBands(s.bands))
    return problem(
      'bands',
      'must be { method: "exact" } or { method: "sketch", relativeAccuracy } with relativeAccuracy from 0.0001 to 0.05',
    );
  if (!isWholeIn(s.runs, 1, maxShardedRuns)) return problem('runs', `must be a whole number from 1 to ${formatNumber(maxShardedRuns)}`);
  if (!isWholeIn(s.shards, 1, Math.min(maxShards, s.runs)))
    return problem('shards', `must be a whole number from 1 to the runs (at most ${formatNumber(maxShards)})`);
  if (s.scenario === null || typeof s.scenario !== 'object') return problem('scenario', 'must be the complete scenario of planShards');
  if (s.plan !== planKey(s as ShardSpec)) return problem('plan', 'does not match the spec: it was changed after planShards made it');
  const block = isWholeIn(s.index, 0, maxShards - 1) ? splitRuns(s.runs, s.shards)[s.index] : undefined;
  if (!block || block.first !== s.first || block.count !== s.count)
    return problem('index', `does not match the runs of shard ${String(s.index)} of ${String(s.shards)}`);
  return undefined;
}

/**
 * Why a shard of `count` runs (of `runs` in all) is one planShards would not
 * make, or undefined: exact bands past the runs whose monthly figures fit in
 * memory, every run kept past the run-months a result holds, or a result past
 * {@link maxShardBytes}. A spec or result from elsewhere is checked against
 * these before any work, whatever its fingerprint says (anyone can compute one).
 */
export function shardLimitIssue(
  s: Pick<ShardSpec, 'runs' | 'count' | 'keepRuns' | 'bands'>,
  months: number,
  parameters: number,
): PlanProblem | undefined {
  const fits = Math.floor(limits.runMonths / months);
  if (s.bands.method === 'exact' && s.runs > fits) {
    const past = `past the ${formatNumber(fits)} whose monthly figures fit in memory (planShards sketches the bands past that)`;
    return problem('bands', `are exact for ${formatNumber(s.runs)} runs of ${months} months, ${past}`);
  }
  if (s.keepRuns && s.runs * months > limits.runMonths) {
    const product = `runs × horizonMonths (${formatNumber(s.runs)} × ${months})`;
    return problem('keepRuns', `keeps every run's monthly NPV, so ${product} must be at most ${formatNumber(limits.runMonths)}`);
  }
  const bytes = shardBytes(s.count, months, parameters, s.keepRuns, s.bands.method === 'sketch');
  if (bytes > maxShardBytes) {
    const size = `about ${formatNumber(Math.round(bytes / 2 ** 20))} MB`;
    return problem('count', `gives a shard result of ${size}, more than the ${maxShardBytes / 2 ** 20} MB planShards allows a shard`);
  }
  return undefined;
}
