/**
 * Turns an estimator's input (encoded bytes or decoded pixels) into interleaved 8-bit RGB no larger than
 * `ESTIMATOR_MAX_SIDE` on its long side: face detectors work at ~512 px, so more only costs memory.
 * Bad input gives the decoder's stable LifeguardError codes (`image_empty`, `image_unsupported_format`,
 * `image_truncated`, `image_decode_failed`, `image_too_large`, ...) or `image_bad_pixels` for raw pixels
 * whose length does not match their dimensions.
 */
import sharp from 'sharp';
import { invalidInput, tooLarge } from '../core/lifeguard-error.ts';
import { decodeError, decodeImage, MAX_IMAGE_SIDE } from '../media/decode-image.ts';
import type { EstimatorImage } from './provider.ts';

/** Longest side handed to the model. */
export const ESTIMATOR_MAX_SIDE = 1024;

export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Decodes (EXIF orientation applied: faces must be upright) and downsizes to RGB. */
export async function toEstimatorRgb(image: EstimatorImage, maxPixels: number): Promise<RgbImage> {
  if (image instanceof Uint8Array) {
    const d = await decodeImage(image, { maxPixels, applyExifOrientation: true });
    return fit({ data: d.pixels, width: d.width, height: d.height, channels: d.channels });
  }
  const { data, width, height, channels } = image;
  const sideOk = (n: number) => Number.isSafeInteger(n) && n >= 1 && n <= MAX_IMAGE_SIDE;
  if (!sideOk(width) || !sideOk(height) || ![1, 3, 4].includes(channels)) {
    throw invalidInput('image_bad_pixels', `raw pixels need whole dimensions 1..${MAX_IMAGE_SIDE} and 1, 3 or 4 channels; got ${width}x${height}x${channels}`);
  }
  if (width * height > maxPixels) {
    throw tooLarge('image_too_large', `the image is ${width}x${height} (${width * height} pixels); the limit is ${maxPixels} pixels`, { width, height, maxPixels });
  }
  if (!(data instanceof Uint8Array) || data.length !== width * height * channels) {
    throw invalidInput('image_bad_pixels', `raw pixels of ${width}x${height}x${channels} need ${width * height * channels} bytes; got ${data?.length}`);
  }
  return fit(image);
}

async function fit(img: { data: Uint8Array; width: number; height: number; channels: 1 | 3 | 4 }): Promise<RgbImage> {
  if (img.channels === 3 && Math.max(img.width, img.height) <= ESTIMATOR_MAX_SIDE) return img;
  try {
    const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels }, limitInputPixels: false })
      .resize(ESTIMATOR_MAX_SIDE, ESTIMATOR_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels after conversion, got ${info.channels}`);
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  } catch (e) {
    throw decodeError(e);
  }
}
