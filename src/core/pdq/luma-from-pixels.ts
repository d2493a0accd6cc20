// Luma as the reference computes it: Y = 0.299 R + 0.587 G + 0.114 B in float32 arithmetic, summed left to
// right. Products of a float32 coefficient and a byte are looked up in tables (exact float32 values), and the
// sums are rounded to float32 after each step so the result is bit-identical to the C++ reference.
import { invalidInput } from '../lifeguard-error.ts';

const coefR = Math.fround(0.299);
const coefG = Math.fround(0.587);
const coefB = Math.fround(0.114);

const tableR = new Float64Array(256);
const tableG = new Float64Array(256);
const tableB = new Float64Array(256);
for (let v = 0; v < 256; v++) {
  tableR[v] = Math.fround(coefR * v);
  tableG[v] = Math.fround(coefG * v);
  tableB[v] = Math.fround(coefB * v);
}

/** Throws unless `pixels` holds `width × height` interleaved pixels of a supported channel count. */
export function checkPixelLayout(pixels: Uint8Array, width: number, height: number, channels: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw invalidInput('image_bad_dimensions', `image dimensions must be non-negative integers, got ${width}x${height}`);
  }
  if (channels !== 1 && channels !== 2 && channels !== 3 && channels !== 4) {
    throw invalidInput('image_bad_channels', `pixels must have 1 (grey), 2 (grey+alpha), 3 (RGB) or 4 (RGBA) channels, got ${channels}`);
  }
  const needed = width * height * channels;
  if (pixels.length < needed) {
    throw invalidInput('image_bad_pixels', `pixel buffer holds ${pixels.length} bytes, ${width}x${height}x${channels} needs ${needed}`);
  }
}

/**
 * Writes the luma of row `row` of an interleaved image into `out[outOffset ..]` (float32).
 * Grey is taken as is; alpha (channel 2 of 2, or 4 of 4) is ignored.
 */
export function lumaRow(
  pixels: Uint8Array,
  width: number,
  channels: number,
  row: number,
  out: Float32Array,
  outOffset: number,
): void {
  let p = row * width * channels;
  if (channels < 3) {
    for (let j = 0; j < width; j++, p += channels) out[outOffset + j] = pixels[p]!;
    return;
  }
  for (let j = 0; j < width; j++, p += channels) {
    out[outOffset + j] = Math.fround(tableR[pixels[p]!]! + tableG[pixels[p + 1]!]!) + tableB[pixels[p + 2]!]!;
  }
}

/** Float32 luma (row-major) of interleaved pixels: 1 = grey as is, 3/4 = RGB(A) with alpha ignored. */
export function lumaFromPixels(pixels: Uint8Array, width: number, height: number, channels: number): Float32Array {
  checkPixelLayout(pixels, width, height, channels);
  const luma = new Float32Array(width * height);
  for (let r = 0; r < height; r++) lumaRow(pixels, width, channels, r, luma, r * width);
  return luma;
}
