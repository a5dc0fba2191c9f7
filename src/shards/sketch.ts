import type { Band } from '../maths/band.js';
import { bandProbabilities } from '../maths/band.js';

/**
 * Monthly bands past the size where every run's monthly figures can be held
 * in one place: DDSketch (Masson, Rim & Lee, "DDSketch: a fast and
 * fully-mergeable quantile sketch with relative-error guarantees", VLDB 2019).
 * Chosen because its bound is on the value, which is what a band reports, and
 * holds whatever the distribution (a t-digest's error has no such bound),
 * because sketches merge exactly (bin counts add, so the bands do not depend
 * on how the runs were split), and because it keeps negative values and zero
 * apart (ROI and NPV cross zero).
 *
 * Written here, with the logarithmic mapping, the unbounded dense stores and
 * the quantile rule of Datadog's JavaScript implementation
 * (`@datadog/sketches-js` 2.1.1), whose answers a test checks it gives, value
 * for value. That package itself is not used: its `merge` leaves out the
 * negative values when both sketches hold some (DataDog/sketches-js issue
 * #22, open), it requires `protobufjs` without depending on it (a bundler
 * cannot resolve the import), and as CommonJS it would add about 19 KB to
 * every browser bundle of cx-roi, used or not.
 *
 * The bound: a band's percentile `q` is within `relativeAccuracy × |x|` of
 * `x`, the exact `⌊q(n − 1)⌋`-th smallest of the n runs' values (0-based),
 * where the exact bands interpolate between that value and the next.
 */

/** Counts of values by key over a contiguous range of keys, grown as needed. */
class DenseStore {
  counts = new Float64Array(0);
  /** The key of `counts[0]`. */
  offset = 0;
  minKey = Infinity;
  maxKey = -Infinity;
  total = 0;

  add(key: number, count = 1): void {
    if (key < this.minKey || key > this.maxKey) this.extend(Math.min(key, this.minKey), Math.max(key, this.maxKey));
    this.counts[key - this.offset] = (this.counts[key - this.offset] as number) + count;
    this.total += count;
  }

  private extend(minKey: number, maxKey: number): void {
    if (minKey < this.offset || maxKey >= this.offset + this.counts.length) {
      // Room for twice the range, centred, so a growing range is copied a logarithmic number of times.
      const span = maxKey - minKey + 1;
      const length = Math.max(64, 2 * span);
      const offset = minKey - Math.floor((length - span) / 2);
      const counts = new Float64Array(length);
      if (this.total > 0) counts.set(this.counts.subarray(this.minKey - this.offset, this.maxKey - this.offset + 1), this.minKey - offset);
      this.counts = counts;
      this.offset = offset;
    }
    this.minKey = minKey;
    this.maxKey = maxKey;
  }

  /** The key holding the value of rank `rank` (0-based), counting from the lowest key (sketches-js's keyAtRank). */
  keyAtRank(rank: number, lower: boolean): number {
    let running = 0;
    for (let key = this.minKey; key <= this.maxKey; key += 1) {
      running += this.counts[key - this.offset] as number;
      if (lower ? running > rank : running >= rank + 1) return key;
    }
    return this.maxKey;
  }

  merge(other: DenseStore): void {
    for (let key = other.minKey; key <= other.maxKey; key += 1) {
      const n = other.counts[key - other.offset] as number;
      if (n > 0) this.add(key, n);
    }
  }
}

// The smallest positive value kept apart from zero, as sketches-js: 2⁻¹⁰²³ × γ.
const minSafeFloat = 2 ** -1023;

/** A DDSketch of one figure in one month, with the exact sum of its values (for the mean). */
export class MonthSketch {
  readonly positive = new DenseStore();
  readonly negative = new DenseStore();
  zeroCount = 0;
  count = 0;
  sum = 0;
  private readonly gamma: number;
  private readonly multiplier: number;
  private readonly minPossible: number;

  constructor(readonly relativeAccuracy: number) {
    // The logarithmic mapping, in sketches-js's arithmetic: key(x) = ⌈log_γ x⌉, value(k) = 2γᵏ ÷ (1 + γ).
    const gammaMantissa = (2 * relativeAccuracy) / (1 - relativeAccuracy);
    this.gamma = 1 + gammaMantissa;
    this.multiplier = (1 / Math.log1p(gammaMantissa)) * Math.log(2);
    this.minPossible = minSafeFloat * this.gamma;
  }

  private key(value: number): number {
    return Math.ceil(Math.log2(value) * this.multiplier);
  }

  private value(key: number): number {
    return 2 ** (key / this.multiplier) * (2 / (1 + this.gamma));
  }

  /** Adds one value. */
  accept(x: number): void {
    if (x > this.minPossible) this.positive.add(this.key(x));
    else if (x < -this.minPossible) this.negative.add(this.key(-x));
    else this.zeroCount += 1;
    this.count += 1;
    this.sum += x;
  }

  /** The value at quantile `q` (0 to 1): sketches-js's getValueAtQuantile. */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1) || this.count === 0) return Number.NaN;
    const rank = q * (this.count - 1);
    if (rank < this.negative.total) return -this.value(this.negative.keyAtRank(this.negative.total - rank - 1, false));
    if (rank < this.zeroCount + this.negative.total) return 0;
    return this.value(this.positive.keyAtRank(rank - this.zeroCount - this.negative.total, true));
  }

  /** Merges another sketch into this one: exact (the bins' counts add; the sums add in the order of the calls). */
  merge(other: MonthSketch): void {
    if (other.relativeAccuracy !== this.relativeAccuracy) throw new Error('sketches of different relative accuracies cannot be merged');
    this.positive.merge(other.positive);
    this.negative.merge(other.negative);
    this.zeroCount += other.zeroCount;
    this.count += other.count;
    this.sum += other.sum;
  }
}

/** A new, empty sketch. */
export function createSketch(relativeAccuracy: number): MonthSketch {
  return new MonthSketch(relativeAccuracy);
}

/** Adds values to a sketch. */
export function addValues(target: MonthSketch, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i += 1) target.accept(values[i] as number);
}

/** The band a sketch gives: its mean is exact (the sum over the count), its percentiles within the bound. */
export function sketchBand(sketch: MonthSketch): Band {
  const [p5, p25, p50, p75, p95] = bandProbabilities.map((q) => sketch.quantile(q)) as [number, number, number, number, number];
  return { mean: sketch.sum / sketch.count, p5, p25, p50, p75, p95 };
}

/**
 * A sketch as numbers, for a shard result: the sum, the count of zeros, then
 * each store (positive values, then negative) as its first key, the number
 * of bins, and the bins' counts.
 */
export function sketchNumbers(sketch: MonthSketch): number[] {
  const out = [sketch.sum, sketch.zeroCount];
  for (const store of [sketch.positive, sketch.negative]) {
    if (store.total === 0) {
      out.push(0, 0);
      continue;
    }
    out.push(store.minKey, store.maxKey - store.minKey + 1);
    for (let key = store.minKey; key <= store.maxKey; key += 1) out.push(store.counts[key - store.offset] as number);
  }
  return out;
}

/** Reads a sketch written by {@link sketchNumbers} from `numbers` at `at`; returns it and where the next begins. */
export function readSketch(numbers: Float64Array, at: number, relativeAccuracy: number): { sketch: MonthSketch; next: number } {
  const sketch = createSketch(relativeAccuracy);
  sketch.sum = numbers[at] as number;
  sketch.zeroCount = numbers[at + 1] as number;
  if (!Number.isFinite(sketch.sum) || !(Number.isInteger(sketch.zeroCount) && sketch.zeroCount >= 0))
    throw new RangeError('a sketch in a shard result has a sum that is not finite or a count of zeros that is not a whole number');
  let count = sketch.zeroCount;
  let i = at + 2;
  for (const store of [sketch.positive, sketch.negative]) {
    const from = numbers[i] as number;
    const bins = numbers[i + 1] as number;
    i += 2;
    if (!Number.isInteger(from) || !Number.isInteger(bins) || bins < 0 || i + bins > numbers.length)
      throw new RangeError('a sketch in a shard result is cut short or damaged');
    for (let k = 0; k < bins; k += 1) {
      const n = numbers[i + k] as number;
      if (!(Number.isInteger(n) && n >= 0))
        throw new RangeError(`a sketch in a shard result has a bin count of ${String(n)}, not a whole number of runs`);
      if (n > 0) {
        store.add(from + k, n);
        count += n;
      }
    }
    i += bins;
  }
  sketch.count = count;
  return { sketch, next: i };
}

/** Merges `from` into `into`. */
export function mergeSketch(into: MonthSketch, from: MonthSketch): void {
  into.merge(from);
}
