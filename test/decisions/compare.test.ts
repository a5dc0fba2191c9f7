import { describe, expect, it } from 'vitest';
import { ScenarioError, breakEven, compare, robustness, sensitivity, simulate, valueOfInformationFromRuns } from '../../src/index.js';

const bold = { investment: { upfront: 250_000, failureReduction: { dist: 'pert', min: 0.3, mode: 0.5, max: 0.7 } } } as const;

describe('compare', () => {
  it('gives exactly zero for a scenario compared with itself', () => {
    const { pairs } = compare({ A: {}, B: {} }, { runs: 300, seed: 4 });
    const [pair] = pairs;
    if (!pair) throw new Error('no pair');
    for (const band of [pair.roi, pair.npv, pair.paybackMonth.amongBothPaidBack])
      expect(Object.values(band ?? {}).every((v) => v === 0)).toBe(true);
    expect(pair.probabilityBBeatsA).toBe(0);
    expect(pair.tieShare).toBe(1);
    expect(pair.npvMeanStandardError).toBe(0);
    expect(pair.paybackMonth.bSoonerShare + pair.paybackMonth.aSoonerShare).toBe(0);
    expect(pair.paybackMonth.onlyAShare + pair.paybackMonth.onlyBShare).toBe(0);
  });

  it('simulates each scenario as simulate does, with the same seed for all', () => {
    const comparison = compare({ now: {}, bold }, { runs: 400, seed: 9 });
    expect(comparison.horizons.now).toEqual(simulate({}, { runs: 400, seed: 9 }).horizon);
    expect(comparison.horizons.bold).toEqual(simulate(bold, { runs: 400, seed: 9 }).horizon);
    expect(comparison.names).toEqual(['now', 'bold']);
  });

  it('pairs runs: a larger upfront cost lowers every run’s NPV by exactly that cost', () => {
    const { pairs } = compare({ A: {}, B: { investment: { upfront: 160_000 } } }, { runs: 300, seed: 2 });
    const pair = pairs[0];
    // Upfront is paid at the start, undiscounted, and the draws are the same: B − A = −50,000 in every run.
    for (const v of Object.values(pair?.npv ?? {})) expect(v).toBeCloseTo(-50_000, 4);
    expect(pair?.probabilityBBeatsA).toBe(0);
    expect(pair?.npvMeanStandardError).toBeLessThan(1e-6);
  });

  it('is antisymmetric, and far less noisy than two unpaired simulations', () => {
    const ab = compare({ A: {}, B: bold }, { runs: 1000, seed: 5 }).pairs[0];
    const ba = compare({ B: bold, A: {} }, { runs: 1000, seed: 5 }).pairs[0];
    if (!ab || !ba) throw new Error('no pair');
    expect(ab.npv.mean).toBeCloseTo(-ba.npv.mean, 6);
    expect(ab.npv.p5).toBeCloseTo(-ba.npv.p95, 6);
    expect(ab.probabilityBBeatsA + ba.probabilityBBeatsA + ab.tieShare).toBeCloseTo(1, 12);
    expect(ab.paybackMonth.bSoonerShare).toBe(ba.paybackMonth.aSoonerShare);
    // Unpaired, the error of a difference of means is √(se_A² + se_B²).
    const a = simulate({}, { runs: 1000, seed: 5, keepRuns: true });
    const b = simulate(bold, { runs: 1000, seed: 6, keepRuns: true });
    const se = (r: typeof a) => {
      const x = (r.runs ?? []).map((run) => run.npv);
      const m = x.reduce((s, v) => s + v, 0) / x.length;
      return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1) / x.length);
    };
    expect(ab.npvMeanStandardError).toBeLessThan(0.5 * Math.hypot(se(a), se(b)));
    expect(ab.probabilityBBeatsAStandardError).toBeCloseTo(Math.sqrt((ab.probabilityBBeatsA * (1 - ab.probabilityBBeatsA)) / 1000), 12);
  });

  it('compares every pair of three scenarios, in the order given', () => {
    const { pairs } = compare({ A: {}, B: bold, C: { investment: { monthly: 8000 } } }, { runs: 100 });
    expect(pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['A-B', 'A-C', 'B-C']);
    for (const p of pairs) {
      const payback = p.paybackMonth;
      expect(payback.bothShare + payback.onlyAShare + payback.onlyBShare + payback.neitherShare).toBeCloseTo(1, 12);
    }
  });

  it('keeps a scenario named __proto__ like any other, and takes null options as none', () => {
    const c = compare(JSON.parse('{ "__proto__": {}, "b": { "investment": { "upfront": 120000 } } }'), null as never);
    expect(c.names).toEqual(['__proto__', 'b']);
    expect(Object.keys(c.horizons)).toEqual(['__proto__', 'b']);
    expect(c.pairs[0]?.a).toBe('__proto__');
    expect(() => compare({ A: {}, B: {} }, 'x' as never)).toThrow(/options: must be an object/);
  });

  it('names the scenario of a bad field, and refuses fewer than two', () => {
    expect(() => compare({ A: {}, B: { churn: { base: 2 } } })).toThrow(/B\.churn\.base/);
    expect(() => compare({ A: {} })).toThrow(ScenarioError);
    expect(() => compare({ A: {}, B: {} }, { runs: 0 })).toThrow(/options\.runs/);
    // NPVs at different horizons are not a pair.
    expect(() => compare({ A: {}, B: { horizonMonths: 36 } })).toThrow(
      /B\.horizonMonths: must be the same in every scenario compared \(A has 60\)/,
    );
  });
});

describe('the decision tools name an option they do not know', () => {
  const path = (call: () => unknown) => {
    try {
      call();
    } catch (error) {
      return (error as ScenarioError).issues?.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    }
    return 'accepted';
  };
  it('instead of ignoring it and using the default unsaid', () => {
    const kept = simulate({ horizonMonths: 12 }, { runs: 50, keepRuns: true });
    expect(path(() => compare({ a: {}, b: {} }, { run: 5 } as never))).toBe(
      'options.run: is not an option of compare; did you mean "runs"? (options: runs, seed)',
    );
    expect(path(() => robustness({}, { horizon: [12] } as never))).toMatch(
      /^options\.horizon: is not an option of robustness; did you mean "horizons"\?/,
    );
    expect(path(() => breakEven({}, { vary: 'investment.upfront', target: { metric: 'roiMedian', value: 0 }, run: 5 } as never))).toMatch(
      /^options\.run: is not an option of breakEven; did you mean "runs"\?/,
    );
    expect(
      path(() =>
        breakEven({}, { vary: 'investment.upfront', target: { metric: 'probabilityPaidBackBy', months: 36, value: 0.5 } } as never),
      ),
    ).toMatch(/^options\.target\.months: is not part of a target \(metric, month, value\); did you mean "month"\?/);
    expect(path(() => sensitivity(kept, { swing: false } as never))).toMatch(
      /^options\.swing: is not an option of sensitivity; did you mean "swings"\?/,
    );
    expect(path(() => valueOfInformationFromRuns(kept, { parameter: ['investment.executed'] } as never))).toMatch(
      /^options\.parameter: is not an option of valueOfInformationFromRuns; did you mean "parameters"\?/,
    );
  });
});
