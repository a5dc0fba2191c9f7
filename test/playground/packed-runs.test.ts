import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { analyse } from '../../playground/analyses.js';
import { packRuns, unpackRuns } from '../../playground/analyses-cache.js';

describe('the kept runs posted to the analyses worker as typed arrays', () => {
  const cases = {
    default: {},
    'terminal value and a stage gate': {
      valuation: { terminalValue: 'customerLifetime' },
      investment: { stageGate: { month: 12, measure: 'roi', threshold: -0.5 } },
    },
  } as const;
  for (const [name, input] of Object.entries(cases)) {
    it(`come back as the same runs, value for value, and give the same analyses (${name})`, () => {
      const result = simulate(input as object, { runs: 300, seed: 3, keepRuns: true });
      const { packed, transfer } = packRuns(result);
      expect(transfer.length).toBe(3);
      const back = unpackRuns(structuredClone(packed, { transfer }));
      expect(back.runs).toEqual(result.runs);
      expect(analyse(back)).toEqual(analyse(result));
    });
  }
});
