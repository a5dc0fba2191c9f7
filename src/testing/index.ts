/**
 * cx-roi/testing: a kit for property-based tests of CX models built on
 * cx-roi (fast-check is a peer dependency). Arbitraries derived from the
 * scenario schema, the model's invariants as reusable checks, and
 * assertions that know a Monte Carlo estimate has an error.
 * @packageDocumentation
 */
export { assumptionArbitrary, distributionArbitrary, observedBusinessArbitrary, scenarioInputArbitrary } from './arbitraries.js';
export type { ScenarioArbitraryOptions } from './arbitraries.js';
export { modelProperties } from './properties.js';
export { expectSameDistribution, expectWithinMonteCarloError, kolmogorovSmirnov } from './assertions.js';
export type { KolmogorovSmirnov } from './assertions.js';
