import type { JoinedRuns, MonthlyMetric, RunMatrix } from '../simulate/matrix.js';
import type { HorizonSummary, OutcomeClasses, PaybackSummary, SeriesRow } from '../simulate/result.js';
import type { Scenario } from '../scenario/schema.js';
import { accentureOutcomeSplit } from '../scenario/sources.js';
import { type Band, bandInPlace } from './band.js';
import { horizonBand, meanAndSd } from './statistics.js';

/**
 * One row per month: bands of every monthly figure over the runs. Reads the
 * blocks (ordered by first run) in place, so blocks from several workers need
 * no merging, and the result does not depend on how the runs were split.
 */
export function summarizeSeries(ordered: readonly RunMatrix[], total: number): SeriesRow[] {
  const months = ordered[0]?.months ?? 0;
  const scratch = new Float64Array(total);
  const rows: SeriesRow[] = [];
  const band = (t: number, metric: MonthlyMetric): Band => {
    for (const block of ordered) scratch.set(block.values[metric].subarray(t * block.count, (t + 1) * block.count), block.first);
    return bandInPlace(scratch);
  };
  for (let t = 0; t < months; t += 1) {
    let paidBack = 0;
    for (const block of ordered) {
      const roi = block.values.roi;
      for (let i = t * block.count; i < (t + 1) * block.count; i += 1) if ((roi[i] as number) >= 0) paidBack += 1;
    }
    rows.push({
      month: t + 1,
      roi: band(t, 'roi'),
      probabilityPaidBack: paidBack / total,
      customers: { baseline: band(t, 'customersBaseline'), invested: band(t, 'customersInvested') },
      revenue: { baseline: band(t, 'revenueBaseline'), invested: band(t, 'revenueInvested') },
      margin: { baseline: band(t, 'marginBaseline'), invested: band(t, 'marginInvested') },
    });
  }
  return rows;
}

/** The horizon figures: ROI and NPV bands, their Monte Carlo error, payback and outcome classes. */
export function summarizeHorizon(scenario: Scenario, runs: JoinedRuns): HorizonSummary {
  const h = runs.horizon;
  const n = runs.count;
  const roi = Array.from(h.roi);
  const positive = roi.filter((x) => x > 0).length / n;
  const { sd } = meanAndSd(roi);
  let executed = 0;
  for (const x of h.executed) executed += x;
  return {
    month: scenario.horizonMonths,
    roi: horizonBand(roi),
    roiMeanStandardError: sd / Math.sqrt(n),
    npv: horizonBand(Array.from(h.npv)),
    probabilityPositiveRoi: positive,
    probabilityPositiveRoiStandardError: Math.sqrt((positive * (1 - positive)) / n),
    paybackMonth: payback(h.paybackMonth),
    outcomeClasses: outcomeClasses(roi, scenario.outcomeClasses),
    customers: {
      baseline: horizonBand(Array.from(h.customersBaseline)),
      invested: horizonBand(Array.from(h.customersInvested)),
    },
    executedShare: executed / n,
  };
}

/** Payback months, 0 for a run that never pays back. */
function payback(months: Int32Array): PaybackSummary {
  const paid = Array.from(months).filter((m) => m > 0);
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
