/**
 * What an assumption's value says without a stream: its lowest draw, its
 * central value. Apart from the schema (distribution.ts), so the simulation's
 * workers, which are sent a parsed scenario, load no zod; the draws
 * themselves are the model's (model/draw.ts).
 */
import { normalCdf, truncatedNormalAt } from '../maths/normal.js';
import { pertShapes } from '../maths/pert.js';
import type { Assumption, Distribution } from './distribution.js';
import type { Domain } from './domain.js';

/** The interval a normal or lognormal is truncated to: the domain, narrowed by the user's own bounds. */
export function truncatedRange(domain: Domain, min: number | undefined, max: number | undefined): [number, number] {
  return [Math.max(domain.min, min ?? -Infinity), Math.min(domain.max, max ?? Infinity)];
}

/** A distribution drawn by inversion of one uniform. */
export type InvertedDistribution = Extract<Distribution, { dist: 'normal' | 'lognormal' }>;

/**
 * A normal or lognormal assumption at the uniform `u` in (0, 1) of its
 * inversion, inside its range: a run's draw (u from the run's stream) and the
 * lowest draw (the smallest u a stream gives) are the same arithmetic.
 */
export function invertedValueAt(d: InvertedDistribution, domain: Domain, u: number): number {
  const [lo, hi] = truncatedRange(domain, d.min, d.max);
  if (d.dist === 'normal') return truncatedNormalAt(d.mean, d.sd, lo, hi, u);
  const logLo = lo > 0 ? Math.log(lo) : -Infinity;
  return Math.min(Math.max(Math.exp(truncatedNormalAt(d.mu, d.sigma, logLo, Math.log(hi), u)), lo), hi);
}

/** The smallest open uniform a stream gives: 1 − (1 − 2⁻³²), at its largest draw. */
const smallestOpenUniform = 2 ** -32;

/**
 * The smallest value an assumption can draw. Bounded distributions cannot go
 * below their `min`; a normal or lognormal is drawn by inversion and is
 * smallest at the largest uniform a stream gives (1 − 2⁻³²), so its lowest
 * draw is its value there.
 */
export function lowestDraw(value: Assumption, domain: Domain): number {
  if (typeof value === 'number') return value;
  switch (value.dist) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return value.min;
    case 'beta':
      return value.min ?? 0;
    case 'normal':
    case 'lognormal': {
      const x = invertedValueAt(value, domain, smallestOpenUniform);
      return domain.integer ? Math.round(x) : x;
    }
  }
}

/**
 * The central value of an assumption: the number itself, or its
 * distribution's mean as the sampler draws it (truncated to the field's
 * range for a normal or lognormal). Used where one figure must stand for an
 * uncertain one: the KPIs a scenario implies, and calibration.
 */
export function centralValue(value: Assumption, domain: Domain): number {
  if (typeof value === 'number') return value;
  const x = distributionMean(value, domain);
  return domain.integer ? Math.round(x) : x;
}

function distributionMean(value: Distribution, domain: Domain): number {
  switch (value.dist) {
    case 'uniform':
      return (value.min + value.max) / 2;
    case 'triangular':
      return (value.min + value.mode + value.max) / 3;
    case 'pert': {
      if (value.max === value.min) return value.min;
      const { alpha, beta } = pertShapes(value.min, value.mode, value.max, value.lambda ?? 4);
      return value.min + ((value.max - value.min) * alpha) / (alpha + beta);
    }
    case 'beta': {
      const min = value.min ?? 0;
      const max = value.max ?? 1;
      return min + ((max - min) * value.alpha) / (value.alpha + value.beta);
    }
    case 'normal': {
      const [lo, hi] = truncatedRange(domain, value.min, value.max);
      const a = (lo - value.mean) / value.sd;
      const b = (hi - value.mean) / value.sd;
      const mass = normalCdf(b) - normalCdf(a);
      const x = value.mean + (value.sd * (normalDensity(a) - normalDensity(b))) / mass;
      return Math.min(Math.max(x, lo), hi);
    }
    case 'lognormal': {
      // E[e^X] for X ~ N(mu, sigma) truncated to [log lo, log hi].
      const [lo, hi] = truncatedRange(domain, value.min, value.max);
      const { mu, sigma } = value;
      const a = lo > 0 ? (Math.log(lo) - mu) / sigma : -Infinity;
      const b = (Math.log(hi) - mu) / sigma;
      const mass = normalCdf(b) - normalCdf(a);
      const x = (Math.exp(mu + (sigma * sigma) / 2) * (normalCdf(b - sigma) - normalCdf(a - sigma))) / mass;
      return Number.isFinite(x) ? Math.min(Math.max(x, lo), hi) : Math.min(Math.max(Math.exp(mu), lo), hi);
    }
  }
}

function normalDensity(z: number): number {
  return Number.isFinite(z) ? Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) : 0;
}
