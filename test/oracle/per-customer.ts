/**
 * The reference oracle: the same model, simulated one customer and one
 * prospect at a time with a uniform draw per decision, as a hand-written
 * model would. Slow by design: it backs the statistical-equivalence tests of
 * the count engine and the bench's speed-up figure. It shares only the
 * parameter draws and the programme's effect (drawValues, runParameters, effectScale, investedPBad) with the engine,
 * not one line of the monthly dynamics.
 */
import { drawValues } from '../../src/model/draw.js';
import { investedPBad } from '../../src/scenario/parameters.js';
import { runParameters } from '../../src/model/run-parameters.js';
import { effectScale, excellentShareAt } from '../../src/model/run.js';
import { createStream, type Seed } from '../../src/random/stream.js';
import type { Scenario } from '../../src/scenario/schema.js';

export interface OracleArm {
  customers: number;
  prospects: number;
  cumulativeMargin: number;
}

export interface OracleRun {
  baseline: OracleArm;
  invested: OracleArm;
  roi: number;
}

/** Share of the pool moved by `tells` spread over `pool` prospects, each tell moving one with `perTell`. */
function reached(perTell: number, tells: number, pool: number): number {
  return pool > 0 && tells > 0 ? 1 - (1 - perTell) ** (tells / pool) : 0;
}

export function perCustomerRun(scenario: Scenario, seed: Seed, run: number): OracleRun {
  const p = runParameters(scenario, drawValues(scenario, seed, run));
  const u = createStream(seed, 'oracle', run);
  const executed = createStream(seed, 'execution', run)() < p.executionSuccess;
  const arms = {
    baseline: { customers: p.initialCustomers, prospects: p.prospects, cumulativeMargin: 0 },
    invested: { customers: p.initialCustomers, prospects: p.prospects, cumulativeMargin: 0 },
  };
  let discount = 1;
  let cost = p.upfront;
  let incremental = 0;
  for (let month = 1; month <= p.horizonMonths; month += 1) {
    discount *= p.monthlyDiscount;
    cost += discount * p.monthlyCost;
    const margins = { baseline: 0, invested: 0 };
    for (const name of ['baseline', 'invested'] as const) {
      const arm = arms[name];
      const scale = effectScale(p, executed, month);
      const pBad = name === 'baseline' ? p.pBad : investedPBad(p, scale);
      const excellentShare = name === 'baseline' ? p.excellentShare : excellentShareAt(p, scale);
      let bad = 0;
      let good = 0;
      let churned = 0;
      let recommenders = 0;
      let speakers = 0;
      for (let c = 0; c < arm.customers; c += 1) {
        if (u() < pBad) {
          bad += 1;
          if (u() < p.switchAfterBad) churned += 1;
          if (u() < p.speakAfterBad) speakers += 1;
        } else {
          good += 1;
          if (u() < p.baseChurn) churned += 1;
          if (u() < excellentShare && u() < p.recommendAfterExcellent) recommenders += 1;
        }
      }
      const revenue = good * p.spendGood + bad * p.spendBad;
      const pConvert = reached(p.conversionPerTell, Math.round(recommenders * p.toldPerRecommendingMonth), arm.prospects);
      // Prospects about to join: won by a recommendation, or else signing up on their own.
      let aboutToJoin = 0;
      for (let j = 0; j < arm.prospects; j += 1) if (u() < pConvert || u() < p.organicMonthly) aboutToJoin += 1;
      // Negative stories reach those about to join; each one put off is lost for good.
      const pDeter = reached(p.deterrencePerTell, Math.round(speakers * p.toldAfterBad), aboutToJoin);
      let lost = 0;
      for (let j = 0; j < aboutToJoin; j += 1) if (u() < pDeter) lost += 1;
      const acquired = aboutToJoin - lost;
      arm.customers += acquired - churned;
      arm.prospects -= aboutToJoin;
      margins[name] = revenue * p.grossMargin;
      arm.cumulativeMargin += margins[name];
    }
    incremental += discount * (margins.invested - margins.baseline);
  }
  return { ...arms, roi: (incremental - cost) / cost };
}
