/**
 * The contiguous blocks `[first, first + count)` that split `runs` into `parts` near-equal ones: the shards of a
 * plan and the workers of a parallel simulation alike (run `i` depends only on the seed and `i`, so any split
 * gives the same runs).
 */
export function splitRuns(runs: number, parts: number): { first: number; count: number }[] {
  const n = Math.max(1, Math.min(parts, runs));
  return Array.from({ length: n }, (_, k) => {
    const first = Math.floor((k * runs) / n);
    return { first, count: Math.floor(((k + 1) * runs) / n) - first };
  });
}
