/**
 * Puts the `k`-th smallest of `a[left..right]` at index `k`, with nothing
 * larger before it and nothing smaller after it: Floyd & Rivest's SELECT
 * (1975), in place, about n + min(k, n − k) comparisons.
 */
export function selectInPlace(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Narrow to a sample-based window that holds the k-th smallest with high probability.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(a, k, newLeft, newRight);
    }
    const t = a[k] as number;
    let i = left;
    let j = right;
    swap(a, left, k);
    if ((a[right] as number) > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i += 1;
      j -= 1;
      while ((a[i] as number) < t) i += 1;
      while ((a[j] as number) > t) j -= 1;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j += 1;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/**
 * Type-7 quantiles (linear between closest ranks) of `a` at ascending
 * `probabilities`, by selection instead of a full sort. Reorders `a`.
 */
export function quantilesInPlace(a: Float64Array, probabilities: readonly number[], out: number[] = []): number[] {
  const n = a.length;
  if (n === 0) throw new RangeError('quantile of no values');
  let left = 0;
  probabilities.forEach((p, q) => {
    const index = p * (n - 1);
    const k = Math.floor(index);
    if (k >= left) {
      selectInPlace(a, k, left, n - 1);
      left = k;
    }
    const below = a[k] as number;
    const fraction = index - k;
    if (fraction === 0 || k + 1 >= n) {
      out[q] = below;
      return;
    }
    // Everything after k is ≥ a[k]: the next order statistic is their minimum.
    let above = Infinity;
    for (let i = k + 1; i < n; i += 1) if ((a[i] as number) < above) above = a[i] as number;
    out[q] = below + (above - below) * fraction;
  });
  return out;
}
