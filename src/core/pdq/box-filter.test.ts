import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boxColumns, boxRow, boxRows4, jaroszWindow, reciprocals } from './box-filter.ts';

test('multiplying by the double reciprocal then rounding to float32 equals float32 division', () => {
  // The filters rely on this to avoid a division per sample. Check every window size PDQ can use for
  // images up to 1M pixels a side, on running sums of byte-valued luma and on random float32 values.
  const recip = reciprocals(8192);
  const out = new Float32Array(2);
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let n = 1; n <= 8192; n = n < 64 ? n + 1 : n * 2 + 1) {
    for (let k = 0; k < 4000; k++) {
      const s = Math.fround(k < 2000 ? Math.floor(next() * 256 * n) : next() * 255 * n);
      out[0] = s * recip[n]!;
      out[1] = s / n;
      if (out[0] !== out[1]) assert.fail(`s=${s} n=${n}`);
    }
  }
});

test('window sizes are ceil(n / 128)', () => {
  assert.deepEqual([1, 128, 129, 256, 257, 1004, 1600].map(jaroszWindow), [1, 1, 2, 2, 3, 8, 13]);
});

/** The filter written out directly: output i is the mean of samples i − (window − half) .. i + half − 1 in the row. */
function directMean(row: ArrayLike<number>, window: number): number[] {
  const half = Math.floor((window + 2) / 2);
  return Array.from({ length: row.length }, (_, i) => {
    const lo = Math.max(0, i - (window - half));
    const hi = Math.min(row.length - 1, i + half - 1);
    let s = 0;
    for (let j = lo; j <= hi; j++) s += row[j]!;
    return Math.fround(s / (hi - lo + 1));
  });
}

test('the running mean is off-centre for even windows and shrinks at the edges', () => {
  const src = Float32Array.from({ length: 10 }, (_, i) => i);
  const dst = new Float32Array(10);
  // Window 4: half = 3, so each output averages 1 sample before, itself and 2 after (the sum runs ahead).
  boxRow(src, 0, dst, 0, 10, 4, reciprocals(4));
  const expected = Array.from({ length: 10 }, (_, i) => {
    const lo = Math.max(0, i - 1);
    const hi = Math.min(9, i + 2);
    let s = 0;
    for (let j = lo; j <= hi; j++) s += j;
    return s / (hi - lo + 1);
  });
  assert.deepEqual(Array.from(dst), expected.map(Math.fround));
  // Every window and length against the direct form (integer samples: the float32 running sums are exact).
  for (const window of [1, 2, 3, 4, 5, 8, 13]) {
    for (const n of [window, window + 1, 37, 100]) {
      const row = Float32Array.from({ length: n }, (_, i) => (i * 7919 + window) % 256);
      const out = new Float32Array(n + 2).fill(-1);
      boxRow(row, 0, out, 1, n, window, reciprocals(window));
      assert.deepEqual(Array.from(out.subarray(1, n + 1)), directMean(row, window), `window ${window}, n ${n}`);
      assert.deepEqual([out[0], out[n + 1]], [-1, -1], 'nothing is written outside the row');
    }
  }
});

test('four rows at once, and columns, give the same numbers as one row at a time', () => {
  const w = 37;
  const h = 23;
  const src = Float32Array.from({ length: w * h }, (_, i) => (i * 7919) % 256);
  const recip = reciprocals(16);
  for (const window of [1, 2, 3, 5, 8]) {
    const one = new Float32Array(w * 4);
    const four = new Float32Array(w * 4);
    for (let q = 0; q < 4; q++) boxRow(src, q * w, one, q * w, w, window, recip);
    boxRows4(src, 0, w, 2 * w, 3 * w, four, 0, w, 2 * w, 3 * w, w, window, recip);
    assert.deepEqual(four, one);
    // Columns: transposing, filtering rows and transposing back must agree.
    const byColumns = new Float32Array(w * h);
    boxColumns(src, byColumns, w, h, window, recip, new Float32Array(w));
    const t = new Float32Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) t[x * h + y] = src[y * w + x]!;
    const tOut = new Float32Array(w * h);
    for (let x = 0; x < w; x++) boxRow(t, x * h, tOut, x * h, h, window, recip);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) assert.equal(byColumns[y * w + x], tOut[x * h + y]);
  }
});
