import { describe, expect, it } from 'vitest';
import { type ScenarioError, contestedFigures, defaultBusiness, parseScenario, robustness } from '../../src/index.js';
import { decisionFigures } from '../../src/decisions/decision-flip.js';
import { withValue } from '../../src/decisions/vary-field.js';

const held = { business: defaultBusiness };

describe('robustness', () => {
  const r = robustness(held, {
    runs: 300,
    seed: 3,
    readings: ['churn.switchAfterBad', 'investment.missedEffectShare'],
    horizons: [36, 60],
  });

  it('simulates every reading with the business held and the same runs, and names its source', () => {
    expect(r.businessHeld).toBe(true);
    expect(r.runs).toBe(300);
    const switching = r.readings.filter((x) => x.path === 'churn.switchAfterBad');
    expect(switching.map((x) => x.value)).toEqual([0.19, 0.22, 0.89]);
    expect(switching.map((x) => x.source?.article.slice(0, 3))).toEqual(['000', '001', '003']);
    for (const x of r.readings) {
      expect(x.probabilityPositiveRoi).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(x.npvMean) && Number.isFinite(x.npvMeanStandardError) && Number.isFinite(x.roiMedian)).toBe(true);
      expect(x.decision).toBe(x.npvMean > 0 ? 'invest' : 'do not invest');
    }
    // The same runs as decisionFigures of the reading itself (common random numbers: seed and runs throughout).
    const at19 = decisionFigures(withValue(parseScenario(held), 'churn.switchAfterBad', 0.19), 3, 300);
    expect(switching[0]?.npvMean).toBe(at19.npvMean);
  });

  it('the 19% and 22% readings turn the default decision: fewer leave after a bad experience, so fewer are saved', () => {
    expect(r.asGiven.decision).toBe('invest');
    const byValue = (v: number) => r.readings.find((x) => x.path === 'churn.switchAfterBad' && x.value === v);
    expect(byValue(0.19)?.decision).toBe('do not invest');
    expect(byValue(0.22)?.decision).toBe('do not invest');
    expect(r.sentence).toMatch(
      /^The expected NPV at 5 years is positive under 2 of 4 published readings; if only 19% of customers leave after a bad experience \(article 000\), it is negative\./,
    );
    // One reading a figure in the sentence (the one that turns the decision furthest): 22% is in the table.
    expect(r.sentence).not.toContain('22%');
  });

  it('finds where each figure flips the decision: re-simulated either side, the decisions differ', () => {
    const flip = r.flips.find((f) => f.path === 'churn.switchAfterBad');
    expect(flip?.threshold).toEqual(expect.any(Number));
    const [below, above] = flip?.bracket ?? [NaN, NaN];
    expect(below).toBeLessThan(flip?.threshold as number);
    expect(above).toBeGreaterThan(flip?.threshold as number);
    expect(flip?.threshold).toBeGreaterThan(0.22);
    expect(flip?.threshold).toBeLessThan(0.86);
    const decide = (x: number) => decisionFigures(withValue(parseScenario(held), 'churn.switchAfterBad', x), 3, 300).decision;
    expect(decide(below)).toBe(flip?.decisionBelow);
    expect(decide(above)).not.toBe(flip?.decisionBelow);
  });

  it('says how far another seed could move a flip threshold, honestly', () => {
    const other = robustness(held, { runs: 300, seed: 4, readings: ['churn.switchAfterBad'], horizons: [] });
    const [a, b] = [r.flips.find((f) => f.path === 'churn.switchAfterBad'), other.flips.find((f) => f.path === 'churn.switchAfterBad')];
    expect(a?.thresholdStandardError).toBeGreaterThan(0);
    expect(Math.abs((a?.threshold as number) - (b?.threshold as number))).toBeLessThan(
      4 * Math.hypot(a?.thresholdStandardError ?? 0, b?.thresholdStandardError ?? 0),
    );
    // Every run of these readings holds the business.
    expect(r.readings.every((x) => x.businessNotHeldShare === 0)).toBe(true);
  });

  it('says when some runs of a reading cannot hold the business', () => {
    const wide = robustness(
      {
        business: { ...defaultBusiness, badExperienceShareMonthly: 0.02 },
        churn: { switchAfterBad: { dist: 'uniform', min: 0.19, max: 0.99 } },
      },
      { runs: 200, flips: false, horizons: [], readings: ['spend.goodMultiplier'] },
    );
    expect(wide.asGiven.businessNotHeldShare).toBeGreaterThan(0.03);
    expect(wide.asGiven.businessNotHeldShare).toBeLessThan(0.2);
  });

  it('gives the answer at other horizons', () => {
    expect(r.horizons.map((h) => h.months)).toEqual([36, 60]);
    expect(r.horizons[1]?.npvMean).toBe(r.asGiven.npvMean);
    expect(r.horizons[0]?.npvMean).toBeLessThan(r.horizons[1]?.npvMean as number);
  });

  it('lists readings a business cannot be held under instead of simulating another company', () => {
    const wom = robustness(
      { business: defaultBusiness, wordOfMouth: { conversionPerTell: 0.03, tellingPeriodMonths: 12 } },
      { runs: 50, readings: ['wordOfMouth.tellingPeriodMonths'], flips: false, horizons: [] },
    );
    // 9 people every excellent month at a 3% chance a tell would bring more new customers than the business has; 0.5's reading comes with 0.5's chance.
    expect(wom.readings.map((x) => x.value)).toEqual([1, 54]);
    expect(wom.skipped).toEqual([]);
  });

  it('names bad options and unknown figures', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as ScenarioError).issues[0]?.path;
      }
      return undefined;
    };
    expect(refused(() => robustness({}, { runs: 0 }))).toBe('options.runs');
    expect(refused(() => robustness({}, { readings: ['churn.base'] }))).toBe('options.readings[0]');
    expect(refused(() => robustness({}, { horizons: [0] }))).toBe('options.horizons');
    expect(refused(() => robustness({}, { readings: [{ path: 'churn.nothing', value: 1 }] }))).toBe('options.readings[0].path');
    expect(
      refused(() => robustness({}, { runs: 20, flips: false, horizons: [], readings: [{ path: 'churn.switchAfterBad', value: 2 }] })),
    ).toBe('churn.switchAfterBad');
  });

  it('every contested figure has readings with a reason, inside its range', () => {
    for (const figure of contestedFigures) {
      expect(figure.readings.length).toBeGreaterThan(0);
      for (const reading of figure.readings) {
        expect(reading.reason.length).toBeGreaterThan(10);
        if (typeof reading.value === 'number') {
          expect(reading.value).toBeGreaterThanOrEqual(figure.range[0]);
          expect(reading.value).toBeLessThanOrEqual(figure.range[1]);
        }
      }
    }
  });

  it('does not change its input', () => {
    const input = Object.freeze({ business: Object.freeze({ ...defaultBusiness }) });
    const copy = JSON.stringify(input);
    robustness(input, { runs: 20, flips: false, horizons: [], readings: ['spend.goodMultiplier'] });
    expect(JSON.stringify(input)).toBe(copy);
  });
});
