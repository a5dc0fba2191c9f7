import * as z from 'zod';
import { distributionSchema, distributionWords } from '../distribution.js';
import { type Domain, domains, limits } from '../domain.js';
import { type FieldMeta, fieldRegistry } from './registry.js';

/** What a field's definition says about it: the rest of its record (range, uncertainty) follows from its kind. */
export type FieldWords = Omit<FieldMeta, 'domain' | 'uncertain'>;

function fixedNumber(domain: Domain) {
  const range = `must be ${domain.label}`;
  const base = z.number({ error: `expected ${domain.label}` });
  return (domain.integer ? base.int(`${range} (a whole number)`) : base).min(domain.min, range).max(domain.max, range);
}

// An assumption's two forms, built once a domain: fields of one domain share them (zod schemas are immutable),
// which makes importing the library quicker. Only the union a field is registered under is its own.
const formsOf = new WeakMap<Domain, readonly [ReturnType<typeof fixedNumber>, ReturnType<typeof distributionSchema>]>();

function forms(domain: Domain) {
  let built = formsOf.get(domain);
  if (!built) {
    built = [fixedNumber(domain), distributionSchema(domain)];
    formsOf.set(domain, built);
  }
  return built;
}

/** A numeric assumption: a number in `domain`, or a distribution over it drawn once per run. */
export function assumption(domain: Domain, meta: FieldWords) {
  return z.union(forms(domain)).register(fieldRegistry, { ...meta, domain, uncertain: true });
}

/** A setting that shapes the simulation itself and is never uncertain. */
export function setting(domain: Domain, meta: FieldWords) {
  return fixedNumber(domain).register(fieldRegistry, { ...meta, domain, uncertain: false });
}

/** An assumption that is a probability. */
export const probability = (meta: FieldWords) => assumption(domains.probability, meta);

/** A whole number of months within the longest horizon: the horizon itself, and months counted inside it. */
export const wholeMonthsInHorizon: Domain = {
  min: 1,
  max: limits.horizonMonths,
  integer: true,
  label: `a whole number of months from 1 to ${limits.horizonMonths}`,
};

/** The note of a default that is a choice rather than a finding. */
export const illustrative = 'Illustrative assumption, not a published finding: set it from your own data.';

/** The note of a field solved from the business the scenario holds. */
export const calibratedNote = `${illustrative} While the scenario holds a business (scenario.business, by default the default business: 80% annual retention, 1.5% bad experiences a month, NPS 20, 180 new customers a month), it is solved from that business in every run, and the value shown is the solution at the assumptions' means; with business: null it is yours to set.`;

/** A name the user gives a touchpoint or a channel: a record key, never a word a distribution uses. */
function nameOf(what: 'touchpoint' | 'channel') {
  return z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, `a ${what} name: a letter, then letters, digits, _ or -, at most 40`)
    .refine((name) => !distributionWords.has(name), `a ${what} cannot be named like a word of a distribution (dist, min, max, …)`);
}

/** A touchpoint's name, e.g. `delivery`. */
export const touchpointName = nameOf('touchpoint');
/** A channel's name, e.g. `phone`. */
export const channelName = nameOf('channel');

/** A record of 1 to 50 values by name (touchpoints or channels). */
export function byName<T extends z.ZodType>(name: z.ZodString, value: T, what: 'touchpoints' | 'channels') {
  return z.record(name, value).refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 50, `needs 1 to 50 named ${what}`);
}

/**
 * An assumption given once for the whole journey, or once per touchpoint the
 * programme targets (a record by touchpoint name, e.g. `{ delivery: 0.5 }`).
 */
export function perTouchpoint(domain: Domain, meta: FieldWords) {
  const one = assumption(domain, meta);
  return z.union([one, byName(touchpointName, one, 'touchpoints')]).register(fieldRegistry, { ...meta, domain, uncertain: true });
}
