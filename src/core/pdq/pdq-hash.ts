// PDQ: luma → blur and decimate to 64×64 → quality → 16×16 DCT → threshold at the median → 256 bits.
import { dct64To16 } from './dct.ts';
import { downsampleTo64, type LumaSource } from './downsample.ts';
import { checkPixelLayout, lumaRow } from './luma-from-pixels.ts';
import { lowerMedian256 } from './median.ts';
import { hexFromCoefficients, zeroPdqHex } from './pdq-hex.ts';
import { qualityOf64 } from './quality.ts';
import { invalidInput } from '../lifeguard-error.ts';

/** A PDQ hash (64 lower-case hex digits) and its quality (0..100). */
export interface PdqResult {
  hash: string;
  quality: number;
}

/** Images smaller than this on either side get the all-zero hash with quality 0, as in the reference. */
export const PDQ_MIN_DIMENSION = 5;

const image64 = new Float32Array(64 * 64);

/** True when the image is too small to hash. */
export const tooSmallForPdq = (width: number, height: number): boolean =>
  width < PDQ_MIN_DIMENSION || height < PDQ_MIN_DIMENSION;

/**
 * Computes the 16×16 DCT coefficients of an image into `coefficients` and returns its quality.
 * The caller has checked the image is not too small.
 */
export function pdqCoefficients(source: LumaSource, coefficients: Float32Array): number {
  if (source.width === 64 && source.height === 64) {
    // The reference skips the blur for 64×64 input (e.g. video frames already scaled by ffmpeg).
    for (let r = 0; r < 64; r++) {
      const from = source.load(r, 1);
      image64.set(source.data.subarray(from, from + 64), r * 64);
    }
  } else {
    downsampleTo64(source, image64);
  }
  const quality = qualityOf64(image64);
  dct64To16(image64, coefficients);
  return quality;
}

/** Rows of a row-major float32 luma buffer. */
export function lumaSource(luma: Float32Array, width: number, height: number): LumaSource {
  checkDimensions(width, height);
  if (luma.length < width * height) {
    throw invalidInput('image_bad_pixels', `luma buffer holds ${luma.length} values, ${width}x${height} needs ${width * height}`);
  }
  return { width, height, data: luma, load: (r) => r * width };
}

let pixelRows = new Float32Array(0);

/** Rows of interleaved 8-bit pixels, converted to luma a few rows at a time (no full luma buffer). */
export function pixelSource(pixels: Uint8Array, width: number, height: number, channels: number): LumaSource {
  checkPixelLayout(pixels, width, height, channels);
  // Four rows of luma scratch, kept between calls unless the image is extremely wide.
  const data = pixelRows.length >= 4 * width ? pixelRows : new Float32Array(4 * width);
  if (width <= 1 << 16) pixelRows = data;
  return {
    width,
    height,
    data,
    ...(channels === 3 || channels === 4 ? { rgb: { pixels, channels } } : {}),
    load(r, count) {
      for (let q = 0; q < count; q++) lumaRow(pixels, width, channels, r + q, data, q * width);
      return 0;
    },
  };
}

function checkDimensions(width: number, height: number): void {
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 0 || height < 0) {
    throw invalidInput('image_bad_dimensions', `image dimensions must be non-negative integers, got ${width}x${height}`);
  }
}

const coefficientsScratch = new Float32Array(256);

function pdqFromSource(source: LumaSource): PdqResult {
  if (tooSmallForPdq(source.width, source.height)) return { hash: zeroPdqHex, quality: 0 };
  const quality = pdqCoefficients(source, coefficientsScratch);
  return { hash: hexFromCoefficients(coefficientsScratch, lowerMedian256(coefficientsScratch)), quality };
}

/** PDQ hash and quality of a row-major float32 luma image (see lumaFromPixels). */
export function pdqFromLuma(luma: Float32Array, width: number, height: number): PdqResult {
  return pdqFromSource(lumaSource(luma, width, height));
}

/** PDQ hash and quality of interleaved 8-bit pixels (1 = grey, 3 = RGB, 4 = RGBA with alpha ignored). */
export function pdqFromPixels(pixels: Uint8Array, width: number, height: number, channels: number): PdqResult {
  return pdqFromSource(pixelSource(pixels, width, height, channels));
}
