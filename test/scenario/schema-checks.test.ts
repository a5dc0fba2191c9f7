import { describe, expect, it } from 'vitest';
import { ScenarioError, defaultChannels, parseScenario } from '../../src/index.js';

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a ScenarioError');
}

// The checks that read one field against another live with their sections (src/scenario/schema/) but run
// once the whole scenario is read: these pin what a user sees when a scenario has several problems.
describe('the scenario’s checks across fields', () => {
  const everyCheckFails = {
    horizonMonths: 12,
    discountRateAnnual: 0,
    channels: { ...defaultChannels, offered: { phone: { share: 0.5, failure: 0.02, connected: true } } },
    investment: {
      upfront: 0,
      monthly: 0,
      failureReduction: { shipping: 0.5 },
      channels: { budget: { fax: 0 }, setupCost: 100, halfEffectSpend: 100 },
      stageGate: { month: 24, measure: 'effect', threshold: 2 },
    },
    valuation: { terminalValue: 'customerLifetime' },
    outcomeClasses: { positiveFrom: 0.5, negativeBelow: 1 },
  };

  it('report after every field’s own issues, in one order whatever the sections’ order', () => {
    expect(issuesOf({ ...everyCheckFails, spend: { grossMargin: 2 } })).toEqual([
      { path: 'spend.grossMargin', message: 'must be a share from 0 to 1' },
      { path: 'outcomeClasses.negativeBelow', message: 'must be ≤ outcomeClasses.positiveFrom (0.5)' },
      { path: 'discountRateAnnual', message: expect.stringMatching(/^a terminal value needs discounting/) },
      {
        path: 'investment.upfront',
        message: expect.stringMatching(/^the programme must cost at least 1 in every run .* with the channel budgets can draw 0 and /),
      },
      { path: 'investment.failureReduction.shipping', message: expect.stringMatching(/^"shipping" is not a touchpoint of the journey/) },
      { path: 'channels.offered', message: "the channels' shares of contacts must add up to 1, not 0.5" },
      { path: 'investment.channels.budget.fax', message: '"fax" is not a channel of channels.offered (phone)' },
      { path: 'investment.stageGate.month', message: 'must be within the horizon (12 months)' },
      { path: 'investment.stageGate.threshold', message: 'an effect threshold is a relative cut: from -1 to 1' },
    ]);
  });

  it('do not run while a field of another section is not even of its kind', () => {
    expect(issuesOf({ ...everyCheckFails, churn: { base: 'often' } }).map((issue) => issue.path)).toEqual(['churn.base']);
  });

  it('name the maturity answers that are wrong, not a clash with executionSuccess', () => {
    const answers = {
      ...{ leadershipUnderstands: 'yes', notOnlyMarketing: 'partly', rightKpis: 'no', knowsAudiences: 'yes' },
      ...{ knowsChannelsAndJourneys: 'yes' },
      ...{ customerData: 'no', dedicatedTeam: 'partly', teamProcess: 'yes', researchTools: 'no' },
    };
    expect(issuesOf({ investment: { maturity: answers, executionSuccess: 0.5 } })).toEqual([
      { path: 'investment.executionSuccess', message: expect.stringMatching(/^is set by investment\.maturity \(the nine questions\)/) },
    ]);
    const wrongAnswer = { investment: { maturity: { ...answers, rightKpis: 'maybe' }, executionSuccess: 0.5 } };
    expect(issuesOf(wrongAnswer).map((issue) => issue.path)).toEqual(['investment.maturity.rightKpis']);
  });
});
