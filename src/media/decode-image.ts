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
  /**
   * Images with more pixels than this are reduced inside the decoder (libvips shrink-on-load and a streamed
   * resize) to fit within it, so the full bitmap is never held. At or below it the pixels are exact. Default:
   * no reduction. See docs/large-images.md for how much this moves a PDQ hash.
   */
  reduceAbovePixels?: number;
}

/** What an image's header says, read without decoding any pixel. */
export interface ImageHeader {
  width: number;
  height: number;
  /** jpeg, png, webp, gif, tiff, avif, heif. */
  format: string;
  /** 1 for greyscale, else 3 (what decoding yields). */
  channels: 1 | 3;
}

/** Decoded 8-bit pixels, interleaved, row-major: grey (1 channel) or RGB (3). */
export interface DecodedImage {
  pixels: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3;
  /** Container format: jpeg, png, webp, gif, tiff, avif, heif. */
  format: string;
  /** Size given by the file's header; differs from width × height only when the decoder reduced the image. */
  sourceWidth: number;
  sourceHeight: number;
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
  const { header, space, orientation } = await readHeader(bytes, maxPixels);
  const { width, height, format } = header;
  let pipeline = sharp(bytes, {
    ignoreIcc: true,
    limitInputPixels: maxPixels,
    failOn: 'error',
    autoOrient: opts.applyExifOrientation === true,
  }).removeAlpha();
  const target = reducedSize(width, height, opts.reduceAbovePixels);
  if (target !== undefined) {
    // Orientation is applied before the resize, so give the target in the oriented frame.
    const swap = opts.applyExifOrientation === true && (orientation ?? 1) >= 5;
    pipeline = pipeline.resize(swap ? target.height : target.width, swap ? target.width : target.height, { fit: 'fill', kernel: 'lanczos3', fastShrinkOnLoad: true });
  }
  // Keep greyscale as one channel (sharp would expand it); turn CMYK, 16-bit and the like into 8-bit sRGB.
  if (header.channels === 1) pipeline = pipeline.toColourspace('b-w');
  else if (space !== 'srgb') pipeline = pipeline.toColourspace('srgb');
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
      sourceWidth: width,
      sourceHeight: height,
    };
  } catch (e) {
    throw decodeError(e, bytes);
  }
}

/**
 * Reads an image's header only (no pixel memory): its format and size, checked against the supported formats,
 * plausible dimensions and `maxPixels` (413 `image_too_large`). Errors are LifeguardErrors with stable codes.
 */
export async function probeImage(bytes: Buffer, opts: { maxPixels?: number } = {}): Promise<ImageHeader> {
  return (await readHeader(bytes, opts.maxPixels ?? DEFAULT_MAX_PIXELS)).header;
}

async function readHeader(bytes: Buffer, maxPixels: number): Promise<{ header: ImageHeader; space?: string; orientation?: number }> {
  if (bytes.length === 0) throw invalidInput('image_empty', 'the file is empty (0 bytes)');
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw decodeError(e, bytes);
  }
  const format = formatName(meta);
  if (!(supportedImageFormats as readonly string[]).includes(format)) {
    throw unsupported('image_unsupported_format', `${imageKind(format)} images are not supported; use ${supportedImageFormats.join(', ')}`);
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
  return {
    header: { width, height, format, channels: grey ? 1 : 3 },
    ...(meta.space !== undefined ? { space: meta.space } : {}),
    ...(meta.orientation !== undefined ? { orientation: meta.orientation } : {}),
  };
}

/** The size an image of `width`×`height` is reduced to so it holds at most `limit` pixels; undefined: keep it. */
export function reducedSize(width: number, height: number, limit: number | undefined): { width: number; height: number } | undefined {
  if (limit === undefined || width * height <= limit) return undefined;
  const scale = Math.sqrt(limit / (width * height));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/** A format name fit for a message: ours, or a neutral word for anything libvips reports that we do not take. */
function imageKind(format: string): string {
  if (format === 'svg') return 'SVG';
  if (format === 'pdf') return 'PDF';
  return /^[a-z0-9]{1,12}$/.test(format) ? format : 'these';
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

/** True when `bytes` start (after blanks or a byte-order mark) like an XML, SVG or HTML document. */
function looksLikeMarkup(bytes: Buffer): boolean {
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 256)).replace(/^(\xef\xbb\xbf|\s)+/, '');
  return /^<(\?xml|svg|!doctype|html|!--)/i.test(head);
}

function toBuffer(input: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

function formatName(meta: Metadata): string {
  if (meta.format === 'heif' && meta.compression === 'av1') return 'avif';
  return meta.format ?? 'unknown';
}

/**
 * Maps sharp/libvips failures onto stable error codes (`bytes` helps to explain a corrupt header). Messages are
 * in our words only: the library's text (parser errors of SVG/XML, file offsets, ...) is matched, never passed on.
 */
export function decodeError(e: unknown, bytes?: Buffer): LifeguardError {
  if (e instanceof LifeguardError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/corrupt header/i.test(message) && bytes !== undefined) {
    const png = pngDimensions(bytes);
    if (png && (!plausibleSide(png.width) || !plausibleSide(png.height))) return badDimensions(png.width, png.height);
    if (bytes.subarray(0, 8).equals(pngSignature) && bytes.length < 33) {
      return invalidInput('image_truncated', 'the PNG ends inside its header');
    }
  }
  if (bytes !== undefined && looksLikeMarkup(bytes)) {
    return unsupported('image_unsupported_format', 'SVG and other XML or HTML documents are not supported; send JPEG, PNG, WebP, GIF, TIFF or AVIF');
  }
  if (/buffer is empty/i.test(message)) return invalidInput('image_empty', 'the file is empty (0 bytes)');
  // libvips' wording for a cut-off file varies by version and thread; the file's own end marker does not.
  if (bytes !== undefined && endsEarly(bytes)) {
    return invalidInput('image_truncated', 'the image data is truncated: the file ends before its end marker');
  }
  if (/unsupported image format/i.test(message)) {
    return unsupported('image_unsupported_format', 'not an image in a supported format (JPEG, PNG, WebP, GIF, TIFF, AVIF)');
  }
  if (/pixel limit/i.test(message)) return tooLarge('image_too_large', 'the image has more pixels than the limit');
  if (/premature end|truncat|unexpected end|end of (file|stream|data)|not enough data|read error/i.test(message)) {
    return invalidInput('image_truncated', 'the image data is truncated or corrupt');
  }
  if (/dimension|width|height/i.test(message)) return invalidInput('image_bad_dimensions', 'the image has bad dimensions');
  return invalidInput('image_decode_failed', 'the image could not be decoded: it is corrupt or not a supported image (JPEG, PNG, WebP, GIF, TIFF, AVIF)');
}
