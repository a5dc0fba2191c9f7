import * as z from 'zod';
import type { Distribution } from './distribution.js';
import { ScenarioError, fromZodIssues } from './error.js';
import { sources } from './sources.js';
import { deepFreeze } from './freeze.js';

/** One of the nine questions of article 001, in English, with the part it belongs to and the article's words. */
export interface MaturityQuestion {
  /** A stable identifier, used as the key of an answer. */
  readonly id: MaturityQuestionId;
  /** The part of the questionnaire: 1 mindset, 2 insight, 3 people, process and tools. */
  readonly part: 1 | 2 | 3;
  /** The part's heading, in English. */
  readonly partTitle: string;
  /** The question, in English. */
  readonly text: string;
  /** The question as the article asks it (Dutch). */
  readonly quote: string;
}

/** The identifiers of the nine questions, in the article's order. */
export const maturityQuestionIds = deepFreeze([
  'leadershipUnderstands',
  'notOnlyMarketing',
  'rightKpis',
  'knowsAudiences',
  'knowsChannelsAndJourneys',
  'customerData',
  'dedicatedTeam',
  'teamProcess',
  'researchTools',
] as const);

/** A question's identifier. */
export type MaturityQuestionId = (typeof maturityQuestionIds)[number];

/** An answer to one question: the organisation has it, has part of it, or lacks it. */
export type MaturityAnswer = 'yes' | 'partly' | 'no';

const parts = {
  1: 'A customer-driven mindset across the organisation',
  2: 'Complete and current insight into audiences and customer journeys',
  3: 'The right people, process and tools',
} as const;

const question = (id: MaturityQuestionId, part: 1 | 2 | 3, text: string, quote: string): MaturityQuestion => ({
  id,
  part,
  partTitle: parts[part],
  text,
  quote,
});

/**
 * The nine questions of article 001 (“Hoe klantgedreven is jouw organisatie
 * daadwerkelijk?”), in three parts, that decide whether an organisation can
 * realise the value of CX. Answer each `yes`, `partly` or `no` and pass the
 * answers to {@link executionSuccessFromMaturity}, or give them as a
 * scenario's `investment.maturity`.
 */
export const maturityQuestions: readonly MaturityQuestion[] = deepFreeze([
  question(
    'leadershipUnderstands',
    1,
    'Does the management team understand why being customer-driven matters?',
    'Begrijpt het managementteam het belang van klantgedrevenheid?',
  ),
  question(
    'notOnlyMarketing',
    1,
    'Is it understood that being customer-driven is not only a topic for the marketing department?',
    'Is er besef dat klantgedrevenheid niet alleen een onderwerp is voor de marketingafdeling?',
  ),
  question('rightKpis', 1, 'Have the right KPIs and targets been set?', 'Zijn de juiste KPI’s en targets bepaald?'),
  question(
    'knowsAudiences',
    2,
    'Does the organisation understand well enough who its audiences are?',
    'Is er voldoende begrip binnen de organisatie over wie de doelgroepen zijn?',
  ),
  question(
    'knowsChannelsAndJourneys',
    2,
    'Is there full knowledge of every customer contact channel and journey in the organisation?',
    'Is er volledige kennis over alle klantcontactkanalen en -reizen binnen de organisatie?',
  ),
  question(
    'customerData',
    2,
    'Is a complete offline and online customer database available?',
    'Is er een volwaardige off- en online database beschikbaar?',
  ),
  question(
    'dedicatedTeam',
    3,
    'Is there a dedicated team for improving customer experiences?',
    'Is er een toegewijd team voor optimalisatie van klantenervaringen?',
  ),
  question(
    'teamProcess',
    3,
    'Is there a process that makes the CX team work efficiently and effectively?',
    'Is er een proces dat ervoor zorgt dat het CX-team efficiënt en effectief te werk gaat?',
  ),
  question(
    'researchTools',
    3,
    'Does the team have the right research and analysis techniques and tools?',
    'Zijn de juiste onderzoeks- en analysetechnieken en tools beschikbaar voor het team?',
  ),
]);

/** Answers to the nine questions, by question id: every question answered. */
export const maturityAnswersSchema = z.strictObject(
  Object.fromEntries(
    maturityQuestionIds.map((id) => [id, z.enum(['yes', 'partly', 'no'], { error: 'must be "yes", "partly" or "no"' })]),
  ) as Record<MaturityQuestionId, z.ZodEnum<{ yes: 'yes'; partly: 'partly'; no: 'no' }>>,
);

/** Answers to the nine questions. */
export type MaturityAnswers = Readonly<Record<MaturityQuestionId, MaturityAnswer>>;

/**
 * The mapping's anchors. No study publishes success by maturity, so only the
 * middle rests on a figure: an organisation that has every item in part
 * (read as the typical one, an assumption) gets the reported 20–30%
 * (“reportedly” 70–80% of initiatives miss, article 002). The ends are illustrative: a chance of about 7% with nothing
 * in place, about 60% with everything (even a mature organisation misses
 * often). Between them the centre moves linearly on the log-odds scale.
 */
export const maturityMapping = deepFreeze({
  /** Points per answer; the score is their mean over the nine questions (0 to 1). */
  points: { yes: 1, partly: 0.5, no: 0 },
  /** Centre of the prior at score ½ (all "partly"): the middle of the published 20–30%. */
  typicalCentre: 0.25,
  /** Centre of the prior at score 1 (all "yes"): illustrative. */
  matureCentre: 0.6,
  /** Half-width of the uniform prior around its centre: ±5 points, the width of the published 20–30%. */
  halfWidth: 0.05,
} as const);

const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * The prior of `investment.executionSuccess` for an organisation that
 * answers the nine maturity questions (article 001) as given: a uniform
 * distribution ±5 points around a centre that rises with the share of
 * "yes" (yes 1, partly ½, no 0 points, averaged): logit(centre) =
 * logit(0.25) + 2 · (score − ½) · (logit(0.6) − logit(0.25)). All
 * "partly" gives exactly the published 20–30% (`sources.executionSuccess`);
 * all "no" about 2–12%; all "yes" 55–65%. More "yes" never lowers it.
 *
 * @param answers - `yes`, `partly` or `no` for each of the nine questions (`maturityQuestions`).
 * @returns A `{ dist: 'uniform', min, max }` to use as `investment.executionSuccess`.
 * @throws {@link ScenarioError} naming every question whose answer is missing or not yes / partly / no, and any unknown key.
 * @example
 * ```ts
 * import { executionSuccessFromMaturity, maturityQuestions } from 'cx-roi';
 * const answers = Object.fromEntries(maturityQuestions.map((q) => [q.id, 'partly']));
 * executionSuccessFromMaturity(answers); // => { dist: 'uniform', min: 0.2, max: 0.3 }
 * executionSuccessFromMaturity({ ...answers, leadershipUnderstands: 'yes', customerData: 'yes' }); // => { min: 0.268, max: 0.368 }
 * const allYes = Object.fromEntries(maturityQuestions.map((q) => [q.id, 'yes']));
 * executionSuccessFromMaturity(allYes); // => { dist: 'uniform', min: 0.55, max: 0.65 }
 * executionSuccessFromMaturity({ ...answers, researchTools: 'maybe' }); // throws ScenarioError: answers.researchTools: must be "yes"
 * ```
 */
export function executionSuccessFromMaturity(answers: Readonly<Record<string, string>>): Distribution & { dist: 'uniform' } {
  const parsed = maturityAnswersSchema.safeParse(answers);
  if (!parsed.success)
    throw new ScenarioError(
      fromZodIssues(parsed.error.issues, { answers }, () => [...maturityQuestionIds], ['answers']).map((issue) => ({
        ...issue,
        message: `${issue.message}; answer each of the nine questions (${maturityQuestionIds.join(', ')}) "yes", "partly" or "no"`,
      })),
    );
  const { points, typicalCentre, matureCentre, halfWidth } = maturityMapping;
  const score = maturityQuestionIds.reduce((sum, id) => sum + points[parsed.data[id]], 0) / maturityQuestionIds.length;
  const centre = 1 / (1 + Math.exp(-(logit(typicalCentre) + 2 * (score - 0.5) * (logit(matureCentre) - logit(typicalCentre)))));
  // Rounded to 1e-9 so that all "partly" reads exactly 0.2–0.3.
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  return { dist: 'uniform', min: round(Math.max(0, centre - halfWidth)), max: round(Math.min(1, centre + halfWidth)) };
}

/**
 * The article the questions come from: its file, the sentence that introduces
 * the questions (`quote`, verbatim Dutch, with `translation`, a faithful
 * English translation) and the published figure the mapping rests on.
 */
export const maturitySource = {
  article: '001_4a8f8c7b0e336c05.txt',
  quote:
    'De 9 vragen hieronder, onderverdeeld in 3 onderdelen, richten zich op de organisatorische aspecten die nodig zijn voor een optimaal functionerende klantgedreven organisatie.',
  translation:
    'The 9 questions below, divided into 3 parts, focus on the organisational aspects needed for an optimally functioning customer-driven organisation.',
  published: sources.executionSuccess,
} as const;
