import { scenarioAssumptions } from '../scenario/assumption-fields.js';
import { type RunParameters, investedPBad } from '../scenario/parameters.js';
import { runParameters } from './run-parameters.js';
import { customerLifetimeValue, excellentShareAt, monthlyChurn, npsParts } from './run.js';
import { centralValue } from '../scenario/distribution.js';
import type { Scenario } from '../scenario/schema.js';
import type { ArmConditions } from '../scenario/expected-month.js';

/** The run parameters of a scenario's central values (each distribution at its mean). */
export function centralParameters(scenario: Scenario): RunParameters {
  const values: Record<string, number> = {};
  for (const { path, value, domain } of scenarioAssumptions(scenario)) values[path] = centralValue(value, domain);
  return runParameters(scenario, values);
}

/** The baseline's conditions, and the invested arm's once the programme is fully in effect as planned. */
export function armConditions(p: RunParameters): { baseline: ArmConditions; invested: ArmConditions } {
  return {
    baseline: { pBad: p.pBad, excellentShare: p.excellentShare },
    invested: { pBad: investedPBad(p, 1), excellentShare: excellentShareAt(p, 1) },
  };
}

/** Expected monthly churn of an arm. */
export function armChurn(arm: ArmConditions, p: RunParameters): number {
  return monthlyChurn(arm.pBad, p);
}

/** Expected revenue per customer per month of an arm. */
export function revenuePerCustomer(arm: ArmConditions, p: RunParameters): number {
  return arm.pBad * p.spendBad + (1 - arm.pBad) * p.spendGood;
}

/** The NPS survey the model implies for an arm: shares of promoters, passives and detractors, and the score (−100 to 100). */
export function npsComposition(
  arm: ArmConditions,
  p: Pick<RunParameters, 'recommendAfterExcellent' | 'recommendAfterBad' | 'detractorAfterOrdinary'>,
) {
  const { promoters, detractors } = npsParts(arm.pBad, (1 - arm.pBad) * arm.excellentShare, (1 - arm.pBad) * (1 - arm.excellentShare), p);
  return { promoters, passives: 1 - promoters - detractors, detractors, score: 100 * (promoters - detractors) };
}

/**
 * Net Promoter Score the model implies (−100 to 100): promoters are
 * `recommendAfterExcellent` of excellent journeys and `recommendAfterBad` of
 * bad ones (Temkin: 90%, 18%); detractors the other bad ones and
 * `detractorAfterOrdinary` of the good but not excellent ones.
 */
export function netPromoterScore(
  arm: ArmConditions,
  p: Pick<RunParameters, 'recommendAfterExcellent' | 'recommendAfterBad' | 'detractorAfterOrdinary'>,
): number {
  return npsComposition(arm, p).score;
}

/** A customer's lifetime value in an arm (discounted gross margin), or `null` when it has no end (no churn, no discounting). */
export function lifetimeValue(arm: ArmConditions, p: RunParameters): number | null {
  const value = customerLifetimeValue(revenuePerCustomer(arm, p) * p.grossMargin, armChurn(arm, p), p.monthlyDiscount);
  return Number.isFinite(value) && value >= 0 ? value : null;
}
