// "Un-cropped" candidates: if the query is the original with its edges cut away (it keeps `scale` of each
// side, centred or against one side), the original's 64×64 PDQ image is roughly the query's 64×64 image
// shrunk by `scale` and placed where the crop was, with unknown surroundings. PDQ keeps only the 16 lowest
// non-DC frequencies, so filling the surroundings by reflecting the picture (or extending its edge pixels)
// gets most of the original's coefficients back. One DCT per candidate; the blur is not repeated.

/** Where the kept part of the picture sat in the original, along each axis: 0 = start, 0.5 = centre, 1 = end. */
export interface UncropPlacement {
  /** Kept share of the width (1 = not cropped horizontally). */
  scaleX: number;
  /** Kept share of the height. */
  scaleY: number;
  alignX: 0 | 0.5 | 1;
  alignY: 0 | 0.5 | 1;
  fill: 'reflect' | 'extend';
}

/** Maps a coordinate outside [0, 1] back inside, by reflection or by clamping. */
function fold(q: number, fill: UncropPlacement['fill']): number {
  if (fill === 'extend') return q < 0 ? 0 : q > 1 ? 1 : q;
  let v = q;
  // Reflect as often as needed (only once in practice: scale ≥ 0.5).
  for (let n = 0; n < 4 && (v < 0 || v > 1); n++) v = v < 0 ? -v : 2 - v;
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Catmull-Rom weights for a fractional offset f (taps at −1, 0, 1, 2). */
function cubicWeights(f: number, w: Float64Array, at: number): void {
  const f2 = f * f;
  const f3 = f2 * f;
  w[at] = 0.5 * (-f3 + 2 * f2 - f);
  w[at + 1] = 0.5 * (3 * f3 - 5 * f2 + 2);
  w[at + 2] = 0.5 * (-3 * f3 + 4 * f2 + f);
  w[at + 3] = 0.5 * (f3 - f2);
}

const clampIndex = (i: number): number => (i < 0 ? 0 : i > 63 ? 63 : i);

/** For each of 64 output positions (continuous source coordinates), 4 source indices and 4 weights. */
function taps(coords: Float64Array, index: Int32Array, weight: Float64Array): void {
  for (let j = 0; j < 64; j++) {
    const c = coords[j]!;
    const c0 = Math.floor(c);
    cubicWeights(c - c0, weight, j * 4);
    for (let n = 0; n < 4; n++) index[j * 4 + n] = clampIndex(c0 - 1 + n);
  }
}

const colCoords = new Float64Array(64);
const rowCoords = new Float64Array(64);
const colIndex = new Int32Array(256);
const rowIndex = new Int32Array(256);
const colWeight = new Float64Array(256);
const rowWeight = new Float64Array(256);
const rows = new Float64Array(64 * 64);

/**
 * Writes into `out` (64×64) the estimate of the original's PDQ image, given the query's 64×64 image `a`.
 * Resampling is bicubic (Catmull-Rom), done separably: bilinear interpolation would damp the upper PDQ
 * frequencies (up to 16 cycles over 64 samples) and change which coefficients lie above the median.
 */
export function uncrop64(a: Float32Array, p: UncropPlacement, out: Float32Array): void {
  const offX = p.alignX * (1 - p.scaleX);
  const offY = p.alignY * (1 - p.scaleY);
  for (let j = 0; j < 64; j++) {
    colCoords[j] = fold(((j + 0.5) / 64 - offX) / p.scaleX, p.fill) * 64 - 0.5;
    rowCoords[j] = fold(((j + 0.5) / 64 - offY) / p.scaleY, p.fill) * 64 - 0.5;
  }
  taps(colCoords, colIndex, colWeight);
  taps(rowCoords, rowIndex, rowWeight);
  // Horizontal pass: every source row resampled at the new column positions.
  for (let r = 0; r < 64; r++) {
    const src = r * 64;
    for (let j = 0; j < 64; j++) {
      const t = j * 4;
      rows[src + j] =
        colWeight[t]! * a[src + colIndex[t]!]! +
        colWeight[t + 1]! * a[src + colIndex[t + 1]!]! +
        colWeight[t + 2]! * a[src + colIndex[t + 2]!]! +
        colWeight[t + 3]! * a[src + colIndex[t + 3]!]!;
    }
  }
  // Vertical pass.
  for (let i = 0; i < 64; i++) {
    const t = i * 4;
    const r0 = rowIndex[t]! * 64;
    const r1 = rowIndex[t + 1]! * 64;
    const r2 = rowIndex[t + 2]! * 64;
    const r3 = rowIndex[t + 3]! * 64;
    const [w0, w1, w2, w3] = [rowWeight[t]!, rowWeight[t + 1]!, rowWeight[t + 2]!, rowWeight[t + 3]!];
    for (let j = 0; j < 64; j++) out[i * 64 + j] = w0 * rows[r0 + j]! + w1 * rows[r1 + j]! + w2 * rows[r2 + j]! + w3 * rows[r3 + j]!;
  }
}

const partial = new Float64Array(16 * 64);

/**
 * The 16×16 PDQ DCT coefficients of a 64×64 candidate image, in plain double arithmetic: candidates are
 * estimates, so the reference's float32 rounding (kept bit-exact by dct.ts for real hashes) buys nothing here.
 */
export function dct64To16Fast(a: Float32Array, d: Float32Array, out: Float32Array): void {
  // Four input rows per pass over a partial row: a quarter of the loads and stores of `partial`.
  for (let i = 0; i < 16; i++) {
    const rowT = i * 64;
    partial.fill(0, rowT, rowT + 64);
    for (let k = 0; k < 64; k += 4) {
      const [d0, d1, d2, d3] = [d[rowT + k]!, d[rowT + k + 1]!, d[rowT + k + 2]!, d[rowT + k + 3]!];
      const r0 = k * 64;
      for (let j = 0; j < 64; j++) {
        partial[rowT + j] += d0 * a[r0 + j]! + d1 * a[r0 + 64 + j]! + d2 * a[r0 + 128 + j]! + d3 * a[r0 + 192 + j]!;
      }
    }
  }
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      const rowT = i * 64;
      const rowD = j * 64;
      for (let k = 0; k < 64; k++) sum += partial[rowT + k]! * d[rowD + k]!;
      out[i * 16 + j] = sum;
    }
  }
}
