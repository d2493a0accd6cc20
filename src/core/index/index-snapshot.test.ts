import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLifeguardError } from '../lifeguard-error.ts';
import { PdqIndex } from './pdq-index.ts';
import { XorShift32, clusteredHashes, nearDuplicate, randomHashes } from './synthetic-hashes.ts';

const show = (ms: { id: number; distance: number }[]) => ms.map((m) => `${m.id}:${m.distance}`).join(' ');

/** An index with every kind of section: a big segment, a small one, tombstones and pending entries. */
function mixedIndex(): { index: PdqIndex; words: Uint32Array } {
  const words = clusteredHashes(9000, 21);
  const index = new PdqIndex();
  for (let i = 0; i < 6000; i++) index.add(i, words.subarray(i * 8, i * 8 + 8));
  index.query(words.subarray(0, 8));
  for (let i = 6000; i < 9000; i++) index.add(i, words.subarray(i * 8, i * 8 + 8));
  for (let i = 0; i < 9000; i += 7) index.remove(i);
  return { index, words };
}

function corruptCode(bytes: Uint8Array, verify = true): string {
  try {
    PdqIndex.deserialize(bytes, { verify });
  } catch (e) {
    return isLifeguardError(e) ? `${e.code}` : `other: ${String(e)}`;
  }
  return 'loaded';
}

test('a snapshot loads with the same answers, then takes adds and removals without a rebuild', () => {
  const { index, words } = mixedIndex();
  const stats = index.stats();
  assert.ok(stats.pending > 0 && stats.segments.length >= 1, JSON.stringify(stats));
  const bytes = index.serialize();
  const loaded = PdqIndex.deserialize(bytes);
  assert.equal(loaded.size, index.size);
  assert.deepEqual(loaded.stats(), index.stats());
  const rng = new XorShift32(5);
  const queries = Array.from({ length: 40 }, (_, k) => (k % 4 === 3 ? randomHashes(1, k) : nearDuplicate(words, rng.below(9000) * 8, rng.below(33), rng)));
  for (const q of queries) for (const t of [0, 31, 64]) assert.equal(show(loaded.query(q, t)), show(index.query(q, t)));

  // Changes after load go to the mutable layer: same results as the same changes on the original.
  for (const ix of [index, loaded]) {
    ix.remove(1);
    ix.add(7, words.subarray(8, 16));
    ix.add(100_000, words.subarray(16, 24));
  }
  assert.equal(loaded.has(1), false);
  assert.equal(loaded.has(7), true);
  for (const q of queries) assert.equal(show(loaded.query(q, 31)), show(index.query(q, 31)));
  // The loaded segments still share the snapshot's bytes: nothing was rebuilt.
  assert.equal(loaded.stats().segments.length, stats.segments.length);

  // And round-trips again, through a buffer at an odd byte offset (Buffer pools do that).
  const again = loaded.serialize();
  const odd = new Uint8Array(again.length + 1).subarray(1);
  odd.set(again);
  const reloaded = PdqIndex.deserialize(odd);
  for (const q of queries) assert.equal(show(reloaded.query(q, 31)), show(loaded.query(q, 31)));
});

test('serializeParts concatenates to serialize', () => {
  const { index } = mixedIndex();
  const parts = index.serializeParts();
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    joined.set(p, at);
    at += p.length;
  }
  assert.deepEqual(joined, index.serialize());
});

test('an empty index round-trips', () => {
  const loaded = PdqIndex.deserialize(new PdqIndex().serialize());
  assert.equal(loaded.size, 0);
  assert.deepEqual(loaded.query(randomHashes(1, 1), 256), []);
});

test('damaged snapshots fail with index_corrupt', () => {
  const bytes = mixedIndex().index.serialize();
  const flipped = (at: number) => {
    const copy = bytes.slice();
    copy[at]! ^= 0x10;
    return copy;
  };
  assert.equal(corruptCode(new Uint8Array(0)), 'index_corrupt');
  assert.equal(corruptCode(bytes.subarray(0, bytes.length - 4)), 'index_corrupt');
  assert.equal(corruptCode(bytes.subarray(0, 64)), 'index_corrupt');
  assert.equal(corruptCode(bytes.subarray(0, 1001)), 'index_corrupt');
  assert.equal(corruptCode(new TextEncoder().encode('type,hash\npdq,00ff\n'.repeat(20))), 'index_corrupt');
  assert.equal(corruptCode(flipped(0)), 'index_corrupt'); // magic
  assert.equal(corruptCode(flipped(8)), 'index_corrupt'); // version
  const rng = new XorShift32(77);
  for (let k = 0; k < 20; k++) assert.equal(corruptCode(flipped(64 + rng.below(bytes.length - 64))), 'index_corrupt');
  // Without verification, sizes are still checked.
  assert.equal(corruptCode(bytes.subarray(0, bytes.length - 4), false), 'index_corrupt');
  assert.equal(corruptCode(bytes.slice(), false), 'loaded');
  assert.equal(corruptCode('not bytes' as unknown as Uint8Array), 'index_corrupt');
});
