import { valueWords } from '../../playground/assumptions-panel';
import { assumptionLabel, pathsInWords } from '../../playground/labels';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { headline, headlineSentence, ofRuns } from '../../playground/headline.js';

describe('the headline in plain words', () => {
  it('never rounds a share of runs to certainty', () => {
    expect(ofRuns(1)).toBe('every run');
    expect(ofRuns(0)).toBe('no run');
    expect(ofRuns(0.9995)).toBe('over 99% of runs');
    expect(ofRuns(0.0004)).toBe('under 1% of runs');
    expect(ofRuns(0.56)).toBe('56% of runs');
  });

  it('says "in every run" and "no run pays back" when that is what the runs did, and the phone bar in words', () => {
    // A programme far too dear to pay back: no run does.
    const dear = simulate({ investment: { upfront: 50_000_000 } }, { runs: 300, seed: 1 });
    expect(dear.horizon.probabilityPositiveRoi).toBe(0);
    const figures = headline(dear);
    const chance = figures.find((f) => f.id === 'probability-positive');
    expect(chance?.sub).toBe('in no run');
    expect(chance?.short).toBe('pays for itself in no run');
    expect(figures.find((f) => f.id === 'median-payback')?.short).toBe('no payback within 5 years');
    expect(headlineSentence(dear)).toMatch(/pays for itself in no run, and no run pays back within 5 years\.$/);
    const usual = simulate({}, { runs: 300, seed: 1 });
    const short = headline(usual)
      .map((f) => f.short)
      .filter(Boolean);
    expect(short[0]).toMatch(/^median ROI [+−]\d+%$/);
    expect(short[1]).toMatch(/^pays for itself in \d+% of runs$/);
    expect(short[2]).toMatch(/^(pays back in month \d+|no payback within 5 years)$/);
    for (const f of headline(usual)) expect(`${f.label} ${f.value} ${f.sub}`).not.toMatch(/P\(ROI|median · mean|\bm\d/);
  });
});

describe('paths in words', () => {
  it('names each assumption a message gives by its path, and leaves what is no path, or has no label, as it is', () => {
    expect(pathsInWords('set investment.failureReduction = 1 (investment.executionSuccess)')).toBe(
      'set Failure reduction = 1 (Chance of carrying it out)',
    );
    expect(pathsInWords('see robustness() and channels.offered.web.other, in 0.5.0')).toBe(
      'see robustness() and channels.offered.web.other, in 0.5.0',
    );
    expect(pathsInWords('lower channels.offered.web.failure')).toBe('lower Web: channel failure rate');
  });
});

describe('a channel’s own figures', () => {
  it('are named by their channel, not by their path', () => {
    expect(assumptionLabel('channels.offered.web.failure')).toBe('Web: channel failure rate');
    expect(assumptionLabel('channels.offered.messaging.share')).toBe('Messaging: share of contacts');
    expect(assumptionLabel('investment.channels.budget.web')).toBe('Web: channel budget');
    expect(assumptionLabel('channels.offered.web.other')).toBe('channels.offered.web.other');
  });
});

describe('an amount in words, with the currency', () => {
  it('puts the currency before each number of an amount, fixed or uncertain, and nowhere else', () => {
    const money = { unit: 'currency' };
    expect(valueWords(money, 110_000, '€')).toBe('€110,000');
    expect(valueWords(money, { dist: 'uniform', min: 80_000, max: 150_000 }, '€')).toBe('uniform from €80,000 to €150,000');
    expect(valueWords(money, 110_000)).toBe('110,000');
    expect(valueWords({ unit: 'probability' }, 0.86, '€')).toBe('86%');
  });
});
