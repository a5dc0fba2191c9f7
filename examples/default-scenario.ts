/**
 * The default scenario: the published CX figures, a five-year horizon,
 * 2,000 runs. Prints the answer to the strategist's three questions and
 * where the key numbers come from.
 *
 *   npx tsx examples/default-scenario.ts
 */
import { describeAssumptions, simulate } from 'cx-roi';

const { horizon } = simulate({}, { runs: 2000, seed: 1 });
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

console.log('What does the default CX programme return over five years?');
console.log(
  `  median ROI ${horizon.roi.p50.toFixed(2)} (90% of runs between ${horizon.roi.p5.toFixed(2)} and ${horizon.roi.p95.toFixed(2)})`,
);
console.log(`  P(ROI > 0) = ${pct(horizon.probabilityPositiveRoi)} ± ${pct(horizon.probabilityPositiveRoiStandardError)}`);
console.log(
  horizon.paybackMonth.median === null
    ? `  the median run does not pay back within the horizon; ${pct(horizon.paybackMonth.neverShare)} of runs never do`
    : `  the median run pays back in month ${horizon.paybackMonth.median} (over all runs); ${pct(horizon.paybackMonth.neverShare)} never do within the horizon`,
);
const oc = horizon.outcomeClasses;
console.log(
  `  outcome classes ${pct(oc.positive)} / ${pct(oc.middling)} / ${pct(oc.negative)} against Accenture's published 23% / 57% / 20% (χ² distance ${oc.chiSquareDistance.toFixed(3)}; the default costs were tuned to land near it: a calibration target, not a validation)`,
);
const lv = horizon.levers;
const money = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(
  `  mean NPV ${money(lv.npv)} = retention ${money(lv.retention)} + spend ${money(lv.spend)} + positive word of mouth ${money(lv.positiveWordOfMouth)} + negative word of mouth ${money(lv.negativeWordOfMouth)} + cost ${money(lv.cost)}`,
);
console.log('\nWhere the documented defaults come from:');
for (const row of describeAssumptions().filter((r) => r.source !== null))
  console.log(`  ${row.path} = ${row.valueText}: ${row.source?.figure} (${row.source?.credit}, ${row.source?.article})`);
