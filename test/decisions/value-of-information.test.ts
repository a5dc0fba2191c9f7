import { describe, expect, it } from 'vitest';
import { createStream, valueOfInformation } from '../../src/index.js';

/** The error function (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}
import { valueOfInformationFromRuns } from '../../src/decisions/value-of-information.js';
import type { RunResult } from '../../src/index.js';

/** Runs with given NPVs and drawn values, for checks against exact answers. */
function runs(
  npv: readonly number[],
  parameters: readonly Record<string, number>[],
  executed?: readonly boolean[],
): { runs: RunResult[]; seed: number } {
  return {
    seed: 0,
    runs: npv.map((x, i) => ({
      run: i,
      roi: 0,
      npv: x,
      paybackMonth: null,
      customers: { baseline: 0, invested: 0 },
      executed: executed?.[i] ?? true,
      parameters: parameters[i] as Record<string, number>,
      levers: { retention: 0, spend: 0, positiveWordOfMouth: 0, negativeWordOfMouth: 0, cost: 0 },
      terminalValue: null,
      gate: null,
    })),
  };
}

describe('valueOfInformation', () => {
  it('is E[max(NPV, 0)] − max(E[NPV], 0), and an input that decides alone gets all of it', () => {
    const n = 4000;
    const u = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    const noise = u.map((_, i) => ((i * 7919) % n) / n);
    // NPV = u − 0.4: invest on average (mean 0.1); EVPI = ∫₀^0.4 (0.4 − u) du = 0.08.
    const voi = valueOfInformationFromRuns(
      runs(
        u.map((x) => x - 0.4),
        u.map((x, i) => ({ decisive: x, irrelevant: noise[i] as number })),
      ),
    );
    expect(voi.decision.choice).toBe('invest');
    expect(voi.evpi).toBeCloseTo(0.08, 6);
    const by = Object.fromEntries(voi.partial.map((p) => [p.path, p.evppi]));
    expect(by.decisive).toBeGreaterThan(0.95 * voi.evpi);
    expect(by.irrelevant).toBeLessThan(0.05 * voi.evpi);
    // executed is the same in every run: nothing to learn.
    expect(voi.partial.map((p) => p.path)).not.toContain('investment.executed');
  });

  it('matches the closed form for a sum of normals: NPV = X1 + X2', () => {
    // E[max(Z, 0)] for Z ~ N(m, s²) is m Φ(m/s) + s φ(m/s); learning X1 leaves E[X2] = 0.
    const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    const cdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
    const positivePart = (m: number, sd: number) => m * cdf(m / sd) + sd * phi(m / sd);
    const random = createStream(5, 'evppi closed form');
    const n = 20_000;
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const x1 = Array.from({ length: n }, () => 0.2 + normal());
    const x2 = Array.from({ length: n }, () => normal());
    const voi = valueOfInformationFromRuns(
      runs(
        x1.map((v, i) => v + (x2[i] as number)),
        x1.map((v, i) => ({ x1: v, x2: x2[i] as number })),
      ),
      { parameters: ['x1', ['x1', 'x2']] },
    );
    const evpi = positivePart(0.2, Math.SQRT2) - 0.2;
    expect(Math.abs(voi.evpi - evpi)).toBeLessThan(3 * voi.evpiStandardError + 0.005);
    const by = Object.fromEntries(voi.partial.map((p) => [p.path, p.evppi]));
    expect(by.x1).toBeGreaterThan(0.93 * (positivePart(0.2, 1) - 0.2));
    expect(by.x1).toBeLessThan(1.07 * (positivePart(0.2, 1) - 0.2));
    // Both together are everything: about EVPI.
    expect(by['x1 + x2']).toBeGreaterThan(0.85 * voi.evpi);
  });

  it('keeps 0 ≤ EVPPI ≤ EVPI, and EVPPI of a group at least that of its parts (simulated)', () => {
    const voi = valueOfInformation({ investment: { upfront: 400_000 } }, { runs: 3000, seed: 2 });
    expect(voi.decision.choice).toBe('do not invest');
    expect(voi.evpi).toBeGreaterThan(0);
    for (const p of voi.partial) {
      expect(p.evppi).toBeGreaterThanOrEqual(0);
      expect(p.evppi).toBeLessThanOrEqual(voi.evpi);
      expect(p.shareOfEvpi).toBeCloseTo(p.evppi / voi.evpi, 12);
    }
    const singles = voi.partial.filter((p) => p.paths.length === 1);
    expect(singles[0]?.path).toBe('investment.executed');
    // By default the two assumptions most rank-correlated with the NPV are valued together too. Its grid
    // refines executed's two classes, so (by Jensen's inequality) it is worth at least as much.
    const group = voi.partial.find((p) => p.paths.length === 2);
    expect(group?.paths).toContain('investment.executed');
    expect(group?.evppi).toBeGreaterThanOrEqual(singles[0]?.evppi ?? Number.POSITIVE_INFINITY);
    expect(voi.method).toMatch(/Strong & Oakley/);
  });

  it('gives about nothing to an assumption with no money in it', () => {
    const voi = valueOfInformation(
      { investment: { upfront: 400_000 }, wordOfMouth: { recommendAfterBad: { dist: 'uniform', min: 0.1, max: 0.3 } } },
      { runs: 3000, seed: 2, parameters: ['wordOfMouth.recommendAfterBad', ['investment.executed', 'investment.failureReduction']] },
    );
    const by = Object.fromEntries(voi.partial.map((p) => [p.path, p.evppi]));
    expect(by['wordOfMouth.recommendAfterBad']).toBeLessThan(0.05 * voi.evpi);
    expect(by['investment.executed + investment.failureReduction']).toBeGreaterThan(0.5 * voi.evpi);
  });

  it('gives exactly nothing when the decision is the same in every run', () => {
    const certain = { investment: { upfront: 1000, monthly: 100, failureReduction: 0.5, executionSuccess: 1, delayMonths: 0 } };
    const voi = valueOfInformation(certain, { runs: 500 });
    expect(voi.decision.investBetterShare).toBe(1);
    expect(voi.evpi).toBe(0);
    for (const p of voi.partial) expect(p.evppi).toBe(0);
    const hopeless = valueOfInformation({ investment: { upfront: 1e9 } }, { runs: 300 });
    expect(hopeless.decision.choice).toBe('do not invest');
    expect(hopeless.evpi).toBe(0);
  });

  it('takes runs: undefined as its default of 10,000 runs, as leaving runs out does', () => {
    const left = valueOfInformation({}, { seed: 3 });
    const given = valueOfInformation({}, { seed: 3, runs: undefined });
    expect(given.evpi).toBe(left.evpi);
    // 1,000 runs (simulate's own default) give another figure: the default was replaced before.
    expect(valueOfInformation({}, { seed: 3, runs: 1000 }).evpi).not.toBe(left.evpi);
  });
  it('names a parameter it does not know', () => {
    expect(() => valueOfInformation({}, { runs: 50, parameters: ['churn.bse'] })).toThrow(/options\.parameters\[0\]/);
    expect(() => valueOfInformation({}, { runs: 50, classes: 1 })).toThrow(/options\.classes/);
    expect(() => valueOfInformation({}, { runs: 50, parameters: 'investment.executed' as never })).toThrow(
      /options\.parameters: must be a list/,
    );
    expect(() => valueOfInformation({}, { runs: 50, parameters: [5 as never] })).toThrow(/options\.parameters\[0\]: must be a dotted path/);
    expect(() => valueOfInformation({}, { runs: 50, parameters: [[]] })).toThrow(/options\.parameters\[0\]/);
    expect(() => valueOfInformation({}, 'x' as never)).toThrow(/options: must be an object/);
    const paths = [
      'investment.executed',
      'investment.failureReduction',
      'investment.delayMonths',
      'investment.rampMonths',
      'investment.executionSuccess',
    ];
    expect(() =>
      valueOfInformation(
        { business: null, customers: { initial: 10 } },
        { runs: 50, parameters: [[...paths, 'customers.initial', 'churn.base']] },
      ),
    ).toThrow(/at most 6 assumptions/);
    // Repeats are one: a path twice in a group, or the same group twice.
    const once = valueOfInformation(
      {},
      { runs: 200, parameters: [Array(40).fill(paths).flat(), paths, 'investment.executed', 'investment.executed'] },
    );
    expect(once.partial.map((p) => p.paths.length).sort()).toEqual([1, 5]);
  });
});
