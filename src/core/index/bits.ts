/**
 * Number of set bits of a 32-bit integer (SWAR). Callers pass int32 values (xor results, or `x | 0`): in V8 a
 * uint32 ≥ 2^31 is a heap number, and one such call turns this function's type feedback to doubles, which
 * measured almost 2× slower on the query path. The index keeps its own copy for that reason.
 */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
