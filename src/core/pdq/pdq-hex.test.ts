import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hexFromCoefficients, isPdqHex, pdqHexToWords, pdqWordsToHex } from './pdq-hex.ts';

/** The hex of a hash whose only set bit is k (coefficient row k >> 4, column k & 15). */
function singleBit(k: number): string {
  const c = new Float32Array(256);
  c[k] = 1;
  return hexFromCoefficients(c, 0);
}

test('bit k is coefficient (k >> 4, k & 15); the hex is big-endian with word 15 printed first', () => {
  assert.equal(singleBit(0), `${'0'.repeat(63)}1`);
  assert.equal(singleBit(3), `${'0'.repeat(63)}8`);
  assert.equal(singleBit(15), `${'0'.repeat(60)}8000`);
  assert.equal(singleBit(16), `${'0'.repeat(59)}10000`);
  assert.equal(singleBit(255), `8${'0'.repeat(63)}`);
  assert.equal(singleBit(240), `0001${'0'.repeat(60)}`);
});

test('thresholding is strictly greater than the median', () => {
  const c = new Float32Array(256).fill(5);
  assert.equal(hexFromCoefficients(c, 5), '0'.repeat(64));
  assert.equal(hexFromCoefficients(c, 4.999), 'f'.repeat(64));
});

test('words: words[0] holds the first 8 hex digits; hex → words → hex round-trips', () => {
  const w = pdqHexToWords(singleBit(255));
  assert.equal(w[0], 0x80000000);
  assert.equal(pdqHexToWords(singleBit(0))[7], 1);
  let seed = 1;
  for (let i = 0; i < 200; i++) {
    let hex = '';
    for (let d = 0; d < 64; d++) hex += ((seed = (Math.imul(seed, 48271) + 11) >>> 0) >>> 28).toString(16);
    assert.equal(pdqWordsToHex(pdqHexToWords(hex)), hex);
  }
  const packed = new Uint32Array(16);
  pdqHexToWords(singleBit(0), packed, 8);
  assert.equal(pdqWordsToHex(packed, 8), singleBit(0));
  assert.equal(pdqWordsToHex(packed, 0), '0'.repeat(64));
});

test('isPdqHex accepts exactly 64 lower-case hex digits; parsing anything else throws invalid_hash', () => {
  assert.equal(isPdqHex('a'.repeat(64)), true);
  for (const bad of ['A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), `${'a'.repeat(63)}g`, '', ' '.repeat(64)]) {
    assert.equal(isPdqHex(bad), false, bad);
    assert.throws(() => pdqHexToWords(bad), { code: 'invalid_hash' });
  }
});
