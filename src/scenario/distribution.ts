import * as z from 'zod';
import { normalCdf } from '../random/normal.js';
import { normalMassInside, pertShapes, sampleBeta, samplePert, sampleTriangular, sampleTruncatedNormal, sampleUniform } from '../random/samplers.js';
import type { RandomStream } from '../random/stream.js';
import type { Domain } from './domain.js';

/** Least share of a normal or lognormal that must fall inside an assumption's range after truncation. */
export const minimumMassInside = 1e-3;

/**
 * The words of a distribution's object: a record of touchpoints may not use
 * them as names, or it would read as a distribution.
 */
export const distributionWords: ReadonlySet<string> = new Set(['dist', 'min', 'max', 'mode', 'lambda', 'alpha', 'beta', 'mean', 'sd', 'mu', 'sigma']);

/** The names of the distributions an assumption can take. */
export const distributionNames = ['uniform', 'triangular', 'pert', 'beta', 'normal', 'lognormal'] as const;

type Issues = { issues: z.core.$ZodRawIssue[]; value: unknown };

function complain(ctx: Issues, path: PropertyKey[], message: string): void {
  ctx.issues.push({ code: 'custom', input: ctx.value, path, message });
}

function ordered(ctx: Issues, keys: readonly string[], values: readonly (number | undefined)[]): void {
  for (let i = 1; i < keys.length; i += 1) {
    const a = values[i - 1];
    const b = values[i];
    if (a !== undefined && b !== undefined && a > b)
      complain(ctx, [keys[i] as string], `${keys[i]} (${b}) must be ≥ ${keys[i - 1]} (${a})`);
  }
}

function within(ctx: Issues, domain: Domain, keys: readonly string[], values: readonly (number | undefined)[], note = ''): void {
  keys.forEach((key, i) => {
    const x = values[i];
    if (x !== undefined && !(x >= domain.min && x <= domain.max))
      complain(ctx, [key], `must lie within the allowed range: ${domain.label}${note}`);
  });
}

function enoughMass(ctx: Issues, name: string, mass: number, lo: number, hi: number, domain: Domain): void {
  if (!(mass >= minimumMassInside))
    complain(
      ctx,
      [],
      `${name} puts ${(100 * mass).toPrecision(2)}% of its probability inside [${lo}, ${hi}]; at least ${100 * minimumMassInside}% is needed (${domain.label})`,
    );
}

const positive = z.number().gt(0, 'must be > 0');

/** The interval a normal or lognormal is truncated to: the domain, narrowed by the user's own bounds. */
export function truncatedRange(domain: Domain, min: number | undefined, max: number | undefined): [number, number] {
  return [Math.max(domain.min, min ?? -Infinity), Math.min(domain.max, max ?? Infinity)];
}

/**
 * The zod schema of an uncertain assumption, `{ dist: ... }`, whose support
 * must lie inside `domain`: bounded distributions are checked against it,
 * normal and lognormal are truncated to it (and must keep enough mass).
 */
export function distributionSchema(domain: Domain) {
  const uniform = z.strictObject({ dist: z.literal('uniform'), min: z.number(), max: z.number() }).check((ctx) => {
    const v = [ctx.value.min, ctx.value.max];
    ordered(ctx, ['min', 'max'], v);
    within(ctx, domain, ['min', 'max'], v);
  });
  const threePoint = (ctx: Issues & { value: { min: number; mode: number; max: number } }) => {
    const v = [ctx.value.min, ctx.value.mode, ctx.value.max];
    ordered(ctx, ['min', 'mode', 'max'], v);
    within(ctx, domain, ['min', 'mode', 'max'], v);
  };
  const triangular = z
    .strictObject({ dist: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() })
    .check(threePoint);
  const pert = z
    .strictObject({
      dist: z.literal('pert'),
      min: z.number(),
      mode: z.number(),
      max: z.number(),
      lambda: positive.max(100, 'must be ≤ 100').optional(),
    })
    .check(threePoint);
  const beta = z
    .strictObject({
      dist: z.literal('beta'),
      alpha: z.number().min(0.01, 'must be ≥ 0.01').max(1e6, 'must be ≤ 1,000,000'),
      beta: z.number().min(0.01, 'must be ≥ 0.01').max(1e6, 'must be ≤ 1,000,000'),
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .check((ctx) => {
      const v = [ctx.value.min ?? 0, ctx.value.max ?? 1];
      ordered(ctx, ['min', 'max'], v);
      within(ctx, domain, ['min', 'max'], v, ' (a beta spans min..max, 0..1 unless given)');
    });
  const normal = z
    .strictObject({ dist: z.literal('normal'), mean: z.number(), sd: positive, min: z.number().optional(), max: z.number().optional() })
    .check((ctx) => {
      const { mean, sd, min, max } = ctx.value;
      ordered(ctx, ['min', 'max'], [min, max]);
      const [lo, hi] = truncatedRange(domain, min, max);
      const mass = lo <= hi ? normalMassInside(mean, sd, lo, hi) : 0;
      enoughMass(ctx, `normal(mean ${mean}, sd ${sd})`, mass, lo, hi, domain);
    });
  const lognormal = z
    .strictObject({ dist: z.literal('lognormal'), mu: z.number(), sigma: positive, min: z.number().optional(), max: z.number().optional() })
    .check((ctx) => {
      const { mu, sigma, min, max } = ctx.value;
      ordered(ctx, ['min', 'max'], [min, max]);
      const [lo, hi] = truncatedRange(domain, min, max);
      const mass = lo <= hi && hi > 0 ? normalMassInside(mu, sigma, Math.log(Math.max(lo, 0)), Math.log(hi)) : 0;
      enoughMass(ctx, `lognormal(mu ${mu}, sigma ${sigma})`, mass, lo, hi, domain);
    });
  return z.discriminatedUnion('dist', [uniform, triangular, pert, beta, normal, lognormal]);
}

/** An uncertain assumption's distribution, drawn once per run. */
export type Distribution = z.infer<ReturnType<typeof distributionSchema>>;

/** An assumption's value: a fixed number, or a distribution drawn once per run. */
export type Assumption = number | Distribution;

/**
 * One draw of an assumption: the number itself, or a draw from its
 * distribution kept inside the domain (rounded for whole-number fields).
 */
export function drawAssumption(random: RandomStream, value: Assumption, domain: Domain): number {
  const x = typeof value === 'number' ? value : sample(random, value, domain);
  return domain.integer ? Math.round(x) : x;
}

function sample(random: RandomStream, d: Distribution, domain: Domain): number {
  switch (d.dist) {
    case 'uniform':
      return sampleUniform(random, d.min, d.max);
    case 'triangular':
      return sampleTriangular(random, d.min, d.mode, d.max);
    case 'pert':
      return samplePert(random, d.min, d.mode, d.max, d.lambda ?? 4);
    case 'beta': {
      const min = d.min ?? 0;
      const max = d.max ?? 1;
      return min + (max - min) * sampleBeta(random, d.alpha, d.beta);
    }
    case 'normal': {
      const [lo, hi] = truncatedRange(domain, d.min, d.max);
      return sampleTruncatedNormal(random, d.mean, d.sd, lo, hi);
    }
    case 'lognormal': {
      const [lo, hi] = truncatedRange(domain, d.min, d.max);
      const logLo = lo > 0 ? Math.log(lo) : -Infinity;
      return Math.min(Math.max(Math.exp(sampleTruncatedNormal(random, d.mu, d.sigma, logLo, Math.log(hi))), lo), hi);
    }
  }
}

/**
 * The smallest value an assumption can draw. Bounded distributions cannot go
 * below their `min`; a normal or lognormal is drawn by inversion and is
 * smallest at the largest uniform a stream gives (1 − 2⁻³²), so its lowest
 * draw is found by drawing it there.
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
    case 'lognormal':
      return drawAssumption(() => 1 - 2 ** -32, value, domain);
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
