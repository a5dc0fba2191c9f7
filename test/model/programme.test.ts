import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { armConditions, centralParameters, npsComposition } from '../../src/model/expected.js';
import { expectedMonth } from '../../src/scenario/expected-month.js';
import { drawValues } from '../../src/model/draw.js';
import { investedPBad } from '../../src/scenario/parameters.js';
import { runParameters } from '../../src/model/run-parameters.js';
import { effectScale, simulateRun } from '../../src/model/run.js';
import {
  ScenarioError,
  type ScenarioInput,
  defaultChannels,
  defaultScenario,
  executionSuccessFromMaturity,
  improvementFromBudget,
  maturityQuestionIds,
  maturityQuestions,
  parseScenario,
  simulate,
} from '../../src/index.js';
import { fingerprint030 } from '../helpers/fingerprint.js';

const touchpoints = Object.keys(defaultScenario.journey.touchpointFailure);

/** Expected customers after `months` with the programme fully in effect from month 1. */
function expectedCustomers(input: ScenarioInput, months = 24): number {
  const p = centralParameters(parseScenario(input));
  const { invested } = armConditions(p);
  let customers = p.initialCustomers;
  let prospects = p.prospects;
  for (let t = 0; t < months; t += 1) {
    const m = expectedMonth(customers, prospects, invested, p);
    customers = m.customersEnd;
    prospects = m.prospectsEnd;
  }
  return customers;
}

describe('targeted investment', () => {
  it('a bigger cut on a touchpoint never lowers expected customers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...touchpoints),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (name, a, b) => {
          const [small, large] = a <= b ? [a, b] : [b, a];
          const at = (cut: number) => expectedCustomers({ investment: { failureReduction: { [name]: cut } } });
          expect(at(large)).toBeGreaterThanOrEqual(at(small) - 1e-9);
        },
      ),
    );
  });

  it('leaves the touchpoints it does not name as they were', () => {
    const scenario = parseScenario({ investment: { failureReduction: { delivery: 1 } } });
    const p = runParameters(scenario, drawValues(scenario, 1, 0));
    // Delivery fixed completely: the journey fails only at the other four.
    const others = touchpoints
      .filter((t) => t !== 'delivery')
      .map((t) => defaultScenario.journey.touchpointFailure[t as keyof typeof defaultScenario.journey.touchpointFailure]);
    expect(investedPBad(p, 1)).toBeCloseTo(1 - others.reduce((ok, f) => ok * (1 - f), 1), 15);
    expect(investedPBad(p, 0)).toBeCloseTo(p.pBad, 15);
  });

  it('sums costs given per touchpoint', () => {
    const result = simulate(
      {
        investment: {
          upfront: { delivery: 60_000, order: 40_000 },
          monthly: { delivery: 1_000, order: 500 },
          failureReduction: { delivery: 0.5, order: 0.2 },
        },
      },
      { runs: 3, seed: 1, keepRuns: true },
    );
    const same = simulate(
      { investment: { upfront: 100_000, monthly: 1_500, failureReduction: { delivery: 0.5, order: 0.2 } } },
      { runs: 3, seed: 1, keepRuns: true },
    );
    expect(result.runs?.map((r) => r.levers.cost)).toEqual(same.runs?.map((r) => r.levers.cost));
  });

  it('names a touchpoint that is not in the journey, and a journey without names', () => {
    expect(() => parseScenario({ investment: { failureReduction: { shipping: 0.5 } } })).toThrow(
      /investment\.failureReduction\.shipping: "shipping" is not a touchpoint of the journey \(discover, order, delivery, product, service\)/,
    );
    expect(() => parseScenario({ journey: { touchpointFailure: 0.01 }, investment: { failureReduction: { delivery: 0.5 } } })).toThrow(
      /only when journey.touchpointFailure names them/,
    );
  });
});

describe('how a programme unfolds', () => {
  it('has no effect during the delay: both arms are identical month by month until it ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 99 }), (delay, run) => {
        const scenario = parseScenario({
          horizonMonths: 30,
          investment: { delayMonths: delay, failureReduction: 0.5, executionSuccess: 1 },
        });
        simulateRun(scenario, 3, run, undefined, (month, baseline, invested) => {
          if (month <= delay) expect(invested).toEqual(baseline);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('ramps linearly after the delay', () => {
    const scenario = parseScenario({ investment: { failureReduction: 0.5, delayMonths: 6, rampMonths: 24, executionSuccess: 1 } });
    const p = runParameters(scenario, drawValues(scenario, 1, 0));
    expect(effectScale(p, true, 6)).toBe(0);
    expect(effectScale(p, true, 18)).toBeCloseTo(0.5, 15);
    expect(effectScale(p, true, 30)).toBe(1);
    expect(effectScale(p, true, 60)).toBe(1);
  });

  it('two negatives never make an improvement: a missed programme with a negative missedEffectShare is worse than none, whatever the plan', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: -0.01, noNaN: true }), (planned, missed) => {
        const scenario = parseScenario({
          investment: { failureReduction: planned, missedEffectShare: missed, delayMonths: 0, rampMonths: 0 },
        });
        const p = runParameters(scenario, drawValues(scenario, 1, 0));
        expect(investedPBad(p, effectScale(p, false, 12))).toBeGreaterThanOrEqual(p.pBad);
        const targeted = parseScenario({
          investment: { failureReduction: { delivery: planned }, missedEffectShare: missed, delayMonths: 0, rampMonths: 0 },
        });
        const q = runParameters(targeted, drawValues(targeted, 1, 0));
        expect(investedPBad(q, effectScale(q, false, 12))).toBeGreaterThanOrEqual(q.pBad - 1e-15);
      }),
    );
  });

  it('can backfire: a negative effect loses customers and money', () => {
    const { horizon } = simulate(
      { investment: { failureReduction: -0.5, executionSuccess: 1, excellentShareIncrease: 0 } },
      { runs: 300, seed: 4 },
    );
    expect(horizon.customers.invested.p50).toBeLessThan(horizon.customers.baseline.p50);
    expect(horizon.probabilityPositiveRoi).toBe(0);
    expect(horizon.levers.retention).toBeLessThan(0);
  });
});

describe('the stage gate', () => {
  const gated = (gate: object, extra: ScenarioInput['investment'] = {}) =>
    ({ investment: { ...extra, stageGate: { month: 18, measure: 'effect', threshold: 0.1, ...gate } } }) as ScenarioInput;

  it('a stopped run pays no monthly cost after its gate, and the cost it saved is the rest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 59 }),
        fc.constantFrom('effect' as const, 'roi' as const),
        fc.integer({ min: 0, max: 30 }),
        (month, measure, run) => {
          const scenario = parseScenario(gated({ month, measure, threshold: measure === 'roi' ? 100 : 1 }, { monthly: 5_000 }));
          const result = simulateRun(scenario, 9, run);
          // Thresholds no run can reach: every run is stopped at the gate.
          expect(result.gate?.stoppedMonth).toBe(month);
          const d = (1 + (result.parameters.discountRateAnnual as number)) ** (-1 / 12);
          let paid = 0;
          let rest = 0;
          let discount = 1;
          for (let t = 1; t <= 60; t += 1) {
            discount *= d;
            if (t <= month) paid += discount * 5_000;
            else rest += discount * 5_000;
          }
          expect(-result.levers.cost).toBeCloseTo((result.parameters['investment.upfront'] as number) + paid, 6);
          expect(result.gate?.savedCost).toBeCloseTo(rest, 6);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a gate no run fails changes nothing: the same numbers as without it', () => {
    const without = simulate({}, { runs: 200, seed: 5, keepRuns: true });
    const never = simulate(gated({ threshold: -1 }), { runs: 200, seed: 5, keepRuns: true });
    expect(never.horizon.stageGate?.stoppedShare).toBe(0);
    expect(never.horizon.stageGate?.npvChange).toBe(0);
    expect(fingerprint030(never)).toBe(fingerprint030(without));
  });

  it('stops the runs whose measured effect is below the threshold and reports what that changed', () => {
    const result = simulate(gated({}), { runs: 1000, seed: 2, keepRuns: true });
    const gate = result.horizon.stageGate;
    expect(gate).not.toBeNull();
    const stopped = result.runs?.filter((r) => r.gate?.stoppedMonth === 18) ?? [];
    expect(stopped.length / 1000).toBe(gate?.stoppedShare);
    expect(result.runs).toHaveLength(1000);
    for (const r of result.runs ?? []) expect(r.gate?.stoppedMonth === 18).toBe((r.gate?.measured ?? 0) < 0.1);
    // Most programmes that miss are caught; most carried out pass (the measure is noisy but the effect is large by month 18).
    const missedStopped = stopped.filter((r) => !r.executed).length / Math.max(1, (result.runs ?? []).filter((r) => !r.executed).length);
    expect(missedStopped).toBeGreaterThan(0.5);
    expect(gate?.savedCostAmongStopped).toBeGreaterThan(0);
    expect(gate?.npvChange).toBeCloseTo((result.runs ?? []).reduce((sum, r) => sum + r.npv - (r.gate?.npvWithoutGate ?? 0), 0) / 1000, 6);
  });

  it('fades the effect after a stop, or holds it', () => {
    const [fade, hold] = (['fade', 'hold'] as const).map((afterStop) =>
      simulate(
        gated(
          { measure: 'roi', threshold: 100, month: 40, afterStop, fadeMonths: 6 },
          { delayMonths: 0, rampMonths: 12, executionSuccess: 1 },
        ),
        { runs: 200, seed: 8 },
      ),
    );
    // Stopped at 40 either way; held, the customers keep coming for the last 20 months.
    expect(hold?.horizon.customers.invested.mean).toBeGreaterThan(fade?.horizon.customers.invested.mean ?? Infinity);
  });

  it('an NPS gate measures the rise of NPS over the window above the NPS before the programme, in points', () => {
    const scenario = parseScenario(gated({ measure: 'nps', threshold: 1, month: 24 }));
    let sum = 0;
    const result = simulateRun(scenario, 4, 7, undefined, (month, _, invested) => {
      if (month > 21 && month <= 24) {
        const promoters = invested.excellent * 0.9 + invested.bad * 0.18;
        const detractors = invested.bad * 0.82 + (invested.good - invested.excellent) * 0.1;
        sum += (100 * (promoters - detractors)) / invested.customersStart;
      }
    });
    const p = centralParameters(scenario);
    const before = npsComposition(armConditions(p).baseline, p).score;
    expect(result.gate?.measured).toBeCloseTo(sum / 3 - before, 9);
    expect(result.gate?.stoppedMonth === 24).toBe((result.gate?.measured ?? 0) < 1);
    // No run fails a gate at −200 points.
    expect(simulate(gated({ measure: 'nps', threshold: -200 }), { runs: 50, seed: 1 }).horizon.stageGate?.stoppedShare).toBe(0);
  });

  it('refuses a gate beyond the horizon, and thresholds outside their measure’s range', () => {
    expect(() => parseScenario(gated({ measure: 'effect', threshold: 2 }))).toThrow(
      /investment\.stageGate\.threshold: an effect threshold is a relative cut: from -1 to 1/,
    );
    expect(() => parseScenario(gated({ measure: 'roi', threshold: -5 }))).toThrow(/an ROI threshold is from -1 to 100/);
    expect(() => parseScenario({ horizonMonths: 12, investment: { stageGate: { month: 24, measure: 'roi', threshold: 0 } } })).toThrow(
      /investment\.stageGate\.month: must be within the horizon \(12 months\)/,
    );
  });
});

describe('channels', () => {
  const withChannels = (budget: Record<string, number>, setupCost = 15_000): ScenarioInput => ({
    channels: defaultChannels,
    investment: { failureReduction: 0, channels: { budget, setupCost, halfEffectSpend: 20_000 } },
  });

  it('improvementFromBudget: nothing below the set-up cost, then diminishing returns, never above 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        (a, b, setup, half) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const x = improvementFromBudget(low, setup, half);
          const y = improvementFromBudget(high, setup, half);
          expect(y.cut).toBeGreaterThanOrEqual(x.cut);
          expect(y.cut).toBeLessThanOrEqual(1);
          if (low < setup) expect(x).toEqual({ connects: false, cut: 0 });
        },
      ),
    );
    expect(improvementFromBudget(35_000, 15_000, 20_000).cut).toBeCloseTo(0.5, 15);
  });

  it('improvementFromBudget names a bad argument instead of returning NaN', () => {
    expect(() => improvementFromBudget(Number.NaN, 0, 1)).toThrow(/budget: must be an amount of money/);
    expect(() => improvementFromBudget(1, 0, 0)).toThrow(/halfEffectSpend: must be an amount of money from 1/);
    expect(() => improvementFromBudget(1, -5, 1)).toThrow(ScenarioError);
    expect(() => improvementFromBudget(2, 1, '0' as unknown as number)).toThrow(/halfEffectSpend/);
  });

  it('more budget on a channel never lowers expected customers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(defaultChannels.offered)),
        fc.double({ min: 0, max: 2e5, noNaN: true }),
        fc.double({ min: 0, max: 2e5, noNaN: true }),
        (name, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(expectedCustomers(withChannels({ [name]: high }))).toBeGreaterThanOrEqual(
            expectedCustomers(withChannels({ [name]: low })) - 1e-9,
          );
        },
      ),
    );
  });

  it('unconnected channels fail more often: the silo penalty raises bad experiences', () => {
    const p = (siloPenalty: number) =>
      centralParameters(parseScenario({ business: null, channels: { ...defaultChannels, siloPenalty } })).pBad;
    expect(p(3)).toBeGreaterThan(p(1.5));
    expect(p(1.5)).toBeGreaterThan(centralParameters(parseScenario({ business: null })).pBad);
    // A held business keeps its observed rate: the touchpoints then make up less of it.
    const held = (siloPenalty: number) => centralParameters(parseScenario({ channels: { ...defaultChannels, siloPenalty } }));
    expect(held(3).pBad).toBeCloseTo(0.015, 12);
    expect(held(3).touchpointPBad).toBeLessThan(held(1.5).touchpointPBad);
  });

  it('names bad channel input: shares that do not add up, a budget for a channel not offered, a budget without channels', () => {
    expect(() =>
      parseScenario({ channels: { ...defaultChannels, offered: { phone: { share: 0.5, failure: 0.02, connected: true } } } }),
    ).toThrow(/channels\.offered: the channels' shares of contacts must add up to 1, not 0\.5/);
    expect(() => parseScenario(withChannels({ fax: 10_000 }))).toThrow(/investment\.channels\.budget\.fax: "fax" is not a channel/);
    expect(() => parseScenario({ investment: { channels: { budget: { phone: 1 }, setupCost: 0, halfEffectSpend: 1 } } })).toThrow(
      /needs the scenario’s channels/,
    );
    // An optional section has no defaults to fill a field left out: it is named as missing.
    expect(() => parseScenario({ channels: { contactRate: 0.2 } } as never)).toThrow(
      /channels\.siloPenalty: missing: this section has no defaults/,
    );
  });

  it('adds the channel budget to the upfront cost', () => {
    const run = simulate(withChannels({ phone: 40_000, email: 10_000 }), { runs: 1, seed: 1, keepRuns: true }).runs?.[0];
    const plain = simulate(
      { investment: { failureReduction: 0, upfront: (defaultScenario.investment.upfront as number) + 50_000 } },
      { runs: 1, seed: 1, keepRuns: true },
    ).runs?.[0];
    expect(run?.levers.cost).toBeCloseTo(plain?.levers.cost ?? 0, 6);
  });
});

describe('maturity', () => {
  const all = (answer: string) => Object.fromEntries(maturityQuestionIds.map((id) => [id, answer]));
  const rank = { no: 0, partly: 1, yes: 2 } as const;
  const answersArbitrary = fc.tuple(...maturityQuestionIds.map(() => fc.constantFrom('no' as const, 'partly' as const, 'yes' as const)));

  it('exports the nine questions of article 001 in three parts, each with the article’s words', () => {
    expect(maturityQuestions).toHaveLength(9);
    expect(maturityQuestions.map((q) => q.part)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
    for (const q of maturityQuestions) expect(q.quote.endsWith('?')).toBe(true);
  });

  it('all "partly" lands exactly on the published 20–30%; the ends are 2–12% and 55–65%', () => {
    expect(executionSuccessFromMaturity(all('partly'))).toEqual({ dist: 'uniform', min: 0.2, max: 0.3 });
    const none = executionSuccessFromMaturity(all('no'));
    const every = executionSuccessFromMaturity(all('yes'));
    expect(none.min).toBeGreaterThan(0);
    expect(none.max).toBeLessThan(0.2);
    expect(every.min).toBeCloseTo(0.55, 9);
    expect(every.max).toBeCloseTo(0.65, 9);
  });

  it('more "yes" never lowers the chance', () => {
    fc.assert(
      fc.property(answersArbitrary, fc.integer({ min: 0, max: 8 }), (answers, i) => {
        const before: Record<string, string> = Object.fromEntries(maturityQuestionIds.map((id, j) => [id, answers[j] as string]));
        const current = answers[i] as keyof typeof rank;
        // One answer one step better: no → partly, partly → yes.
        const better = current === 'no' ? 'partly' : 'yes';
        const after = { ...before, [maturityQuestionIds[i] as string]: better };
        expect(executionSuccessFromMaturity(after).min).toBeGreaterThanOrEqual(executionSuccessFromMaturity(before).min);
        expect(rank[better]).toBeGreaterThanOrEqual(rank[current]);
      }),
    );
  });

  it('a scenario may give the answers instead of executionSuccess, not both', () => {
    const scenario = parseScenario({ investment: { maturity: all('yes') } });
    expect(scenario.investment.executionSuccess).toEqual(executionSuccessFromMaturity(all('yes')));
    expect(parseScenario(scenario)).toEqual(scenario);
    expect(() => parseScenario({ investment: { maturity: all('yes'), executionSuccess: 0.5 } })).toThrow(
      /investment\.executionSuccess: is set by investment\.maturity/,
    );
    expect(() => parseScenario({ investment: { maturity: { ...all('yes'), dedicatedTeam: 'maybe' } } })).toThrow(ScenarioError);
    expect(() => executionSuccessFromMaturity({ leadershipUnderstands: 'yes' })).toThrow(ScenarioError);
    try {
      executionSuccessFromMaturity({ leadershipUnderstands: 'yes', extra: 'no' });
    } catch (error) {
      const paths = (error as ScenarioError).issues.map((i) => i.path);
      // Every missing answer is named, and the unknown key.
      expect(paths).toEqual(expect.arrayContaining(['answers.notOnlyMarketing', 'answers.researchTools', 'answers.extra']));
    }
    // An unknown key in a scenario's answers is named once, not blamed on executionSuccess too.
    try {
      parseScenario({ investment: { maturity: { ...all('yes'), extra: 'no' } } });
    } catch (error) {
      expect((error as ScenarioError).issues.map((i) => i.path)).toEqual(['investment.maturity.extra']);
    }
  });
});

describe('NPS', () => {
  it('the simulated NPS of month 1 agrees with the expected composition within 4 standard errors, in both arms', () => {
    const input = { investment: { delayMonths: 0, rampMonths: 0, executionSuccess: 1, failureReduction: 0.5 } };
    const result = simulate(input, { runs: 2000, seed: 11 });
    const p = centralParameters(parseScenario(input));
    const arms = armConditions(p);
    for (const arm of ['baseline', 'invested'] as const) {
      const expected = npsComposition(arms[arm], p).score;
      const band = result.series[0]?.nps[arm].score;
      // The spread of one month's survey over 10,000 customers is about a point: 4 s.e. of a 2,000-run mean is far tighter.
      expect(Math.abs((band?.mean ?? 0) - expected)).toBeLessThan(0.2);
    }
    expect(result.series[0]?.nps.invested.score.mean).toBeGreaterThan(result.series[0]?.nps.baseline.score.mean ?? Infinity);
  });

  it('calibrate takes an observed NPS and the scenario gives it back', async () => {
    const { calibrate, impliedKpis } = await import('../../src/index.js');
    for (const nps of [-5, 20, 45]) {
      const scenario = calibrate({
        customers: 10_000,
        annualRetention: 0.8,
        averageRevenuePerCustomerMonthly: 90,
        newCustomersMonthly: 180,
        badExperienceShareMonthly: 0.015,
        nps,
      });
      expect(impliedKpis(scenario).baseline.nps).toBeCloseTo(nps, 6);
    }
    expect(() =>
      calibrate({
        customers: 10_000,
        annualRetention: 0.8,
        averageRevenuePerCustomerMonthly: 90,
        newCustomersMonthly: 180,
        badExperienceShareMonthly: 0.015,
        nps: 95,
      }),
    ).toThrow(/NPS lies between −10\.8 \(no excellent journeys\) and 87\.7/);
  });
});

describe('describeAssumptions of the new parts', () => {
  it('lists channels, channel budgets and the gate when given, and says where a derived executionSuccess comes from', async () => {
    const { describeAssumptions } = await import('../../src/index.js');
    const rows = describeAssumptions({
      channels: defaultChannels,
      investment: {
        failureReduction: { delivery: 0.5 },
        maturity: Object.fromEntries(maturityQuestionIds.map((id, i) => [id, i < 3 ? 'yes' : 'no'])),
        channels: { budget: { chat: 10_000 }, setupCost: 1_000, halfEffectSpend: 5_000 },
        stageGate: { month: 12, measure: 'roi', threshold: -0.5 },
      },
    });
    const paths = rows.map((r) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'channels.contactRate',
        'channels.siloPenalty',
        'channels.offered.chat.failure',
        'investment.failureReduction.delivery',
        'investment.channels.budget.chat',
        'investment.delayMonths',
        'investment.stageGate.month',
        'wordOfMouth.recommendAfterBad',
      ]),
    );
    expect(rows.find((r) => r.path === 'investment.executionSuccess')?.note).toContain('3 yes, 0 partly, 6 no');
    expect(rows.find((r) => r.path === 'wordOfMouth.recommendAfterBad')?.source?.credit).toBe('Temkin Group');
    expect(rows.find((r) => r.path === 'investment.delayMonths')?.source?.article).toBe('004_7f02ceec3e3ccea8.txt');
  });
});

describe('realityCheck', () => {
  it('refuses options it does not take, as simulate does, and says how the missed share splits by execution', async () => {
    const { realityCheck } = await import('../../src/index.js');
    expect(() => realityCheck({ run: 10 } as never)).toThrow(/options\.run: is not an option of realityCheck; did you mean "runs"/);
    expect(() => realityCheck({ runs: null } as never)).toThrow(ScenarioError);
    expect(() => realityCheck({ seed: null } as never)).toThrow(ScenarioError);
    expect(() => realityCheck([] as never)).toThrow(ScenarioError);
    const check = realityCheck({ runs: 400, seed: 2 });
    const { share, amongExecuted, amongNotExecuted } = check.missedGoal;
    expect(share).toBeCloseTo((amongExecuted ?? 0) * check.executedShare + (amongNotExecuted ?? 0) * (1 - check.executedShare), 12);
    expect(check.outcomeClasses.positive + check.outcomeClasses.middling + check.outcomeClasses.negative).toBeCloseTo(1, 12);
  });
});
