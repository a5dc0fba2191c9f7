import * as z from 'zod';
import { normalMassInside } from '../maths/normal.js';
import { truncatedRange } from './assumption-values.js';
import type { Domain } from './domain.js';
import { deepFreeze } from './freeze.js';

/** Least share of a normal or lognormal that must fall inside an assumption's range after truncation. */
export const minimumMassInside = 1e-3;

/**
 * The words of a distribution's object: a record of touchpoints may not use
 * them as names, or it would read as a distribution.
 */
export const distributionWords: ReadonlySet<string> = new Set([
  'dist',
  'min',
  'max',
  'mode',
  'lambda',
  'alpha',
  'beta',
  'mean',
  'sd',
  'mu',
  'sigma',
]);

/** The names of the distributions an assumption can take. */
export const distributionNames = deepFreeze(['uniform', 'triangular', 'pert', 'beta', 'normal', 'lognormal'] as const);

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

/**
 * A share of probability in words, never negative: a difference of two normal
 * CDFs far in the tails can round below zero (normal(0.01, 1e300) gave
 * −0.0000030%), and a share that small reads as almost none.
 */
function shareInWords(mass: number): string {
  const share = Number.isFinite(mass) ? Math.min(1, Math.max(0, mass)) : 0;
  return share < 1e-6 ? 'almost none (< 0.0001%)' : `${(100 * share).toPrecision(2)}%`;
}

function enoughMass(ctx: Issues, name: string, mass: number, lo: number, hi: number, domain: Domain): void {
  if (!(mass >= minimumMassInside))
    complain(
      ctx,
      [],
      `${name} puts ${shareInWords(mass)} of its probability inside [${lo}, ${hi}]; at least ${100 * minimumMassInside}% is needed (${domain.label})`,
    );
}

const positive = z.number().gt(0, 'must be > 0');

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

// What a value gives without a stream lives apart from the schema, so a worker, sent a parsed scenario, runs without zod.
export { centralValue, lowestDraw, truncatedRange } from './assumption-values.js';
