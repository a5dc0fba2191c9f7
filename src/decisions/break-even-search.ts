/**
 * The search of a break-even value once a bracket is found: regula falsi with Anderson & Björck's scaling,
 * and the Monte Carlo error of the value it ends on. {@link breakEven} holds the rest.
 */

/** One simulation of the search: the metric at a value, and whether it meets the target. */
export interface SearchPoint {
  readonly value: number;
  readonly reached: number;
  readonly standardError: number;
  readonly meets: boolean;
}

/** The closest pair of a missing and a meeting value: where the target is crossed. */
export function closestBracket<P extends SearchPoint>(evaluations: readonly P[]): [P, P] {
  const meeting = evaluations.filter((e) => e.meets);
  const missing = evaluations.filter((e) => !e.meets);
  let pair: [P, P] = [missing[0] as P, meeting[0] as P];
  for (const m of missing)
    for (const k of meeting) if (Math.abs(m.value - k.value) < Math.abs(pair[0].value - pair[1].value)) pair = [m, k];
  return pair;
}

/** How to narrow a bracket: the simulation of a value, the target, and when to stop. */
export interface Narrowing<P extends SearchPoint> {
  readonly evaluate: (value: number) => P;
  /** Simulations made so far (the search stops at `most`). */
  readonly made: () => number;
  readonly most: number;
  readonly round: (value: number) => number;
  readonly target: number;
  /** The least width of a bracket worth narrowing. */
  readonly tolerance: number;
}

/**
 * Narrows `[miss, meet]` until the metric moves less across it than a quarter of its Monte Carlo error, the
 * bracket is as narrow as `tolerance`, or `most` simulations are made; returns the final bracket.
 */
export function narrowBracket<P extends SearchPoint>(bracket: readonly [P, P], how: Narrowing<P>): [P, P] {
  let [miss, meet] = bracket;
  let side = 0; // which end the last step replaced: when the same end is replaced twice, the other's value is scaled down
  let fMiss = miss.reached - how.target;
  let fMeet = meet.reached - how.target;
  let width = Math.abs(meet.value - miss.value);
  let slow = false;
  while (how.made() < how.most && Math.abs(meet.value - miss.value) > how.tolerance) {
    // Close enough: across the bracket the metric moves less than a quarter of its own Monte Carlo error.
    if (meet.reached - miss.reached <= Math.max(meet.standardError, miss.standardError) / 4) break;
    // Regula falsi with Anderson & Björck's scaling, kept off the bracket's ends, and a bisection after
    // any step that did not halve the bracket: never slower than bisection by more than one step in two.
    const span = meet.value - miss.value;
    const secant = fMeet !== fMiss ? miss.value + (span * -fMiss) / (fMeet - fMiss) : Number.NaN;
    const middle = (miss.value + meet.value) / 2;
    const [low, high] = [Math.min(miss.value, meet.value), Math.max(miss.value, meet.value)];
    const guess: number =
      slow || !Number.isFinite(secant) ? middle : Math.min(Math.max(secant, low + 0.05 * (high - low)), high - 0.05 * (high - low));
    const next = how.round(guess);
    if (next === miss.value || next === meet.value) break;
    const e = how.evaluate(next);
    const f = e.reached - how.target;
    if (e.meets) {
      if (side === 1) fMiss *= fMeet !== 0 && 1 - f / fMeet > 0 ? 1 - f / fMeet : 0.5;
      meet = e;
      fMeet = f;
      side = 1;
    } else {
      if (side === -1) fMeet *= fMiss !== 0 && 1 - f / fMiss > 0 ? 1 - f / fMiss : 0.5;
      miss = e;
      fMiss = f;
      side = -1;
    }
    const now = Math.abs(meet.value - miss.value);
    slow = guess !== middle && now > width / 2;
    width = now;
  }
  return [miss, meet];
}

/** The error of the break-even value: the metric's error over the metric's slope near it. */
export function valueError(evaluations: readonly SearchPoint[], meet: SearchPoint, miss: SearchPoint): number | null {
  const error = meet.standardError;
  const up = meet.value > miss.value;
  // Nearest first on each side of the bracket, widening until the metric's change stands out of its noise.
  const meeting = evaluations
    .filter((e) => (up ? e.value >= meet.value : e.value <= meet.value))
    .sort((a, b) => Math.abs(a.value - meet.value) - Math.abs(b.value - meet.value));
  const missing = evaluations
    .filter((e) => (up ? e.value <= miss.value : e.value >= miss.value))
    .sort((a, b) => Math.abs(a.value - miss.value) - Math.abs(b.value - miss.value));
  for (const a of meeting)
    for (const b of missing) {
      const rise = a.reached - b.reached;
      if (rise >= 2 * Math.max(error, b.standardError)) return (error * Math.abs(a.value - b.value)) / rise;
    }
  return null;
}
