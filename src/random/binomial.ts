import { degenerateStream, maxRejections } from './rejection.js';
import { FunctionUniforms, type Uniforms } from './generator.js';
import type { RandomStream } from './stream.js';

/**
 * Draws from Binomial(n, p): the number of successes in `n` independent trials
 * of probability `p`.
 *
 * Exact in distribution, and its cost does not grow with `n`: inversion (BINV,
 * Kachitvichyanukul & Schmeiser 1988) while the mean is below 10, and above it
 * the transformed rejection with squeeze BTRS (Hörmann 1993), which takes about
 * 1.15 uniform pairs on average. `p > 0.5` draws the failures instead.
 *
 * @param random - The caller's stream.
 * @param n - Number of trials, a whole number ≥ 0 (up to 2⁵³).
 * @param p - Success probability in [0, 1].
 * @returns A whole number in [0, n].
 * @throws RangeError when `n` is not a whole number from 0 to 2⁵³ or `p` is not a number in [0, 1]
 *   (a NaN would otherwise spin the rejection loop for ever).
 * @example
 * ```ts
 * import { binomial, createStream } from 'cx-roi';
 * const random = createStream(1, 'demo');
 * binomial(random, 10_000, 0.86); // => 8607
 * binomial(random, 10_000, 0.86); // => 8531
 * binomial(random, 10, 1.5); // throws RangeError: binomial needs a probability in [0, 1]
 * ```
 */
export function binomial(random: RandomStream, n: number, p: number): number {
  return binomialFrom(new FunctionUniforms(random), n, p);
}

/**
 * {@link binomial} drawing from a generator object: the engine's way in (its
 * calls are inlined where a stream function's are not), the same draws from
 * the same uniforms.
 * @throws RangeError as {@link binomial} does.
 */
export function binomialFrom(random: Uniforms, n: number, p: number): number {
  if (!(typeof n === 'number' && n >= 0 && n <= Number.MAX_SAFE_INTEGER + 1 && Number.isInteger(n)))
    throw new RangeError(`binomial needs a whole number of trials from 0 to 2^53, got ${String(n)}`);
  if (!(typeof p === 'number' && p >= 0 && p <= 1)) throw new RangeError(`binomial needs a probability in [0, 1], got ${String(p)}`);
  if (n === 0 || p === 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - lowerHalf(random, n, 1 - p);
  return lowerHalf(random, n, p);
}

function lowerHalf(random: Uniforms, n: number, p: number): number {
  return n * p < 10 ? inversion(random, n, p) : btrs(random, n, p);
}

/** BINV: walk the probability mass function from 0 until the uniform is used up. */
function inversion(random: Uniforms, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  // exp(n·log1p(−p)) keeps P(X = 0) accurate for huge n and tiny p.
  const probabilityOfZero = Math.exp(n * Math.log1p(-p));
  for (let tries = 0; tries < maxRejections; tries += 1) {
    let u = random.next();
    let r = probabilityOfZero;
    let x = 0;
    while (u > r) {
      u -= r;
      x += 1;
      if (x > n) break;
      r *= a / x - s;
    }
    // Rounding can leave a sliver of u past the last mass: draw again.
    if (x <= n) return x;
  }
  throw degenerateStream('binomial');
}

// log(k!) − Stirling's approximation, exact for k ≤ 9 (Hörmann 1993, table 1).
const stirlingTailTable = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211, 0.0138761288230707,
  0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return stirlingTailTable[k] as number;
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/**
 * BTRS (Hörmann 1993), for p ≤ 0.5 and n·p ≥ 10. The acceptance test is
 * log f(k) − log f(m) written with three logarithms of ratios (as in
 * TensorFlow's implementation) rather than four log-factorials.
 */
function btrs(random: Uniforms, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  // What only a draw outside the box needs (most calls have none), computed on the first such draw:
  // the scale of v, the odds, the mode, and the part of the bound that depends only on (n, p).
  let alpha = Number.NaN;
  let r = Number.NaN;
  let m = Number.NaN;
  let modeTerm = Number.NaN;
  for (let tries = 0; tries < maxRejections; tries += 1) {
    const u = random.next() - 0.5;
    let v = random.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    // The box where acceptance is certain: most draws end here, with no logarithm.
    if (us >= 0.07 && v <= vr) return k;
    if (us === 0) continue;
    if (Number.isNaN(modeTerm)) {
      alpha = (2.83 + 5.1 / b) * spq;
      r = p / (1 - p);
      m = Math.floor((n + 1) * p);
      modeTerm = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
    }
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      modeTerm +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
  throw degenerateStream('binomial');
}
