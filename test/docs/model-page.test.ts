import { describe, expect, it } from 'vitest';
import { impliedKpis, realityCheck, simulate } from '../../src/index.js';
import { page } from './pages.js';

describe('the model page’s figures are today’s', () => {
  it('the model page’s figures for the default business, its levers and its outcome split are today’s', () => {
    const doc = page('docs/model.md');
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    const { baseline, withoutProgramme } = impliedKpis();
    expect(doc).toContain(
      `monthly churn ${(100 * baseline.monthlyChurn).toFixed(2)}% (${Math.round(100 * (baseline.churnFromBadExperiences ?? 0))}% of it after bad experiences), mean tenure ${Math.round(baseline.meanTenureMonths ?? 0)} months, lifetime value ${n(baseline.customerLifetimeValue ?? 0)}, and without the programme ${n(withoutProgramme.customersAtHorizon)} customers after five years (−${Math.round(-100 * withoutProgramme.growth)}%)`,
    );
    const { levers, outcomeClasses: oc } = simulate({}, { runs: 1000, seed: 1 }).horizon;
    const cell = (x: number) => (x < 0 ? `−${n(-x)}` : n(x));
    expect(doc).toContain(
      `| ${[levers.retention, levers.spend, levers.positiveWordOfMouth, levers.negativeWordOfMouth, levers.cost, levers.npv].map(cell).join(' | ')} |`,
    );
    const pct = (x: number) => `${Math.round(100 * x)}%`;
    expect(doc).toContain(
      `(${pct(oc.positive)} / ${pct(oc.middling)} / ${pct(oc.negative)} at 1,000 runs, seed 1; χ² distance ${oc.chiSquareDistance.toFixed(3)})`,
    );
  });

  it('the model page’s reality check and stage gate figures are today’s', () => {
    const doc = page('docs/model.md');
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const check = realityCheck({ runs: 2000, seed: 1 });
    const oc = check.outcomeClasses;
    expect(doc).toContain(
      `| typical programmes, model | ${pct(oc.positive)} | ${pct(oc.middling)} | ${pct(oc.negative)} | ${pct(check.missedGoal.share)} ± ${pct(check.missedGoal.standardError)} |`,
    );
    expect(doc).toContain(`χ² distance from Accenture's split: ${oc.chiSquareDistance.toFixed(3)}`);
    const n = (x: number) => (x < 0 ? `−${Math.round(-x).toLocaleString('en-US')}` : Math.round(x).toLocaleString('en-US'));
    const gate = { month: 18, measure: 'effect' as const, threshold: 0.1 };
    const plain = simulate({ investment: { stageGate: gate } }, { runs: 2000, seed: 1 }).horizon.stageGate;
    const backfire = simulate({ investment: { stageGate: gate, missedEffectShare: -0.3 } }, { runs: 2000, seed: 1 }).horizon.stageGate;
    if (!plain || !backfire) throw new Error('no gate summary');
    expect(doc).toContain(
      `stops ${pct(plain.stoppedShare)} of runs, saves ${n(plain.savedCost)} of monthly cost a run on average, and *loses* ${n(-plain.npvChange)} ± ${n(plain.npvChangeStandardError)} of NPV a run`,
    );
    expect(doc).toContain(
      `the same gate stops ${pct(backfire.stoppedShare)} and adds ${n(backfire.npvChange)} ± ${n(backfire.npvChangeStandardError)} a run`,
    );
    const hold = simulate({ investment: { stageGate: { ...gate, afterStop: 'hold' } } }, { runs: 2000, seed: 1 }).horizon.stageGate;
    const backfireHold = simulate(
      { investment: { stageGate: { ...gate, afterStop: 'hold' }, missedEffectShare: -0.3 } },
      { runs: 2000, seed: 1 },
    ).horizon.stageGate;
    if (!hold || !backfireHold) throw new Error('no gate summary');
    expect(doc).toContain(`(with \`hold\`: ${n(-hold.npvChange)} ± ${n(hold.npvChangeStandardError)})`);
    expect(doc).toContain(
      `(with \`hold\`, which keeps the harm done: ${n(backfireHold.npvChange)} ± ${n(backfireHold.npvChangeStandardError)};`,
    );
    const among = (x: number | null) => `${(100 * (x ?? NaN)).toFixed(1)}%`;
    expect(doc).toContain(
      `(${among(check.missedGoal.amongExecuted)} of those carried out miss, ${among(check.missedGoal.amongNotExecuted)} of the others)`,
    );
  });

  it('the model page’s NPS figures are today’s: the default business’s survey, what detractorAfterOrdinary does to calibration, and early ROI gates', async () => {
    const doc = page('docs/model.md');
    const { calibrate, defaultBusiness } = await import('../../src/index.js');
    const { armConditions, centralParameters, npsComposition } = await import('../../src/model/expected.js');
    const { parseScenario } = await import('../../src/index.js');
    const p = centralParameters(parseScenario({}));
    const nps = npsComposition(armConditions(p).baseline, p);
    const pct = (x: number) => `${Math.round(100 * x)}%`;
    expect(doc).toContain(`NPS 20 is ${pct(nps.promoters)} promoters, ${pct(nps.passives)} passives, ${pct(nps.detractors)} detractors`);
    const shares = [0, 0.1, 0.2].map(
      (d) => calibrate(defaultBusiness, { wordOfMouth: { detractorAfterOrdinary: d } }).wordOfMouth.excellentShare as number,
    );
    expect(doc).toContain(
      `an excellent share of ${shares
        .map((x) => x.toFixed(3))
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1')}`,
    );
    // "Before the programme can have paid back, an ROI gate stops nearly every run."
    const early = simulate({ investment: { stageGate: { month: 18, measure: 'roi', threshold: 0 } } }, { runs: 500, seed: 1 }).horizon
      .stageGate;
    expect(early?.stoppedShare).toBeGreaterThan(0.95);
  });

  it('nothing in the default is tuned to Accenture’s split: the numbers once tuned to it are uncertain, and it lands where it lands', async () => {
    const { defaultScenario } = await import('../../src/index.js');
    expect(defaultScenario.investment.missedEffectShare).toEqual({ dist: 'uniform', min: 0, max: 0.6 });
    expect(typeof defaultScenario.wordOfMouth.conversionPerTell).toBe('object');
    // 0.5's tuned default landed within 0.02 of the split; today's is far from it, and the model page says so.
    expect(simulate({}, { runs: 4000, seed: 'accenture' }).horizon.outcomeClasses.chiSquareDistance).toBeGreaterThan(0.1);
  });
});
