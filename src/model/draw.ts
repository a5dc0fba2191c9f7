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

/**
 * Draws every assumption of a scenario for run `run`. Each uncertain
 * assumption has its own stream, keyed by (seed, run, its path), so adding or
 * reordering assumptions never changes another's draw.
 */
export function drawValues(scenario: Scenario, seed: Seed, run: number): DrawnValues {
  const values: Record<string, number> = {};
  for (const field of scenarioFields(scenario)) {
    if (!field.meta.uncertain) continue; // settings such as the horizon are not assumptions
    const random = typeof field.value === 'number' ? neverCalled : createStream(seed, run, 'assumption', field.path);
    values[field.path] = drawAssumption(random, field.value, field.meta.domain);
  }
  return values;
}

const neverCalled: RandomStream = () => {
  throw new Error('a fixed assumption needs no random draw');
};
