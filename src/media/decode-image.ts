// Image decoding adapter (sharp/libvips). Gives the raw decoded pixels the PDQ reference was fed:
// sharp's libjpeg-turbo-family decoder with default options reproduces `djpeg` byte for byte, and libpng
// reproduces `pngtopnm`, provided no colour management is applied (embedded ICC profiles are ignored, as
// djpeg ignores them). Alpha is dropped, not flattened; greyscale stays one channel (djpeg writes PGM).
// Checked against /work/shared/data/pdq/decoded-pixels.csv by test/pdq-conformance.test.ts.
import sharp, { type Metadata } from 'sharp';
import { LifeguardError, invalidInput, tooLarge, unsupported } from '../core/lifeguard-error.ts';
import { DEFAULT_MAX_BYTES, readFileBounded } from './read-file-bounded.ts';

/** Default pixel limit: 100 megapixels (~300 MB of decoded RGB; covers 48–64 MP phone photos). */
export const DEFAULT_MAX_PIXELS = 100_000_000;

/** Largest side accepted (libpng's own default limit); anything longer is treated as a corrupt header. */
export const MAX_IMAGE_SIDE = 1_000_000;

/** Image formats we decode (sharp's names, with AVIF reported as 'avif'). */
export const supportedImageFormats = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif', 'heif'] as const;

export interface DecodeOptions {
  /** Rotate/flip according to EXIF Orientation. Default false: hash lists are built without it. */
  applyExifOrientation?: boolean;
  /** Refuse images with more pixels than this (checked from the header before decoding). */
  maxPixels?: number;
  /** Refuse files larger than this many bytes. */
  maxBytes?: number;
}

/** Decoded 8-bit pixels, interleaved, row-major: grey (1 channel) or RGB (3). */
export interface DecodedImage {
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3;
  /** Container format: jpeg, png, webp, gif, tiff, avif, heif. */
  format: string;
}

/** Decodes an image file (path) or its bytes; errors are LifeguardErrors with stable codes. */
export async function decodeImage(input: Buffer | Uint8Array | string, opts: DecodeOptions = {}): Promise<DecodedImage> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = typeof input === 'string' ? await readFileBounded(input, maxBytes) : toBuffer(input);
  if (bytes.length > maxBytes) {
    throw tooLarge('file_too_large', `input is ${bytes.length} bytes; the limit is ${maxBytes} bytes`, { bytes: bytes.length, maxBytes });
  }
  return decodeImageBytes(bytes, opts);
}

/** Decodes image bytes already in memory (no byte limit check). */
export async function decodeImageBytes(bytes: Buffer, opts: DecodeOptions = {}): Promise<DecodedImage> {
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (bytes.length === 0) throw invalidInput('image_empty', 'the file is empty (0 bytes)');

  // Header only: learn the format and size before any pixel memory is allocated.
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw decodeError(e, bytes);
  }
  const format = formatName(meta);
  if (!(supportedImageFormats as readonly string[]).includes(format)) {
    throw unsupported('image_unsupported_format', `${format} images are not supported; use ${supportedImageFormats.join(', ')}`);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!plausibleSide(width) || !plausibleSide(height)) throw badDimensions(width, height);
  if (width * height > maxPixels) {
    throw tooLarge('image_too_large', `the image is ${width}x${height} (${width * height} pixels); the limit is ${maxPixels} pixels`, {
      width,
      height,
      maxPixels,
    });
  }

  const grey = meta.space === 'b-w' || meta.space === 'grey16';
  let pipeline = sharp(bytes, {
    ignoreIcc: true,
    limitInputPixels: maxPixels,
    failOn: 'error',
    autoOrient: opts.applyExifOrientation === true,
  }).removeAlpha();
  // Keep greyscale as one channel (sharp would expand it); turn CMYK, 16-bit and the like into 8-bit sRGB.
  if (grey) pipeline = pipeline.toColourspace('b-w');
  else if (meta.space !== 'srgb') pipeline = pipeline.toColourspace('srgb');
  try {
    const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    if (info.channels !== 1 && info.channels !== 3) {
      throw invalidInput('image_decode_failed', `decoded image has ${info.channels} channels; expected 1 or 3`);
    }
    return {
      pixels: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
      channels: info.channels,
      format,
    };
  } catch (e) {
    throw decodeError(e, bytes);
  }
}

const plausibleSide = (n: number): boolean => Number.isSafeInteger(n) && n >= 1 && n <= MAX_IMAGE_SIDE;

const badDimensions = (width: number, height: number): LifeguardError =>
  invalidInput('image_bad_dimensions', `the image header gives impossible dimensions ${width}x${height} (each side must be 1..${MAX_IMAGE_SIDE})`);

const pngSignature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** Width and height from a PNG's IHDR, when `bytes` starts like a PNG (libvips only says "corrupt header"). */
function pngDimensions(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(pngSignature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** True when `bytes` start as a PNG without an IEND chunk at the end, or as a JPEG without its EOI marker. */
function endsEarly(bytes: Buffer): boolean {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(pngSignature)) {
    return bytes.length < 20 || bytes.toString('latin1', bytes.length - 8, bytes.length - 4) !== 'IEND';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    // Trailing bytes after EOI are common (padding, appended data), so look for EOI anywhere past the header.
    return bytes.lastIndexOf(Buffer.from([0xff, 0xd9])) < 4;
  }
  return false;
}

function toBuffer(input: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

function formatName(meta: Metadata): string {
  if (meta.format === 'heif' && meta.compression === 'av1') return 'avif';
  return meta.format ?? 'unknown';
}

/** Maps sharp/libvips failures onto stable error codes (`bytes` helps to explain a corrupt header). */
export function decodeError(e: unknown, bytes?: Buffer): LifeguardError {
  if (e instanceof LifeguardError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const first = message.split('\n')[0]!.trim();
  if (/corrupt header/i.test(message) && bytes !== undefined) {
    const png = pngDimensions(bytes);
    if (png && (!plausibleSide(png.width) || !plausibleSide(png.height))) return badDimensions(png.width, png.height);
    if (bytes.subarray(0, 8).equals(pngSignature) && bytes.length < 33) {
      return invalidInput('image_truncated', 'the PNG ends inside its header');
    }
  }
  if (/buffer is empty/i.test(message)) return invalidInput('image_empty', 'the file is empty (0 bytes)');
  // libvips' wording for a cut-off file varies by version and thread; the file's own end marker does not.
  if (bytes !== undefined && endsEarly(bytes)) {
    return invalidInput('image_truncated', `the image data is truncated: the file ends before its end marker (${first})`);
  }
  if (/unsupported image format/i.test(message)) {
    return unsupported('image_unsupported_format', 'not an image in a supported format (JPEG, PNG, WebP, GIF, TIFF, AVIF)');
  }
  if (/pixel limit/i.test(message)) return tooLarge('image_too_large', 'the image has more pixels than the limit');
  if (/premature end|truncat|unexpected end|end of (file|stream|data)|not enough data|read error/i.test(message)) {
    return invalidInput('image_truncated', `the image data is truncated or corrupt (${first})`);
  }
  if (/dimension|width|height/i.test(message)) return invalidInput('image_bad_dimensions', `the image has bad dimensions (${first})`);
  return invalidInput('image_decode_failed', `the image could not be decoded (${first || 'unknown decoder error'})`);
}
