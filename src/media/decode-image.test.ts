import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp, { type Sharp } from 'sharp';
import { blackPng, pngWithHeader } from './crafted-png.ts';
import { hammingDistance, pdqFromPixels } from '../core/pdq/index.ts';
import { decodeImage, probeImage } from './decode-image.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeguard-decode-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A 48x32 RGB test pattern (gradients; benign). */
function pattern(width = 48, height = 32): Buffer {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      px[i] = (x * 5) & 255;
      px[i + 1] = (y * 7) & 255;
      px[i + 2] = ((x + y) * 3) & 255;
    }
  }
  return px;
}

const raw = { raw: { width: 48, height: 32, channels: 3 as const } };

async function assertCode(p: Promise<unknown>, code: string): Promise<Error & { code: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { code: string };
    assert.equal(err.code, code, `expected ${code}, got ${err.code}: ${err.message}`);
    assert.ok(err.message.length > 10, 'the message says something');
    return err;
  }
  assert.fail(`expected an error with code ${code}`);
}

test('decodes PNG losslessly to the exact RGB bytes', async () => {
  const png = await sharp(pattern(), raw).png().toBuffer();
  const img = await decodeImage(png);
  assert.deepEqual([img.width, img.height, img.channels, img.format], [48, 32, 3, 'png']);
  assert.deepEqual(Buffer.from(img.pixels), pattern());
});

test('decodes JPEG, WebP, GIF, TIFF and AVIF', async () => {
  const encoders: Array<[string, (s: Sharp) => Sharp]> = [
    ['jpeg', (s) => s.jpeg()],
    ['webp', (s) => s.webp()],
    ['gif', (s) => s.gif()],
    ['tiff', (s) => s.tiff()],
    ['avif', (s) => s.avif()],
  ];
  for (const [format, encode] of encoders) {
    const bytes = await encode(sharp(pattern(), raw)).toBuffer();
    const img = await decodeImage(bytes);
    assert.deepEqual([img.width, img.height, img.channels, img.format], [48, 32, 3, format]);
    assert.equal(img.pixels.length, 48 * 32 * 3);
  }
});

test('greyscale stays one channel; alpha is dropped, not flattened; CMYK becomes RGB', async () => {
  const greyPng = await sharp(pattern(), raw).toColourspace('b-w').png().toBuffer();
  const grey = await decodeImage(greyPng);
  assert.equal(grey.channels, 1);
  assert.equal(grey.pixels.length, 48 * 32);

  // Fully transparent pixels keep their colour values (pngtopnm drops alpha the same way).
  const rgba = Buffer.alloc(48 * 32 * 4);
  const rgb = pattern();
  for (let i = 0; i < 48 * 32; i++) rgba.set([rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!, i % 2 ? 0 : 255], i * 4);
  const rgbaPng = await sharp(rgba, { raw: { width: 48, height: 32, channels: 4 } }).png().toBuffer();
  const decoded = await decodeImage(rgbaPng);
  assert.equal(decoded.channels, 3);
  assert.deepEqual(Buffer.from(decoded.pixels), rgb);

  const cmyk = await sharp(pattern(), raw).toColourspace('cmyk').jpeg().toBuffer();
  assert.equal((await decodeImage(cmyk)).channels, 3);
});

test('GIF: only the first frame is decoded', async () => {
  // Two 16x16 frames: red then blue.
  const frames = Buffer.alloc(16 * 32 * 3);
  for (let i = 0; i < 16 * 32; i++) frames.set(i < 256 ? [255, 0, 0] : [0, 0, 255], i * 3);
  const gif = await sharp(frames, { raw: { width: 16, height: 32, channels: 3, pageHeight: 16 } }).gif().toBuffer();
  assert.equal((await sharp(gif).metadata()).pages, 2);
  const img = await decodeImage(gif);
  assert.deepEqual([img.width, img.height], [16, 16]);
  assert.ok(img.pixels[0]! > 200 && img.pixels[2]! < 50, 'first frame is red');
});

test('EXIF orientation is ignored unless asked for', async () => {
  const jpeg = await sharp(pattern(), raw).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  const stored = await decodeImage(jpeg);
  assert.deepEqual([stored.width, stored.height], [48, 32]);
  const oriented = await decodeImage(jpeg, { applyExifOrientation: true });
  assert.deepEqual([oriented.width, oriented.height], [32, 48]);
});

test('reads files by path', async () => {
  const path = join(dir, 'pattern.png');
  await writeFile(path, await sharp(pattern(), raw).png().toBuffer());
  assert.deepEqual(Buffer.from((await decodeImage(path)).pixels), pattern());
});

test('bad input gets a stable error code', async () => {
  const jpeg = await sharp(pattern(200, 150), { raw: { width: 200, height: 150, channels: 3 } }).jpeg().toBuffer();
  const png = await sharp(pattern(200, 150), { raw: { width: 200, height: 150, channels: 3 } }).png().toBuffer();
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 255));
  const emptyPath = join(dir, 'empty.jpg');
  await writeFile(emptyPath, Buffer.alloc(0));
  const textPath = join(dir, 'notes.jpg');
  await writeFile(textPath, 'These are meeting notes, not an image.\n'.repeat(20));

  await assertCode(decodeImage(join(dir, 'missing.png')), 'file_not_found');
  await assertCode(decodeImage(dir), 'not_a_file');
  await assertCode(decodeImage(emptyPath), 'image_empty');
  await assertCode(decodeImage(Buffer.alloc(0)), 'image_empty');
  await assertCode(decodeImage(textPath), 'image_unsupported_format');
  await assertCode(decodeImage(garbage), 'image_unsupported_format');
  await assertCode(decodeImage(jpeg.subarray(0, jpeg.length >> 1)), 'image_truncated');
  await assertCode(decodeImage(jpeg.subarray(0, 100)), 'image_truncated');
  await assertCode(decodeImage(png.subarray(0, png.length >> 1)), 'image_truncated');
  await assertCode(decodeImage(png.subarray(0, 20)), 'image_truncated');
  await assertCode(decodeImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>')), 'image_unsupported_format');
  await assertCode(decodeImage(png, { maxBytes: 1000 }), 'file_too_large');
  const pngPath = join(dir, 'big.png');
  await writeFile(pngPath, png);
  await assertCode(decodeImage(pngPath, { maxBytes: 1000 }), 'file_too_large');
  await assertCode(decodeImage(png, { maxPixels: 200 * 149 }), 'image_too_large');
});

test('absurd dimensions are refused from the header', async () => {
  await assertCode(decodeImage(pngWithHeader(0, 10)), 'image_bad_dimensions');
  await assertCode(decodeImage(pngWithHeader(10, 0)), 'image_bad_dimensions');
  await assertCode(decodeImage(pngWithHeader(2 ** 31 - 1, 1)), 'image_bad_dimensions');
  await assertCode(decodeImage(pngWithHeader(1, 20_000_000)), 'image_bad_dimensions');
  const huge = await assertCode(decodeImage(pngWithHeader(100_000, 100_000)), 'image_too_large');
  assert.match(huge.message, /100000x100000/);
});

test('a 20000x20000 PNG bomb is refused before decoding, with bounded memory', async () => {
  const bomb = blackPng(20_000, 20_000);
  assert.ok(bomb.length < 2_000_000, `bomb is small on disk (${bomb.length} bytes)`);
  const meta = await sharp(bomb, { limitInputPixels: false }).metadata();
  assert.deepEqual([meta.width, meta.height], [20_000, 20_000]);
  const before = process.memoryUsage().rss;
  await assertCode(decodeImage(bomb), 'image_too_large');
  const path = join(dir, 'bomb.png');
  await writeFile(path, bomb);
  await assertCode(decodeImage(path), 'image_too_large');
  const grown = process.memoryUsage().rss - before;
  assert.ok(grown < 200 * 1024 * 1024, `rss grew by ${Math.round(grown / 1e6)} MB`);
});

test('probeImage reads format and size from the header alone, with the same limits', async () => {
  const png = await sharp(pattern(), raw).png().toBuffer();
  assert.deepEqual(await probeImage(png), { width: 48, height: 32, format: 'png', channels: 3 });
  await assertCode(probeImage(png, { maxPixels: 100 }), 'image_too_large');
  await assertCode(probeImage(Buffer.alloc(0)), 'image_empty');
});

test('above reduceAbovePixels the decoder reduces the image (file size still reported); below it the pixels are exact', async () => {
  const big = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 90, g: 140, b: 60 } } })
    .composite([{ input: await sharp({ create: { width: 500, height: 400, channels: 3, background: { r: 20, g: 20, b: 160 } } }).png().toBuffer(), left: 100, top: 200 }])
    .png()
    .toBuffer();
  const full = await decodeImage(big);
  assert.deepEqual([full.width, full.height, full.sourceWidth, full.sourceHeight], [1200, 900, 1200, 900]);
  const exact = await decodeImage(big, { reduceAbovePixels: 1200 * 900 });
  assert.deepEqual(Buffer.from(exact.pixels), Buffer.from(full.pixels), 'at the limit nothing changes');
  const reduced = await decodeImage(big, { reduceAbovePixels: 120_000 });
  assert.ok(reduced.width * reduced.height <= 120_000, `${reduced.width}x${reduced.height}`);
  assert.equal(reduced.width, 400);
  assert.equal(reduced.height, 300);
  assert.deepEqual([reduced.sourceWidth, reduced.sourceHeight], [1200, 900]);
  const a = pdqFromPixels(full.pixels, full.width, full.height, full.channels);
  const b = pdqFromPixels(reduced.pixels, reduced.width, reduced.height, reduced.channels);
  assert.ok(hammingDistance(a.hash, b.hash) <= 16, `distance ${hammingDistance(a.hash, b.hash)}`);
});

test('SVG, with or without entity definitions, is refused in our words (no parser text)', async () => {
  const svgs = [
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>',
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"></svg>',
    '  <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
  ];
  for (const svg of svgs) {
    const err = await assertCode(decodeImage(Buffer.from(svg)), 'image_unsupported_format');
    assert.doesNotMatch(err.message, /entity|xml parse|line \d|libxml|librsvg|vips|error:/i, err.message);
  }
});

test('decoder messages never carry the library text', async () => {
  const png = await sharp(pattern(), raw).png().toBuffer();
  const corrupt = Buffer.from(png);
  corrupt.fill(0x41, 40, 80); // damage the image data, keep the header and end marker
  const err = await decodeImage(corrupt).then(
    () => assert.fail('a damaged PNG must not decode'),
    (e: unknown) => e as Error,
  );
  assert.doesNotMatch(err.message, /vips|libpng|spng|zlib|inflate|read error|IDAT|CRC/i, err.message);
});
