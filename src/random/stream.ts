/**
 * The one way in for randomness. A stream is seedrandom's `xor128` generator
 * (Marsaglia 2003) started from a state that is a hash of (seed, key):
 * MurmurHash3_x86_128 (Austin Appleby, public domain) of the key's parts,
 * each encoded as whole 16-byte blocks. The hash is non-linear and mixes every
 * bit of the key into all 128 bits of the state, so streams with nearby keys
 * (seeds 1 and 2, runs 7 and 8, paths that differ in one letter) are as
 * unrelated as streams with random states. Seeding xor128 through its own
 * string seeding, as cx-roi 0.1 did, XORs the key into a linear generator:
 * nearby keys then gave correlated streams.
 *
 * xor128 is stepped here rather than built by seedrandom's constructor,
 * which discards 64 outputs (about 800 ns) before a state can be set;
 * `test/random/stream.test.ts` checks these streams against seedrandom's own
 * xor128 given the same state, draw for draw. Everything is 32-bit integer
 * arithmetic (`Math.imul`), so Node and browsers agree bit for bit.
 */

import type { Xor128 } from './generator.js';

/**
 * A source of uniform random numbers in [0, 1). Every sampler in cx-roi takes
 * one of these from its caller; nothing falls back to `Math.random`.
 */
export type RandomStream = () => number;

/** A simulation seed: any finite number or a string. The same seed gives the same result, bit for bit. */
export type Seed = number | string;

/** A part of a stream's key: a name or a number (such as a run index). */
export type KeyPart = string | number;

// MurmurHash3_x86_128's constants (MurmurHash3.cpp).
const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

// Type tags of the key encoding: the number 1 and the string "1" hash apart.
const NUMBER_TAG = 1;
const STRING_TAG = 2;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** MurmurHash3_x86_128's running state: four 32-bit lanes and the bytes hashed so far. */
interface HashState {
  h1: number;
  h2: number;
  h3: number;
  h4: number;
  bytes: number;
}

/** MurmurHash3_x86_128's body: mixes one 16-byte block (four little-endian words) into the state. */
function mixBlock(s: HashState, k1: number, k2: number, k3: number, k4: number): void {
  let { h1, h2, h3, h4 } = s;
  k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
  h1 ^= k1;
  h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
  k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
  h2 ^= k2;
  h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
  k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
  h3 ^= k3;
  h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
  k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
  h4 ^= k4;
  h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  s.h1 = h1;
  s.h2 = h2;
  s.h3 = h3;
  s.h4 = h4;
  s.bytes += 16;
}

// A number's encoding is its float64 bits (−0 as 0), read through one shared buffer.
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function mixNumber(s: HashState, x: number): void {
  float[0] = x === 0 ? 0 : x;
  const lo = words[littleEndian ? 0 : 1] as number;
  const hi = words[littleEndian ? 1 : 0] as number;
  mixBlock(s, NUMBER_TAG, lo, hi, 0);
}

/** A string: its tag and length, then its UTF-16 code units two to a word, zero-padded to whole blocks. */
function mixString(s: HashState, text: string): void {
  const units = [STRING_TAG, text.length];
  for (let i = 0; i < text.length; i += 2) units.push(text.charCodeAt(i) | ((i + 1 < text.length ? text.charCodeAt(i + 1) : 0) << 16));
  while (units.length % 4 !== 0) units.push(0);
  for (let i = 0; i < units.length; i += 4)
    mixBlock(s, units[i] as number, units[i + 1] as number, units[i + 2] as number, units[i + 3] as number);
}

function mixPart(s: HashState, part: KeyPart, position: number): void {
  if (typeof part === 'number') {
    if (!Number.isFinite(part))
      throw new RangeError(`a stream key's part ${position} must be a finite number or a string, got ${String(part)}`);
    mixNumber(s, part);
  } else if (typeof part === 'string') mixString(s, part);
  else
    throw new TypeError(`a stream key's part ${position} must be a finite number or a string, got ${part === null ? 'null' : typeof part}`);
}

/** MurmurHash3_x86_128's finalisation: the four words of the hash. */
function finalHash(h1: number, h2: number, h3: number, h4: number, bytes: number): [number, number, number, number] {
  h1 ^= bytes;
  h2 ^= bytes;
  h3 ^= bytes;
  h4 ^= bytes;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h3 = fmix32(h3);
  h4 = fmix32(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return [h1, h2, h3, h4];
}

/**
 * MurmurHash3_x86_128 (seed 0) of whole 16-byte blocks given as 32-bit
 * little-endian words, as four words: for checking against the reference.
 * @internal
 */
export function murmurHash3Blocks(blockWords: ArrayLike<number>): [number, number, number, number] {
  if (blockWords.length % 4 !== 0) throw new RangeError('whole 16-byte blocks only');
  const s: HashState = { h1: 0, h2: 0, h3: 0, h4: 0, bytes: 0 };
  for (let i = 0; i < blockWords.length; i += 4)
    mixBlock(s, blockWords[i] as number, blockWords[i + 1] as number, blockWords[i + 2] as number, blockWords[i + 3] as number);
  return finalHash(s.h1, s.h2, s.h3, s.h4, s.bytes);
}

/**
 * xor128 started from the hash. All-zero is xor128's one forbidden state (it
 * would stay zero); it has probability 2⁻¹²⁸ and is replaced by a fixed word.
 */
function streamFrom(s: HashState): RandomStream {
  const [x, y, z, w] = finalHash(s.h1, s.h2, s.h3, s.h4, s.bytes);
  return xor128(x, y, z, (x | y | z | w) === 0 ? 0x9e3779b9 : w);
}

/** Sets `generator` to the state `streamFrom` would start the stream of `s` from. */
function seedGenerator(s: HashState, generator: Xor128): void {
  const [x, y, z, w] = finalHash(s.h1, s.h2, s.h3, s.h4, s.bytes);
  generator.setState(x, y, z, w);
}

/**
 * seedrandom's xor128 from a given state: the same step and the same
 * `(next >>> 0) / 2³²` uniforms.
 * @internal exported for the check against seedrandom
 */
export function xor128(x: number, y: number, z: number, w: number): RandomStream {
  return () => {
    const t = x ^ (x << 11);
    x = y;
    y = z;
    z = w;
    w ^= (w >>> 19) ^ t ^ (t >>> 8);
    return (w >>> 0) / 0x100000000;
  };
}

function checkSeed(seed: Seed): void {
  if (typeof seed === 'number' ? !Number.isFinite(seed) : typeof seed !== 'string')
    throw new TypeError(
      `a seed must be a finite number or a string, got ${typeof seed === 'number' ? String(seed) : seed === null ? 'null' : typeof seed}`,
    );
}

/**
 * A seeded stream keyed by the seed and a path of names, e.g.
 * `(seed, "assumption", "churn.base", run)`. Streams with different keys are
 * independent (tested: correlations, 2-D uniformity), so adding an
 * assumption or a run never reshuffles the draws of another.
 *
 * @param seed - The simulation seed: a finite number or a string (1 and "1" differ).
 * @param key - Names and numbers that locate the stream: purpose, parameter path, run index.
 * @returns A function returning uniforms in [0, 1) with 32-bit resolution.
 * @throws TypeError or RangeError when the seed or a key part is not a finite number or a string.
 * @example
 * ```ts
 * import { createStream } from 'cx-roi';
 * const random = createStream(42, 'assumption', 'churn.base', 0);
 * random(); // => 0.5838043626863509
 * random(); // => 0.8191582607105374
 * // The same key gives the same draws, on every machine:
 * createStream(42, 'assumption', 'churn.base', 0)(); // => 0.5838043626863509
 * createStream(NaN, 'assumption'); // throws TypeError: a seed must be a finite number or a string
 * ```
 */
export function createStream(seed: Seed, ...key: readonly KeyPart[]): RandomStream {
  return streamFrom(hashKey(seed, key));
}

/** The hash state after the seed and the key's parts. */
function hashKey(seed: Seed, parts: readonly KeyPart[]): HashState {
  checkSeed(seed);
  const s: HashState = { h1: 0, h2: 0, h3: 0, h4: 0, bytes: 0 };
  mixPart(s, seed, 0);
  parts.forEach((part, i) => {
    mixPart(s, part, i + 1);
  });
  return s;
}

/**
 * The streams `(seed, ...names, i)` for every index `i`, with the hash of
 * `(seed, ...names)` done once: `streamFamily(s, 'month', 'convert').at(7)`
 * equals `createStream(s, 'month', 'convert', 7)` draw for draw, and costs a
 * fraction of it (one 16-byte hash block and the finalisation).
 */
export interface StreamFamily {
  /**
   * The stream of index `index` (a run index, say).
   * @throws RangeError when `index` is not a finite number (nor a string).
   */
  at(index: KeyPart): RandomStream;
}

/**
 * The family of streams that share `(seed, ...names)` and differ in a last
 * key part, for drawing many runs' streams cheaply.
 *
 * @param seed - The simulation seed.
 * @param names - The key's leading parts.
 * @throws TypeError or RangeError when the seed or a part is not a finite number or a string.
 * @example
 * ```ts
 * import { createStream, streamFamily } from 'cx-roi';
 * const convert = streamFamily(1, 'month', 'convert');
 * convert.at(7)(); // => 0.0824810448102653
 * createStream(1, 'month', 'convert', 7)(); // => 0.0824810448102653
 * ```
 */
export function streamFamily(seed: Seed, ...names: readonly KeyPart[]): StreamFamily {
  return seedingFamily(seed, ...names);
}

/** A {@link StreamFamily} that can also set a reusable generator to one of its streams (the engine's way in). */
export interface SeedingFamily extends StreamFamily {
  /** Sets `generator` to the start of the stream of `index`: it then draws what `at(index)` draws. */
  seed(generator: Xor128, index: number): void;
}

/** {@link streamFamily}, with {@link SeedingFamily.seed} for the engine. */
export function seedingFamily(seed: Seed, ...names: readonly KeyPart[]): SeedingFamily {
  const { h1, h2, h3, h4, bytes } = hashKey(seed, names);
  const state: HashState = { h1, h2, h3, h4, bytes };
  const position = names.length + 1;
  const keyed = (index: KeyPart): HashState => {
    state.h1 = h1;
    state.h2 = h2;
    state.h3 = h3;
    state.h4 = h4;
    state.bytes = bytes;
    mixPart(state, index, position);
    return state;
  };
  return {
    at: (index) => streamFrom(keyed(index)),
    seed: (generator, index) => seedGenerator(keyed(index), generator),
  };
}
