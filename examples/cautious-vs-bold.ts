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
      upfront: 150_000,
      monthly: 8_000,
      failureReduction: { dist: 'pert', min: 0.05, mode: 0.15, max: 0.25 },
      rampMonths: { dist: 'triangular', min: 9, mode: 12, max: 18 },
      executionSuccess: { dist: 'uniform', min: 0.4, max: 0.6 },
    },
  },
  bold: {
    investment: {
      upfront: 900_000,
      monthly: 40_000,
      failureReduction: { dist: 'pert', min: 0.3, mode: 0.5, max: 0.7 },
      rampMonths: { dist: 'triangular', min: 24, mode: 30, max: 36 },
      executionSuccess: { dist: 'uniform', min: 0.2, max: 0.3 },
    },
  },
};

const pct = (x: number) => `${(100 * x).toFixed(0)}%`.padStart(6);
const num = (x: number) => x.toFixed(2).padStart(7);
console.log('programme   ROI p5  median    p95   mean  P(ROI>0)  payback  never  NPV median');
for (const [name, input] of Object.entries(programmes)) {
  const { horizon: h } = simulate(input, { runs: 2000, seed: 42 });
  console.log(
    `${name.padEnd(10)} ${num(h.roi.p5)} ${num(h.roi.p50)} ${num(h.roi.p95)} ${num(h.roi.mean)}  ${pct(h.probabilityPositiveRoi)}    ${String(h.paybackMonth.median ?? '—').padStart(5)}  ${pct(h.paybackMonth.neverShare)}  ${Math.round(h.npv.p50).toLocaleString('en-US').padStart(10)}`,
  );
}
console.log('\nThe bold programme has the fatter right tail and the longer wait; the cautious one pays back sooner and more often.');
