/**
 * `xs.sort(cmp)`, skipped when `xs` is already in order. The lists sorted after every message (evidence, authors,
 * rules) are nearly always in order already, and Array.prototype.sort copies its input to a scratch array even
 * then. The result is the same array in the same order: a stable sort leaves an ordered array as it is.
 */
export function sorted<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i - 1]!, xs[i]!) > 0) return xs.sort(cmp);
  return xs;
}
