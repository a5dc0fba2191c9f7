import type { RealityCheck } from 'cx-roi';
import { count, percent } from '../format/numbers.js';

/** The reality check's findings beside the published figures. */
export function realityCheckTable(check: RealityCheck): string {
  const oc = check.outcomeClasses;
  const mg = check.missedGoal;
  const whyNotExecuted =
    mg.amongNotExecuted === null ? '' : `${percent(mg.amongNotExecuted)} of programmes not carried out as planned miss`;
  const whyExecuted = mg.amongExecuted === null ? '' : `, ${percent(mg.amongExecuted)} of those carried out`;
  const ratio = (x: number) => count(x, 2);
  const published = [oc.published.positive, oc.published.middling, oc.published.negative].map((x) => percent(x, 0)).join(', ');
  return [
    `cx-roi reality check: ${count(check.runs)} typical programmes (costs, effects, delays and maturity drawn from typicalProgrammes) ` +
      `on the default business, seed ${JSON.stringify(check.seed)}; nothing tuned to the published figures`,
    '',
    `Outcome at month 60:  ROI ≥ ${oc.positiveFrom} (clearly positive) ${percent(oc.positive)}, ` +
      `${oc.negativeBelow} to ${oc.positiveFrom} (middling) ${percent(oc.middling)}, ` +
      `below ${oc.negativeBelow} (lower or negative) ${percent(oc.negative)}`,
    `  Accenture:          ${published}; χ² distance ${oc.chiSquareDistance.toFixed(3)} ` +
      '(0 is the same split; the default programme, whose costs were tuned to it, scores about 0.002)',
    `Missed the goal:      ${percent(mg.share)} (± ${percent(mg.standardError)} simulation error); ` +
      `published ${percent(mg.published.low, 0)}–${percent(mg.published.high, 0)}. ` +
      'A programme misses when the cut in bad experiences it would measure at the horizon is less than half the cut it planned.',
    `  Why: ${whyNotExecuted}${whyExecuted}, and ${percent(check.executedShare)} are carried out ` +
      '(their chance comes from the same published 20–30%): ' +
      'landing near 70–80% is largely built in, a consistency check, not independent evidence.',
    `ROI < 0:              ${percent(check.negativeRoiShare)}; median ROI ${ratio(check.roi.p50)} ` +
      `(90% of programmes between ${ratio(check.roi.p5)} and ${ratio(check.roi.p95)})`,
    '',
  ].join('\n');
}
