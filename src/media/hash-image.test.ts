import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { dihedralNames, pdqDihedralFromPixels, pdqFromPixels } from '../core/pdq/index.ts';
import { blackPng } from './crafted-png.ts';
import { decodeImage } from './decode-image.ts';
import { fileDigests, hashImage } from './hash-image.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeguard-hash-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A benign generated landscape-like picture: sky gradient, a sun, rolling hills. */
async function landscape(seed: number): Promise<Buffer> {
  const w = 160;
  const h = 120;
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const hill = h * 0.6 + 12 * Math.sin(x / (9 + seed) + seed);
      const sun = (x - 40 - seed * 10) ** 2 + (y - 30) ** 2 < 150;
      const c = y > hill ? [40, 120 + ((x * y) % 40), 50] : sun ? [250, 220, 90] : [90 + y, 150 + y / 2, 230];
      px.set(c, (y * w + x) * 3);
    }
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
}

const hex = (algorithm: string, bytes: Buffer) => createHash(algorithm).update(bytes).digest('hex');

test('hashImage gives PDQ of the pixels and MD5/SHA-256 of the bytes, from a buffer or a path', async () => {
  const bytes = await landscape(1);
  const path = join(dir, 'landscape.png');
  await writeFile(path, bytes);
  const fromBuffer = await hashImage(bytes);
  const fromPath = await hashImage(path);
  assert.deepEqual(fromPath, fromBuffer);
  const img = await decodeImage(bytes);
  const pdq = pdqFromPixels(img.pixels, img.width, img.height, img.channels);
  assert.deepEqual(fromBuffer, {
    pdq: pdq.hash,
    quality: pdq.quality,
    md5: hex('md5', bytes),
    sha256: hex('sha256', bytes),
    width: 160,
    height: 120,
  });
  assert.ok(pdq.quality >= 50);
});

test('with dihedral, 8 hashes in dihedralNames order, the first being the PDQ hash', async () => {
  const bytes = await landscape(2);
  const h = await hashImage(bytes, { dihedral: true });
  const img = await decodeImage(bytes);
  const d = pdqDihedralFromPixels(img.pixels, img.width, img.height, img.channels);
  assert.deepEqual(h.dihedral, dihedralNames.map((n) => d.hashes[n]));
  assert.equal(h.dihedral![0], h.pdq);
  assert.equal(new Set(h.dihedral).size, 8);
});

test('fileDigests streams files of any kind and agrees with in-memory digests', async () => {
  const data = Buffer.alloc(3 * 1024 * 1024 + 17);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  const path = join(dir, 'clip.bin');
  await writeFile(path, data);
  const expected = { md5: hex('md5', data), sha256: hex('sha256', data) };
  assert.deepEqual(await fileDigests(path), expected);
  assert.deepEqual(await fileDigests(data), expected);
  await assert.rejects(fileDigests(join(dir, 'nope.mp4')), { code: 'file_not_found' });
});

test('a batch with bad files still hashes the good ones; each failure has its code', async () => {
  const good1 = join(dir, 'good1.png');
  const good2 = join(dir, 'good2.png');
  const text = join(dir, 'readme.png');
  const truncated = join(dir, 'cut.png');
  const empty = join(dir, 'empty.png');
  const bomb = join(dir, 'bomb.png');
  const full = await landscape(3);
  await writeFile(good1, full);
  await writeFile(good2, await landscape(4));
  await writeFile(text, 'plain text\n');
  await writeFile(truncated, full.subarray(0, full.length >> 1));
  await writeFile(empty, '');
  await writeFile(bomb, blackPng(20_000, 20_000));
  const files = [good1, text, join(dir, 'missing.png'), truncated, empty, bomb, good2];
  const results = await Promise.allSettled(files.map((f) => hashImage(f)));
  const summary = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
  assert.deepEqual(summary, [
    'ok',
    'image_unsupported_format',
    'file_not_found',
    'image_truncated',
    'image_empty',
    'image_too_large',
    'ok',
  ]);
  const [first, , , , , , last] = results;
  assert.ok(first.status === 'fulfilled' && last!.status === 'fulfilled');
  assert.notEqual(first.value.pdq, last.value.pdq);
});

test('maxBytes and maxPixels are passed through', async () => {
  const bytes = await landscape(5);
  await assert.rejects(hashImage(bytes, { maxBytes: 100 }), { code: 'file_too_large' });
  await assert.rejects(hashImage(bytes, { maxPixels: 100 }), { code: 'image_too_large' });
});
