/**
 * A cautious programme (small budget, modest effect, fast ramp) against a
 * bold one (big budget, big effect, the full 2–3 year ramp), compared run
 * by run with `compare`: the same seed and draws, so both face the same luck
 * (common random numbers).
 *
 *   npx tsx examples/cautious-vs-bold.ts
 */
import { readFileSync } from 'node:fs';
import { type ScenarioInput, compare } from 'cx-roi';

// The two programmes are scenario files, so the CLI compares them too:
//   npx cx-roi compare examples/scenarios/cautious.json examples/scenarios/bold.json
const scenario = (name: string): ScenarioInput => JSON.parse(readFileSync(new URL(`./scenarios/${name}.json`, import.meta.url), 'utf8'));
const programmes: Record<string, ScenarioInput> = { cautious: scenario('cautious'), bold: scenario('bold') };

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const money = (x: number) => Math.round(x).toLocaleString('en-US');
const { horizons, pairs } = compare(programmes, { runs: 2000, seed: 42 });
console.log('programme   ROI p5  median    p95  P(ROI>0)  payback  never   NPV median      NPV p95');
for (const name of Object.keys(programmes)) {
  const h = horizons[name];
  if (!h) continue;
  const ratio = (x: number) => x.toFixed(2).padStart(7);
  console.log(
    `${name.padEnd(10)} ${ratio(h.roi.p5)} ${ratio(h.roi.p50)} ${ratio(h.roi.p95)}  ${pct(h.probabilityPositiveRoi).padStart(7)}    ${String(h.paybackMonth.median ?? '—').padStart(5)}  ${pct(h.paybackMonth.neverShare).padStart(6)}  ${money(h.npv.p50).padStart(11)}  ${money(h.npv.p95).padStart(11)}`,
  );
}
const [c, b] = [horizons.cautious, horizons.bold] as [NonNullable<(typeof horizons)['cautious']>, NonNullable<(typeof horizons)['bold']>];
const pair = pairs[0];
if (!pair) throw new Error('compare returned no pair');
const more = (x: number, y: number) => (x >= y ? 'cautious' : 'bold');
console.log(`
Each alone: the ${more(c.probabilityPositiveRoi, b.probabilityPositiveRoi)} programme has a positive ROI more often; the ${more(c.npv.p95, b.npv.p95)} one has the bigger upside in money (NPV p95), the ${more(c.roi.p95, b.roi.p95)} one in return on what it costs (ROI p95).
Run by run (the same draws for both): bold's NPV beats cautious's in ${pct(pair.probabilityBBeatsA)} ± ${pct(pair.probabilityBBeatsAStandardError)} of runs; bold − cautious has median ${money(pair.npv.p50)} and 5–95% band ${money(pair.npv.p5)} to ${money(pair.npv.p95)}.`);
