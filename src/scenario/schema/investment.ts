import * as z from 'zod';
import { type Assumption, lowestDraw } from '../distribution.js';
import { type Domain, domains, minimumProgrammeCost } from '../domain.js';
import { sources } from '../sources.js';
import { maturityAnswersSchema, executionSuccessFromMaturity } from '../maturity.js';
import { assumption, byName, channelName, illustrative, perTouchpoint, probability } from './field-kinds.js';
import { stageGateSchema, thresholdFitsMeasure } from './stage-gate.js';
import { type SectionCheck, inside } from './checks.js';

/** The note of the programme's costs: a budget is the company's own figure. */
const tunedCostNote =
  'Illustrative: the programme’s budget is the company’s own figure, not something to estimate. The default (110,000 up front, 5,500 a month) is a mid-sized programme for a 10,000-customer business; 0.4 chose it so that the default landed near Accenture’s 23 / 57 / 20, a target nothing is tuned to any more (realityCheck() shows how far the default lands from it). Set your own.';

/** One channel's budget: an item of investment.channels.budget. */
const channelBudgetOne = assumption(domains.money, {
  label: 'Channel budget',
  unit: 'currency',
  description: 'Budget the programme spends on improving one channel, paid at the start on top of investment.upfront.',
  source: null,
  note: illustrative,
});

/** `scenario.investment.channels` (optional): what the programme spends on improving each channel. */
const channelBudgetsSchema = z.strictObject({
  budget: byName(channelName, channelBudgetOne, 'channels'),
  /**
   * Set-up cost per channel.
   *
   * What a channel’s budget must cover before it improves anything: connecting it to the others (its silo penalty ends) and the basics.
   *
   * Unit: currency per channel. Allowed: an amount of money from 0 to 1,000,000,000,000, or a distribution over it, drawn once per run.
   * Illustrative assumption, not a published finding: set it from your own data. It is why a budget spread thin can do less than one spent on a few channels (better to excel on a few channels than be average on many).
   */
  setupCost: assumption(domains.money, {
    label: 'Set-up cost per channel',
    unit: 'currency per channel',
    description:
      'What a channel’s budget must cover before it improves anything: connecting it to the others (its silo penalty ends) and the basics.',
    source: null,
    note: `${illustrative} It is why a budget spread thin can do less than one spent on a few channels (${sources.greatAtAFew.figure}).`,
  }),
  /**
   * Spend that halves channel failures.
   *
   * Budget beyond the set-up cost that halves a channel’s failure rate; each further such amount halves it again (diminishing returns).
   *
   * Unit: currency. Allowed: an amount of money from 1 to 1,000,000,000,000, or a distribution over it, drawn once per run.
   * Illustrative assumption, not a published finding: set it from your own data.
   */
  halfEffectSpend: assumption(domains.positiveMoney, {
    label: 'Spend that halves channel failures',
    unit: 'currency',
    description:
      'Budget beyond the set-up cost that halves a channel’s failure rate; each further such amount halves it again (diminishing returns).',
    source: null,
    note: illustrative,
  }),
});

/** `scenario.investment`: the CX programme: what it costs, what it changes, when, and how likely it is to be carried out. */
export const investmentSchema = z.strictObject({
  /**
   * Up-front cost.
   *
   * One-off cost of the CX programme, paid at the start: one amount, or one per touchpoint it targets (summed). Any channel budget (investment.channels.budget) is paid on top.
   *
   * Unit: currency. Allowed: an amount of money from 0 to 1,000,000,000,000, or a distribution over it, drawn once per run.
   * Illustrative: the programme’s budget is the company’s own figure, not something to estimate. The default (110,000 up front, 5,500 a month) is a mid-sized programme for a 10,000-customer business; 0.4 chose it so that the default landed near Accenture’s 23 / 57 / 20, a target nothing is tuned to any more (realityCheck() shows how far the default lands from it). Set your own.
   * @defaultValue 110000
   */
  upfront: perTouchpoint(domains.money, {
    label: 'Up-front cost',
    unit: 'currency',
    description:
      'One-off cost of the CX programme, paid at the start: one amount, or one per touchpoint it targets (summed). Any channel budget (investment.channels.budget) is paid on top.',
    source: null,
    note: tunedCostNote,
  }),
  /**
   * Monthly cost.
   *
   * Running cost of the programme each month (people, tools, follow-up): one amount, or one per touchpoint (summed). Paid to the horizon, or until a stage gate stops the programme.
   *
   * Unit: currency per month. Allowed: an amount of money from 0 to 1,000,000,000,000, or a distribution over it, drawn once per run.
   * Illustrative: the programme’s budget is the company’s own figure, not something to estimate. The default (110,000 up front, 5,500 a month) is a mid-sized programme for a 10,000-customer business; 0.4 chose it so that the default landed near Accenture’s 23 / 57 / 20, a target nothing is tuned to any more (realityCheck() shows how far the default lands from it). Set your own.
   * @defaultValue 5500
   */
  monthly: perTouchpoint(domains.money, {
    label: 'Monthly cost',
    unit: 'currency per month',
    description:
      'Running cost of the programme each month (people, tools, follow-up): one amount, or one per touchpoint (summed). Paid to the horizon, or until a stage gate stops the programme.',
    source: null,
    note: tunedCostNote,
  }),
  /**
   * Failure reduction.
   *
   * Relative cut in the chance of a bad experience at full effect: one share for the whole journey’s touchpoints, or one per touchpoint it targets (the others stay as they were). Channels improve only through investment.channels. Negative: worse.
   *
   * Unit: share of the failure chance. Allowed: a relative cut (negative: the programme makes failures more likely) from -1 to 1, or a distribution over it, drawn once per run.
   * Illustrative assumption, not a published finding: set it from your own data. Negative values are allowed because programmes can backfire (a CX project (a new website, the old one left online) made the experience worse; the project was stopped, 000_ab32cb94a1089f0b.txt).
   * @defaultValue pert(min 0.2, mode 0.4, max 0.6)
   */
  failureReduction: perTouchpoint(domains.effect, {
    label: 'Failure reduction',
    unit: 'share of the failure chance',
    description:
      'Relative cut in the chance of a bad experience at full effect: one share for the whole journey’s touchpoints, or one per touchpoint it targets (the others stay as they were). Channels improve only through investment.channels. Negative: worse.',
    source: null,
    note: `${illustrative} Negative values are allowed because programmes can backfire (${sources.backfire.figure}, ${sources.backfire.article}).`,
  }),
  /**
   * Delay before effect.
   *
   * Months after the start before the programme has any effect (listening, building), then the effect ramps up over rampMonths.
   *
   * Unit: months. Allowed: a number of months from 0 to 240, or a distribution over it, drawn once per run.
   * Source: Nienke Bloem (Emerce webinar), “two to three years before the effect is there; listening comes before acting” (‘CX en NPS moeten op hoogste niveau in organisatie bestuurd’).
   * @defaultValue triangular(min 3, mode 6, max 12)
   */
  delayMonths: assumption(domains.months, {
    label: 'Delay before effect',
    unit: 'months',
    description:
      'Months after the start before the programme has any effect (listening, building), then the effect ramps up over rampMonths.',
    source: 'delayMonths',
    note: 'Read from “two to three years before the effect is there”: about half a year of nothing (mode 6), then a ramp of 18–30 months: full effect after about 30 months.',
  }),
  /**
   * Ramp-up to full effect.
   *
   * Months from the end of the delay until the programme reaches full effect; the effect grows linearly until then (the long game).
   *
   * Unit: months. Allowed: a number of months from 0 to 240, or a distribution over it, drawn once per run.
   * Source: Nienke Bloem (Emerce webinar), “the effect takes two to three years (24–36 months) to show” (‘CX en NPS moeten op hoogste niveau in organisatie bestuurd’).
   * @defaultValue triangular(min 18, mode 24, max 30)
   */
  rampMonths: assumption(domains.months, {
    label: 'Ramp-up to full effect',
    unit: 'months',
    description:
      'Months from the end of the delay until the programme reaches full effect; the effect grows linearly until then (the long game).',
    source: 'rampMonths',
    note: 'With delayMonths (mode 6), full effect at about two and a half years.',
  }),
  /**
   * Chance of carrying it out.
   *
   * Chance that the programme is carried out as planned; drawn once per run. Give investment.maturity instead to derive it from the nine maturity questions.
   *
   * Unit: probability. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
   * Source: Adrian Swinscoe, Punk CX, “70–80% of CX initiatives miss expectations or goals, so 20–30% succeed” (Klantbeleving: durf eens keuzes te maken als een punkrocker).
   * @defaultValue uniform(min 0.2, max 0.3)
   */
  executionSuccess: probability({
    label: 'Chance of carrying it out',
    unit: 'probability',
    description:
      'Chance that the programme is carried out as planned; drawn once per run. Give investment.maturity instead to derive it from the nine maturity questions.',
    source: 'executionSuccess',
  }),
  /**
   * Effect when it misses its goals.
   *
   * Share of the planned effect a programme that misses its goals still delivers; negative: a missed programme makes things worse, by that share of the planned effect’s size.
   *
   * Unit: share of full effect. Allowed: a relative cut (negative: the programme makes failures more likely) from -1 to 1, or a distribution over it, drawn once per run.
   * Illustrative and uncertain: no article measures what a programme that misses its goals still delivers. “Missing expectations or goals” (70–80% of initiatives, article 002) spans delivering nothing to delivering most of the plan, so the default is uniform from 0 to 0.6. 0.5 and earlier used 0.4, tuned with the costs to land near Accenture’s split; nothing is tuned now, and 0.4 is one of the readings robustness() shows. The answer depends on it strongly: a missed programme that delivers nothing turns the default decision.
   * @defaultValue uniform(min 0, max 0.6)
   */
  missedEffectShare: assumption(domains.effect, {
    label: 'Effect when it misses its goals',
    unit: 'share of full effect',
    description:
      'Share of the planned effect a programme that misses its goals still delivers; negative: a missed programme makes things worse, by that share of the planned effect’s size.',
    source: null,
    note: 'Illustrative and uncertain: no article measures what a programme that misses its goals still delivers. “Missing expectations or goals” (70–80% of initiatives, article 002) spans delivering nothing to delivering most of the plan, so the default is uniform from 0 to 0.6. 0.5 and earlier used 0.4, tuned with the costs to land near Accenture’s split; nothing is tuned now, and 0.4 is one of the readings robustness() shows. The answer depends on it strongly: a missed programme that delivers nothing turns the default decision.',
  }),
  /**
   * Rise in excellent experiences.
   *
   * How much the programme raises the share of good journeys that are excellent once fully in effect (0.05: five points more), delayed, ramped and scaled like the failure reduction.
   *
   * Unit: share of good journeys. Allowed: a share from 0 to 1, or a distribution over it, drawn once per run.
   * Illustrative and uncertain: no article measures it. From nothing (the programme only prevents bad experiences) to ten points, about a third more excellent experiences in the default business; over that range it moves the default chance of a positive ROI by about ten points, so its uncertainty is in the spread rather than a point.
   * @defaultValue uniform(min 0, max 0.1)
   */
  excellentShareIncrease: assumption(domains.share, {
    label: 'Rise in excellent experiences',
    unit: 'share of good journeys',
    description:
      'How much the programme raises the share of good journeys that are excellent once fully in effect (0.05: five points more), delayed, ramped and scaled like the failure reduction.',
    source: null,
    note: 'Illustrative and uncertain: no article measures it. From nothing (the programme only prevents bad experiences) to ten points, about a third more excellent experiences in the default business; over that range it moves the default chance of a positive ROI by about ten points, so its uncertainty is in the spread rather than a point.',
  }),
  maturity: maturityAnswersSchema.optional(),
  channels: channelBudgetsSchema.optional(),
  stageGate: stageGateSchema.optional(),
});

type Investment = z.output<typeof investmentSchema>;

/** The sum of a per-touchpoint assumption's lowest draws. */
function lowestTotal(value: Assumption | Readonly<Record<string, Assumption>>, domain: Domain): number {
  if (typeof value === 'number' || 'dist' in value) return lowestDraw(value as Assumption, domain);
  let sum = 0;
  for (const x of Object.values(value) as Assumption[]) sum += lowestDraw(x, domain);
  return sum;
}

/** The programme costs something in every run, up front or a month: ROI divides by its cost. */
export const costsEnoughForRoi: SectionCheck<Investment> = ({ upfront, monthly, channels }, { complain }) => {
  const channelBudget = channels ? lowestTotal(channels.budget, domains.money) : 0;
  const lowestUpfront = lowestTotal(upfront, domains.money) + channelBudget;
  const lowestMonthly = lowestTotal(monthly, domains.money);
  if (lowestUpfront < minimumProgrammeCost && lowestMonthly < minimumProgrammeCost)
    complain(
      ['upfront'],
      `the programme must cost at least ${minimumProgrammeCost} in every run for ROI to be defined, but investment.upfront` +
        `${channels ? ' with the channel budgets' : ''} can draw ${lowestUpfront} and investment.monthly ${lowestMonthly}: ` +
        `raise one of them to at least ${minimumProgrammeCost} (for a distribution, its min)`,
    );
};

/** The stage gate's threshold fits its measure. */
export const gateThresholdFitsMeasure: SectionCheck<Investment> = ({ stageGate }, report) => {
  if (stageGate) thresholdFitsMeasure(stageGate, inside(report, 'stageGate'));
};

/** The maturity answers set executionSuccess, so a scenario gives one or the other. */
export const maturityOrExecutionSuccess: SectionCheck<Investment> = ({ maturity, executionSuccess }, { complain, failed }) => {
  // Answers that are themselves wrong are reported as such, not as a clash with executionSuccess.
  if (!maturity || failed(['maturity']) || !maturityAnswersSchema.safeParse(maturity).success) return;
  if (JSON.stringify(executionSuccess) !== JSON.stringify(executionSuccessFromMaturity(maturity)))
    complain(['executionSuccess'], 'is set by investment.maturity (the nine questions): give one or the other, not both');
};
