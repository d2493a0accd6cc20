// The part of the 2-D DCT-II that PDQ keeps: rows/columns 1..16 (the DC term is dropped), computed as
// B = D · A · Dᵀ with D the 16×64 matrix D[i][k] = sqrt(2/64) · cos(π/128 · (i+1) · (2k+1)).
// Arithmetic follows the reference: D is stored as float32, each product and each partial sum is rounded
// to float32 and sums run over k in increasing order (the loops are arranged so the per-output chains are
// independent, which keeps them fast without changing any result).

const scale = Math.fround(Math.sqrt(2 / 64));

/** D (16×64, row-major) as float32. */
export const dctMatrix: Float32Array = (() => {
  const d = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let k = 0; k < 64; k++) d[i * 64 + k] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * k + 1));
  }
  return d;
})();

/** Dᵀ (64×16, row-major). */
const dctTransposed: Float32Array = (() => {
  const t = new Float32Array(64 * 16);
  for (let i = 0; i < 16; i++) for (let k = 0; k < 64; k++) t[k * 16 + i] = dctMatrix[i * 64 + k]!;
  return t;
})();

const partial = new Float32Array(16 * 64);

/** Writes the 16×16 DCT coefficients of the 64×64 row-major matrix `a` into `out` (row-major). */
export function dct64To16(a: Float32Array, out: Float32Array): void {
  const fround = Math.fround;
  const d = dctMatrix;
  const t = partial;
  t.fill(0);
  for (let i = 0; i < 16; i++) {
    const rowT = i * 64;
    for (let k = 0; k < 64; k++) {
      const dik = d[rowT + k]!;
      const rowA = k * 64;
      for (let j = 0; j < 64; j++) t[rowT + j] = t[rowT + j]! + fround(dik * a[rowA + j]!);
    }
  }
  out.fill(0, 0, 256);
  const dt = dctTransposed;
  for (let i = 0; i < 16; i++) {
    const rowB = i * 16;
    for (let k = 0; k < 64; k++) {
      const tik = t[i * 64 + k]!;
      const rowD = k * 16;
      for (let j = 0; j < 16; j++) out[rowB + j] = out[rowB + j]! + fround(tik * dt[rowD + j]!);
    }
  }
}
