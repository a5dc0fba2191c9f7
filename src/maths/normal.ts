/**
 * The standard normal distribution's CDF and quantile, for drawing truncated
 * normals by inversion (one uniform a draw, never a rejection loop that could
 * hang when little mass lies inside the bounds). No stream here: the samplers
 * (random/) and the scenario's checks of a distribution both use it.
 */

/**
 * Complementary error function, relative error below 1.2e-7 everywhere
 * (Chebyshev fit, Press et al., Numerical Recipes, 2nd ed., §6.2).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

// Acklam's rational approximation of the normal quantile (relative error < 1.15e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * The z with P(Z ≤ z) = u, for u in (0, 1).
 * @throws RangeError when u is not strictly between 0 and 1.
 */
export function normalQuantile(u: number): number {
  if (!(u > 0 && u < 1)) throw new RangeError(`normalQuantile needs 0 < u < 1, got ${u}`);
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  if (u < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(u));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (u > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - u));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = u - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/**
 * Share of Normal(mean, sd) inside [lower, upper]: how much a truncation keeps.
 */
export function normalMassInside(mean: number, sd: number, lower: number, upper: number): number {
  return normalCdf((upper - mean) / sd) - normalCdf((lower - mean) / sd);
}

/**
 * Normal(mean, sd) truncated to [lower, upper] (either may be infinite) at the uniform `u` in (0, 1) of its
 * inversion: a sampler's draw (u from its stream), or the lowest value it can draw (u the smallest it gets).
 */
export function truncatedNormalAt(mean: number, sd: number, lower: number, upper: number, u: number): number {
  const lo = normalCdf((lower - mean) / sd);
  const hi = normalCdf((upper - mean) / sd);
  const at = lo + (hi - lo) * u;
  // The interval is validated to hold mass, but keep the inversion off 0 and 1.
  const z = normalQuantile(Math.min(Math.max(at, Number.MIN_VALUE), 1 - Number.EPSILON / 2));
  return Math.min(Math.max(mean + sd * z, lower), upper);
}
