// Hashing adapter: file or bytes → PDQ (of the decoded pixels) plus MD5 and SHA-256 (of the file bytes).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { dihedralNames, pdqDihedralFromPixels, pdqFromPixels } from '../core/pdq/index.ts';
import { dihedralVariantNames, pdqRobustFromPixels, resolveRobust, type RobustChoice } from '../core/pdq/robust-variants.ts';
import { decodeImage, type DecodeOptions } from './decode-image.ts';
import { DEFAULT_MAX_BYTES, fileError, readFileBounded } from './read-file-bounded.ts';
import { tooLarge } from '../core/lifeguard-error.ts';

export interface HashImageOptions extends DecodeOptions {
  /** Also compute the 8 dihedral PDQ variants (rotations and flips). */
  dihedral?: boolean;
  /** Also compute the robust query variants (border trim, un-crop, mirror; see core/pdq/robust-variants.ts). */
  robust?: RobustChoice;
}

/** Hashes of one image file. */
export interface ImageHashes {
  pdq: string;
  /** PDQ quality 0..100; below 50 the PDQ hash is not trustworthy for matching. */
  quality: number;
  md5: string;
  sha256: string;
  width: number;
  height: number;
  /** With `dihedral`: 8 PDQ hashes in dihedralNames order (original first). */
  dihedral?: string[];
  /** With `robust`: extra PDQ query hashes by variant name (the plain hash is `pdq`). */
  variants?: { name: string; hash: string }[];
}

/** Hashes an image (file path or bytes): PDQ and quality of its pixels, MD5 and SHA-256 of its bytes. */
export async function hashImage(input: Buffer | Uint8Array | string, opts: HashImageOptions = {}): Promise<ImageHashes> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  // Read a path once: the same bytes are decoded and digested.
  const bytes = typeof input === 'string' ? await readFileBounded(input, maxBytes) : input;
  if (bytes.length > maxBytes) {
    throw tooLarge('file_too_large', `input is ${bytes.length} bytes; the limit is ${maxBytes} bytes`, { bytes: bytes.length, maxBytes });
  }
  const image = await decodeImage(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), opts);
  const { md5, sha256 } = digestBytes(bytes);
  const { pixels, channels } = image;
  // The hash is of the decoded pixels (reduced only above `reduceAbovePixels`); the size reported is the file's.
  const width = image.sourceWidth;
  const height = image.sourceHeight;
  if (opts.robust !== undefined && opts.robust !== false) {
    const r = pdqRobustFromPixels(pixels, image.width, image.height, channels, resolveRobust(opts.robust, opts.dihedral === true));
    const variants = r.variants.map(({ name, hash }) => ({ name, hash }));
    if (opts.dihedral !== true) return { pdq: r.hash, quality: r.quality, md5, sha256, width, height, variants };
    const byName = new Map(variants.map((v) => [v.name, v.hash]));
    const dihedral = [r.hash, ...dihedralVariantNames.map((n) => byName.get(n) ?? r.hash)];
    return { pdq: r.hash, quality: r.quality, md5, sha256, width, height, dihedral, variants };
  }
  if (opts.dihedral === true) {
    const d = pdqDihedralFromPixels(pixels, image.width, image.height, channels);
    return {
      pdq: d.hashes.original,
      quality: d.quality,
      md5,
      sha256,
      width,
      height,
      dihedral: dihedralNames.map((name) => d.hashes[name]),
    };
  }
  const { hash, quality } = pdqFromPixels(pixels, image.width, image.height, channels);
  return { pdq: hash, quality, md5, sha256, width, height };
}

/** MD5 and SHA-256 (lower-case hex) of bytes in memory. */
export function digestBytes(bytes: Uint8Array): { md5: string; sha256: string } {
  return {
    md5: createHash('md5').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * MD5 and SHA-256 of a file's bytes (streamed, so any size works, e.g. videos) or of a buffer.
 * A missing path gives file_not_found.
 */
export async function fileDigests(input: Buffer | Uint8Array | string): Promise<{ md5: string; sha256: string }> {
  if (typeof input !== 'string') return digestBytes(input);
  const md5 = createHash('md5');
  const sha256 = createHash('sha256');
  try {
    for await (const chunk of createReadStream(input, { highWaterMark: 1 << 20 })) {
      md5.update(chunk as Buffer);
      sha256.update(chunk as Buffer);
    }
  } catch (e) {
    throw fileError(input, e);
  }
  return { md5: md5.digest('hex'), sha256: sha256.digest('hex') };
}
