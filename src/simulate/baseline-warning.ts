import { count, percent } from '../format/numbers.js';
import { type ImpliedKpis, plausibility } from '../model/kpis.js';
import type { SimulationWarning } from './result.js';

/**
 * Warnings about a scenario's baseline, from its implied KPIs. With a held
 * business they name the business figure (it is what the company observes:
 * the warning asks to check it), else the parameter behind it.
 */
export function baselineWarnings(kpis: ImpliedKpis, held = false): SimulationWarning[] {
  const out: SimulationWarning[] = [];
  const { baseline, withoutProgramme } = kpis;
  if (baseline.annualRetention < plausibility.minimumAnnualRetention)
    out.push({
      code: 'low-retention',
      message: held
        ? `The business keeps only ${percent(baseline.annualRetention, 0)} of its customers a year (monthly churn ${percent(baseline.monthlyChurn)}): check business.annualRetention (or monthlyChurn).`
        : `Without the programme only ${percent(baseline.annualRetention, 0)} of customers stay a year (monthly churn ${percent(baseline.monthlyChurn)}); set churn and failure rates from your own data, or use calibrate().`,
      field: held ? 'business.annualRetention' : (baseline.churnFromBadExperiences ?? 0) > 0.5 ? 'journey.touchpointFailure' : 'churn.base',
    });
  const g = withoutProgramme.growth;
  if (Math.abs(g) > plausibility.maximumGrowthWithoutProgramme)
    out.push({
      code: g > 0 ? 'baseline-growth' : 'baseline-decline',
      message: `Without the programme the customer base ${g > 0 ? 'grows' : 'shrinks'} by ${percent(Math.abs(g), 0)} over ${withoutProgramme.months} months (from ${count(withoutProgramme.customersStart)} to ${count(withoutProgramme.customersAtHorizon)}); ${held ? 'check business.newCustomersMonthly against its churn, or start at the steady state (business.startAtSteadyState)' : 'set acquisition from your own figures, or use calibrate()'}.`,
      field: held ? 'business.newCustomersMonthly' : 'acquisition.organicMonthly',
    });
  return out;
}
