import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeFigure, withGeneratedTable } from '../scripts/docs.js';
import { impliedKpis, realityCheck, simulate } from '../src/index.js';

const root = join(import.meta.dirname, '..');

describe('generated docs (run `npm run docs` after changing the schema or the model)', () => {
  it('the README carries the assumptions table generated from the schema', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toBe(withGeneratedTable(readme));
    expect(readme).toContain('| `churn.switchAfterBad` | 0.86 |');
  });

  it('the README’s figure is the default scenario’s ROI chart as the model draws it today', () => {
    expect(readFileSync(join(root, 'docs/roi-fan.svg'), 'utf8')).toBe(readmeFigure());
  });

  it('the README’s figures for the default business, its levers and its outcome split are today’s', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    const { baseline, withoutProgramme } = impliedKpis();
    expect(readme).toContain(
      `monthly churn ${(100 * baseline.monthlyChurn).toFixed(2)}% (${Math.round(100 * (baseline.churnFromBadExperiences ?? 0))}% of it after bad experiences), mean tenure ${Math.round(baseline.meanTenureMonths ?? 0)} months, lifetime value ${n(baseline.customerLifetimeValue ?? 0)}, and without the programme ${n(withoutProgramme.customersAtHorizon)} customers after five years (−${Math.round(-100 * withoutProgramme.growth)}%)`,
    );
    const { levers, outcomeClasses: oc } = simulate({}, { runs: 1000, seed: 1 }).horizon;
    const cell = (x: number) => (x < 0 ? `−${n(-x)}` : n(x));
    expect(readme).toContain(`| ${[levers.retention, levers.spend, levers.positiveWordOfMouth, levers.negativeWordOfMouth, levers.cost, levers.npv].map(cell).join(' | ')} |`);
    const pct = (x: number) => `${Math.round(100 * x)}%`;
    expect(readme).toContain(`(${pct(oc.positive)} / ${pct(oc.middling)} / ${pct(oc.negative)} at 1,000 runs, seed 1; χ² distance ${oc.chiSquareDistance.toFixed(3)})`);
  });

  it('the README’s reality check and stage gate figures are today’s', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const check = realityCheck({ runs: 2000, seed: 1 });
    const oc = check.outcomeClasses;
    expect(readme).toContain(`| typical programmes, model | ${pct(oc.positive)} | ${pct(oc.middling)} | ${pct(oc.negative)} | ${pct(check.missedGoal.share)} ± ${pct(check.missedGoal.standardError)} |`);
    expect(readme).toContain(`χ² distance from Accenture's split: ${oc.chiSquareDistance.toFixed(3)}`);
    const n = (x: number) => Math.round(x).toLocaleString('en-US');
    const gate = { month: 18, measure: 'effect' as const, threshold: 0.1 };
    const plain = simulate({ investment: { stageGate: gate } }, { runs: 2000, seed: 1 }).horizon.stageGate;
    const backfire = simulate({ investment: { stageGate: gate, missedEffectShare: -0.3 } }, { runs: 2000, seed: 1 }).horizon.stageGate;
    if (!plain || !backfire) throw new Error('no gate summary');
    expect(readme).toContain(`stops ${pct(plain.stoppedShare)} of runs, saves ${n(plain.savedCost)} of monthly cost a run on average, and *loses* ${n(-plain.npvChange)} ± ${n(plain.npvChangeStandardError)} of NPV a run`);
    expect(readme).toContain(`the same gate stops ${pct(backfire.stoppedShare)} and adds ${n(backfire.npvChange)} ± ${n(backfire.npvChangeStandardError)} a run`);
    const hold = simulate({ investment: { stageGate: { ...gate, afterStop: 'hold' } } }, { runs: 2000, seed: 1 }).horizon.stageGate;
    const backfireHold = simulate({ investment: { stageGate: { ...gate, afterStop: 'hold' }, missedEffectShare: -0.3 } }, { runs: 2000, seed: 1 }).horizon.stageGate;
    if (!hold || !backfireHold) throw new Error('no gate summary');
    expect(readme).toContain(`(with \`hold\`: ${n(-hold.npvChange)} ± ${n(hold.npvChangeStandardError)})`);
    expect(readme).toContain(`(with \`hold\`, which keeps the harm done: ${n(backfireHold.npvChange)} ± ${n(backfireHold.npvChangeStandardError)};`);
    const among = (x: number | null) => `${(100 * (x ?? NaN)).toFixed(1)}%`;
    expect(readme).toContain(`(${among(check.missedGoal.amongExecuted)} of those carried out miss, ${among(check.missedGoal.amongNotExecuted)} of the others)`);
  });

  it('the README’s NPS figures are today’s: the default business’s survey, what detractorAfterOrdinary does to calibration, and early ROI gates', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const { calibrate, defaultBusiness } = await import('../src/index.js');
    const { armConditions, centralParameters, npsComposition } = await import('../src/business/expected.js');
    const { parseScenario } = await import('../src/index.js');
    const p = centralParameters(parseScenario({}));
    const nps = npsComposition(armConditions(p).baseline, p);
    const pct = (x: number) => `${Math.round(100 * x)}%`;
    expect(readme).toContain(`NPS 20 is ${pct(nps.promoters)} promoters, ${pct(nps.passives)} passives, ${pct(nps.detractors)} detractors`);
    const shares = [0, 0.1, 0.2].map((d) => calibrate(defaultBusiness, { wordOfMouth: { detractorAfterOrdinary: d } }).wordOfMouth.excellentShare as number);
    expect(readme).toContain(`an excellent share of ${shares.map((x) => x.toFixed(3)).join(', ').replace(/, ([^,]*)$/, ' or $1')}`);
    // "Before the programme can have paid back, an ROI gate stops nearly every run."
    const early = simulate({ investment: { stageGate: { month: 18, measure: 'roi', threshold: 0 } } }, { runs: 500, seed: 1 }).horizon.stageGate;
    expect(early?.stoppedShare).toBeGreaterThan(0.95);
  });

  it('the default programme lands near Accenture’s split, the target its costs were tuned to', () => {
    expect(simulate({}, { runs: 4000, seed: 'accenture' }).horizon.outcomeClasses.chiSquareDistance).toBeLessThan(0.02);
  });
});
