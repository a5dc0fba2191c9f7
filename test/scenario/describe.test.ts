import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, alternatives, assumptionsMarkdown, describeAssumptions, describeValue, sources } from '../../src/index.js';

// The source articles live beside the project (shared/seeds); CX_ROI_SEEDS may point elsewhere.
const seedsDir = process.env.CX_ROI_SEEDS ?? join(import.meta.dirname, '../../../shared/seeds');
const normalise = (text: string) => text.replace(/\s+/g, ' ');

describe('describeAssumptions', () => {
  const rows = describeAssumptions();

  it('lists every numeric field once, touchpoints one by one', () => {
    const paths = rows.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of [
      'horizonMonths',
      'discountRateAnnual',
      'customers.initial',
      'customers.prospects',
      'journey.touchpointFailure.delivery',
      'churn.switchAfterBad',
      'churn.base',
      'spend.averagePerMonth',
      'spend.goodMultiplier',
      'spend.grossMargin',
      'wordOfMouth.excellentShare',
      'wordOfMouth.recommendAfterExcellent',
      'wordOfMouth.toldAfterExcellent',
      'wordOfMouth.speakAfterBad',
      'wordOfMouth.toldAfterBad',
      'wordOfMouth.conversionPerTell',
      'wordOfMouth.deterrencePerTell',
      'acquisition.organicMonthly',
      'investment.upfront',
      'investment.monthly',
      'investment.failureReduction',
      'investment.rampMonths',
      'investment.executionSuccess',
      'investment.missedEffectShare',
    ])
      expect(paths).toContain(path);
  });

  it('cites the article behind each documented default', () => {
    const source = (path: string) => rows.find((r) => r.path === path)?.source;
    expect(source('churn.switchAfterBad')?.article).toBe('003_f2aeae8cb3a75f68.txt');
    expect(source('churn.switchAfterBad')?.quote).toContain('86 procent');
    expect(source('wordOfMouth.toldAfterExcellent')?.quote).toContain('9 personen');
    expect(source('wordOfMouth.toldAfterBad')?.quote).toContain('16 personen');
    expect(source('spend.goodMultiplier')?.credit).toBe('Harvard Business Review');
    expect(source('wordOfMouth.recommendAfterExcellent')?.credit).toBe('Temkin Group');
    expect(source('investment.rampMonths')?.article).toBe('004_7f02ceec3e3ccea8.txt');
    expect(source('investment.executionSuccess')?.article).toBe('002_c42414dbd83db0bb.txt');
  });

  it('marks every other default as an illustrative assumption', () => {
    for (const row of rows) {
      if (row.source === null) expect(row.note).toMatch(/illustrative|choice|Zero by default/i);
      expect(row.unit.length).toBeGreaterThan(0);
      expect(row.description.length).toBeGreaterThan(10);
    }
    expect(rows.find((r) => r.path === 'churn.base')?.source).toBeNull();
  });

  it('describes values and distributions in words', () => {
    expect(rows.find((r) => r.path === 'churn.switchAfterBad')?.valueText).toBe('0.86');
    expect(rows.find((r) => r.path === 'investment.rampMonths')?.valueText).toBe('triangular(min 18, mode 24, max 30)');
  });

  it('refuses a value that is neither a number nor a distribution, naming it, rather than failing on a property', () => {
    for (const value of [null, undefined, 'uniform', {}, { min: 1 }]) {
      expect(() => describeValue(value as never)).toThrow(ScenarioError);
      expect(() => describeValue(value as never)).toThrow(/value: must be a number or a distribution/);
    }
    expect(describeValue({ dist: 'uniform', min: 0.01, max: 0.04 })).toBe('uniform(min 0.01, max 0.04)');
  });

  it('describes a given scenario', () => {
    const custom = describeAssumptions({ business: null, journey: { touchpointFailure: [0.1, 0.2] } });
    expect(custom.filter((r) => r.path.startsWith('journey.')).map((r) => [r.path, r.value])).toEqual([
      ['journey.touchpointFailure.0', 0.1],
      ['journey.touchpointFailure.1', 0.2],
    ]);
    expect(custom.every((r) => r.derivedFrom === null)).toBe(true);
  });

  it('shows the competing figures in the seeds beside the brief’s default', () => {
    const rows = describeAssumptions();
    const switchRow = rows.find((r) => r.path === 'churn.switchAfterBad');
    expect(switchRow?.value).toBe(0.86);
    expect(switchRow?.alternatives.map((a) => a.value)).toEqual([0.19, 0.22, 0.89]);
    expect(switchRow?.alternatives.find((a) => a.value === 0.22)?.credit).toBe('Temkin Group');
    expect(switchRow?.alternatives.find((a) => a.value === 0.19)?.article).toBe('000_ab32cb94a1089f0b.txt');
    expect(rows.find((r) => r.path === 'spend.goodMultiplier')?.alternatives[0]?.credit).toBe('American Express');
    expect(rows.find((r) => r.path === 'churn.base')?.alternatives).toEqual([]);
  });

  it('says that nothing is tuned to a target any more, and which defaults were', () => {
    const rows = describeAssumptions();
    expect(rows.find((r) => r.path === 'investment.upfront')?.note).toMatch(/Accenture.*a target nothing is tuned to any more/);
    expect(rows.find((r) => r.path === 'investment.missedEffectShare')?.note).toMatch(
      /0\.5 and earlier used 0\.4, tuned .*nothing is tuned now/,
    );
    expect(rows.find((r) => r.path === 'investment.missedEffectShare')?.value).toEqual({ dist: 'uniform', min: 0, max: 0.6 });
  });

  it('marks the fields a held business solves, with the figure each comes from', () => {
    const rows = describeAssumptions();
    const from = (path: string) => rows.find((r) => r.path === path)?.derivedFrom;
    expect(from('churn.base')).toMatch(/business\.annualRetention/);
    expect(from('acquisition.organicMonthly')).toMatch(/business\.newCustomersMonthly/);
    expect(from('wordOfMouth.excellentShare')).toMatch(/business\.nps/);
    expect(from('journey.touchpointFailure.delivery')).toMatch(/business\.badExperienceShareMonthly/);
    expect(from('churn.switchAfterBad')).toBeNull();
    // The Markdown table (the README's) says so too, to four digits.
    expect(assumptionsMarkdown()).toContain('| `churn.base` | 0.005608, solved from the business |');
    expect(assumptionsMarkdown({ business: null })).toContain('| `churn.base` | 0.005607583884516073 |');
    // Without an NPS the excellent share is the scenario's own.
    const noNps = describeAssumptions({ business: { nps: null } as never });
    expect(noNps.find((r) => r.path === 'wordOfMouth.excellentShare')?.derivedFrom).toBeNull();
  });

  it('quotes each source article verbatim, competing figures too', (context) => {
    // The articles themselves are not the project's to publish, so a clone may lack them: say so, not skip quietly.
    if (!existsSync(seedsDir))
      context.skip(`the source articles are not in ${seedsDir}: set CX_ROI_SEEDS to their folder to check every quote`);
    for (const source of [...Object.values(sources), ...Object.values(alternatives).flat()]) {
      const article = normalise(readFileSync(join(seedsDir, source.article), 'utf8'));
      expect(article).toContain(normalise(source.quote));
    }
  });
});
