/**
 * The yardstick for the engine: the same work written as plain inline
 * JavaScript, with none of the library's structure: one stream per run, the
 * default scenario's central values as constants, the same binomial draws
 * per month and arm (the library's own sampler, so the sampler's cost is on
 * both sides), the seven monthly figures into month-major typed arrays, then
 * bands by typed-array sort. If simulate costs little more than this, its
 * structure (schema, per-event streams, parameter draws, summaries) is cheap.
 */
import { binomial, createStream } from '../dist/index.js';

export function yardstick(runs: number, months: number): number {
  const metrics = Array.from({ length: 7 }, () => new Float64Array(runs * months));
  const pBad = 1 - 0.998 * 0.998 * 0.994 * 0.997 * 0.998;
  // The default's 90 a month split 2.4 : 1 between good and bad months.
  const spendBad = 90 / (2.4 * (1 - pBad) + pBad);
  const spendGood = 2.4 * spendBad;
  const margin = 0.35;
  const discount = 1.08 ** (-1 / 12);
  const reach = (perTell: number, tells: number, group: number) => (group > 0 && tells > 0 ? -Math.expm1((tells / group) * Math.log1p(-perTell)) : 0);
  for (let run = 0; run < runs; run += 1) {
    const random = createStream(1, run);
    const customers = [10_000, 10_000];
    const prospects = [250_000, 250_000];
    let cost = 130_000;
    let incremental = 0;
    let d = 1;
    for (let t = 0; t < months; t += 1) {
      d *= discount;
      cost += d * 6_500;
      const monthMargin = [0, 0];
      const ramp = Math.min(1, (t + 1) / 30);
      for (let arm = 0; arm < 2; arm += 1) {
        const A = customers[arm] as number;
        const P = prospects[arm] as number;
        const p = arm === 0 ? pBad : pBad * (1 - 0.4 * ramp);
        const excellentShare = arm === 0 ? 0.218 : 0.218 + 0.05 * ramp;
        const bad = binomial(random, A, p);
        const good = A - bad;
        const excellent = binomial(random, good, excellentShare);
        const churned = binomial(random, bad, 0.86) + binomial(random, good, 0.0056);
        const revenue = good * spendGood + bad * spendBad;
        const positive = Math.round(binomial(random, excellent, 0.9) * 9);
        const negative = Math.round(binomial(random, bad, 0.5) * 16);
        const converted = binomial(random, P, reach(0.002, positive, P));
        const organic = binomial(random, P - converted, 0.0006);
        const aboutToJoin = converted + organic;
        const deterred = binomial(random, aboutToJoin, reach(0.005, negative, aboutToJoin));
        customers[arm] = A - churned + aboutToJoin - deterred;
        prospects[arm] = P - aboutToJoin;
        monthMargin[arm] = revenue * margin;
        (metrics[1 + arm] as Float64Array)[t * runs + run] = customers[arm] as number;
        (metrics[3 + arm] as Float64Array)[t * runs + run] = revenue;
        (metrics[5 + arm] as Float64Array)[t * runs + run] = revenue * margin;
      }
      incremental += d * ((monthMargin[1] as number) - (monthMargin[0] as number));
      (metrics[0] as Float64Array)[t * runs + run] = (incremental - cost) / cost;
    }
  }
  // Bands: sort each month's column of each figure, read five percentiles and the mean.
  let checksum = 0;
  const column = new Float64Array(runs);
  for (const metric of metrics) {
    for (let t = 0; t < months; t += 1) {
      column.set(metric.subarray(t * runs, (t + 1) * runs));
      let sum = 0;
      for (let i = 0; i < runs; i += 1) sum += column[i] as number;
      column.sort();
      for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) checksum += column[Math.floor(q * (runs - 1))] as number;
      checksum += sum / runs;
    }
  }
  return checksum;
}
