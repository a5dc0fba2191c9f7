import { describe, expect, it } from 'vitest';
import { type ScenarioInput, simulate } from '../../src/index.js';
import { fingerprint030 } from '../helpers/fingerprint.js';
import { frozen030 } from './compat-030.js';

// 0.4.0 added a delay before the effect (default about six months), targeting by touchpoint,
// channels, a stage gate and NPS. A scenario that uses none of them (delayMonths 0, no channels,
// no gate, the whole-journey form) must give 0.3.0's numbers bit for bit: these fingerprints were
// taken from 0.3.0 before any of that code was written.
const as030 = (input: ScenarioInput): ScenarioInput => ({ ...input, investment: { ...input.investment, delayMonths: 0 } });

// simulateParallel, which needs the built worker, gives them too: compat.built.noreg.test.ts.

describe.each(frozen030)('0.3.0 scenario "$name"', ({ input, fingerprint }) => {
  it('simulate gives 0.3.0’s result bit for bit (seed 2026, 300 runs)', () => {
    expect(fingerprint030(simulate(as030(input), { runs: 300, seed: 2026, keepRuns: true }))).toBe(fingerprint);
  });
  it('the new NPS figures and an empty list of new parts change nothing else', () => {
    const withNps = { ...as030(input), wordOfMouth: { ...input.wordOfMouth, recommendAfterBad: 0.5, detractorAfterOrdinary: 0.4 } };
    expect(fingerprint030(simulate(withNps, { runs: 300, seed: 2026, keepRuns: true }))).toBe(fingerprint);
  });
});

describe('the fingerprint has teeth', () => {
  it('a delay of one month changes it', () => {
    const first = frozen030[0];
    if (!first) throw new Error('no frozen scenario');
    const delayed = { ...first.input, investment: { ...first.input.investment, delayMonths: 1 } };
    expect(fingerprint030(simulate(delayed, { runs: 300, seed: 2026, keepRuns: true }))).not.toBe(first.fingerprint);
  });
});
