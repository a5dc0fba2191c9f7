import { describe, expect, it } from 'vitest';
import { createStream, type RandomStream, type Seed } from '../../src/random/stream.js';
import { statisticalCount } from '../helpers/counts.js';
import { chiSquareCritical, pearson } from '../helpers/statistics.js';

// Independence of keyed streams, the property every figure depends on. Under
// independence a sample correlation of n pairs is about N(0, 1/n), so each
// check allows |r| < 5/√n: a false alarm about once in 1.7 million checks.
// 10,000 keys find a correlation of 0.05 (40,000, and 0.025, under `npm run test:stats`).
const n = statisticalCount(10_000, 40_000);
const limit = 5 / Math.sqrt(n);
const draws = 3;

type Key = readonly (string | number)[];

/** The first `draws` values of the stream of (seed, key), for i = 0 .. n − 1. */
function firstDraws(make: (i: number) => RandomStream): Float64Array[] {
  const out = Array.from({ length: draws }, () => new Float64Array(n));
  for (let i = 0; i < n; i += 1) {
    const random = make(i);
    for (let j = 0; j < draws; j += 1) (out[j] as Float64Array)[i] = random();
  }
  return out;
}

/** The largest |r| between draw j of one stream and draw j + lag of the other, over every j. */
function largestCorrelation(a: readonly Float64Array[], b: readonly Float64Array[], lags: readonly number[] = [0]): number {
  let worst = 0;
  for (const lag of lags)
    for (let j = 0; j < draws; j += 1) {
      const x = a[j];
      const y = b[j + lag];
      if (x && y) worst = Math.max(worst, Math.abs(pearson(x, y)));
    }
  return worst;
}

const pairsOfKeys: [string, (i: number) => [Seed, Key], (i: number) => [Seed, Key]][] = [
  [
    'keys of equal length differing in one character',
    (i) => [1, ['assumption', 'churn.base', i]],
    (i) => [1, ['assumption', 'churn.basf', i]],
  ],
  ['equal-length paths', (i) => [1, ['assumption', 'investment.upfront', i]], (i) => [1, ['assumption', 'investment.monthly', i]]],
  ['adjacent run indices (run last)', (i) => [1, ['month', 'convert', 2 * i]], (i) => [1, ['month', 'convert', 2 * i + 1]]],
  ['adjacent run indices (run first)', (i) => [1, [2 * i, 'month', 'convert']], (i) => [1, [2 * i + 1, 'month', 'convert']]],
  ['adjacent seeds 1 and 2', (i) => [1, ['assumption', 'churn.base', i]], (i) => [2, ['assumption', 'churn.base', i]]],
  ['seeds "a" and "b"', (i) => ['a', ['assumption', 'churn.base', i]], (i) => ['b', ['assumption', 'churn.base', i]]],
  ['seeds 1 and "1"', (i) => [1, ['assumption', 'churn.base', i]], (i) => ['1', ['assumption', 'churn.base', i]]],
  ['seed i and seed i + 1', (i) => [2 * i, ['execution', 0]], (i) => [2 * i + 1, ['execution', 0]]],
  ['different events of one run', (i) => [1, ['month', 'convert', i]], (i) => [1, ['month', 'organic', i]]],
];

describe(`keyed streams are independent (first draws of ${n.toLocaleString('en-US')} keys, |r| < 5/√n)`, () => {
  for (const [name, left, right] of pairsOfKeys)
    it(name, () => {
      const a = firstDraws((i) => createStream(...withKey(left(i))));
      const b = firstDraws((i) => createStream(...withKey(right(i))));
      expect(largestCorrelation(a, b, [0, 1, -1])).toBeLessThan(limit);
    });

  it('keys one character longer, at lag one', () => {
    const a = firstDraws((i) => createStream(1, 'assumption', 'churn.bas', i));
    const b = firstDraws((i) => createStream(1, 'assumption', 'churn.base', i));
    // Draw j of one against draw j + 1 of the other, both ways.
    expect(largestCorrelation(a, b, [1])).toBeLessThan(limit);
    expect(largestCorrelation(b, a, [1])).toBeLessThan(limit);
  });

  it('keys one character longer in the run-first layout, at lag one', () => {
    const a = firstDraws((i) => createStream(1, i, 'assumption', 'churn.bas'));
    const b = firstDraws((i) => createStream(1, i, 'assumption', 'churn.base'));
    expect(largestCorrelation(a, b, [1])).toBeLessThan(limit);
    expect(largestCorrelation(b, a, [1])).toBeLessThan(limit);
  });
});

function withKey([seed, key]: [Seed, Key]): [Seed, ...(string | number)[]] {
  return [seed, ...key];
}

/** χ² of points in [0, 1)² over a 10 × 10 grid (99 degrees of freedom). */
function gridChiSquare(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const counts = new Float64Array(100);
  for (let i = 0; i < xs.length; i += 1) {
    const cell = Math.floor((xs[i] as number) * 10) * 10 + Math.floor((ys[i] as number) * 10);
    counts[cell] = (counts[cell] as number) + 1;
  }
  const expected = xs.length / 100;
  let statistic = 0;
  for (const c of counts) statistic += (c - expected) ** 2 / expected;
  return statistic;
}

describe('2-D uniformity of consecutive pairs (χ² on a 10 × 10 grid, level 1e-4)', () => {
  const critical = chiSquareCritical(99);

  it('within one long stream', () => {
    const random = createStream(1, 'pairs');
    const xs = new Float64Array(100_000);
    const ys = new Float64Array(100_000);
    for (let i = 0; i < xs.length; i += 1) {
      xs[i] = random();
      ys[i] = random();
    }
    expect(gridChiSquare(xs, ys)).toBeLessThan(critical);
  });

  it('first and second draws across keyed streams (adjacent runs)', () => {
    const [first, second] = firstDraws((i) => createStream(1, 'month', 'experience', i)) as [Float64Array, Float64Array];
    expect(gridChiSquare(first, second)).toBeLessThan(critical);
  });

  it('first draws of adjacent runs', () => {
    const [first] = firstDraws((i) => createStream(1, 'assumption', 'churn.base', i)) as [Float64Array];
    const xs = first.subarray(0, n - 1);
    const ys = first.subarray(1);
    expect(gridChiSquare(xs, ys)).toBeLessThan(critical);
  });

  it('first draws of adjacent seeds', () => {
    const a = firstDraws((i) => createStream(2 * i, 'execution', 0))[0] as Float64Array;
    const b = firstDraws((i) => createStream(2 * i + 1, 'execution', 0))[0] as Float64Array;
    expect(gridChiSquare(a, b)).toBeLessThan(critical);
  });
});
