import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLifeguardError } from '../lifeguard-error.ts';
import { pdqWordsToHex } from '../pdq/index.ts';
import { linearScan } from './linear-scan.ts';
import { PdqIndex } from './pdq-index.ts';
import { XorShift32, clusteredHashes, nearDuplicate, randomHashes } from './synthetic-hashes.ts';

const THRESHOLDS = [0, 1, 15, 31, 32, 48, 64];
const hashAt = (words: Uint32Array, i: number) => words.subarray(i * 8, i * 8 + 8);
const show = (ms: { id: number; distance: number }[]) => ms.map((m) => `${m.id}:${m.distance}`);

/** The linear-scan answer over a model of the index (id → hash). */
function expected(model: Map<number, Uint32Array>, q: Uint32Array, t: number): string[] {
  const ids = [...model.keys()];
  const flat = new Uint32Array(ids.length * 8);
  ids.forEach((id, i) => flat.set(model.get(id)!, i * 8));
  return show(linearScan(flat, q, t).map((m) => ({ id: ids[m.index]!, distance: m.distance })).sort((a, b) => a.distance - b.distance || a.id - b.id));
}

/** Queries around the boundary: stored hashes moved exactly t−1, t and t+1 bits, others, random hashes. */
function boundaryQueries(words: Uint32Array, n: number, t: number, rng: XorShift32): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (let k = 0; k < 20; k++) {
    const flips = [t, t + 1, Math.max(0, t - 1), rng.below(t + 2)][k % 4]!;
    out.push(k % 5 === 4 ? randomHashes(1, rng.next()) : nearDuplicate(words, rng.below(n) * 8, flips, rng));
  }
  return out;
}

for (const [kind, make] of [['random', randomHashes], ['clustered', clusteredHashes]] as const) {
  test(`query equals a linear scan at every threshold (${kind}, 30k hashes)`, () => {
    const n = 30_000;
    const words = make(n, kind === 'random' ? 1 : 2);
    const idOf = (i: number) => (i === n - 1 ? 0xffffffff : i * 7 + 1);
    const index = new PdqIndex();
    for (let i = 0; i < n; i++) index.add(idOf(i), i % 2 ? hashAt(words, i) : pdqWordsToHex(words, i * 8));
    assert.equal(index.size, n);
    const rng = new XorShift32(99);
    let matches = 0;
    for (const t of THRESHOLDS) {
      for (const q of boundaryQueries(words, n, t, rng)) {
        const got = show(index.query(q, t));
        const want = show(linearScan(words, q, t).map((m) => ({ id: idOf(m.index), distance: m.distance })).sort((a, b) => a.distance - b.distance || a.id - b.id));
        assert.deepEqual(got, want, `t ${t}`);
        matches += got.length;
      }
    }
    assert.ok(matches > 60, 'the queries exercise real matches');
  });
}

test('add, replace, remove, has and size behave like a map', () => {
  const index = new PdqIndex();
  const [a, b] = [randomHashes(1, 1), randomHashes(1, 2)];
  index.add(5, a);
  index.add(6, a);
  assert.equal(index.size, 2);
  assert.deepEqual(index.query(a, 0), [{ id: 5, distance: 0 }, { id: 6, distance: 0 }]);
  index.add(5, b); // replace
  assert.equal(index.size, 2);
  assert.deepEqual(index.query(a, 0), [{ id: 6, distance: 0 }]);
  assert.deepEqual(index.query(pdqWordsToHex(b), 0), [{ id: 5, distance: 0 }]);
  assert.equal(index.remove(6), true);
  assert.equal(index.remove(6), false);
  assert.equal(index.remove(-1), false);
  assert.equal(index.has(6), false);
  assert.equal(index.has(5), true);
  assert.equal(index.size, 1);
  assert.deepEqual(index.query(a, 0), []);
  // The default threshold is the PDQ match threshold, 31.
  const rng = new XorShift32(3);
  assert.equal(index.query(nearDuplicate(b, 0, 31, rng)).length, 1);
  assert.equal(index.query(nearDuplicate(b, 0, 32, rng)).length, 0);
});

test('many ids with one hash are each reported once', () => {
  const index = new PdqIndex();
  const h = randomHashes(1, 9);
  const rng = new XorShift32(4);
  for (let i = 0; i < 6000; i++) index.add(i, i % 3 ? h : nearDuplicate(h, 0, rng.below(10), rng));
  const got = index.query(h, 31);
  assert.equal(got.length, 6000);
  assert.equal(new Set(got.map((m) => m.id)).size, 6000);
  for (const m of got) if (m.id % 3 !== 0) assert.equal(m.distance, 0);
  for (let i = 1; i < got.length; i++) {
    const [x, y] = [got[i - 1]!, got[i]!];
    assert.ok(x.distance < y.distance || (x.distance === y.distance && x.id < y.id), 'sorted by distance, then id');
  }
});

test('bad ids, hashes and thresholds get clear error codes', () => {
  const index = new PdqIndex();
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return isLifeguardError(e) ? e.code : 'not a LifeguardError';
    }
    return 'no error';
  };
  const h = randomHashes(1, 1);
  assert.equal(code(() => index.add(-1, h)), 'invalid_index_id');
  assert.equal(code(() => index.add(1.5, h)), 'invalid_index_id');
  assert.equal(code(() => index.add(2 ** 32, h)), 'invalid_index_id');
  assert.equal(code(() => index.add(1, 'xyz')), 'invalid_hash');
  assert.equal(code(() => index.add(1, new Uint32Array(7))), 'invalid_hash');
  assert.equal(code(() => index.query(h, -1)), 'invalid_threshold');
  assert.equal(code(() => index.query(h, 257)), 'invalid_threshold');
  assert.equal(code(() => index.query(h, 3.5)), 'invalid_threshold');
  assert.equal(index.size, 0);
});

test('random adds, replacements and removals (with snapshots and compaction) stay exact', () => {
  const rng = new XorShift32(2024);
  const base = clusteredHashes(12_000, 5);
  let index = new PdqIndex();
  const model = new Map<number, Uint32Array>();
  for (let i = 0; i < 12_000; i++) {
    index.add(i, hashAt(base, i));
    model.set(i, hashAt(base, i).slice());
  }
  index.query(hashAt(base, 0)); // builds the first segment
  let nextId = 12_000;
  let mostSegments = 0;
  const check = (label: string) => {
    assert.equal(index.size, model.size, label);
    mostSegments = Math.max(mostSegments, index.stats().segments.length);
    for (let k = 0; k < 4; k++) {
      const t = [31, 0, 48, 15][k]!;
      const q = k === 3 ? randomHashes(1, rng.next()) : nearDuplicate(base, rng.below(12_000) * 8, rng.below(t + 2), rng);
      assert.deepEqual(show(index.query(q, t)), expected(model, q, t), `${label} t ${t}`);
    }
  };
  for (let step = 1; step <= 16_000; step++) {
    const op = rng.below(10);
    if (op < 5) {
      const id = nextId++;
      const h = nearDuplicate(base, rng.below(12_000) * 8, rng.below(40), rng);
      index.add(id, h);
      model.set(id, h);
    } else if (op < 7) {
      const id = rng.below(nextId);
      const h = randomHashes(1, rng.next());
      index.add(id, h);
      model.set(id, h);
    } else {
      const id = rng.below(nextId + 10);
      assert.equal(index.remove(id), model.delete(id), `remove ${id}`);
    }
    if (step % 1000 === 0) check(`step ${step}`);
    if (step === 8000) index = PdqIndex.deserialize(index.serialize());
  }
  assert.ok(mostSegments >= 2, 'later additions were built into segments of their own');
  // Remove most entries: mostly-dead segments are rebuilt and answers stay exact.
  for (const id of [...model.keys()]) {
    if (rng.below(10) < 8) {
      assert.equal(index.remove(id), true);
      model.delete(id);
    }
  }
  check('after mass removal');
  assert.ok(index.stats().segments.every((s) => s.live * 2 >= s.entries), JSON.stringify(index.stats()));
  index.compact();
  assert.equal(index.stats().segments.length, 1);
  assert.equal(index.stats().pending, 0);
  check('after compact');
  for (const id of [...model.keys()]) assert.equal(index.has(id), true);
});
