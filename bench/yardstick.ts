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
  const pBad = 1 - 0.995 * 0.995 * 0.98 * 0.99 * 0.99;
  const spendBad = 40;
  const spendGood = 96;
  const margin = 0.35;
  const discount = 1.08 ** (-1 / 12);
  for (let run = 0; run < runs; run += 1) {
    const random = createStream(1, run);
    const customers = [10_000, 10_000];
    const prospects = [250_000, 250_000];
    let cost = 500_000;
    let incremental = 0;
    let d = 1;
    for (let t = 0; t < months; t += 1) {
      d *= discount;
      cost += d * 25_000;
      const monthMargin = [0, 0];
      for (let arm = 0; arm < 2; arm += 1) {
        const A = customers[arm] as number;
        const P = prospects[arm] as number;
        const p = arm === 0 ? pBad : pBad * (1 - 0.4 * Math.min(1, (t + 1) / 30));
        const bad = binomial(random, A, p);
        const good = A - bad;
        const churned = binomial(random, bad, 0.86) + binomial(random, good, 0.01);
        const revenue = good * spendGood + bad * spendBad;
        const positive = Math.round(binomial(random, good, 0.9) * 9);
        const negative = Math.round(binomial(random, bad, 0.5) * 16);
        const converted = P > 0 ? binomial(random, P, -Math.expm1((positive / P) * Math.log1p(-0.002))) : 0;
        const deterred = P > 0 ? binomial(random, P - converted, -Math.expm1((negative / P) * Math.log1p(-0.005))) : 0;
        const organic = binomial(random, P - converted - deterred, 0.003);
        customers[arm] = A - churned + converted + organic;
        prospects[arm] = P - converted - deterred - organic;
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
