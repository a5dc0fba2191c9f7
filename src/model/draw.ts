import { openUniform, sampleBeta, samplePert, sampleTriangular, sampleUniform } from '../random/samplers.js';
import type { RandomStream, Seed, StreamFamily } from '../random/stream.js';
import { invertedValueAt } from '../scenario/assumption-values.js';
import { assumptionFields } from '../scenario/assumptions.js';
import type { Assumption, Distribution } from '../scenario/distribution.js';
import type { Domain } from '../scenario/domain.js';
import { type DrawnValues, type SummedPaths, summedPaths } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/schema.js';
import { modelStreams } from './streams.js';

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
    case 'normal':
    case 'lognormal':
      return invertedValueAt(d, domain, openUniform(random));
  }
}

/**
 * Draws every assumption of a scenario for run `run`. Each uncertain
 * assumption has its own stream, keyed by (seed, "assumption", its path,
 * run), so adding or reordering assumptions never changes another's draw.
 */
export function drawValues(scenario: Scenario, seed: Seed, run: number): DrawnValues {
  const families = modelStreams(scenario, seed).assumptions;
  const values: Record<string, number> = {};
  assumptionFields(scenario).forEach(({ path, value, domain }, i) => {
    values[path] = typeof value === 'number' ? value : drawAssumption((families[i] as StreamFamily).at(run), value, domain);
  });
  return values;
}

const summedOf = new WeakMap<Scenario, SummedPaths>();

/**
 * `summedPaths` of the records drawValues returns for a scenario, found once:
 * their keys are the assumptions' paths in order (never integer-like, which
 * an object would list first), so every run's record lists them alike.
 */
export function drawnSummedPaths(scenario: Scenario): SummedPaths {
  let summed = summedOf.get(scenario);
  if (!summed) {
    summed = summedPaths([...new Set(assumptionFields(scenario).map((field) => field.path))]);
    summedOf.set(scenario, summed);
  }
  return summed;
}

/** Runs whose draws a result reads again, at most: the first ones (the checks of a held business and of what drives the NPV). */
export const redrawnRuns = 2000;

/** The draws of a simulation's first runs (at most {@link redrawnRuns}), made again from the seed: no simulation. */
export function drawFirstRuns(scenario: Scenario, seed: Seed, runs: number): DrawnValues[] {
  return Array.from({ length: Math.min(runs, redrawnRuns) }, (_, run) => drawValues(scenario, seed, run));
}
