import assert from 'node:assert/strict';
import test from 'node:test';
import { nthSmallest } from './nth-smallest.ts';

test('the k-th smallest is what sorting would put at k, for every k, with repeats, in and out of order', () => {
  let seed = 3;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const inputs = [
    Array.from({ length: 200 }, () => Math.floor(rnd() * 50)),
    Array.from({ length: 101 }, (_, i) => i),
    Array.from({ length: 101 }, (_, i) => 100 - i),
    Array.from({ length: 64 }, () => 7),
    [5],
    [2, 1],
  ];
  for (const xs of inputs) {
    const expected = Float64Array.from(xs).sort();
    for (let k = 0; k < xs.length; k++) assert.equal(nthSmallest(Float64Array.from(xs), k), expected[k], `k ${k} of ${xs.length}`);
  }
});

test('only the first n numbers are read', () => {
  assert.equal(nthSmallest(Float64Array.from([9, 3, 5, 0, 0]), 0, 3), 3);
  assert.equal(nthSmallest(Float64Array.from([9, 3, 5, 0, 0]), 2, 3), 9);
  assert.throws(() => nthSmallest(new Float64Array(4), 3, 3), RangeError);
});
