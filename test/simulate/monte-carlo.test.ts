import { describe, expect, it } from 'vitest';
import { type ScenarioInput, simulate } from '../../src/index.js';
import { statisticalCount } from '../helpers/counts.js';
import { meanVariance, pearson } from '../helpers/statistics.js';

// End-to-end checks that the Monte Carlo error the library reports is the
// error users get: draws that should be independent are, and reruns with other
// seeds scatter by the reported standard errors.

/** Every assumption of the default scenario made uncertain. */
const everythingUncertain: ScenarioInput = {
  // Every assumption drawn, the business's solved ones too: the raw model.
  business: null,
  discountRateAnnual: { dist: 'uniform', min: 0.04, max: 0.12 },
  customers: { initial: { dist: 'uniform', min: 8_000, max: 12_000 }, prospects: { dist: 'uniform', min: 200_000, max: 300_000 } },
  journey: {
    touchpointFailure: {
      discover: { dist: 'uniform', min: 0.002, max: 0.008 },
      order: { dist: 'uniform', min: 0.002, max: 0.008 },
      delivery: { dist: 'uniform', min: 0.01, max: 0.03 },
      product: { dist: 'uniform', min: 0.005, max: 0.015 },
      service: { dist: 'uniform', min: 0.005, max: 0.015 },
    },
  },
  churn: { switchAfterBad: { dist: 'uniform', min: 0.7, max: 0.95 }, base: { dist: 'uniform', min: 0.005, max: 0.015 } },
  spend: {
    averagePerMonth: { dist: 'uniform', min: 70, max: 110 },
    goodMultiplier: { dist: 'uniform', min: 2, max: 2.8 },
    grossMargin: { dist: 'uniform', min: 0.25, max: 0.45 },
  },
  wordOfMouth: {
    excellentShare: { dist: 'uniform', min: 0.15, max: 0.3 },
    recommendAfterExcellent: { dist: 'uniform', min: 0.8, max: 0.95 },
    toldAfterExcellent: { dist: 'uniform', min: 6, max: 12 },
    speakAfterBad: { dist: 'uniform', min: 0.4, max: 0.6 },
    toldAfterBad: { dist: 'uniform', min: 12, max: 20 },
    conversionPerTell: { dist: 'uniform', min: 0.001, max: 0.003 },
    deterrencePerTell: { dist: 'uniform', min: 0.003, max: 0.007 },
    recommendAfterBad: { dist: 'uniform', min: 0.1, max: 0.25 },
    detractorAfterOrdinary: { dist: 'uniform', min: 0.05, max: 0.15 },
  },
  acquisition: { organicMonthly: { dist: 'uniform', min: 0.002, max: 0.004 } },
  investment: {
    upfront: { dist: 'uniform', min: 100_000, max: 160_000 },
    monthly: { dist: 'uniform', min: 5_000, max: 8_000 },
    failureReduction: { dist: 'uniform', min: 0.2, max: 0.6 },
    delayMonths: { dist: 'uniform', min: 0, max: 12 },
    rampMonths: { dist: 'uniform', min: 24, max: 36 },
    executionSuccess: { dist: 'uniform', min: 0.2, max: 0.3 },
    missedEffectShare: { dist: 'uniform', min: 0.3, max: 0.5 },
    excellentShareIncrease: { dist: 'uniform', min: 0.02, max: 0.08 },
  },
};

describe('draws of different assumptions are independent', () => {
  it('with every assumption uncertain, the columns of runs[i].parameters are pairwise uncorrelated (|r| < 5/√runs)', () => {
    const runs = 4000;
    const result = simulate({ ...everythingUncertain, horizonMonths: 1 }, { runs, seed: 1, keepRuns: true });
    const paths = Object.keys(result.runs?.[0]?.parameters ?? {}).filter((p) => p !== 'horizonMonths');
    expect(paths.length).toBeGreaterThanOrEqual(24);
    const columns = paths.map((path) => Float64Array.from(result.runs ?? [], (r) => r.parameters[path] as number));
    const limit = 5 / Math.sqrt(runs);
    const offenders: string[] = [];
    for (let a = 0; a < paths.length; a += 1)
      for (let b = a + 1; b < paths.length; b += 1) {
        const r = pearson(columns[a] as Float64Array, columns[b] as Float64Array);
        if (Math.abs(r) >= limit) offenders.push(`${paths[a]} / ${paths[b]}: r = ${r.toFixed(3)}`);
      }
    expect(offenders).toEqual([]);
  });

  it('the same assumption in adjacent runs is uncorrelated', () => {
    const runs = 4000;
    const result = simulate({ ...everythingUncertain, horizonMonths: 1 }, { runs, seed: 1, keepRuns: true });
    for (const path of ['investment.rampMonths', 'churn.base', 'investment.upfront']) {
      const column = Float64Array.from(result.runs ?? [], (r) => r.parameters[path] as number);
      expect(Math.abs(pearson(column.subarray(0, runs - 1), column.subarray(1)))).toBeLessThan(5 / Math.sqrt(runs));
    }
  });

  it('executionSuccess uniform(0, 1) and a fixed 0.5 give the same P(ROI > 0) within 4 s.e. (one Bernoulli draw either way)', () => {
    const runs = 4000;
    const uncertain = simulate({ investment: { executionSuccess: { dist: 'uniform', min: 0, max: 1 } } }, { runs, seed: 3 }).horizon;
    const fixed = simulate({ investment: { executionSuccess: 0.5 } }, { runs, seed: 4 }).horizon;
    const se = Math.hypot(uncertain.probabilityPositiveRoiStandardError, fixed.probabilityPositiveRoiStandardError);
    expect(Math.abs(uncertain.probabilityPositiveRoi - fixed.probabilityPositiveRoi)).toBeLessThan(4 * se);
    expect(Math.abs(uncertain.executedShare - fixed.executedShare)).toBeLessThan(4 * Math.sqrt(0.5 / runs));
  });
});

describe('reruns with other seeds scatter by the reported standard errors', () => {
  it('across 40 seeds, the spread of P(ROI > 0) and of the mean ROI is 0.7–1.4 times the reported s.e.', () => {
    // The ratio's own error comes from the 40 seeds (about ±11%), not from the runs a seed: 250 runs test the
    // same claim (1,000 under `npm run test:stats`, the README's figure; correlated streams scattered 0.41 times).
    const runs = statisticalCount(250, 1000);
    const probability: number[] = [];
    const mean: number[] = [];
    const probabilitySe: number[] = [];
    const meanSe: number[] = [];
    for (let seed = 1; seed <= 40; seed += 1) {
      const { horizon } = simulate({}, { runs, seed });
      probability.push(horizon.probabilityPositiveRoi);
      probabilitySe.push(horizon.probabilityPositiveRoiStandardError);
      mean.push(horizon.roi.mean);
      meanSe.push(horizon.roiMeanStandardError);
    }
    const rms = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / xs.length);
    const probabilityRatio = Math.sqrt(meanVariance(probability).variance) / rms(probabilitySe);
    const meanRatio = Math.sqrt(meanVariance(mean).variance) / rms(meanSe);
    expect(probabilityRatio).toBeGreaterThan(0.7);
    expect(probabilityRatio).toBeLessThan(1.4);
    expect(meanRatio).toBeGreaterThan(0.7);
    expect(meanRatio).toBeLessThan(1.4);
  });
});
