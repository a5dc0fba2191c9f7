/**
 * A user's own property test, written with cx-roi/testing. The claim: for
 * any business a scenario can describe, a programme that cuts failures is
 * worth at least as much as the same spend with no effect: the paired mean
 * NPV difference is not below 0 by more than 4 standard errors of
 * simulation. fast-check finds where the claim fails and shrinks it to the
 * field that breaks it (a business in which a good month is worth less than
 * a bad one); with such businesses ruled out, the claim holds.
 *
 *   npx tsx examples/property-test.ts
 */
import fc from 'fast-check';
import { type ScenarioInput, compare, parseScenario } from 'cx-roi';
import { expectWithinMonteCarloError, scenarioInputArbitrary } from 'cx-roi/testing';

/** The claim for one business: the programme's effect on (failures cut by half) against off, same spend, paired. */
function effectPays(input: ScenarioInput): void {
  const investment = input.investment ?? {};
  const off = { ...input, investment: { ...investment, failureReduction: 0, missedEffectShare: 0, excellentShareIncrease: 0 } };
  const on = { ...input, investment: { ...investment, failureReduction: 0.5, missedEffectShare: 0.5 } };
  const pair = compare({ off, on }, { runs: 100, seed: 1 }).pairs[0];
  if (!pair) throw new Error('compare returned no pair');
  if (pair.npv.mean < 0) expectWithinMonteCarloError(pair.npv.mean, 0, pair.npvMeanStandardError);
}

const scenarios = scenarioInputArbitrary({ maxHorizonMonths: 24, distributions: false });

/** A business in which a good month is worth at least a bad one: customers spend no less, and leave no more often. */
function goodBeatsBad(input: ScenarioInput): boolean {
  const { churn, spend } = parseScenario(input);
  return (spend.goodMultiplier as number) >= 1 && (churn.base as number) <= (churn.switchAfterBad as number);
}

const anyBusiness = fc.check(fc.property(scenarios, effectPays), { numRuns: 100, seed: 2026 });
if (anyBusiness.failed) {
  const [input] = anyBusiness.counterexample as [ScenarioInput];
  const why = goodBeatsBad(input)
    ? 'although a good month there is worth at least a bad one'
    : 'a business where a good month is worth less than a bad one';
  console.log(`For any business: fails, shrunk to ${JSON.stringify(input)}: ${why}.`);
} else console.log(`For any business: held for ${anyBusiness.numRuns} scenarios.`);

const plausible = fc.check(
  fc.property(scenarios, (input) => {
    fc.pre(goodBeatsBad(input));
    effectPays(input);
  }),
  { numRuns: 100, seed: 2026 },
);
console.log(
  plausible.failed
    ? `Where a good month is worth at least a bad one: fails on ${JSON.stringify(plausible.counterexample)}`
    : `Where a good month is worth at least a bad one: held for ${plausible.numRuns} scenarios.`,
);
process.exitCode = plausible.failed ? 1 : 0;
