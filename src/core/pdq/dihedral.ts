// The 8 dihedral variants (rotations and flips) of a PDQ hash, derived from one set of DCT coefficients:
// rotating or mirroring the 64×64 image only transposes the coefficient matrix and flips the sign of
// odd-frequency terms. Each variant is thresholded at its own median. Naming follows the reference:
// rotate90 turns counter-clockwise; flipx swaps top and bottom; flipy mirrors left-right; flipplus1
// transposes about the main diagonal; flipminus1 about the other one.
import type { LumaSource } from './downsample.ts';
import { lowerMedian256 } from './median.ts';
import { lumaSource, pdqCoefficients, pixelSource, tooSmallForPdq } from './pdq-hash.ts';
import { hexFromCoefficients, zeroPdqHex } from './pdq-hex.ts';

/** The dihedral variants in the order Lifeguard reports them. */
export const dihedralNames = [
  'original',
  'rotate90',
  'rotate180',
  'rotate270',
  'flipx',
  'flipy',
  'flipplus1',
  'flipminus1',
] as const;
export type DihedralName = (typeof dihedralNames)[number];

/** PDQ quality plus the 8 dihedral hashes of one image. */
export interface PdqDihedralResult {
  quality: number;
  hashes: Record<DihedralName, string>;
}

// For each variant: whether the matrix is transposed, and the sign applied to coefficient (i, j) of the
// original as a function of the parities of i and j.
type SignRule = (i: number, j: number) => 1 | -1;
const variants: Record<DihedralName, { transpose: boolean; sign: SignRule }> = {
  original: { transpose: false, sign: () => 1 },
  rotate90: { transpose: true, sign: (_i, j) => (j & 1 ? 1 : -1) },
  rotate180: { transpose: false, sign: (i, j) => ((i + j) & 1 ? -1 : 1) },
  rotate270: { transpose: true, sign: (i) => (i & 1 ? 1 : -1) },
  flipx: { transpose: false, sign: (i) => (i & 1 ? 1 : -1) },
  flipy: { transpose: false, sign: (_i, j) => (j & 1 ? 1 : -1) },
  flipplus1: { transpose: true, sign: () => 1 },
  flipminus1: { transpose: true, sign: (i, j) => ((i + j) & 1 ? -1 : 1) },
};

const coefficients = new Float32Array(256);
const variant = new Float32Array(256);

/** Writes variant `name` of the 16×16 coefficient matrix `a` into `out`. */
export function dihedralCoefficients(a: Float32Array, name: DihedralName, out: Float32Array): void {
  const { transpose, sign } = variants[name];
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const v = sign(i, j) === 1 ? a[i * 16 + j]! : -a[i * 16 + j]!;
      out[transpose ? j * 16 + i : i * 16 + j] = v;
    }
  }
}

function dihedralFromSource(source: LumaSource): PdqDihedralResult {
  const hashes = {} as Record<DihedralName, string>;
  if (tooSmallForPdq(source.width, source.height)) {
    for (const name of dihedralNames) hashes[name] = zeroPdqHex;
    return { quality: 0, hashes };
  }
  const quality = pdqCoefficients(source, coefficients);
  for (const name of dihedralNames) {
    dihedralCoefficients(coefficients, name, variant);
    hashes[name] = hexFromCoefficients(variant, lowerMedian256(variant));
  }
  return { quality, hashes };
}

/** Quality and the 8 dihedral PDQ hashes of a row-major float32 luma image. */
export function pdqDihedralFromLuma(luma: Float32Array, width: number, height: number): PdqDihedralResult {
  return dihedralFromSource(lumaSource(luma, width, height));
}

/** Quality and the 8 dihedral PDQ hashes of interleaved 8-bit pixels (1, 3 or 4 channels). */
export function pdqDihedralFromPixels(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
): PdqDihedralResult {
  return dihedralFromSource(pixelSource(pixels, width, height, channels));
}
