import * as z from 'zod';
import { formatNumber, limits } from '../scenario/domain.js';
import { ScenarioError, fromZodIssues } from '../scenario/error.js';
import type { Seed } from '../random/stream.js';
import { count } from '../format/numbers.js';
import { optionsObject } from '../scenario/options-check.js';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /**
   * Number of Monte Carlo runs.
   * @defaultValue 1000
   */
  runs?: number | undefined;
  /**
   * Seed: the same seed gives the same result, bit for bit, in Node and in browsers.
   * @defaultValue 1
   */
  seed?: Seed | undefined;
  /**
   * Whether to return every run's horizon figures and drawn parameters as `runs`.
   * @defaultValue false
   */
  keepRuns?: boolean | undefined;
  /** Called as runs complete (about 100 times a simulation), with the runs done and the total. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

// In its own file so a worker, which is sent a parsed scenario, does not load the schema library.
export { progressStep } from './progress.js';

/** The default number of runs. */
export const defaultRuns = 1000;
/** The default seed. */
export const defaultSeed = 1;

/** Longest string seed. */
export const maxSeedLength = 200;

/** Whether a value is a seed simulate takes: a finite number, or a string of at most {@link maxSeedLength} characters. */
export function isSeed(value: unknown): value is Seed {
  return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.length <= maxSeedLength;
}

const optionsSchema = z.strictObject({
  runs: z
    .number({ error: 'expected a whole number of runs' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(limits.runs, `must be at most ${formatNumber(limits.runs)}`)
    .optional(),
  seed: z.custom<Seed>(isSeed, `a seed must be a finite number or a string of at most ${maxSeedLength} characters`).optional(),
  keepRuns: z.boolean({ error: 'must be true or false' }).optional(),
  onProgress: z
    .custom<(done: number, total: number) => void>((f) => typeof f === 'function', 'must be a function (done, total) => void')
    .optional(),
});

/** The names of simulate's options (those of its schema). */
export const simulateOptionNames: readonly string[] = Object.keys(optionsSchema.shape);

/** The options with defaults filled in. */
export interface ResolvedOptions {
  readonly runs: number;
  readonly seed: Seed;
  readonly keepRuns: boolean;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
}

/**
 * Validates simulate's options.
 * @throws {@link ScenarioError} naming each bad option as `options.<name>`.
 */
export function resolveOptions(options: SimulateOptions | undefined, horizonMonths: number): ResolvedOptions {
  // Unknown names first, as every function of the library names them; then each option's rule, by its schema.
  const given: unknown = optionsObject(options, { of: 'simulate', names: simulateOptionNames, example: '{ runs: 1000, seed: 1 }' });
  const parsed = optionsSchema.safeParse(given);
  if (!parsed.success)
    throw new ScenarioError(fromZodIssues(parsed.error.issues, { options: given }, () => Object.keys(optionsSchema.shape), ['options']));
  const runs = parsed.data.runs ?? defaultRuns;
  if (runs * horizonMonths > limits.runMonths)
    throw new ScenarioError([
      {
        path: 'options.runs',
        value: runs,
        message: `runs × horizonMonths (${runs} × ${horizonMonths}) must be at most ${count(limits.runMonths)} to fit in memory`,
      },
    ]);
  return { runs, seed: parsed.data.seed ?? defaultSeed, keepRuns: parsed.data.keepRuns ?? false, onProgress: parsed.data.onProgress };
}
