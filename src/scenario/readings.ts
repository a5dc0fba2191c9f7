/**
 * The readings of the figures the answer rests on: for every contested
 * figure, the values the seed articles also support (with their source) and,
 * for every illustrative number that can move the decision, a plausible low
 * and high with the reason. `robustness` simulates the decision under each;
 * `sensitivity` swings the sourced figures to them.
 */
import type { Distribution } from './distribution.js';
import { type Source, alternatives, sources } from './sources.js';
import { deepFreeze } from './freeze.js';

/** One reading of a figure: another value it could have, and why. */
export interface Reading {
  /** The field it sets, as a dotted path. */
  readonly path: string;
  /** The value under this reading: a number, or a distribution drawn once per run. */
  readonly value: number | Distribution;
  /** The reading in plain words, as a sentence can use it after “if”: `"only 19% of customers leave after a bad experience"`. */
  readonly label: string;
  /** The published figure behind it, or `null` for a plausible end of an illustrative number's range. */
  readonly source: Source | null;
  /** Why it is a reading of this figure. */
  readonly reason: string;
  /** Other fields the reading sets with it, when it only makes sense with them. */
  readonly with?: readonly { readonly path: string; readonly value: number | Distribution }[];
}

/** A figure the answer may rest on, with its readings. */
export interface ContestedFigure {
  /** The field, as a dotted path. */
  readonly path: string;
  /**
   * `published`: a sourced figure that the seed articles contradict or read
   * differently; `illustrative`: a number nobody measured, given a plausible
   * low and high.
   */
  readonly kind: 'published' | 'illustrative';
  /** The other values it could have (the scenario's own value is not among them). */
  readonly readings: readonly Reading[];
  /** The range over which `robustness` looks for the value at which the decision flips (inside the field's allowed range). */
  readonly range: readonly [number, number];
}

const switching = (alternatives['churn.switchAfterBad'] ?? []).map(
  (a): Reading => ({
    path: 'churn.switchAfterBad',
    value: a.value,
    label:
      a.value < 0.5
        ? `only ${Math.round(100 * a.value)}% of customers leave after a bad experience`
        : `${Math.round(100 * a.value)}% of customers switch after a bad experience`,
    source: a,
    reason: a.note,
  }),
);

const spending = (alternatives['spend.goodMultiplier'] ?? []).map(
  (a): Reading => ({
    path: 'spend.goodMultiplier',
    value: a.value,
    label: `a good experience adds only ${Math.round(100 * (a.value - 1))}% to spending`,
    source: a,
    reason: a.note,
  }),
);

/**
 * Every contested figure and its readings. The published ones come first,
 * then the illustrative numbers that move the default decision by more than
 * ten points of P(ROI > 0) over their plausible range.
 */
export const contestedFigures: readonly ContestedFigure[] = deepFreeze([
  { path: 'churn.switchAfterBad', kind: 'published', readings: switching, range: [0, 1] },
  { path: 'spend.goodMultiplier', kind: 'published', readings: spending, range: [1, 4] },
  {
    path: 'wordOfMouth.tellingPeriodMonths',
    kind: 'published',
    range: [1, 60],
    readings: [
      {
        path: 'wordOfMouth.tellingPeriodMonths',
        value: 1,
        label: 'customers tell 9 people after every excellent month (0.5’s reading, with its 0.2% chance a tell wins a customer)',
        source: sources.toldAfterGoodAndBad,
        reason:
          'cx-roi 0.5’s reading: 9 people per excellent experience, and the model’s excellent experiences come monthly (about 30 people a customer-year); with it, 0.5’s chance a recommendation wins a customer (0.002), as twelve times the tells at today’s chance would bring more new customers than the business has',
        with: [{ path: 'wordOfMouth.conversionPerTell', value: 0.002 }],
      },
      {
        path: 'wordOfMouth.tellingPeriodMonths',
        value: 54,
        label: 'a loyal customer tells 9 people over a whole tenure',
        source: sources.toldAfterGoodAndBad,
        reason: '9 people per loyal customer, over the mean tenure of the default business (about 54 months at 80% annual retention)',
      },
    ],
  },
  {
    path: 'investment.delayMonths',
    kind: 'published',
    range: [0, 48],
    readings: [
      {
        path: 'investment.delayMonths',
        value: { dist: 'uniform', min: 24, max: 36 },
        label: 'nothing shows for two to three years',
        source: sources.delayMonths,
        reason:
          '“two to three years before the effect is there” read as a delay of 24–36 months before any effect (then the ramp), rather than as the time to full effect',
      },
    ],
  },
  {
    path: 'investment.missedEffectShare',
    kind: 'illustrative',
    range: [-0.5, 1],
    readings: [
      {
        path: 'investment.missedEffectShare',
        value: 0,
        label: 'a programme that misses its goals delivers nothing',
        source: null,
        reason: 'the low end: missing the goals read as no effect at all',
      },
      {
        path: 'investment.missedEffectShare',
        value: 0.6,
        label: 'a programme that misses its goals still delivers 60% of the plan',
        source: null,
        reason: 'the high end: a miss read as falling short of an ambitious goal',
      },
      {
        path: 'investment.missedEffectShare',
        value: 0.4,
        label: 'a missed programme delivers 40% of the plan (0.5’s tuned value)',
        source: null,
        reason: 'the value cx-roi 0.5 tuned so the default landed near Accenture’s 23 / 57 / 20: shown, not used',
      },
    ],
  },
  {
    path: 'wordOfMouth.conversionPerTell',
    kind: 'illustrative',
    range: [0, 0.08],
    readings: [
      {
        path: 'wordOfMouth.conversionPerTell',
        value: 0.01,
        label: 'one recommendation in 100 wins a customer',
        source: null,
        reason: 'the low end: recommendations bring about 12% of the default business’s new customers',
      },
      {
        path: 'wordOfMouth.conversionPerTell',
        value: 0.04,
        label: 'one recommendation in 25 wins a customer',
        source: null,
        reason:
          'the high end: recommendations bring about 46% of the default business’s new customers (article 003: the main reason to try a product)',
      },
    ],
  },
  {
    path: 'wordOfMouth.deterrencePerTell',
    kind: 'illustrative',
    range: [0, 0.05],
    readings: [
      {
        path: 'wordOfMouth.deterrencePerTell',
        value: 0.001,
        label: 'one bad story in 1,000 puts off someone about to join',
        source: null,
        reason: 'the low end: negative stories put off well under 1% of those about to join',
      },
      {
        path: 'wordOfMouth.deterrencePerTell',
        value: 0.02,
        label: 'one bad story in 50 puts off someone about to join',
        source: null,
        reason: 'the high end: negative stories put off about an eighth of those about to join in the default business',
      },
    ],
  },
  {
    path: 'investment.excellentShareIncrease',
    kind: 'illustrative',
    range: [0, 0.3],
    readings: [
      {
        path: 'investment.excellentShareIncrease',
        value: 0,
        label: 'the programme makes no experience excellent',
        source: null,
        reason: 'the low end: the programme only prevents bad experiences',
      },
      {
        path: 'investment.excellentShareIncrease',
        value: 0.1,
        label: 'the programme makes ten more in 100 good experiences excellent',
        source: null,
        reason: 'the high end of the default range: ten points more excellent experiences',
      },
    ],
  },
]);

/** The readings of the figure at `path` (empty when it has none). */
export function readingsOf(path: string): readonly Reading[] {
  return contestedFigures.find((f) => f.path === path)?.readings ?? [];
}
