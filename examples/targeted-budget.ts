/**
 * The weakest link as a choice: the same budget spent on the weakest
 * touchpoint (delivery) or spread evenly over all five. The programme's
 * effect and cost are given per touchpoint: a programme that fixes delivery
 * leaves ordering as it was.
 *
 * How much a budget cuts a touchpoint's failures is an assumption of this
 * example, stated here: each 60,000 halves them (diminishing returns,
 * `improvementFromBudget`). Everything else is the default scenario.
 *
 *   npx tsx examples/targeted-budget.ts
 */
import { defaultScenario, improvementFromBudget, simulate } from 'cx-roi';

const budget = 150_000;
const halfEffectSpend = 60_000;
const touchpoints = Object.keys(defaultScenario.journey.touchpointFailure);

function programme(spend: Record<string, number>) {
  const failureReduction = Object.fromEntries(
    Object.entries(spend).map(([name, money]) => [name, improvementFromBudget(money, 0, halfEffectSpend).cut]),
  );
  return { investment: { upfront: spend, failureReduction } };
}

const options = {
  'weakest only (delivery)': programme({ delivery: budget }),
  'spread over all five': programme(Object.fromEntries(touchpoints.map((name) => [name, budget / touchpoints.length]))),
};

console.log(
  `Budget ${budget.toLocaleString('en-US')} upfront (plus the default ${defaultScenario.investment.monthly.toLocaleString('en-US')} a month); each ${halfEffectSpend.toLocaleString('en-US')} on a touchpoint halves its failures.`,
);
console.log('option                      bad experiences at full effect   median ROI   P(ROI > 0)   median customers at 5 years');
for (const [name, input] of Object.entries(options)) {
  const result = simulate(input, { runs: 2000, seed: 7 });
  const before = 1 - Object.values(defaultScenario.journey.touchpointFailure).reduce((ok, f) => ok * (1 - f), 1);
  const cuts = input.investment.failureReduction as Record<string, number>;
  const after =
    1 - Object.entries(defaultScenario.journey.touchpointFailure).reduce((ok, [tp, f]) => ok * (1 - f * (1 - (cuts[tp] ?? 0))), 1);
  const h = result.horizon;
  console.log(
    `${name.padEnd(28)}${(100 * before).toFixed(2)}% → ${(100 * after).toFixed(2)}%${' '.repeat(18)}${h.roi.p50.toFixed(2).padStart(6)}   ${(100 * h.probabilityPositiveRoi).toFixed(1).padStart(6)}%   ${Math.round(h.customers.invested.p50).toLocaleString('en-US').padStart(8)}`,
  );
}
console.log(
  '\nDelivery fails three times as often as the others: the first 60,000 there removes more bad experiences than 30,000 on each of five.',
);
