import xor128 from 'seedrandom/lib/xor128.js';

/**
 * A source of uniform random numbers in [0, 1). Every sampler in cx-roi takes
 * one of these from its caller; nothing falls back to `Math.random`.
 */
export type RandomStream = () => number;

/** A simulation seed: any number or string. The same seed gives the same result, bit for bit. */
export type Seed = number | string;

/**
 * The one way in for randomness: a seeded stream keyed by the seed and a path
 * of names, e.g. `(seed, run 17, "param", "churn.base")`. Streams with
 * different keys are independent, so adding an assumption or a run never
 * reshuffles the draws of another.
 *
 * seedrandom's `xor128` costs a few ns a draw (its default ARC4 about ten
 * times more) and is plain JavaScript, so Node and browsers agree bit for bit.
 *
 * @param seed - The simulation seed.
 * @param key - Names that locate the stream: run index, purpose, parameter path.
 * @returns A function returning uniforms in [0, 1) with 32-bit resolution.
 * @example
 * ```ts
 * const random = createStream(42, 0, 'param', 'churn.base');
 * random(); // 0 ≤ u < 1, the same on every machine
 * ```
 */
export function createStream(seed: Seed, ...key: readonly (string | number)[]): RandomStream {
  // The type tag keeps seed 1 and seed "1" apart; NUL cannot occur in a path.
  const text = `${typeof seed}:${String(seed)}\u0000${key.join('\u0000')}`;
  return xor128(text);
}
