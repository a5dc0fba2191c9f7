/**
 * Given-data first-order sensitivity indices: from one sample of inputs and
 * outputs, with no special design.
 *
 * Each input's runs are cut, in the input's order, into classes of about
 * equal size (ties are never split, so an input with two values has two
 * classes), and the first-order index S = Var(E[Y | X]) / Var(Y) is the
 * share of the output's variance between the classes' means: the
 * partition estimator of Plischke, Borgonovo & Smith, "Global sensitivity
 * measures from given data", European Journal of Operational Research 226
 * (2013) 536–550. The between-class share of a finite sample is positive
 * even for an input without effect (by about (classes − 1) / (runs − 1)), so
 * it is corrected (our addition to the published estimator) as Kelley's ε²
 * corrects the correlation ratio: the
 * between-class sum of squares less (classes − 1) times the within-class
 * mean square, over the total, and cut at 0.
 */

/** Options of {@link firstOrderIndices}. */
export interface FirstOrderOptions {
  /**
   * How many classes each input is cut into. More classes follow a curved
   * effect more closely; fewer have less noise a class.
   * @defaultValue √runs, from 2 to 100
   */
  readonly classes?: number | undefined;
}

/** The default number of classes for `n` runs. */
export function defaultClasses(n: number): number {
  return Math.max(2, Math.min(100, Math.round(Math.sqrt(n))));
}

/**
 * The classes of one input: each run's class index (0-based) and the number
 * of classes, from its sorted order, cut at about equal counts and only
 * between different values.
 */
export function partition(
  input: ArrayLike<number>,
  classes: number,
  order?: Uint32Array,
): { readonly classOf: Uint16Array; readonly count: number } {
  const n = input.length;
  const sorted = order ?? sortedOrder(input);
  const classOf = new Uint16Array(n);
  let current = 0;
  let start = 0;
  for (let k = 0; k < n; k += 1) {
    const i = sorted[k] as number;
    // A new class when this one is full and the value changes.
    if (
      k > start &&
      k >= Math.round(((current + 1) * n) / classes) &&
      (input[i] as number) !== (input[sorted[k - 1] as number] as number)
    ) {
      current += 1;
      start = k;
    }
    classOf[i] = current;
  }
  return { classOf, count: n > 0 ? current + 1 : 0 };
}

/** The run indices in ascending order of `values`. */
export function sortedOrder(values: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i += 1) order[i] = i;
  return order.sort((a, b) => (values[a] as number) - (values[b] as number));
}

/** The corrected between-class share of the output's variance, for one partition. */
export function betweenClassShare(output: ArrayLike<number>, classOf: Uint16Array | Uint32Array, count: number): number {
  const n = output.length;
  if (count < 2 || n <= count) return 0;
  // The shares do not depend on the output's scale: divide by its largest size, so that neither a
  // constant output (whose mean rounds) nor outputs near 1e300 (whose squares overflow) go wrong.
  let largest = 0;
  let smallest = Number.POSITIVE_INFINITY;
  let biggest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i += 1) {
    const y = output[i] as number;
    largest = Math.max(largest, Math.abs(y));
    smallest = Math.min(smallest, y);
    biggest = Math.max(biggest, y);
  }
  if (!(biggest > smallest)) return 0;
  const sums = new Float64Array(count);
  const sizes = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const c = classOf[i] as number;
    const y = (output[i] as number) / largest;
    sums[c] = (sums[c] as number) + y;
    sizes[c] = (sizes[c] as number) + 1;
    total += y;
  }
  const mean = total / n;
  let ssTotal = 0;
  for (let i = 0; i < n; i += 1) ssTotal += ((output[i] as number) / largest - mean) ** 2;
  if (!(ssTotal > 0)) return 0;
  let ssBetween = 0;
  for (let c = 0; c < count; c += 1)
    if ((sizes[c] as number) > 0) ssBetween += (sizes[c] as number) * ((sums[c] as number) / (sizes[c] as number) - mean) ** 2;
  const withinMeanSquare = Math.max(0, ssTotal - ssBetween) / (n - count);
  return Math.min(1, Math.max(0, (ssBetween - (count - 1) * withinMeanSquare) / ssTotal));
}

/**
 * First-order sensitivity indices from given data: for each input, the share
 * of the output's variance that its value alone explains, Var(E[Y | Xᵢ]) / Var(Y),
 * estimated from the same sample of runs (no special design: the runs a
 * simulation already has). Inputs are assumed independent, as a scenario's
 * assumptions are drawn. The partition estimator of Plischke, Borgonovo &
 * Smith (2013), bias-corrected; see the module notes.
 *
 * @param inputs - One column per input, each as long as `output`.
 * @param output - The output of each run.
 * @returns One index per input, from 0 to 1, in the order given (for independent inputs the sum is at most about 1; less when inputs interact or the output has noise of its own).
 * @throws RangeError when the columns differ in length, there are fewer than 3 runs, or a value is not finite.
 * @example
 * ```ts
 * import { createStream, firstOrderIndices } from 'cx-roi';
 * const random = createStream(1, 'example');
 * const x1 = Array.from({ length: 5000 }, () => random());
 * const x2 = Array.from({ length: 5000 }, () => random());
 * const y = x1.map((a, i) => a + 0.1 * (x2[i] ?? 0));
 * // Var(x1) is 100 times Var(0.1 x2): x1 explains about 0.99 of the variance, x2 about 0.01.
 * firstOrderIndices([x1, x2], y); // => [0.990, 0.006]
 * firstOrderIndices([[1, 2]], [1, 2]); // throws RangeError: firstOrderIndices needs at least 3 runs
 * ```
 */
export function firstOrderIndices(
  inputs: readonly ArrayLike<number>[],
  output: ArrayLike<number>,
  options: FirstOrderOptions | null = {},
): number[] {
  if (!Array.isArray(inputs)) throw new RangeError('inputs must be a list of columns, one per input, e.g. [x1, x2]');
  if (!isColumn(output)) throw new RangeError('output must be a list (or typed array) of numbers');
  const n = output.length;
  if (n < 3) throw new RangeError(`firstOrderIndices needs at least 3 runs (got ${n})`);
  const classes = options?.classes ?? defaultClasses(n);
  if (!Number.isInteger(classes) || classes < 2 || classes > 1000)
    throw new RangeError(`classes must be a whole number from 2 to 1,000 (got ${classes})`);
  checkFinite(output, 'output');
  return inputs.map((input, j) => {
    if (!isColumn(input)) throw new RangeError(`inputs[${j}] must be a list (or typed array) of numbers`);
    if (input.length !== n) throw new RangeError(`inputs[${j}] has ${input.length} values; output has ${n}`);
    checkFinite(input, `inputs[${j}]`);
    const { classOf, count } = partition(input, classes);
    return betweenClassShare(output, classOf, count);
  });
}

function isColumn(values: unknown): values is ArrayLike<number> {
  return Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView));
}

function checkFinite(values: ArrayLike<number>, name: string): void {
  for (let i = 0; i < values.length; i += 1) {
    const x: unknown = values[i];
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new RangeError(`${name}[${i}] is ${typeof x === 'number' ? x : `a ${typeof x}`}: every value must be a finite number`);
  }
}
