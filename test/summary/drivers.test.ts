import { describe, expect, it } from 'vitest';
import { roiDrivers, simulate } from '../../src/index.js';

describe('roiDrivers', () => {
  it('ranks what drives the ROI spread: execution and the effect size first, fixed inputs not at all', () => {
    const result = simulate({}, { runs: 1500, seed: 11, keepRuns: true });
    const drivers = roiDrivers(result);
    const paths = drivers.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'investment.executed',
        'investment.failureReduction',
        'investment.rampMonths',
        'investment.executionSuccess',
      ]),
    );
    expect(paths).not.toContain('churn.switchAfterBad');
    expect(paths[0]).toBe('investment.executed');
    const by = Object.fromEntries(drivers.map((d) => [d.path, d.correlation]));
    expect(by['investment.executed']).toBeGreaterThan(0.5);
    expect(by['investment.failureReduction']).toBeGreaterThan(0.1);
    // A longer ramp delays the effect: it lowers the ROI at the horizon.
    expect(by['investment.rampMonths']).toBeLessThan(0);
    for (const d of drivers) expect(Math.abs(d.correlation)).toBeLessThanOrEqual(1);
    for (let i = 1; i < drivers.length; i += 1)
      expect(Math.abs(drivers[i - 1]?.correlation ?? 0)).toBeGreaterThanOrEqual(Math.abs(drivers[i]?.correlation ?? 0));
  });

  it('is exact on a monotone relation and handles ties', () => {
    const runs = [1, 2, 3, 4, 5].map((x, i) => ({
      run: i,
      roi: x * x,
      npv: 0,
      paybackMonth: null,
      customers: { baseline: 0, invested: 0 },
      executed: x > 3,
      parameters: { a: x, b: -x, c: 7 },
      levers: { retention: 0, spend: 0, positiveWordOfMouth: 0, negativeWordOfMouth: 0, cost: 0 },
      terminalValue: null,
      gate: null,
    }));
    const drivers = Object.fromEntries(roiDrivers({ runs }).map((d) => [d.path, d.correlation]));
    expect(drivers.a).toBeCloseTo(1, 12);
    expect(drivers.b).toBeCloseTo(-1, 12);
    expect(drivers).not.toHaveProperty('c');
    // executed: ranks 2,2,2,4.5,4.5 against 1..5 → ρ = √(3/4·…): positive and below 1.
    expect(drivers['investment.executed']).toBeGreaterThan(0.8);
    expect(drivers['investment.executed']).toBeLessThan(1);
  });

  it('needs kept runs', () => {
    expect(() => roiDrivers(simulate({ horizonMonths: 6 }, { runs: 5 }))).toThrow(/keepRuns/);
  });
});
