import { describe, expect, it } from 'vitest';
import { impliedKpis, sensitivity, simulate } from '../../src/index.js';

// The simulation's workers are sent a scenario with its assumption fields (they load no schema); the
// functions of the main thread must still take a scenario that parseScenario did not make here.
describe('a scenario read back from JSON or sent between threads', () => {
  const result = simulate(
    { churn: { switchAfterBad: { dist: 'pert', min: 0.7, mode: 0.86, max: 0.95 } } },
    { runs: 200, seed: 4, keepRuns: true },
  );
  const copy = JSON.parse(JSON.stringify(result)) as typeof result;
  const cloned = structuredClone({ scenario: result.scenario, seed: result.seed, runCount: result.runCount, runs: result.runs });

  it('gives the same sensitivity, swings of the published figures included, as the result it came from', () => {
    const options = { at: [60], swings: { runs: 100 } };
    const original = sensitivity(result, options);
    expect(sensitivity(cloned, options)).toEqual(original);
    expect(sensitivity({ ...copy, runs: result.runs }, options)).toEqual(original);
  });

  it('implies the same business', () => {
    expect(impliedKpis(copy.scenario)).toEqual(impliedKpis(result.scenario));
  });

  it('simulates to the same numbers', () => {
    expect(simulate(copy.scenario, { runs: 200, seed: 4 }).horizon).toEqual(simulate(result.scenario, { runs: 200, seed: 4 }).horizon);
  });
});
