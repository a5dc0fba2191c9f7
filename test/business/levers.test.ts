import { describe, expect, it } from 'vitest';
import { type ScenarioInput, simulate } from '../../src/index.js';
import { payback } from '../../src/simulate/summarize.js';

const sum = (l: { retention: number; spend: number; positiveWordOfMouth: number; negativeWordOfMouth: number; cost: number }) =>
  l.retention + l.spend + l.positiveWordOfMouth + l.negativeWordOfMouth + l.cost;

describe('levers: the NPV by where the money comes from', () => {
  it('add up to the mean NPV (and to each run’s NPV) within rounding', () => {
    for (const input of [
      {},
      { wordOfMouth: { conversionPerTell: 0.01, deterrencePerTell: 0.02 } },
      { journey: { touchpointFailure: 0.05 }, customers: { prospects: 20_000 } },
    ] as ScenarioInput[]) {
      const { horizon, runs } = simulate(input, { runs: 300, seed: 'levers', keepRuns: true });
      expect(Math.abs(sum(horizon.levers) - horizon.levers.npv)).toBeLessThan(1e-6 * Math.max(1, Math.abs(horizon.levers.cost)));
      expect(horizon.levers.npv).toBeCloseTo(horizon.npv.mean, 6);
      expect(runs).toHaveLength(300);
      for (const run of runs ?? []) expect(Math.abs(sum(run.levers) - run.npv)).toBeLessThan(1e-6 * Math.abs(run.levers.cost));
    }
  });

  it('credit each lever for what it is: no programme effect on word of mouth, no word-of-mouth levers', () => {
    const { levers } = simulate({ wordOfMouth: { conversionPerTell: 0, deterrencePerTell: 0 } }, { runs: 200, seed: 3 }).horizon;
    expect(levers.positiveWordOfMouth).toBeCloseTo(0, 6);
    expect(levers.negativeWordOfMouth).toBeCloseTo(0, 6);
    expect(levers.retention).toBeGreaterThan(0);
    // With bad and good months spending the same, there is no spend lever.
    expect(simulate({ spend: { goodMultiplier: 1 } }, { runs: 200, seed: 3 }).horizon.levers.spend).toBeCloseTo(0, 6);
  });

  it('a programme that changes no churn probability has no retention lever: customers won by recommendation churn on their own account', () => {
    // Only more excellent journeys: more recommendations, the same churn.
    const { levers } = simulate(
      { investment: { failureReduction: 0, excellentShareIncrease: 0.2 } },
      { runs: 500, seed: 'origin' },
    ).horizon;
    expect(levers.positiveWordOfMouth).toBeGreaterThan(100_000);
    expect(Math.abs(levers.retention)).toBeLessThan(0.02 * levers.positiveWordOfMouth);
  });

  it('terminal value: off by default, apart from the NPV when on, and positive when the programme gains customers', () => {
    const off = simulate({}, { runs: 200, seed: 5 });
    expect(off.horizon.levers.terminalValue).toBeNull();
    expect(off.horizon.terminalValue).toBeNull();
    const on = simulate({ valuation: { terminalValue: 'customerLifetime' } }, { runs: 200, seed: 5, keepRuns: true });
    expect(on.horizon.npv).toEqual(off.horizon.npv);
    expect(on.horizon.levers.terminalValue).toBeGreaterThan(0);
    expect(on.horizon.terminalValue?.mean).toBeCloseTo(on.horizon.levers.terminalValue as number, 6);
    const run = on.runs?.[0];
    expect(run?.terminalValue).toEqual(expect.any(Number));
    expect(Math.sign(run?.terminalValue ?? 0)).toBe(Math.sign((run?.customers.invested ?? 0) - (run?.customers.baseline ?? 0)));
    expect(() => simulate({ valuation: { terminalValue: 'perpetuity' as never } })).toThrow(
      /valuation.terminalValue: must be "none" or "customerLifetime"/,
    );
  });
});

describe('payback told straight', () => {
  it('the median is over all runs, never-paying runs last; null when more than half never pay back', () => {
    expect(payback(Int32Array.from([10, 20, 0, 0]))).toMatchObject({ median: 20, paidBackShare: 0.5, neverShare: 0.5 });
    expect(payback(Int32Array.from([10, 0, 0]))).toMatchObject({ median: null });
    expect(payback(Int32Array.from([30, 10, 20]))).toMatchObject({ median: 20 });
    expect(payback(Int32Array.from([30, 10, 20])).amongPaidBack?.p50).toBe(20);
  });

  it('differs from the median of the runs that pay back when many never do', () => {
    const { paybackMonth } = simulate({ horizonMonths: 48 }, { runs: 400, seed: 9 }).horizon;
    expect(paybackMonth.neverShare).toBeGreaterThan(0.3);
    const among = paybackMonth.amongPaidBack?.p50 ?? 0;
    if (paybackMonth.median !== null) expect(paybackMonth.median).toBeGreaterThan(among);
  });
});

describe('each of the brief’s figures moves the result the way a reader expects', () => {
  const runs = 1500;
  const at = (input: ScenarioInput) => simulate(input, { runs, seed: 'brief', keepRuns: true }).horizon;
  const customers = (h: ReturnType<typeof at>) => h.customers.baseline.mean;

  it('86% switch after a bad experience: more switching, fewer customers without the programme, more return from it', () => {
    const low = at({ churn: { switchAfterBad: 0.5 } });
    const high = at({ churn: { switchAfterBad: 0.86 } });
    expect(customers(high)).toBeLessThan(customers(low));
    expect(high.roi.mean).toBeGreaterThan(low.roi.mean);
    expect(high.levers.retention).toBeGreaterThan(low.levers.retention);
  });

  it('9 people told about an excellent experience: more told, more customers, more positive word of mouth from the programme', () => {
    const none = at({ wordOfMouth: { toldAfterExcellent: 0 } });
    const nine = at({ wordOfMouth: { toldAfterExcellent: 9 } });
    expect(customers(nine)).toBeGreaterThan(customers(none));
    expect(nine.levers.positiveWordOfMouth).toBeGreaterThan(none.levers.positiveWordOfMouth);
    expect(nine.roi.mean).toBeGreaterThan(none.roi.mean);
  });

  it('16 people told about a bad experience: more told, fewer customers without the programme, more negative word of mouth avoided', () => {
    const [none, sixteen, double] = [0, 16, 32].map((told) => at({ wordOfMouth: { toldAfterBad: told } })) as [
      ReturnType<typeof at>,
      ReturnType<typeof at>,
      ReturnType<typeof at>,
    ];
    expect(customers(sixteen)).toBeLessThan(customers(none));
    expect(customers(double)).toBeLessThan(customers(sixteen));
    expect(sixteen.levers.negativeWordOfMouth).toBeGreaterThan(none.levers.negativeWordOfMouth);
    expect(sixteen.roi.mean).toBeGreaterThan(none.roi.mean);
  });

  it('140% more spend after a good experience: the programme’s spend lever grows with it; the baseline’s average stays', () => {
    const flat = at({ spend: { goodMultiplier: 1 } });
    const ratio = at({ spend: { goodMultiplier: 2.4 } });
    expect(ratio.levers.spend).toBeGreaterThan(flat.levers.spend);
    expect(ratio.roi.mean).toBeGreaterThan(flat.roi.mean);
    const month1 = (goodMultiplier: number) =>
      simulate({ spend: { goodMultiplier } }, { runs: 200, seed: 1 }).series[0]?.revenue.baseline.mean ?? 0;
    expect(Math.abs(month1(2.4) / month1(1) - 1)).toBeLessThan(0.002);
  });
});

describe('figures that changed meaning in 0.3.0', () => {
  it('spend.perMonthBad is refused with the name of its replacement', () => {
    expect(() => simulate({ spend: { perMonthBad: 40 } } as never)).toThrow(
      /spend.perMonthBad: was replaced in 0.3.0 by spend.averagePerMonth/,
    );
    expect(() => simulate({ wordOfMouth: { toldAfterGood: 9 } } as never)).toThrow(/renamed in 0.3.0 to wordOfMouth.toldAfterExcellent/);
  });
});
