import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dct64To16 } from './dct.ts';
import { lowerMedian256 } from './median.ts';
import { hexFromCoefficients, zeroPdqHex } from './pdq-hex.ts';
import { qualityOf64 } from './quality.ts';
import { hammingDistance, lumaFromPixels, pdqFromLuma, pdqFromPixels } from './index.ts';
import { seededRandom as rng } from '../seeded-random.ts';

/** A smooth random picture plus noise: enough structure for a meaningful hash. */
function randomLuma(width: number, height: number, seed: number): Float32Array {
  const r = rng(seed);
  const waves = Array.from({ length: 6 }, () => [r() * 0.2, r() * 0.2, r() * 6, r() * 60]);
  const luma = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 128;
      for (const [fx, fy, ph, amp] of waves) v += amp! * Math.sin(fx! * x + fy! * y + ph!);
      luma[y * width + x] = Math.max(0, Math.min(255, Math.round(v + (r() - 0.5) * 40)));
    }
  }
  return luma;
}

// A plain, whole-buffer version of the reference algorithm (row box filter, then column box filter with a
// strided walk, twice; decimate; quality; DCT; median). The optimised streaming hasher must agree bit for bit.
function box1d(src: Float32Array, dst: Float32Array, start: number, stride: number, n: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  let sum = 0;
  let count = 0;
  let ri = 0;
  let li = 0;
  let oi = 0;
  const at = (i: number) => src[start + i * stride]!;
  for (let i = 0; i < half - 1; i++) (sum = Math.fround(sum + at(ri++))), count++;
  for (let i = 0; i < window - half + 1; i++) {
    sum = Math.fround(sum + at(ri++));
    count++;
    dst[start + oi++ * stride] = sum / count;
  }
  for (let i = 0; i < n - window; i++) {
    sum = Math.fround(sum + at(ri++));
    sum = Math.fround(sum - at(li++));
    dst[start + oi++ * stride] = sum / count;
  }
  for (let i = 0; i < half - 1; i++) {
    sum = Math.fround(sum - at(li++));
    count--;
    dst[start + oi++ * stride] = sum / count;
  }
}

function naivePdq(luma: Float32Array, width: number, height: number): { hash: string; quality: number } {
  if (width < 5 || height < 5) return { hash: zeroPdqHex, quality: 0 };
  const a = new Float32Array(64 * 64);
  if (width === 64 && height === 64) {
    a.set(luma);
  } else {
    const b1 = Float32Array.from(luma);
    const b2 = new Float32Array(width * height);
    const wr = Math.floor((width + 127) / 128);
    const wc = Math.floor((height + 127) / 128);
    for (let pass = 0; pass < 2; pass++) {
      for (let r = 0; r < height; r++) box1d(b1, b2, r * width, 1, width, wr);
      for (let c = 0; c < width; c++) box1d(b2, b1, c, width, height, wc);
    }
    for (let i = 0; i < 64; i++) {
      for (let j = 0; j < 64; j++) {
        a[i * 64 + j] = b1[Math.floor(((i + 0.5) * height) / 64) * width + Math.floor(((j + 0.5) * width) / 64)]!;
      }
    }
  }
  const coefficients = new Float32Array(256);
  dct64To16(a, coefficients);
  const sorted = Array.from(coefficients).sort((x, y) => x - y);
  return { hash: hexFromCoefficients(coefficients, sorted[127]!), quality: qualityOf64(a) };
}

test('the streaming hasher equals a plain whole-buffer implementation on many sizes', () => {
  const r = rng(7);
  const sizes: Array<[number, number]> = [
    [5, 5], [6, 9], [34, 42], [63, 64], [64, 63], [65, 64], [64, 65], [127, 129], [128, 128], [129, 257],
    [256, 256], [300, 7], [7, 300], [333, 250], [512, 384], [1000, 13],
  ];
  for (let i = 0; i < 8; i++) sizes.push([5 + Math.floor(r() * 400), 5 + Math.floor(r() * 400)]);
  for (const [w, h] of sizes) {
    const luma = randomLuma(w, h, w * 1000 + h);
    assert.deepEqual(pdqFromLuma(luma, w, h), naivePdq(luma, w, h), `${w}x${h}`);
  }
});

test('images under 5 pixels on a side hash to zeros with quality 0', () => {
  for (const [w, h] of [[0, 0], [1, 1], [4, 100], [100, 4], [4, 4]] as const) {
    const luma = randomLuma(w, h, 3);
    assert.deepEqual(pdqFromLuma(luma, w, h), { hash: '0'.repeat(64), quality: 0 }, `${w}x${h}`);
  }
  const five = pdqFromLuma(randomLuma(5, 5, 3), 5, 5);
  assert.notEqual(five.hash, '0'.repeat(64));
});

test('64x64 input skips the blur and uses the pixels as they are', () => {
  const luma = randomLuma(64, 64, 11);
  const result = pdqFromLuma(luma, 64, 64);
  // Direct: quality and DCT of the unblurred pixels.
  const coefficients = new Float32Array(256);
  dct64To16(luma, coefficients);
  assert.equal(result.hash, hexFromCoefficients(coefficients, lowerMedian256(coefficients)));
  assert.equal(result.quality, qualityOf64(luma));
  // The same pixels with one extra column are blurred (window 1 is a no-op, but the 65-wide decimation
  // samples other columns), so the hash changes: the 64x64 path really is different.
  const padded = new Float32Array(65 * 64);
  for (let y = 0; y < 64; y++) padded.set(luma.subarray(y * 64, y * 64 + 64), y * 65);
  assert.notEqual(pdqFromLuma(padded, 65, 64).hash, result.hash);
});

test('a flat image has quality 0; a detailed one quality 100', () => {
  assert.equal(pdqFromLuma(new Float32Array(200 * 100).fill(90), 200, 100).quality, 0);
  assert.equal(pdqFromLuma(randomLuma(200, 100, 5), 200, 100).quality, 100);
});

test('pdqFromPixels equals pdqFromLuma(lumaFromPixels(...)) for grey, RGB and RGBA', () => {
  const r = rng(99);
  const w = 97;
  const h = 61;
  for (const channels of [1, 3, 4]) {
    const pixels = new Uint8Array(w * h * channels);
    for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(r() * 256);
    assert.deepEqual(pdqFromPixels(pixels, w, h, channels), pdqFromLuma(lumaFromPixels(pixels, w, h, channels), w, h));
  }
});

test('small changes move the hash a little; a different image moves it a lot', () => {
  const w = 240;
  const h = 180;
  const a = randomLuma(w, h, 1);
  const brighter = a.map((v) => Math.min(255, v + 6));
  const other = randomLuma(w, h, 2);
  assert.ok(hammingDistance(pdqFromLuma(a, w, h).hash, pdqFromLuma(brighter, w, h).hash) <= 10);
  assert.ok(hammingDistance(pdqFromLuma(a, w, h).hash, pdqFromLuma(other, w, h).hash) > 60);
});

test('rejects buffers too short for the stated size', () => {
  assert.throws(() => pdqFromLuma(new Float32Array(10), 5, 5), { code: 'image_bad_pixels' });
  assert.throws(() => pdqFromPixels(new Uint8Array(10), 5, 5, 3), { code: 'image_bad_pixels' });
  assert.throws(() => pdqFromPixels(new Uint8Array(100), 5, 5, 5), { code: 'image_bad_channels' });
  assert.throws(() => pdqFromLuma(new Float32Array(10), -1, 5), { code: 'image_bad_dimensions' });
});
