import { describe, expect, it } from 'vitest';
import { valueOfInformationFromRuns } from '../../src/decisions/value-of-information.js';
import { sensitivity, simulate } from '../../src/index.js';
import { n, page, pct, signed } from './pages.js';

describe('the deciding page’s figures are today’s', () => {
  it('sensitivity over the months, the published figures swung, and the value of information', () => {
    const doc = page('docs/deciding.md');
    const result = simulate({}, { runs: 10_000, seed: 1, keepRuns: true });
    const s = sensitivity(result, { swings: { runs: 2000 } });
    const share = (month: number, path: string) =>
      pct(s.months.find((m) => m.month === month)?.drivers.find((d) => d.path === path)?.firstOrder ?? Number.NaN, 0);
    // The three largest first-order shares at months 12, 24 and 60, in the page's words.
    const words: Record<string, string> = {
      'investment.delayMonths': 'delay before the effect',
      'investment.executed': 'carried out as planned',
      'investment.failureReduction': 'failure reduction',
      'investment.missedEffectShare': 'what a missed programme delivers',
    };
    for (const month of [12, 24, 60]) {
      const top = s.months.find((m) => m.month === month)?.drivers.slice(0, 3) ?? [];
      expect(doc).toContain(`| ${month} | ${top.map((d) => `${words[d.path] ?? d.path}, ${share(month, d.path)}`).join(' | ')} |`);
    }
    const figure = (path: string) => s.fixedFigures?.figures.find((f) => f.path === path);
    const at = (path: string) => figure(path)?.atMonths.at(-1);
    const reading = (path: string, value: number) =>
      figure(path)
        ?.readings.find((r) => r.value === value)
        ?.atMonths.at(-1);
    expect(s.fixedFigures?.figures.slice(0, 3).map((f) => f.path)).toEqual([
      'churn.switchAfterBad',
      'wordOfMouth.tellingPeriodMonths',
      'wordOfMouth.toldAfterExcellent',
    ]);
    const pm = (x: { swing: number; swingStandardError: number } | undefined) =>
      `${signed(x?.swing ?? NaN)} ± ${n(x?.swingStandardError ?? NaN)}`;
    expect(doc).toContain(
      `(${pm(at('churn.switchAfterBad'))} between 69% and 100%; at the published 19% it falls by ${n(-(reading('churn.switchAfterBad', 0.19)?.swing ?? NaN))} ± ${n(reading('churn.switchAfterBad', 0.19)?.swingStandardError ?? NaN)}, at 22% by ${n(-(reading('churn.switchAfterBad', 0.22)?.swing ?? NaN))} ± ${n(reading('churn.switchAfterBad', 0.22)?.swingStandardError ?? NaN)})`,
    );
    expect(doc).toContain(
      `(${pm(at('wordOfMouth.tellingPeriodMonths'))} between 9.6 and 14.4 months; over a whole tenure, ${pm(reading('wordOfMouth.tellingPeriodMonths', 54))}) and the 9 people told (${pm(at('wordOfMouth.toldAfterExcellent'))})`,
    );
    expect(doc).toContain(
      `the 140% spend uplift moves it ${n(at('spend.goodMultiplier')?.swing ?? NaN)} ± ${n(at('spend.goodMultiplier')?.swingStandardError ?? NaN)} (its paired mean, ${signed(at('spend.goodMultiplier')?.meanSwing ?? NaN)}, is settled), and at American Express's 13% it falls by ${n(-(reading('spend.goodMultiplier', 1.13)?.swing ?? NaN))} ± ${n(reading('spend.goodMultiplier', 1.13)?.swingStandardError ?? NaN)}`,
    );
    expect(at('spend.goodMultiplier')?.direction).toBe('up');
    // Held at NPS 20, recommendAfterBad sets the excellent share, so it is no longer exactly 0: its sign is not settled.
    expect(Math.abs(at('wordOfMouth.recommendAfterBad')?.swing ?? NaN)).toBeLessThan(
      2 * (at('wordOfMouth.recommendAfterBad')?.swingStandardError ?? 0),
    );
    const voi = valueOfInformationFromRuns(result);
    expect(doc).toContain(
      `expected NPV ${signed(voi.decision.expectedNpv)} ± ${n(voi.decision.expectedNpvStandardError)}; investing is the better choice in ${pct(voi.decision.investBetterShare)} of runs) and EVPI is only ${n(voi.evpi)} ± ${n(voi.evpiStandardError)}`,
    );
    const evppi = (path: string) => n(voi.partial.find((p) => p.path === path)?.evppi ?? Number.NaN);
    expect(doc).toContain(
      `knowing whether the programme will be carried out would be worth ${evppi('investment.executed')}, what a missed one still delivers ${evppi('investment.missedEffectShare')}`,
    );
    expect(doc).toContain(
      `and the two together ${n(voi.partial.find((p) => p.paths.length === 2)?.evppi ?? Number.NaN)}, nearly all of EVPI`,
    );
    const missed = (result.runs ?? []).filter((r) => !r.executed).map((r) => r.npv);
    expect(doc).toContain(`a missed programme averages ${signed(missed.reduce((a, b) => a + b, 0) / missed.length)}`);
    expect(voi.partial.find((p) => p.path === 'investment.executionSuccess')?.evppi).toBeLessThan(1);
  });
});
