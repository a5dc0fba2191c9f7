/**
 * A cautious programme (small budget, modest effect, fast ramp) against a
 * bold one (big budget, big effect, the full 2–3 year ramp), with the same
 * seed so both face the same luck (common random numbers).
 *
 *   npx tsx examples/cautious-vs-bold.ts
 */
import { type ScenarioInput, simulate } from 'cx-roi';

const programmes: Record<string, ScenarioInput> = {
  cautious: {
    investment: {
      upfront: 60_000,
      monthly: 3_000,
      failureReduction: { dist: 'pert', min: 0.05, mode: 0.15, max: 0.25 },
      rampMonths: { dist: 'triangular', min: 9, mode: 12, max: 18 },
      executionSuccess: { dist: 'uniform', min: 0.4, max: 0.6 },
    },
  },
  bold: {
    investment: {
      upfront: 220_000,
      monthly: 11_000,
      failureReduction: { dist: 'pert', min: 0.3, mode: 0.5, max: 0.7 },
      rampMonths: { dist: 'triangular', min: 24, mode: 30, max: 36 },
      executionSuccess: { dist: 'uniform', min: 0.2, max: 0.3 },
    },
  },
};

const pct = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(6);
const num = (x: number) => x.toFixed(2).padStart(7);
const money = (x: number) => Math.round(x).toLocaleString('en-US').padStart(11);
console.log('programme   ROI p5  median    p95  P(ROI>0)  payback  never   NPV median      NPV p95');
const summary: Record<string, { probability: number; npvP95: number; payback: number | null }> = {};
for (const [name, input] of Object.entries(programmes)) {
  const { horizon: h } = simulate(input, { runs: 2000, seed: 42 });
  summary[name] = { probability: h.probabilityPositiveRoi, npvP95: h.npv.p95, payback: h.paybackMonth.median };
  console.log(
    `${name.padEnd(10)} ${num(h.roi.p5)} ${num(h.roi.p50)} ${num(h.roi.p95)}  ${pct(h.probabilityPositiveRoi)}    ${String(h.paybackMonth.median ?? '—').padStart(5)}  ${pct(h.paybackMonth.neverShare)}  ${money(h.npv.p50)}  ${money(h.npv.p95)}`,
  );
}
const [cautious, bold] = [summary.cautious, summary.bold] as [(typeof summary)[string], (typeof summary)[string]];
console.log(
  `\nThe ${cautious.probability >= bold.probability ? 'cautious' : 'bold'} programme pays back more often (${pct(Math.max(cautious.probability, bold.probability)).trim()} of runs); ` +
    `the ${bold.npvP95 >= cautious.npvP95 ? 'bold' : 'cautious'} one has the bigger upside (NPV p95 ${money(Math.max(cautious.npvP95, bold.npvP95)).trim()}). Same seed, so both meet the same luck.`,
);
