import * as z from 'zod';
import { domains } from '../domain.js';
import { assumption, calibratedNote, illustrative, probability } from './field-kinds.js';

/** `scenario.wordOfMouth`: who recommends the company or warns against it, to how many people, and what that wins or costs. */
export const wordOfMouthSchema = z.strictObject({
  /**
   * Share of excellent experiences.
   *
   * Share of good journeys that are excellent: the experiences customers recommend, and with the bad share what sets NPS (see recommendAfterBad and detractorAfterOrdinary).
   *
   * Unit: share of good journeys. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
   * Illustrative assumption, not a published finding: set it from your own data. While the scenario holds a business (scenario.business, by default the default business: 80% annual retention, 1.5% bad experiences a month, NPS 20, 180 new customers a month), it is solved from that business in every run, and the value shown is the solution at the assumptions' means; with business: null it is yours to set. calibrate() sets it from an observed NPS.
   * @defaultValue 0.31279187817258886
   */
  excellentShare: probability({
    label: 'Share of excellent experiences',
    unit: 'share of good journeys',
    description:
      'Share of good journeys that are excellent: the experiences customers recommend, and with the bad share what sets NPS (see recommendAfterBad and detractorAfterOrdinary).',
    source: null,
    note: `${calibratedNote} calibrate() sets it from an observed NPS.`,
  }),
  /**
   * Recommending after an excellent experience.
   *
   * Chance that a customer with an excellent experience this month recommends the company.
   *
   * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
   * Source: Temkin Group, “90% recommend the company after an excellent experience” (Hoe klantgedreven is jouw organisatie daadwerkelijk?).
   * @defaultValue 0.9
   */
  recommendAfterExcellent: probability({
    label: 'Recommending after an excellent experience',
    unit: 'probability',
    description: 'Chance that a customer with an excellent experience this month recommends the company.',
    source: 'recommendAfterExcellent',
  }),
  /**
   * People told about an excellent experience.
   *
   * People a customer who recommends the company tells about the excellent experience.
   *
   * Unit: people per recommender. Allowed: a number of people from 0 to 1,000, or a distribution over it, drawn once per run.
   * Source: the article (“Customer experience weetjes”), “loyal customers tell about 9 people, dissatisfied ones 16 on average” (Alles wat je wil én moet weten over customer experience).
   * @defaultValue 9
   */
  toldAfterExcellent: assumption(domains.tellsPerCustomer, {
    label: 'People told about an excellent experience',
    unit: 'people per recommender',
    description: 'People a customer who recommends the company tells about the excellent experience.',
    source: 'toldAfterGoodAndBad',
  }),
  /**
   * Months over which a promoter tells them.
   *
   * The span over which a customer who recommends the company tells toldAfterExcellent people: a month with an excellent experience and a recommendation tells toldAfterExcellent ÷ this many. 1: 9 people for every excellent month; 12: about 9 people a year of recommending.
   *
   * Unit: months. Allowed: a number of months from 1 to 240, or a distribution over it, drawn once per run.
   * Illustrative assumption: A reading of article 003, an illustrative choice rather than a figure of its own. “Loyal customers share their experience with some 9 people” counts people per loyal customer and gives no period; the model’s excellent experiences come monthly, and a customer’s circle does not renew every month, so 9 people every excellent month (cx-roi 0.5’s reading, 1) tells about 30 people a customer-year, more than the 16 a dissatisfied customer tells about a bad experience. A year (12) is the default: a promoter reaches about 9 people a year, fewer per teller than the 16 a bad experience reaches, as the articles stress. A customer’s mean tenure (about 54 months for the default business) is a third reading; robustness() shows the decision under each.
   * @defaultValue 12
   */
  tellingPeriodMonths: assumption(domains.spanMonths, {
    label: 'Months over which a promoter tells them',
    unit: 'months',
    description:
      'The span over which a customer who recommends the company tells toldAfterExcellent people: a month with an excellent experience and a recommendation tells toldAfterExcellent ÷ this many. 1: 9 people for every excellent month; 12: about 9 people a year of recommending.',
    source: null,
    note: 'A reading of article 003, an illustrative choice rather than a figure of its own. “Loyal customers share their experience with some 9 people” counts people per loyal customer and gives no period; the model’s excellent experiences come monthly, and a customer’s circle does not renew every month, so 9 people every excellent month (cx-roi 0.5’s reading, 1) tells about 30 people a customer-year, more than the 16 a dissatisfied customer tells about a bad experience. A year (12) is the default: a promoter reaches about 9 people a year, fewer per teller than the 16 a bad experience reaches, as the articles stress. A customer’s mean tenure (about 54 months for the default business) is a third reading; robustness() shows the decision under each.',
  }),
  /**
   * Telling others after a bad experience.
   *
   * Chance that a customer with a bad experience this month tells others about it.
   *
   * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
   * Source: research cited in the article, “50% tell their friends after a bad experience” (Customer Experience: Ambitie vs. Realiteit).
   * @defaultValue 0.5
   */
  speakAfterBad: probability({
    label: 'Telling others after a bad experience',
    unit: 'probability',
    description: 'Chance that a customer with a bad experience this month tells others about it.',
    source: 'speakAfterBad',
  }),
  /**
   * People told about a bad experience.
   *
   * People a customer who complains tells about the bad experience.
   *
   * Unit: people per complainer. Allowed: a number of people from 0 to 1,000, or a distribution over it, drawn once per run.
   * Source: the article (“Customer experience weetjes”), “loyal customers tell about 9 people, dissatisfied ones 16 on average” (Alles wat je wil én moet weten over customer experience).
   * @defaultValue 16
   */
  toldAfterBad: assumption(domains.tellsPerCustomer, {
    label: 'People told about a bad experience',
    unit: 'people per complainer',
    description: 'People a customer who complains tells about the bad experience.',
    source: 'toldAfterGoodAndBad',
  }),
  /**
   * Recommending despite a bad experience.
   *
   * Chance that a customer with a bad experience this month would still recommend the company: a promoter in an NPS survey. Sets NPS; calibrate() reads it to solve the excellent share from an observed NPS.
   *
   * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
   * Source: Temkin Group, “18% recommend the company after a bad experience” (Hoe klantgedreven is jouw organisatie daadwerkelijk?).
   * @defaultValue 0.18
   */
  recommendAfterBad: probability({
    label: 'Recommending despite a bad experience',
    unit: 'probability',
    description:
      'Chance that a customer with a bad experience this month would still recommend the company: a promoter in an NPS survey. Sets NPS; calibrate() reads it to solve the excellent share from an observed NPS.',
    source: 'recommendAfterBad',
  }),
  /**
   * Low scores after an ordinary experience.
   *
   * Chance that a customer with a good but not excellent experience this month scores 0–6 in an NPS survey (a detractor; the rest are passives). Sets NPS; calibrate() reads it like recommendAfterBad.
   *
   * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
   * Illustrative assumption, not a published finding: set it from your own data. With it NPS has detractors beyond this month’s bad journeys, as surveys find.
   * @defaultValue 0.1
   */
  detractorAfterOrdinary: probability({
    label: 'Low scores after an ordinary experience',
    unit: 'probability',
    description:
      'Chance that a customer with a good but not excellent experience this month scores 0–6 in an NPS survey (a detractor; the rest are passives). Sets NPS; calibrate() reads it like recommendAfterBad.',
    source: null,
    note: `${illustrative} With it NPS has detractors beyond this month’s bad journeys, as surveys find.`,
  }),
  /**
   * Chance a recommendation wins a customer.
   *
   * Chance that one recommendation turns a prospect into a customer.
   *
   * Unit: probability per tell. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
   * Illustrative and uncertain: nobody has measured it for this business. The default range, 1% to 4% a tell, makes recommendations bring about 12% to 46% of the default business’s new customers (about 29% at its middle, as 0.5’s 0.2% did with twelve times the tells): article 003 calls word of mouth the main reason consumers try a new product, so a large share, though not all. A business that knows how its new customers heard of it can narrow it.
   * @defaultValue uniform(min 0.01, max 0.04)
   */
  conversionPerTell: probability({
    label: 'Chance a recommendation wins a customer',
    unit: 'probability per tell',
    description: 'Chance that one recommendation turns a prospect into a customer.',
    source: null,
    note: 'Illustrative and uncertain: nobody has measured it for this business. The default range, 1% to 4% a tell, makes recommendations bring about 12% to 46% of the default business’s new customers (about 29% at its middle, as 0.5’s 0.2% did with twelve times the tells): article 003 calls word of mouth the main reason consumers try a new product, so a large share, though not all. A business that knows how its new customers heard of it can narrow it.',
  }),
  /**
   * Chance a bad story puts someone off.
   *
   * Chance that one negative story costs a prospect who was about to join (a word-of-mouth convert or an organic sign-up); the prospect is put off for good.
   *
   * Unit: probability per tell. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
   * Illustrative assumption, not a published finding: set it from your own data. A fixed point, checked: over its plausible range (one story in 1,000 to one in 50 putting someone off) it moves the default chance of a positive ROI by about 4 points, under the 10 that make a number uncertain by default; robustness() shows both ends.
   * @defaultValue 0.005
   */
  deterrencePerTell: probability({
    label: 'Chance a bad story puts someone off',
    unit: 'probability per tell',
    description:
      'Chance that one negative story costs a prospect who was about to join (a word-of-mouth convert or an organic sign-up); the prospect is put off for good.',
    source: null,
    note: `${illustrative} A fixed point, checked: over its plausible range (one story in 1,000 to one in 50 putting someone off) it moves the default chance of a positive ROI by about 4 points, under the 10 that make a number uncertain by default; robustness() shows both ends.`,
  }),
});
