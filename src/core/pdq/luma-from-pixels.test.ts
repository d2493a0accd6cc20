import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lumaFromPixels } from './luma-from-pixels.ts';

test('grey is taken as is; RGB(A) uses 0.299 R + 0.587 G + 0.114 B in float32; alpha is ignored', () => {
  assert.deepEqual(Array.from(lumaFromPixels(Uint8Array.from([0, 7, 255]), 3, 1, 1)), [0, 7, 255]);
  const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 200, 30]);
  const f = Math.fround;
  const expected = [
    [255, 0, 0],
    [0, 255, 0],
    [0, 0, 255],
    [10, 200, 30],
  ].map(([r, g, b]) => f(f(f(f(0.299) * r!) + f(f(0.587) * g!)) + f(f(0.114) * b!)));
  assert.deepEqual(Array.from(lumaFromPixels(rgb, 2, 2, 3)), expected);
  const rgba = Uint8Array.from([255, 0, 0, 9, 0, 255, 0, 99, 0, 0, 255, 0, 10, 200, 30, 255]);
  assert.deepEqual(Array.from(lumaFromPixels(rgba, 4, 1, 4)), expected);
  // White is not exactly 255 in float32 arithmetic, which is why the reference must be followed closely.
  assert.ok(Math.abs(lumaFromPixels(Uint8Array.from([255, 255, 255]), 1, 1, 3)[0]! - 255) < 1e-4);
});

test('rejects bad layouts', () => {
  assert.throws(() => lumaFromPixels(new Uint8Array(5), 2, 1, 3), { code: 'image_bad_pixels' });
  assert.throws(() => lumaFromPixels(new Uint8Array(6), 2, 1, 6), { code: 'image_bad_channels' });
  assert.throws(() => lumaFromPixels(new Uint8Array(6), 1.5, 1, 3), { code: 'image_bad_dimensions' });
});
