import { describe, expect, it } from 'vitest';
import { defaultBusiness, simulate } from '../../src/index.js';
import { mergeShards, planShards, simulateShard } from '../../src/index.js';

describe('warnings about what the answer rests on', () => {
  it('names an unmeasured assumption that drives the NPV most, with what measuring it would be worth', () => {
    const { warnings } = simulate({}, { runs: 2000, seed: 1 });
    const unmeasured = warnings.find((w) => w.code === 'unmeasured-driver');
    expect(unmeasured?.field).toBe('investment.missedEffectShare');
    expect(unmeasured?.message).toMatch(/nobody has measured: it alone explains \d+% of the spread of the NPV at the horizon/);
    expect(unmeasured?.message).toMatch(/would be worth about [\d,]+ \(its EVPPI/);
  });

  it('says nothing when the largest driver has a source (the timing, here), or when too few runs to tell', () => {
    // The numbers nobody measured fixed: what is left to drive the NPV is sourced (the delay and ramp, the chance of carrying it out).
    const sourced = {
      wordOfMouth: { conversionPerTell: 0.025 },
      investment: { failureReduction: 0.4, missedEffectShare: 0.3, excellentShareIncrease: 0.05 },
    };
    expect(simulate(sourced, { runs: 2000, seed: 1 }).warnings.filter((w) => w.code === 'unmeasured-driver')).toEqual([]);
    expect(simulate({}, { runs: 99, seed: 1 }).warnings.filter((w) => w.code === 'unmeasured-driver')).toEqual([]);
  });

  it('says when some runs draw figures that cannot hold the business, with their share', () => {
    const input = {
      business: { ...defaultBusiness, badExperienceShareMonthly: 0.02 },
      churn: { switchAfterBad: { dist: 'uniform' as const, min: 0.19, max: 0.99 } },
    };
    const { warnings } = simulate(input, { runs: 1000, seed: 1 });
    const notHeld = warnings.find((w) => w.code === 'business-not-held');
    expect(notHeld?.field).toBe('business.annualRetention');
    // Bad experiences alone lose more than 1.84% a month when switching is above 1.84 / 2 = 92%: about 7/80 of the range.
    const share = Number(notHeld?.message.match(/^In (\d+)% of runs/)?.[1]);
    expect(share).toBeGreaterThanOrEqual(6);
    expect(share).toBeLessThanOrEqual(12);
    expect(simulate({}, { runs: 1000, seed: 1 }).warnings.filter((w) => w.code === 'business-not-held')).toEqual([]);
  });

  it('are the same however the runs were split: a merged result warns as simulate does', () => {
    const specs = planShards({}, { runs: 600, seed: 5, shards: 3 });
    const merged = mergeShards(specs.map((spec) => simulateShard(JSON.parse(JSON.stringify(spec)))));
    expect(merged.warnings).toEqual(simulate({}, { runs: 600, seed: 5 }).warnings);
  });
});
