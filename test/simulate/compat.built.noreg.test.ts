import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/index.js';
import { fingerprint030 } from '../helpers/fingerprint.js';
import { frozen030 } from './compat-030.js';

// The 0.3.0 fingerprints of compat.noreg.test.ts, from simulateParallel as users get it: the built
// package, whose worker is a file next to it.
const as030 = (input: ScenarioInput): ScenarioInput => ({ ...input, investment: { ...input.investment, delayMonths: 0 } });

let built: typeof import('../../src/index.js');
// Imported when the tests run, not when they are listed (`vitest list` needs no build).
beforeAll(async () => {
  built = await import(join(import.meta.dirname, '../../dist/index.js'));
});
afterAll(() => built?.stopWorkers());

describe.each(frozen030)('0.3.0 scenario "$name"', ({ input, fingerprint }) => {
  it('simulateParallel gives 0.3.0’s result bit for bit (seed 2026, 300 runs, 2 workers)', async () => {
    expect(fingerprint030(await built.simulateParallel(as030(input), { runs: 300, seed: 2026, keepRuns: true, workers: 2 }))).toBe(
      fingerprint,
    );
  });
});
