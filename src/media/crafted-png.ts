// Hand-built PNG files for tests and benchmarks: huge-in-pixels but tiny-on-disk images ("bombs") and
// headers with impossible dimensions, made in milliseconds without any encoder touching the pixels.
import { constants, crc32, deflateRawSync } from 'node:zlib';

const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A zlib stream of `n` zero bytes. One block of `piece` zeros is deflated once with a full flush (which
 * makes it byte-aligned and independent of what precedes it) and repeated, so building the stream costs
 * nothing like compressing n bytes. The Adler-32 of n zeros is (n mod 65521) << 16 | 1.
 */
function zlibZeros(n: number, piece = 1 << 21): Buffer {
  const full = deflateRawSync(Buffer.alloc(Math.min(piece, n)), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
  const parts = [Buffer.from([0x78, 0x9c])];
  let left = n;
  while (left >= piece) {
    parts.push(full);
    left -= piece;
  }
  if (left > 0) parts.push(deflateRawSync(Buffer.alloc(left), { finishFlush: constants.Z_FULL_FLUSH }));
  parts.push(deflateRawSync(Buffer.alloc(0)));
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((n % 65521) << 16) | 1) >>> 0, 0);
  parts.push(adler);
  return Buffer.concat(parts);
}

/** A valid 8-bit greyscale PNG of the given size, every pixel black. */
export function blackPng(width: number, height: number): Buffer {
  return pngWithHeader(width, height, zlibZeros((width + 1) * height, (width + 1) * Math.max(1, Math.floor((1 << 21) / (width + 1)))));
}

/** A greyscale PNG whose header claims `width × height` followed by a few bytes of pixel data. */
export function pngWithHeader(width: number, height: number, idat: Buffer = zlibZeros(16)): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width >>> 0, 0);
  ihdr.writeUInt32BE(height >>> 0, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
