/**
 * The k-th smallest of the first `n` numbers of `xs` (k from 0), found by selection in linear time on average,
 * not by sorting: the comment-stream monitor finds its eviction cut-off among thousands of viewers this way.
 * Reorders those numbers of `xs` in place.
 */
export function nthSmallest(xs: Float64Array, k: number, n = xs.length): number {
  if (!(k >= 0 && k < n)) throw new RangeError(`k ${k} out of range for ${n} numbers`);
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    // Median of three as the pivot: already ordered input (as recency values often are) stays linear.
    const mid = (lo + hi) >>> 1;
    const a = xs[lo]!;
    const b = xs[mid]!;
    const c = xs[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! < pivot) i++;
      while (xs[j]! > pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    // Now xs[lo..j] <= pivot <= xs[i..hi], and anything between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k]!;
  }
  return xs[k]!;
}
