import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeFigure, withGeneratedTable } from '../scripts/docs.js';
import { readmeBlock } from './consumers/readme.js';
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
    const n = (x: number) => (x < 0 ? `−${Math.round(-x).toLocaleString('en-US')}` : Math.round(x).toLocaleString('en-US'));
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
    const { armConditions, centralParameters, npsComposition } = await import('../src/model/expected.js');
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

  it('nothing in the default is tuned to Accenture’s split: the numbers once tuned to it are uncertain, and it lands where it lands', async () => {
    const { defaultScenario } = await import('../src/index.js');
    expect(defaultScenario.investment.missedEffectShare).toEqual({ dist: 'uniform', min: 0, max: 0.6 });
    expect(typeof defaultScenario.wordOfMouth.conversionPerTell).toBe('object');
    // 0.5's tuned default landed within 0.02 of the split; today's is far from it, and the README says so.
    expect(simulate({}, { runs: 4000, seed: 'accenture' }).horizon.outcomeClasses.chiSquareDistance).toBeGreaterThan(0.1);
  });
  it('the README’s decision figures are today’s: compare, break-even, sensitivity over the months, value of information', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const { breakEven, compare, sensitivity } = await import('../src/index.js');
    const { valueOfInformationFromRuns } = await import('../src/decisions/value-of-information.js');
    const n = (x: number) => (x < 0 ? `−${Math.round(-x).toLocaleString('en-US')}` : Math.round(x).toLocaleString('en-US'));
    const signed = (x: number) => (x < 0 ? n(x) : `+${n(x)}`);
    const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
    const bold = { investment: { upfront: 250_000, failureReduction: { dist: 'pert', min: 0.3, mode: 0.5, max: 0.7 } } } as const;
    const pair = compare({ now: {}, bold }, { runs: 2000, seed: 1 }).pairs[0];
    if (!pair) throw new Error('no pair');
    expect(readme).toContain(`bold beats it in ${pct(pair.probabilityBBeatsA)} ± ${pct(pair.probabilityBBeatsAStandardError)} of runs, the NPV difference has median ${n(pair.npv.p50)} and 5–95% band ${n(pair.npv.p5)} to ${signed(pair.npv.p95)} (the mean, ${signed(pair.npv.mean)} ± ${n(pair.npvMeanStandardError)}`);
    expect(readme).toContain(`the default pays back sooner in ${pct(pair.paybackMonth.aSoonerShare)} of runs`);
    const upfront = breakEven({}, { vary: 'investment.upfront', target: { metric: 'roiMedian', value: 0 } });
    expect(readme).toContain(`spend up front for a median ROI of 0 is ${n(upfront.value ?? 0)} ± ${n(upfront.valueStandardError ?? 0)} (${upfront.evaluations.length} simulations of 1,000 runs`);
    const capped = breakEven({}, { vary: 'investment.failureReduction', target: { metric: 'probabilityPaidBackBy', month: 36, value: 0.8 } });
    expect(capped.status).toBe('not-reached');
    expect(readme).toContain(`at a cut of 100% the chance is ${pct(capped.best.reached)}`);
    const certain = breakEven({ investment: { executionSuccess: 1 } }, { vary: 'investment.failureReduction', target: { metric: 'probabilityPaidBackBy', month: 36, value: 0.8 } });
    expect(readme).toContain(`a failure reduction of ${pct(certain.value ?? 0)} ± ${pct(certain.valueStandardError ?? 0)} does it`);
    const result = simulate({}, { runs: 10_000, seed: 1, keepRuns: true });
    const s = sensitivity(result, { swings: { runs: 2000 } });
    const share = (month: number, path: string) => pct(s.months.find((m) => m.month === month)?.drivers.find((d) => d.path === path)?.firstOrder ?? Number.NaN, 0);
    // The three largest first-order shares at months 12, 24 and 60, in the README's words.
    const words: Record<string, string> = {
      'investment.delayMonths': 'delay before the effect',
      'investment.executed': 'carried out as planned',
      'investment.failureReduction': 'failure reduction',
      'investment.missedEffectShare': 'what a missed programme delivers',
    };
    for (const month of [12, 24, 60]) {
      const top = s.months.find((m) => m.month === month)?.drivers.slice(0, 3) ?? [];
      expect(readme).toContain(`| ${month} | ${top.map((d) => `${words[d.path] ?? d.path}, ${share(month, d.path)}`).join(' | ')} |`);
    }
    const figure = (path: string) => s.fixedFigures?.figures.find((f) => f.path === path);
    const at = (path: string) => figure(path)?.atMonths.at(-1);
    const reading = (path: string, value: number) => figure(path)?.readings.find((r) => r.value === value)?.atMonths.at(-1);
    expect(s.fixedFigures?.figures.slice(0, 3).map((f) => f.path)).toEqual(['churn.switchAfterBad', 'wordOfMouth.tellingPeriodMonths', 'wordOfMouth.toldAfterExcellent']);
    const pm = (x: { swing: number; swingStandardError: number } | undefined) => `${signed(x?.swing ?? NaN)} ± ${n(x?.swingStandardError ?? NaN)}`;
    expect(readme).toContain(`(${pm(at('churn.switchAfterBad'))} between 69% and 100%; at the published 19% it falls by ${n(-(reading('churn.switchAfterBad', 0.19)?.swing ?? NaN))} ± ${n(reading('churn.switchAfterBad', 0.19)?.swingStandardError ?? NaN)}, at 22% by ${n(-(reading('churn.switchAfterBad', 0.22)?.swing ?? NaN))} ± ${n(reading('churn.switchAfterBad', 0.22)?.swingStandardError ?? NaN)})`);
    expect(readme).toContain(`(${pm(at('wordOfMouth.tellingPeriodMonths'))} between 9.6 and 14.4 months; over a whole tenure, ${pm(reading('wordOfMouth.tellingPeriodMonths', 54))}) and the 9 people told (${pm(at('wordOfMouth.toldAfterExcellent'))})`);
    expect(readme).toContain(`the 140% spend uplift moves it ${n(at('spend.goodMultiplier')?.swing ?? NaN)} ± ${n(at('spend.goodMultiplier')?.swingStandardError ?? NaN)} (its paired mean, ${signed(at('spend.goodMultiplier')?.meanSwing ?? NaN)}, is settled), and at American Express's 13% it falls by ${n(-(reading('spend.goodMultiplier', 1.13)?.swing ?? NaN))} ± ${n(reading('spend.goodMultiplier', 1.13)?.swingStandardError ?? NaN)}`);
    expect(at('spend.goodMultiplier')?.direction).toBe('up');
    // Held at NPS 20, recommendAfterBad sets the excellent share, so it is no longer exactly 0: its sign is not settled.
    expect(Math.abs(at('wordOfMouth.recommendAfterBad')?.swing ?? NaN)).toBeLessThan(2 * (at('wordOfMouth.recommendAfterBad')?.swingStandardError ?? 0));
    const voi = valueOfInformationFromRuns(result);
    expect(readme).toContain(`expected NPV ${signed(voi.decision.expectedNpv)} ± ${n(voi.decision.expectedNpvStandardError)}; investing is the better choice in ${pct(voi.decision.investBetterShare)} of runs) and EVPI is only ${n(voi.evpi)} ± ${n(voi.evpiStandardError)}`);
    const evppi = (path: string) => n(voi.partial.find((p) => p.path === path)?.evppi ?? Number.NaN);
    expect(readme).toContain(`knowing whether the programme will be carried out would be worth ${evppi('investment.executed')}, what a missed one still delivers ${evppi('investment.missedEffectShare')}`);
    expect(readme).toContain(`and the two together ${n(voi.partial.find((p) => p.paths.length === 2)?.evppi ?? Number.NaN)}, nearly all of EVPI`);
    const missed = (result.runs ?? []).filter((r) => !r.executed).map((r) => r.npv);
    expect(readme).toContain(`a missed programme averages ${signed(missed.reduce((a, b) => a + b, 0) / missed.length)}`);
    expect(voi.partial.find((p) => p.path === 'investment.executionSuccess')?.evppi).toBeLessThan(1);
    const ties = 1 - pair.paybackMonth.aSoonerShare - pair.paybackMonth.bSoonerShare;
    expect(readme).toContain(`(in ${pct(ties)} the two pay back in the same month or neither does; 2,000 runs)`);
  });
  it.runIf(existsSync(join(root, 'dist/cli.js')))('the README’s terminal examples run as pasted in an empty folder, with the built CLI as npx cx-roi', () => {
    const block = readmeBlock('## Use it from the terminal', 'sh');
    const dir = mkdtempSync(join(tmpdir(), 'cx-roi-readme-cli-'));
    try {
      // Only what a package user has: the files the block writes itself. `npx cx-roi` is the built CLI.
      const script = `set -e\nnpx() { if [ "$1" = cx-roi ]; then shift; node ${JSON.stringify(join(root, 'dist/cli.js'))} "$@"; else command npx "$@"; fi; }\n${block}`;
      execFileSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
      for (const file of ['bands.csv', 'runs.csv', 'mine.json']) expect(statSync(join(dir, file)).size, file).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(join(dir, 'mine.json'), 'utf8')).business.customers).toBe(42_000);
      expect(readFileSync(join(dir, 'runs.csv'), 'utf8').trim().split('\n').length).toBeGreaterThan(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
  it('the README names every runtime export', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const api = await import('../src/index.js');
    expect(Object.keys(api).filter((name) => !readme.includes(`\`${name}`))).toEqual([]);
  });
  it('the TypeDoc API reference builds without a warning (npm run docs writes it to docs/api)', async () => {
    const { execFileSync } = await import('node:child_process');
    // typedoc.json treats warnings as errors: an undocumented reference or a stale @param fails here.
    expect(execFileSync(join(root, 'node_modules/.bin/typedoc'), ['--emit', 'none'], { cwd: root, encoding: 'utf8' })).toBe('');
  });
  it('each scenario field’s TSDoc in the schema is generated from its metadata (npm run docs)', async () => {
    const { schemaFile, withFieldDocs } = await import('../scripts/field-docs.js');
    const text = readFileSync(schemaFile, 'utf8');
    expect(text).toBe(withFieldDocs(text));
    expect(text).toMatch(/\* Source: the article’s own statistics, “86% switch to another brand after one bad experience”[^\n]*\n\s+\* @defaultValue 0\.86\n\s+\*\/\n\s+switchAfterBad: /);
  });
});
