import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hammingDistanceWords, pdqWordsToHex } from '../pdq/index.ts';
import { linearScan } from './linear-scan.ts';
import { XorShift32, nearDuplicate, randomHashes } from './synthetic-hashes.ts';

test('linearScan returns exactly the hashes within the threshold, sorted by distance then index', () => {
  const hashes = randomHashes(500, 7);
  const rng = new XorShift32(8);
  // Plant near-duplicates of hash 3 so there are several matches at various distances.
  for (const [at, flips] of [[10, 5], [20, 0], [30, 31], [40, 32], [50, 5]] as const) nearDuplicate(hashes, 3 * 8, flips, rng, hashes, at * 8);
  const q = hashes.slice(24, 32);
  const got = linearScan(hashes, pdqWordsToHex(q), 31);
  const expected: { index: number; distance: number }[] = [];
  for (let i = 0; i < 500; i++) {
    const d = hammingDistanceWords(hashes, q, i * 8, 0);
    if (d <= 31) expected.push({ index: i, distance: d });
  }
  expected.sort((a, b) => a.distance - b.distance || a.index - b.index);
  assert.deepEqual(got, expected);
  assert.deepEqual(got.slice(0, 2).map((m) => m.index), [3, 20]);
  assert.ok(got.some((m) => m.index === 30 && m.distance === 31));
  assert.ok(!got.some((m) => m.index === 40));
});
