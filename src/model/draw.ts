import { createStream, type RandomStream, type Seed } from '../random/stream.js';
import {
  sampleBeta,
  samplePert,
  sampleTriangular,
  sampleTruncatedNormal,
  sampleUniform,
} from '../random/samplers.js';
import type { Assumption } from '../scenario/distribution.js';
import { truncatedRange } from '../scenario/distribution.js';
import type { Domain } from '../scenario/domain.js';
import { scenarioFields } from '../scenario/fields.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * One draw of an assumption: the number itself, or a draw from its
 * distribution kept inside the domain (rounded for whole-number fields).
 */
export function drawAssumption(random: RandomStream, value: Assumption, domain: Domain): number {
  const x = typeof value === 'number' ? value : sample(random, value, domain);
  return domain.integer ? Math.round(x) : x;
}

function sample(random: RandomStream, d: Exclude<Assumption, number>, domain: Domain): number {
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

/** Every assumption's value in one run, by dotted path. */
export type DrawnValues = Readonly<Record<string, number>>;

interface AssumptionField {
  readonly path: string;
  readonly value: Assumption;
  readonly domain: Domain;
}

// Walking the schema is slow next to a run; a validated scenario is frozen, so its fields can be kept.
const fieldsOf = new WeakMap<Scenario, readonly AssumptionField[]>();

/** The assumptions of a scenario that a run draws (every numeric field but the settings), in schema order. */
export function assumptionFields(scenario: Scenario): readonly AssumptionField[] {
  let fields = fieldsOf.get(scenario);
  if (!fields) {
    fields = scenarioFields(scenario)
      .filter((field) => field.meta.uncertain) // settings such as the horizon are not assumptions
      .map(({ path, value, meta }) => ({ path, value, domain: meta.domain }));
    fieldsOf.set(scenario, fields);
  }
  return fields;
}

/**
 * Draws every assumption of a scenario for run `run`. Each uncertain
 * assumption has its own stream, keyed by (seed, run, its path), so adding or
 * reordering assumptions never changes another's draw.
 */
export function drawValues(scenario: Scenario, seed: Seed, run: number): DrawnValues {
  const values: Record<string, number> = {};
  for (const { path, value, domain } of assumptionFields(scenario))
    values[path] = typeof value === 'number' ? value : drawAssumption(createStream(seed, run, 'assumption', path), value, domain);
  return values;
}
