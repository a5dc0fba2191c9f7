/**
 * How many cases the statistical batteries draw. `npm test` runs each at its CI count, chosen to keep the
 * power the battery needs for its claim (each use says why); `npm run test:stats` sets CX_STATS=full and
 * runs the full counts, the ones the README's figures were measured with.
 *
 * Environment: CX_STATS=full (every battery at its full count), CX_FUZZ_RUNS (the fuzz's scenarios,
 * whatever CX_STATS says), FC_NUM_RUNS (fast-check's runs for a property that names none), FC_SEED
 * (fast-check's seed, to replay a failure; CI pins it).
 */
export const fullStatistics = process.env.CX_STATS === 'full';

/** The count to draw: `full` under `npm run test:stats`, else `ci`. */
export function statisticalCount(ci: number, full: number): number {
  return fullStatistics ? full : ci;
}

/** A fast-check property's runs: as given in `npm test`, ten times as many under `npm run test:stats`. */
export function propertyRuns(ci: number): number {
  return statisticalCount(ci, 10 * ci);
}
