import { degenerateStream, maxRejections } from './rejection.js';
import { normalQuantile, truncatedNormalAt } from '../maths/normal.js';
import { pertShapes } from '../maths/pert.js';
import type { RandomStream } from './stream.js';

/**
 * Samplers of the continuous distributions an assumption can take. Each takes
 * the caller's stream; none keeps state of its own.
 */

/** A uniform in the open interval (0, 1): safe to take the logarithm of. */
export function openUniform(random: RandomStream): number {
  // random() < 1 always, so 1 − random() lies in (0, 1]; reflect the rare 1.
  const u = 1 - random();
  return u === 1 ? 0.5 : u;
}

/**
 * Uniform on [min, max].
 * @example sampleUniform(random, 0.2, 0.3)
 */
export function sampleUniform(random: RandomStream, min: number, max: number): number {
  return min + (max - min) * random();
}

/**
 * Triangular on [min, max] with its peak at `mode`, by inversion.
 * @example sampleTriangular(random, 24, 30, 36)
 */
export function sampleTriangular(random: RandomStream, min: number, mode: number, max: number): number {
  if (max === min) return min;
  const u = random();
  const range = max - min;
  // Written with ratios in [0, 1] so that no product of two tiny widths underflows (a range of 1e-162 squared is 0).
  const x =
    u < (mode - min) / range
      ? min + range * Math.sqrt((u * (mode - min)) / range)
      : max - range * Math.sqrt(((1 - u) * (max - mode)) / range);
  return Math.min(Math.max(x, min), max);
}

/** Standard normal, by inversion of one open uniform. */
export function sampleStandardNormal(random: RandomStream): number {
  return normalQuantile(openUniform(random));
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000); shapes below 1 by the boost
 * Gamma(shape + 1)·U^(1/shape). For a shape near 0 the draw can underflow
 * to 0: use {@link sampleLogGamma} where that matters.
 */
export function sampleGamma(random: RandomStream, shape: number): number {
  return shape < 1 ? Math.exp(sampleLogGamma(random, shape)) : marsagliaTsang(random, shape);
}

/**
 * The logarithm of a Gamma(shape, 1) draw, finite for every shape > 0: the
 * boost for shapes below 1 is applied in log space, log G(shape + 1) +
 * log(U)/shape, so a shape of 0.01 (whose draws are often below 10⁻³⁰⁸) loses
 * nothing.
 */
export function sampleLogGamma(random: RandomStream, shape: number): number {
  if (shape < 1) return Math.log(marsagliaTsang(random, shape + 1)) + Math.log(openUniform(random)) / shape;
  return Math.log(marsagliaTsang(random, shape));
}

/** Marsaglia & Tsang's squeeze for shape ≥ 1: about 1.03 normal–uniform pairs a draw. */
function marsagliaTsang(random: RandomStream, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let tries = 0; tries < maxRejections; tries += 1) {
    const x = sampleStandardNormal(random);
    let v = 1 + c * x;
    if (!(v > 0)) continue;
    v = v * v * v;
    const u = openUniform(random);
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
  throw degenerateStream('gamma');
}

/**
 * Beta(alpha, beta) on [0, 1], as a ratio of gammas. When a shape is below
 * 1 the ratio is taken in log space, 1 / (1 + e^(log Y − log X)), so two
 * draws that underflow can never give 0/0: the result is always in [0, 1].
 * @example sampleBeta(random, 2, 5)
 */
export function sampleBeta(random: RandomStream, alpha: number, beta: number): number {
  if (alpha >= 1 && beta >= 1) {
    const x = marsagliaTsang(random, alpha);
    const y = marsagliaTsang(random, beta);
    return x / (x + y);
  }
  const logX = sampleLogGamma(random, alpha);
  const logY = sampleLogGamma(random, beta);
  return 1 / (1 + Math.exp(logY - logX));
}

/**
 * PERT on [min, max] with the most likely value `mode`: a beta scaled to the
 * range, its weight on the mode set by `lambda` (4 in the classic PERT).
 * @example samplePert(random, 0.2, 0.4, 0.6)
 */
export function samplePert(random: RandomStream, min: number, mode: number, max: number, lambda = 4): number {
  if (max === min) return min;
  const { alpha, beta } = pertShapes(min, mode, max, lambda);
  return min + (max - min) * sampleBeta(random, alpha, beta);
}

/**
 * Normal(mean, sd) truncated to [lower, upper] (either may be infinite), by
 * inversion: one uniform a draw however little mass the interval holds.
 * @example sampleTruncatedNormal(random, 40, 10, 0, Infinity)
 */
export function sampleTruncatedNormal(random: RandomStream, mean: number, sd: number, lower: number, upper: number): number {
  return truncatedNormalAt(mean, sd, lower, upper, openUniform(random));
}
