import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downsampleTo64Js, type LumaSource } from './downsample.ts';
import { downsampleTo64Wasm } from './downsample-wasm.ts';
import { lumaSource, pixelSource } from './pdq-hash.ts';
import { pdqKernels } from './wasm-kernels.ts';

function pixels(width: number, height: number, channels: number, seed: number): Uint8Array {
  const px = new Uint8Array(width * height * channels);
  let s = seed;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const base = 120 + 80 * Math.sin(x / 9 + y / 23) + ((s >>> 24) % 30);
      for (let c = 0; c < channels; c++) px[(y * width + x) * channels + c] = Math.max(0, Math.min(255, base + c * 20));
    }
  }
  return px;
}

test('the WebAssembly kernels are available in this runtime', () => {
  assert.notEqual(pdqKernels(), null, 'Node has WebAssembly SIMD; the fast path must not silently fall back');
});

test('WebAssembly and JavaScript blurs give identical 64x64 images', () => {
  // Widths not a multiple of 4 or 8, widths that are multiples of 256 (padded rows), heights that leave a
  // partial last group of rows, tiny and tall images.
  const sizes: Array<[number, number]> = [
    [5, 5], [7, 300], [33, 17], [64, 65], [129, 131], [256, 200], [1000, 13], [1024, 77], [301, 1001], [517, 383],
  ];
  for (const [w, h] of sizes) {
    for (const channels of [1, 3, 4]) {
      const px = pixels(w, h, channels, w + h);
      const sources: LumaSource[] = [pixelSource(px, w, h, channels)];
      if (channels === 1) sources.push(lumaSource(Float32Array.from(px), w, h));
      for (const source of sources) {
        const fromJs = new Float32Array(4096);
        const fromWasm = new Float32Array(4096);
        downsampleTo64Js(source, fromJs);
        assert.equal(downsampleTo64Wasm(source, fromWasm), true);
        assert.deepEqual(fromWasm, fromJs, `${w}x${h}x${channels}`);
      }
    }
  }
});

test('extra samples leave the 64x64 image unchanged and read the same blurred picture, in both engines', () => {
  // At PDQ's own grid, the extra samples (double-precision sums) equal the 64×64 image (float32 running sums).
  for (const [w, h] of [[517, 383], [64, 65], [1024, 77]] as Array<[number, number]>) {
    const px = pixels(w, h, 3, w * h);
    const source = pixelSource(px, w, h, 3);
    const plain = new Float32Array(4096);
    downsampleTo64Js(source, plain);
    // The 64×64 grid itself, plus the first and last column and row, asked for as extra samples.
    const grid = Array.from({ length: 64 }, (_, k) => k + 0.5);
    const cols = Int32Array.from([...grid.map((k) => Math.trunc((k * w) / 64)), 0, w - 1]);
    const rows = Int32Array.from([...grid.map((k) => Math.trunc((k * h) / 64)), 0, h - 1]);
    const outs = [];
    for (const run of [downsampleTo64Js, downsampleTo64Wasm]) {
      const image = new Float32Array(4096);
      const extra = { cols, rows, out: new Float32Array(cols.length * rows.length) };
      run(source, image, extra);
      assert.deepEqual(image, plain, `${w}x${h}: the plain image is unchanged`);
      for (let i = 0; i < 64; i++) {
        for (let j = 0; j < 64; j++) {
          const d = Math.abs(extra.out[i * cols.length + j]! - plain[i * 64 + j]!);
          assert.ok(d < 1e-3, `${w}x${h} sample ${i},${j} differs by ${d}`);
        }
      }
      outs.push(extra.out);
    }
    assert.deepEqual(outs[1], outs[0], `${w}x${h}: engines agree on the extra samples`);
    // The corners are blurred values of this picture, not zeros from an unfilled buffer.
    assert.ok(outs[0]!.subarray(64 * 66).every((v) => v > 50));
  }
});
