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
function cubicWeights(f: number, w: Float64Array): void {
  const f2 = f * f;
  const f3 = f2 * f;
  w[0] = 0.5 * (-f3 + 2 * f2 - f);
  w[1] = 0.5 * (3 * f3 - 5 * f2 + 2);
  w[2] = 0.5 * (-3 * f3 + 4 * f2 + f);
  w[3] = 0.5 * (f3 - f2);
}

const wy = new Float64Array(4);
const wx = new Float64Array(4);
const clampIndex = (i: number): number => (i < 0 ? 0 : i > 63 ? 63 : i);

/**
 * Bicubic (Catmull-Rom) sample of a 64×64 image at continuous pixel coordinates (row y, column x). Bilinear
 * interpolation would damp the upper PDQ frequencies (up to 16 cycles over 64 samples) and shift which
 * coefficients lie above the median; the cubic keeps them.
 */
function sample(a: Float32Array, y: number, x: number): number {
  const y0 = Math.floor(y);
  const x0 = Math.floor(x);
  cubicWeights(y - y0, wy);
  cubicWeights(x - x0, wx);
  let v = 0;
  for (let m = 0; m < 4; m++) {
    const row = clampIndex(y0 - 1 + m) * 64;
    let h = 0;
    for (let n = 0; n < 4; n++) h += wx[n]! * a[row + clampIndex(x0 - 1 + n)]!;
    v += wy[m]! * h;
  }
  return v;
}

/** Writes into `out` (64×64) the estimate of the original's PDQ image, given the query's 64×64 image `a`. */
export function uncrop64(a: Float32Array, p: UncropPlacement, out: Float32Array): void {
  const offX = p.alignX * (1 - p.scaleX);
  const offY = p.alignY * (1 - p.scaleY);
  const cols = new Float32Array(64);
  for (let j = 0; j < 64; j++) cols[j] = fold(((j + 0.5) / 64 - offX) / p.scaleX, p.fill) * 64 - 0.5;
  for (let i = 0; i < 64; i++) {
    const y = fold(((i + 0.5) / 64 - offY) / p.scaleY, p.fill) * 64 - 0.5;
    for (let j = 0; j < 64; j++) out[i * 64 + j] = sample(a, y, cols[j]!);
  }
}
