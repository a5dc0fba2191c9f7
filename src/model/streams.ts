import { Xor128 } from '../random/generator.js';
import { type SeedingFamily, type Seed, type StreamFamily, seedingFamily, streamFamily } from '../random/stream.js';
import type { Scenario } from '../scenario/schema.js';
import { assumptionFields } from '../scenario/assumptions.js';

/**
 * The layout of the model's random streams, in one place. Every random event
 * draws from its own stream keyed by (seed, purpose, name, run):
 * `("assumption", path, run)` for each uncertain assumption,
 * `("execution", run)` for whether the programme is carried out, and
 * `("month", event, run)` for each event of a month. The keys' hashes up to
 * the run are computed once a simulation; each run then costs one hash block
 * a stream.
 */
export const monthEvents = [
  'experience',
  'excellent',
  'churnAfterBad',
  'churnAfterGood',
  'recommend',
  'speakOut',
  'convert',
  'deter',
  'organic',
] as const;

/** One random event of a month. */
export type MonthEvent = (typeof monthEvents)[number];

/** One generator for each random event of a month, so arms stay in step (common random numbers). */
export type ArmStreams = Readonly<Record<MonthEvent, Xor128>>;

/** The stream families of one simulation: a seed and a scenario. */
export interface ModelStreams {
  /** One family per assumption, in the order of `assumptionFields(scenario)`. */
  readonly assumptions: readonly StreamFamily[];
  readonly execution: StreamFamily;
  readonly month: Readonly<Record<MonthEvent, SeedingFamily>>;
}

// Runs of one simulation come one after another: keeping the last families is enough.
let last: { scenario: Scenario; seed: Seed; streams: ModelStreams } | undefined;

/** The stream families of a simulation of `scenario` with `seed`. */
export function modelStreams(scenario: Scenario, seed: Seed): ModelStreams {
  if (last && last.scenario === scenario && last.seed === seed) return last.streams;
  const streams: ModelStreams = {
    assumptions: assumptionFields(scenario).map(({ path }) => streamFamily(seed, 'assumption', path)),
    execution: streamFamily(seed, 'execution'),
    month: Object.fromEntries(monthEvents.map((event) => [event, seedingFamily(seed, 'month', event)])) as Record<
      MonthEvent,
      SeedingFamily
    >,
  };
  last = { scenario, seed, streams };
  return streams;
}

/** Generators for one arm's month events, to be set to a run's streams by {@link seedArm}. */
export function createArm(): ArmStreams {
  return Object.fromEntries(monthEvents.map((event) => [event, new Xor128()])) as Record<MonthEvent, Xor128>;
}

/**
 * Sets an arm's generators to the streams of run `run`. Both arms start from
 * these same streams: the invested arm meets the same luck as the baseline
 * wherever its counts allow, so their difference is the programme's effect,
 * not noise.
 */
export function seedArm(streams: ModelStreams, run: number, arm: ArmStreams): void {
  const m = streams.month;
  for (const event of monthEvents) m[event].seed(arm[event], run);
}

/** Sets `to`'s generators to where `from`'s are: from here on both arms draw alike. */
export function copyArm(from: ArmStreams, to: ArmStreams): void {
  for (const event of monthEvents) to[event].copyFrom(from[event]);
}
