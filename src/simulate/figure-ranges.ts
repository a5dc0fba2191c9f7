/**
 * What a run's figures may be, beyond finite: the range of a figure that is a
 * count, a share, a month or a flag. One table for every place that reads
 * figures it did not compute (a shard result in `mergeShards`, a block from a
 * custom worker in `simulateParallel`). It imports nothing, so a bundler can
 * keep it with whichever of those loads it.
 */

/** The range of one figure: from `low` to `high`, whole numbers only when `whole`, said in words by `what`. */
export interface FigureRange {
  readonly low: number;
  readonly high: number;
  readonly whole: boolean;
  readonly what: string;
}

/**
 * The range of a figure by its section name (`horizon.executed`,
 * `values.customersInvested`, `paidBackCounts`, …), for a horizon of `months`
 * and a block of `count` runs; undefined for a figure that need only be finite.
 */
export function figureRange(name: string, months: number, count: number): FigureRange | undefined {
  if (name === 'horizon.executed') return { low: 0, high: 1, whole: true, what: 'a flag of 0 or 1' };
  if (name === 'horizon.paybackMonth' || name === 'horizon.stoppedMonth')
    return { low: 0, high: months, whole: true, what: `a month from 1 to the horizon (${months}), or 0 for none` };
  if (name === 'paidBackCounts') return { low: 0, high: count, whole: true, what: `a count of runs from 0 to the block's ${count}` };
  if (/^(values|horizon)\.customers/.test(name)) return { low: 0, high: Infinity, whole: false, what: 'a number of customers, at least 0' };
  if (/^values\.(promoters|detractors)/.test(name)) return { low: 0, high: 1, whole: false, what: 'a share from 0 to 1' };
  return undefined;
}

/** Why `x` is not a value of the figure `range` describes (or of any figure, when not finite), or undefined when it is. */
export function figureProblem(x: number, range: FigureRange | undefined): string | undefined {
  if (!Number.isFinite(x)) return 'is not a finite number';
  if (range && (x < range.low || x > range.high || (range.whole && !Number.isInteger(x)))) return `is not ${range.what}`;
  return undefined;
}
