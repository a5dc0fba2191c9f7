import { DDSketch } from '@datadog/sketches-js';
import type { Band } from '../summary/band.js';
import { bandProbabilities } from '../summary/band.js';

/**
 * Monthly bands past the size where every run's monthly figures can be held
 * in one place: DDSketch (Masson, Rim & Lee, VLDB 2019; Datadog's
 * `@datadog/sketches-js`). Chosen because its bound is on the value, which is
 * what a band reports, and holds whatever the distribution (a t-digest's
 * error has no such bound), because sketches merge exactly (bin counts add,
 * so the bands do not depend on how the runs were split), and because it
 * handles negative values and zero (ROI and NPV cross zero).
 *
 * The bound: a band's percentile `q` is within `relativeAccuracy × |x|` of
 * `x`, the exact `⌊q(n − 1)⌋`-th smallest of the n runs' values (0-based),
 * where the exact bands interpolate between that value and the next.
 */

/** The sketch of one figure in one month, with the exact sum of its values (for the mean). */
export interface MonthSketch {
  readonly sketch: DDSketch;
  sum: number;
}

/** A new, empty sketch. */
export function createSketch(relativeAccuracy: number): MonthSketch {
  return { sketch: new DDSketch({ relativeAccuracy }), sum: 0 };
}

/** Adds values to a sketch. */
export function addValues(target: MonthSketch, values: ArrayLike<number>): void {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i] as number;
    sum += x;
    target.sketch.accept(x);
  }
  target.sum += sum;
}

/** The band a sketch gives: its mean is exact (the sum over the count), its percentiles within the bound. */
export function sketchBand(source: MonthSketch): Band {
  const { sketch, sum } = source;
  const [p5, p25, p50, p75, p95] = bandProbabilities.map((q) => sketch.getValueAtQuantile(q)) as [number, number, number, number, number];
  return { mean: sum / sketch.count, p5, p25, p50, p75, p95 };
}

/**
 * A sketch as numbers, for a shard result: the sum, the count of zeros, then
 * each store (positive values, then negative) as its first key, the number
 * of bins, and the bins' counts.
 */
export function sketchNumbers(source: MonthSketch): number[] {
  const { sketch, sum } = source;
  const out = [sum, sketch.zeroCount];
  for (const store of [sketch.store, sketch.negativeStore]) {
    if (store.count === 0) {
      out.push(0, 0);
      continue;
    }
    const from = store.minKey;
    const to = store.maxKey;
    out.push(from, to - from + 1);
    for (let key = from; key <= to; key += 1) out.push(store.bins[key - store.offset] ?? 0);
  }
  return out;
}

/** Reads a sketch written by {@link sketchNumbers} from `numbers` at `at`; returns it and where the next begins. */
export function readSketch(numbers: Float64Array, at: number, relativeAccuracy: number): { sketch: MonthSketch; next: number } {
  const target = createSketch(relativeAccuracy);
  const { sketch } = target;
  target.sum = numbers[at] as number;
  const zeros = numbers[at + 1] as number;
  let i = at + 2;
  let count = zeros;
  for (const store of [sketch.store, sketch.negativeStore]) {
    const from = numbers[i] as number;
    const bins = numbers[i + 1] as number;
    i += 2;
    for (let k = 0; k < bins; k += 1) {
      const n = numbers[i + k] as number;
      if (n > 0) {
        store.add(from + k, n);
        count += n;
      }
    }
    i += bins;
  }
  sketch.zeroCount = zeros;
  sketch.count = count;
  return { sketch: target, next: i };
}

/**
 * Merges `from` into `into`: exact (the bins' counts add; the sums add in the
 * order of the calls). Store by store rather than by the library's
 * `DDSketch.merge`, which in sketches-js 2.1.1 leaves out the negative store
 * when both sketches hold values (a test here merges negative values).
 */
export function mergeSketch(into: MonthSketch, from: MonthSketch): void {
  const a = into.sketch;
  const b = from.sketch;
  if (a.mapping.gamma !== b.mapping.gamma) throw new Error('sketches of different relative accuracies cannot be merged');
  a.store.merge(b.store);
  a.negativeStore.merge(b.negativeStore);
  a.zeroCount += b.zeroCount;
  a.count += b.count;
  into.sum += from.sum;
}
