import { type RandomStream, type Seed, type StreamFamily, streamFamily } from '../random/stream.js';
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

/** One stream for each random event of a month, so arms stay in step (common random numbers). */
export type ArmStreams = Readonly<Record<MonthEvent, RandomStream>>;

/** The stream families of one simulation: a seed and a scenario. */
export interface ModelStreams {
  /** One family per assumption, in the order of `assumptionFields(scenario)`. */
  readonly assumptions: readonly StreamFamily[];
  readonly execution: StreamFamily;
  readonly month: Readonly<Record<MonthEvent, StreamFamily>>;
}

// Runs of one simulation come one after another: keeping the last families is enough.
let last: { scenario: Scenario; seed: Seed; streams: ModelStreams } | undefined;

/** The stream families of a simulation of `scenario` with `seed`. */
export function modelStreams(scenario: Scenario, seed: Seed): ModelStreams {
  if (last && last.scenario === scenario && last.seed === seed) return last.streams;
  const streams: ModelStreams = {
    assumptions: assumptionFields(scenario).map(({ path }) => streamFamily(seed, 'assumption', path)),
    execution: streamFamily(seed, 'execution'),
    month: Object.fromEntries(monthEvents.map((event) => [event, streamFamily(seed, 'month', event)])) as Record<MonthEvent, StreamFamily>,
  };
  last = { scenario, seed, streams };
  return streams;
}

/**
 * The streams of one arm of run `run`. Both arms call this with the same
 * run and get identical streams: the invested arm meets the same luck as the
 * baseline wherever its counts allow, so their difference is the
 * programme's effect, not noise.
 */
export function armStreams(streams: ModelStreams, run: number): ArmStreams {
  const m = streams.month;
  return {
    experience: m.experience.at(run),
    excellent: m.excellent.at(run),
    churnAfterBad: m.churnAfterBad.at(run),
    churnAfterGood: m.churnAfterGood.at(run),
    recommend: m.recommend.at(run),
    speakOut: m.speakOut.at(run),
    convert: m.convert.at(run),
    deter: m.deter.at(run),
    organic: m.organic.at(run),
  };
}
