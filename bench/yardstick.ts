/**
 * The yardstick for the engine: the same work written as plain inline
 * JavaScript, with none of the library's structure: one stream per run, the
 * default scenario's central values as constants, the same binomial draws
 * per month and arm (the library's own sampler, so the sampler's cost is on
 * both sides), the seven monthly figures and four NPS shares into month-major typed
 * arrays, then bands by typed-array sort (passives and NPS derived from the shares). If simulate costs little more than this, its
 * structure (schema, per-event streams, parameter draws, summaries) is cheap.
 */
import { binomial, createStream } from '../dist/index.js';

export function yardstick(runs: number, months: number): number {
  const metrics = Array.from({ length: 7 }, () => new Float64Array(runs * months));
  const shares = Array.from({ length: 4 }, () => new Float32Array(runs * months));
  const pBad = 1 - 0.998 * 0.998 * 0.994 * 0.997 * 0.998;
  // The default's 90 a month split 2.4 : 1 between good and bad months.
  const spendBad = 90 / (2.4 * (1 - pBad) + pBad);
  const spendGood = 2.4 * spendBad;
  const margin = 0.35;
  const discount = 1.08 ** (-1 / 12);
  const reach = (perTell: number, tells: number, group: number) =>
    group > 0 && tells > 0 ? -Math.expm1((tells / group) * Math.log1p(-perTell)) : 0;
  for (let run = 0; run < runs; run += 1) {
    const random = createStream(1, run);
    const customers = [10_000, 10_000];
    const prospects = [250_000, 250_000];
    let cost = 110_000;
    let incremental = 0;
    let d = 1;
    for (let t = 0; t < months; t += 1) {
      d *= discount;
      cost += d * 5_500;
      const monthMargin = [0, 0];
      // The default's central delay (about 6 months) and ramp (24).
      const ramp = Math.max(0, Math.min(1, (t + 1 - 6) / 24));
      for (let arm = 0; arm < 2; arm += 1) {
        const A = customers[arm] as number;
        const P = prospects[arm] as number;
        const p = arm === 0 ? pBad : pBad * (1 - 0.4 * ramp);
        const excellentShare = arm === 0 ? 0.313 : 0.313 + 0.05 * ramp;
        const bad = binomial(random, A, p);
        const good = A - bad;
        const excellent = binomial(random, good, excellentShare);
        const churned = binomial(random, bad, 0.86) + binomial(random, good, 0.0056);
        const revenue = good * spendGood + bad * spendBad;
        const positive = Math.round(binomial(random, excellent, 0.9) * 9);
        const negative = Math.round(binomial(random, bad, 0.5) * 16);
        const converted = binomial(random, P, reach(0.002, positive, P));
        const organic = binomial(random, P - converted, 0.00054);
        const aboutToJoin = converted + organic;
        const deterred = binomial(random, aboutToJoin, reach(0.005, negative, aboutToJoin));
        customers[arm] = A - churned + aboutToJoin - deterred;
        prospects[arm] = P - aboutToJoin;
        monthMargin[arm] = revenue * margin;
        (metrics[1 + arm] as Float64Array)[t * runs + run] = customers[arm] as number;
        (metrics[3 + arm] as Float64Array)[t * runs + run] = revenue;
        (metrics[5 + arm] as Float64Array)[t * runs + run] = revenue * margin;
        (shares[arm] as Float32Array)[t * runs + run] = A > 0 ? (0.9 * excellent + 0.18 * bad) / A : 0;
        (shares[2 + arm] as Float32Array)[t * runs + run] = A > 0 ? (0.82 * bad + 0.1 * (good - excellent)) / A : 0;
      }
      incremental += d * ((monthMargin[1] as number) - (monthMargin[0] as number));
      (metrics[0] as Float64Array)[t * runs + run] = (incremental - cost) / cost;
    }
  }
  // Bands: sort each month's column of each figure, read five percentiles and the mean.
  let checksum = 0;
  const column = new Float64Array(runs);
  const derived = [0, 1].flatMap((arm) => [
    (t: number, i: number) => 1 - (shares[arm] as Float32Array)[t * runs + i]! - (shares[2 + arm] as Float32Array)[t * runs + i]!,
    (t: number, i: number) => 100 * ((shares[arm] as Float32Array)[t * runs + i]! - (shares[2 + arm] as Float32Array)[t * runs + i]!),
  ]);
  const fill: ((t: number) => void)[] = [
    ...[...metrics, ...shares].map((metric) => (t: number) => column.set(metric.subarray(t * runs, (t + 1) * runs))),
    ...derived.map((f) => (t: number) => {
      for (let i = 0; i < runs; i += 1) column[i] = f(t, i);
    }),
  ];
  for (const fillColumn of fill) {
    for (let t = 0; t < months; t += 1) {
      fillColumn(t);
      let sum = 0;
      for (let i = 0; i < runs; i += 1) sum += column[i] as number;
      column.sort();
      for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) checksum += column[Math.floor(q * (runs - 1))] as number;
      checksum += sum / runs;
    }
  }
  return checksum;
}
