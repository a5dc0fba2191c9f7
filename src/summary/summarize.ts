import type { RunMatrix } from '../simulate/matrix.js';
import type { HorizonSummary, OutcomeClasses, PaybackSummary, SeriesRow } from '../simulate/result.js';
import type { Scenario } from '../scenario/schema.js';
import { accentureOutcomeSplit } from '../scenario/sources.js';
import { type Band, bandOf } from './band.js';
import { horizonBand, meanAndSd } from './statistics.js';

/** One row per month: bands of every monthly figure over the runs. */
export function summarizeSeries(matrix: RunMatrix): SeriesRow[] {
  const { count, months, values } = matrix;
  const scratch = new Float64Array(count);
  const rows: SeriesRow[] = [];
  for (let t = 0; t < months; t += 1) {
    const column = (metric: Float64Array) => metric.subarray(t * count, (t + 1) * count);
    const band = (metric: Float64Array): Band => bandOf(column(metric), scratch);
    const roi = column(values.roi);
    let paidBack = 0;
    for (let i = 0; i < count; i += 1) if ((roi[i] as number) >= 0) paidBack += 1;
    rows.push({
      month: t + 1,
      roi: band(values.roi),
      probabilityPaidBack: paidBack / count,
      customers: { baseline: band(values.customersBaseline), invested: band(values.customersInvested) },
      revenue: { baseline: band(values.revenueBaseline), invested: band(values.revenueInvested) },
      margin: { baseline: band(values.marginBaseline), invested: band(values.marginInvested) },
    });
  }
  return rows;
}

/** The horizon figures: ROI and NPV bands, their Monte Carlo error, payback and outcome classes. */
export function summarizeHorizon(scenario: Scenario, matrix: RunMatrix): HorizonSummary {
  const { results } = matrix;
  const n = results.length;
  const roi = results.map((r) => r.roi);
  const positive = roi.filter((x) => x > 0).length / n;
  const { sd } = meanAndSd(roi);
  return {
    month: scenario.horizonMonths,
    roi: horizonBand(roi),
    roiMeanStandardError: sd / Math.sqrt(n),
    npv: horizonBand(results.map((r) => r.npv)),
    probabilityPositiveRoi: positive,
    probabilityPositiveRoiStandardError: Math.sqrt((positive * (1 - positive)) / n),
    paybackMonth: payback(results.map((r) => r.paybackMonth)),
    outcomeClasses: outcomeClasses(roi, scenario.outcomeClasses),
    customers: {
      baseline: horizonBand(results.map((r) => r.customers.baseline)),
      invested: horizonBand(results.map((r) => r.customers.invested)),
    },
    executedShare: results.filter((r) => r.executed).length / n,
  };
}

function payback(months: readonly (number | null)[]): PaybackSummary {
  const paid = months.filter((m): m is number => m !== null);
  return {
    paidBackShare: paid.length / months.length,
    neverShare: 1 - paid.length / months.length,
    month: paid.length > 0 ? horizonBand(paid) : null,
  };
}

function outcomeClasses(roi: readonly number[], thresholds: Scenario['outcomeClasses']): OutcomeClasses {
  const { positiveFrom, negativeBelow } = thresholds;
  let positive = 0;
  let negative = 0;
  for (const x of roi) {
    if (x >= positiveFrom) positive += 1;
    else if (x < negativeBelow) negative += 1;
  }
  const n = roi.length;
  return {
    positive: positive / n,
    middling: (n - positive - negative) / n,
    negative: negative / n,
    positiveFrom,
    negativeBelow,
    published: accentureOutcomeSplit,
  };
}
