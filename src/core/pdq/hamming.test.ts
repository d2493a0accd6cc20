import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hammingDistance, hammingDistanceWords, popcount32 } from './hamming.ts';
import { pdqHexToWords } from './pdq-hex.ts';

test('popcount32 counts bits of any 32-bit value, signed or not', () => {
  const naive = (x: number) => x.toString(2).split('').filter((c) => c === '1').length;
  let seed = 3;
  for (let i = 0; i < 2000; i++) {
    const x = (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    assert.equal(popcount32(x), naive(x));
    assert.equal(popcount32(x | 0), naive(x));
  }
  assert.equal(popcount32(0), 0);
  assert.equal(popcount32(-1), 32);
});

test('hamming distance of hex hashes and of word arrays agree', () => {
  const a = '0'.repeat(64);
  const b = 'f'.repeat(64);
  const c = `8${'0'.repeat(62)}1`;
  assert.equal(hammingDistance(a, b), 256);
  assert.equal(hammingDistance(a, c), 2);
  assert.equal(hammingDistance(c, c), 0);
  assert.equal(hammingDistance(b, c), 254);
  const words = new Uint32Array(24);
  pdqHexToWords(a, words, 0);
  pdqHexToWords(b, words, 8);
  pdqHexToWords(c, words, 16);
  assert.equal(hammingDistanceWords(words, words, 0, 8), 256);
  assert.equal(hammingDistanceWords(words, words, 16, 0), 2);
  assert.equal(hammingDistanceWords(pdqHexToWords(b), pdqHexToWords(c)), 254);
});

test('hamming distance rejects malformed hashes', () => {
  assert.throws(() => hammingDistance('abc', '0'.repeat(64)), { code: 'invalid_hash' });
});
