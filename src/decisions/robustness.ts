import type { Seed } from '../random/stream.js';
import type { Distribution } from '../scenario/distribution.js';
import { defaultScenario } from '../scenario/defaults.js';
import { ScenarioError } from '../scenario/error.js';
import { valueAt } from '../scenario/error.js';
import { scenarioFields } from '../scenario/schema-walk.js';
import { parseScenario } from '../scenario/parse.js';
import { type ContestedFigure, type Reading, contestedFigures } from '../scenario/readings.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { type Source, sources } from '../scenario/sources.js';
import { resolveOptions } from '../simulate/options.js';
import { assumptionAt, withValues } from './vary-field.js';
import { checkOptions, optionsObject } from '../scenario/options-check.js';
import { isWholeIn } from '../format/numbers.js';
import { type DecisionFigures, type Flip, decisionFigures, flipOf } from './decision-flip.js';

export type { Decision, DecisionFigures, Flip } from './decision-flip.js';

/** The decision under one reading of one figure (or the scenario as given). */
export interface ReadingOutcome extends DecisionFigures {
  /** The field the reading sets; `null` for the scenario as given. */
  readonly path: string | null;
  /** Its value under the reading; `null` for the scenario as given. */
  readonly value: number | Distribution | null;
  /** The reading in plain words. */
  readonly label: string;
  /** The published figure behind it; `null` for the scenario as given and for the plausible ends of an illustrative number. */
  readonly source: Source | null;
  /** `published`: a figure the seed articles support; `illustrative`: a plausible end of a number nobody measured; `given`: the scenario as it is. */
  readonly kind: 'given' | 'published' | 'illustrative';
  /** Other fields the reading sets with it (see `Reading.with`); empty when none. */
  readonly with: readonly { readonly path: string; readonly value: number | Distribution }[];
}

/** The decision at another horizon. */
export interface HorizonOutcome extends DecisionFigures {
  readonly months: number;
}

/** What {@link robustness} returns. */
export interface Robustness {
  readonly runs: number;
  readonly seed: Seed;
  /** Whether the scenario holds its business, so each reading keeps the same company. */
  readonly businessHeld: boolean;
  /** The scenario as given. */
  readonly asGiven: ReadingOutcome;
  /** One entry per reading, the published first. */
  readonly readings: readonly ReadingOutcome[];
  /** One entry per contested figure: the value at which the decision flips. Empty with `flips: false`. */
  readonly flips: readonly Flip[];
  /** Readings the scenario's business cannot be held under (their figures clash with it), with why. */
  readonly skipped: readonly { readonly path: string; readonly label: string; readonly reason: string }[];
  /** The scenario as given at 3, 5 and 10 years (or the horizons asked for). */
  readonly horizons: readonly HorizonOutcome[];
  /** One sentence a strategist can read. */
  readonly sentence: string;
}

/** A reading to try besides (or instead of) the catalogue's: a field and a value. */
export interface ReadingInput {
  readonly path: string;
  readonly value: number | Distribution;
  readonly label?: string | undefined;
}

/** Options of {@link robustness}. */
export interface RobustnessOptions {
  /**
   * Runs per simulation (each reading, each step of a flip search, each horizon).
   * @defaultValue 1000
   */
  readonly runs?: number | undefined;
  /**
   * The seed, the same for every simulation (common random numbers).
   * @defaultValue 1
   */
  readonly seed?: Seed | undefined;
  /**
   * Which readings: paths of contested figures (their catalogue readings),
   * and readings of your own (`{ path, value, label? }`).
   * @defaultValue every contested figure (see `contestedFigures`)
   */
  readonly readings?: readonly (string | ReadingInput)[] | undefined;
  /**
   * Whether to search each contested figure for the value at which the
   * decision flips (about eight simulations a figure).
   * @defaultValue true
   */
  readonly flips?: boolean | undefined;
  /**
   * Horizons, in months, to give the answer at.
   * @defaultValue [36, 60, 120]
   */
  readonly horizons?: readonly number[] | undefined;
}

/** Short words for a source: "article 000". */
export function articleOf(source: Source): string {
  return `article ${source.article.slice(0, 3)}`;
}

/** How the default scenario's value of each contested figure reads in words. */
const defaultLabels: Readonly<Record<string, string>> = {
  'churn.switchAfterBad': '86% of customers switch after a bad experience',
  'spend.goodMultiplier': 'a good experience adds 140% to spending',
  'wordOfMouth.tellingPeriodMonths': 'a promoter tells 9 people a year',
  'investment.delayMonths': 'the effect starts within a year and builds up over two to three years',
  'investment.missedEffectShare': 'a programme that misses its goals delivers 0–60% of the plan',
  'wordOfMouth.conversionPerTell': 'one recommendation in 25 to 100 wins a customer',
  'wordOfMouth.deterrencePerTell': 'one bad story in 200 puts off someone about to join',
  'investment.excellentShareIncrease': 'the programme makes up to ten more in 100 good experiences excellent',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The catalogue's readings of a figure, with the default scenario's own value as one more when the scenario has another. */
function candidateReadings(figure: ContestedFigure, scenario: Scenario): Reading[] {
  const current = valueAt(scenario, figure.path.split('.'));
  const fallback = valueAt(defaultScenario, figure.path.split('.')) as number | Distribution;
  const field = scenarioFields(defaultScenario).find((f) => f.path === figure.path);
  const asDefault: Reading = {
    path: figure.path,
    value: fallback,
    label: defaultLabels[figure.path] ?? `${figure.path} at its default`,
    // A figure that reads a published sentence without a source of its own (word of mouth's period) cites its readings' source.
    source: field?.meta.source
      ? sources[field.meta.source]
      : figure.kind === 'published'
        ? (figure.readings.find((r) => r.source)?.source ?? null)
        : null,
    reason: 'the default',
  };
  // The default's own value only when no reading of the catalogue is that value already.
  const withDefault = figure.readings.some((r) => same(r.value, fallback)) ? [...figure.readings] : [asDefault, ...figure.readings];
  return withDefault.filter((r) => !same(r.value, current));
}

const isHorizonList = (v: unknown) => Array.isArray(v) && v.length <= 12 && v.every((m) => isWholeIn(m, 1, 240));

/**
 * How the decision depends on the readings the sources disagree on: the
 * scenario is simulated under each published reading of its contested
 * figures (19% or 22% instead of 86% switching; a delay of two to three
 * years; 9 people per excellent month instead of a year) and at the
 * plausible ends of each illustrative number that can move the decision,
 * with the business held (a scenario with `business` keeps the same company
 * under every reading) and common random numbers (the same seed and runs
 * throughout, so differences are the reading's, not noise). For each
 * contested figure it finds the value at which the decision (invest when the
 * expected NPV is positive) flips, gives the answer at 3, 5 and 10 years,
 * and says the upshot in one sentence.
 *
 * @param input - A partial scenario (defaults fill the rest).
 * @param options - `runs`, `seed`, `readings`, `flips`, `horizons`.
 * @returns The scenario as given, each reading's decision figures, each
 *   figure's flip threshold, the answer at other horizons, and a sentence.
 * @throws {@link ScenarioError} for a bad scenario or option, or a reading
 *   whose value the field does not allow (named by its path).
 * @example
 * ```ts
 * import { robustness } from 'cx-roi';
 * const r = robustness({}, { runs: 200, seed: 1, readings: ['churn.switchAfterBad'] });
 * // As given (86% of customers switch after a bad experience), then under the published 19%, 22% and 89%:
 * [r.asGiven, ...r.readings].map((outcome) => outcome.decision); // => ['invest', 'do not invest', 'do not invest', 'invest']
 * r.flips[0]; // => { path: 'churn.switchAfterBad', threshold: 0.495, thresholdStandardError: 0.041, decisionBelow: 'do not invest' }
 * r.sentence; // => 'The expected NPV at 5 years is positive under 2 of 4 published readings; ' +
 * //   'if only 19% of customers leave after a bad experience (article 000), it is negative.'
 * ```
 */
export function robustness(input: ScenarioInput = {}, options: RobustnessOptions = {}): Robustness {
  const scenario = parseScenario(input);
  const given = optionsObject(options, {
    of: 'robustness',
    names: ['runs', 'seed', 'readings', 'flips', 'horizons'],
    example: '{ runs: 1000, seed: 1 }',
  });
  const { runs, seed } = resolveOptions({ runs: given.runs, seed: given.seed }, scenario.horizonMonths);
  checkOptions(given, {
    horizons: { ok: isHorizonList, rule: 'must be a list of at most 12 horizons, whole numbers of months from 1 to 240' },
    flips: { ok: (v) => typeof v === 'boolean', rule: 'must be true or false' },
  });
  const horizons = given.horizons ?? [36, 60, 120];

  const readings = chosenReadings(scenario, given.readings);
  const asGiven: ReadingOutcome = {
    path: null,
    value: null,
    label: 'the scenario as given',
    source: null,
    kind: 'given',
    with: [],
    ...decisionFigures(scenario, seed, runs),
  };
  const skipped: { path: string; label: string; reason: string }[] = [];
  const outcomes = readings.flatMap(({ reading, kind }): ReadingOutcome[] => {
    let read: Scenario;
    try {
      read = withValues(scenario, [{ path: reading.path, value: reading.value }, ...(reading.with ?? [])]);
    } catch (error) {
      // A reading the business cannot be held under is no answer for this company: said, not simulated.
      if (!(error instanceof ScenarioError) || !error.issues.every((issue) => issue.path.startsWith('business.'))) throw error;
      skipped.push({
        path: reading.path,
        label: reading.label,
        reason: error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      });
      return [];
    }
    return [
      {
        path: reading.path,
        value: reading.value,
        label: reading.label,
        source: reading.source,
        kind,
        with: reading.with ?? [],
        ...decisionFigures(read, seed, runs),
      },
    ];
  });
  const flipped = [...new Set(readings.map((r) => r.reading.path))].flatMap((path) => {
    const figure = contestedFigures.find((f) => f.path === path);
    return given.flips === false || !figure ? [] : [flipOf(scenario, figure, seed, runs)];
  });
  const atHorizons = horizons.flatMap((months): HorizonOutcome[] => {
    const gate = scenario.investment.stageGate;
    // A stage gate after the horizon cannot be reviewed within it: that horizon is left out.
    if (gate && gate.month > months) return [];
    return [{ months, ...decisionFigures(parseScenario({ ...scenario, horizonMonths: months }), seed, runs) }];
  });
  return {
    runs,
    seed,
    businessHeld: scenario.business !== null,
    asGiven,
    readings: outcomes,
    flips: flipped,
    skipped,
    horizons: atHorizons,
    sentence: robustnessSentence(asGiven, outcomes, scenario.business !== null, scenario.horizonMonths, skipped.length),
  };
}

function chosenReadings(
  scenario: Scenario,
  chosen: RobustnessOptions['readings'],
): { reading: Reading; kind: 'published' | 'illustrative' }[] {
  if (chosen !== undefined && !Array.isArray(chosen))
    throw new ScenarioError([
      { path: 'options.readings', value: chosen, message: 'must be a list of figures’ paths or readings { path, value, label? }' },
    ]);
  const present = (path: string) => scenarioFields(scenario).some((f) => f.path === path && f.meta.uncertain);
  const fromCatalogue = (figure: ContestedFigure) =>
    present(figure.path)
      ? candidateReadings(figure, scenario).map((reading) => ({ reading, kind: reading.source ? ('published' as const) : figure.kind }))
      : [];
  if (chosen === undefined) {
    const all = contestedFigures.flatMap(fromCatalogue);
    return [...all.filter((r) => r.kind === 'published'), ...all.filter((r) => r.kind === 'illustrative')];
  }
  return chosen.flatMap((item, i) => {
    if (typeof item === 'string') {
      const figure = contestedFigures.find((f) => f.path === item);
      if (!figure)
        throw new ScenarioError([
          {
            path: `options.readings[${i}]`,
            value: item,
            message: `is not a contested figure; give one of ${contestedFigures.map((f) => f.path).join(', ')}, or a reading { path, value }`,
          },
        ]);
      return fromCatalogue(figure);
    }
    if (item === null || typeof item !== 'object' || typeof item.path !== 'string')
      throw new ScenarioError([
        { path: `options.readings[${i}]`, value: item, message: 'must be a figure’s path or a reading { path, value, label? }' },
      ]);
    assumptionAt(scenario, item.path, `options.readings[${i}].path`);
    const label = typeof item.label === 'string' && item.label.length <= 200 ? item.label : `${item.path} = ${JSON.stringify(item.value)}`;
    return [{ reading: { path: item.path, value: item.value, label, source: null, reason: 'given' }, kind: 'illustrative' as const }];
  });
}

/** The upshot in one sentence: how many published readings agree with the scenario's decision, and which do not. */
export function robustnessSentence(
  asGiven: ReadingOutcome,
  readings: readonly ReadingOutcome[],
  businessHeld: boolean,
  horizonMonths = 60,
  skipped = 0,
): string {
  const published = readings.filter((r) => r.kind === 'published');
  const invest = asGiven.decision === 'invest';
  const within = horizonMonths % 12 === 0 ? `${horizonMonths / 12} year${horizonMonths === 12 ? '' : 's'}` : `${horizonMonths} months`;
  // The decision rule in words: the mean NPV at the horizon, which the median ROI of the headline need not agree with.
  const sign = (positive: boolean) => (positive ? 'positive' : 'negative');
  const subject = `The expected NPV at ${within}`;
  const agreeing = 1 + published.filter((r) => r.decision === asGiven.decision).length;
  const total = 1 + published.length;
  const cite = (r: ReadingOutcome) => `${r.label}${r.source ? ` (${articleOf(r.source)})` : ''}`;
  const list = (items: readonly string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] as string}`;
  // The published readings that turn the decision, one a figure (the one that turns it furthest), furthest first;
  // the table has them all.
  const furthest = (a: ReadingOutcome, b: ReadingOutcome) => (invest ? a.npvMean - b.npvMean : b.npvMean - a.npvMean);
  const against = published
    .filter((r) => r.decision !== asGiven.decision)
    .sort(furthest)
    .filter((r, i, all) => all.findIndex((o) => o.path === r.path) === i);
  let sentence =
    against.length === 0
      ? `${subject} is ${sign(invest)} under ${total === 1 ? 'the' : `all ${total}`} published reading${total === 1 ? '' : 's'}`
      : `${subject} is ${sign(invest)} under ${agreeing} of ${total} published readings; if ${list(against.map(cite))}, it is ${sign(!invest)}`;
  const unmeasured = readings.find((r) => r.kind === 'illustrative' && r.decision !== asGiven.decision);
  if (unmeasured) sentence += `. It rests on a number nobody measured: if ${unmeasured.label}, it is ${sign(!invest)}`;
  if (skipped > 0) sentence += `. ${skipped} more reading${skipped === 1 ? '' : 's'} cannot hold this business`;
  if (!businessHeld) sentence += ' (the business is not held, so each reading also changes the company)';
  return `${sentence}.`;
}
