// The bank PDQ index: a snapshot plus the store's delta gives exactly what a fresh build gives.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { NewBankEntry } from '../core/banks/types.ts';
import { hammingDistance } from '../core/pdq/index.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { createBankStore, type BankStore } from '../store/bank-store.ts';
import { BankPdqIndex } from './bank-pdq-index.ts';
import { Matcher } from './matcher.ts';

const randomPdq = () => randomBytes(32).toString('hex');

/** `hash` with `bits` distinct random bits flipped. */
function flip(hash: string, bits: number): string {
  const b = Buffer.from(hash, 'hex');
  const seen = new Set<number>();
  while (seen.size < bits) seen.add(randomBytes(1)[0]!);
  for (const k of seen) b[k >> 3]! ^= 1 << (k & 7);
  return b.toString('hex');
}

/** Near-duplicate families, as real banks hold. */
function families(count: number, size: number, extra: Partial<NewBankEntry> = {}): NewBankEntry[] {
  const out: NewBankEntry[] = [];
  for (let f = 0; f < count; f++) {
    const root = randomPdq();
    for (let i = 0; i < size; i++) out.push({ signalType: 'pdq', value: i === 0 ? root : flip(root, 1 + ((f + i) % 40)), ...extra });
  }
  return out;
}

async function linearScan(store: BankStore, q: string, t: number): Promise<string> {
  const hits: string[] = [];
  for await (const e of store.pdqEntries()) {
    const d = hammingDistance(q, e.value);
    if (d <= t) hits.push(`${e.id}:${d}`);
  }
  return hits.sort().join(' ');
}

const answer = (idx: BankPdqIndex, q: string, t: number) =>
  idx
    .query(q, t)
    .map((h) => `${h.id}:${h.distance}`)
    .sort()
    .join(' ');

for (const target of testDatabases()) {
  test(`${target.name}: snapshot + delta equals a fresh build after adds, removals and flag changes`, async () => {
    const { database, cleanup } = await target.open();
    const dir = mkdtempSync(join(tmpdir(), 'lifeguard-index-'));
    const snapshotPath = join(dir, 'pdq-index.bin');
    try {
      const store = createBankStore(database);
      const a = await store.createBank('a');
      const b = await store.createBank('b');
      await store.addEntries(a.id, families(40, 12));
      await store.addEntries(b.id, [...families(20, 5), { signalType: 'pdq', value: randomPdq(), quality: 20 }]);

      const first = await BankPdqIndex.load({ store, snapshotPath });
      assert.equal(first.report.source, 'rebuilt');
      assert.equal(first.report.snapshotWritten, true);
      assert.equal(first.report.size, 40 * 12 + 20 * 5, 'the flagged entry is not indexed');

      // Changes after the snapshot was written.
      const inA = [];
      for await (const e of store.exportEntries(a.id)) inA.push(e);
      await store.removeEntries(a.id, inA.filter((_, i) => i % 7 === 0).map((e) => e.id));
      const added = families(10, 4);
      await store.addEntries(a.id, added);
      const unrated = inA[1]!;
      await store.addEntries(a.id, [{ signalType: 'pdq', value: unrated.value, quality: 10 }]); // now flagged
      await store.removeBank('b');

      const reloaded = await BankPdqIndex.load({ store, snapshotPath, rewriteAfterChanges: 1_000_000 });
      assert.equal(reloaded.report.source, 'snapshot');
      assert.ok(reloaded.report.applied > 0 && reloaded.report.applied < 400, `applied ${reloaded.report.applied} changes`);
      assert.equal(reloaded.report.snapshotWritten, false);
      const fresh = await BankPdqIndex.load({ store });
      assert.equal(fresh.report.source, 'rebuilt');
      assert.equal(reloaded.index.size, fresh.index.size);

      const queries = [...inA.slice(0, 30).map((e) => flip(e.value, 5)), ...added.slice(0, 10).map((e) => flip(e.value, 12)), randomPdq(), unrated.value];
      for (const q of queries) {
        for (const t of [0, 10, 31, 45]) {
          const expected = await linearScan(store, q, t);
          assert.equal(answer(reloaded.index, q, t), expected, `snapshot+delta, threshold ${t}`);
          assert.equal(answer(fresh.index, q, t), expected, `fresh build, threshold ${t}`);
        }
      }
      assert.equal(answer(reloaded.index, unrated.value, 0), '', 'a newly flagged entry left the index');

      // Saving and loading again applies nothing.
      await reloaded.index.save();
      const again = await BankPdqIndex.load({ store, snapshotPath });
      assert.equal(again.report.source, 'snapshot');
      assert.equal(again.report.applied, 0);
      assert.equal(again.index.size, fresh.index.size);
    } finally {
      await cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a snapshot of another database, a corrupt one or a newer one is rebuilt, not applied', async () => {
  const [sqlite] = testDatabases();
  const one = await sqlite!.open();
  const two = await sqlite!.open();
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-index-'));
  const snapshotPath = join(dir, 'pdq-index.bin');
  try {
    const s1 = createBankStore(one.database);
    const s2 = createBankStore(two.database);
    await s1.addEntries((await s1.createBank('x')).id, families(3, 3));
    await s2.addEntries((await s2.createBank('y')).id, families(2, 2));
    await BankPdqIndex.load({ store: s1, snapshotPath });
    const other = await BankPdqIndex.load({ store: s2, snapshotPath });
    assert.equal(other.report.source, 'rebuilt');
    assert.equal(other.report.reason, 'snapshot belongs to another database');
    assert.equal(other.index.size, 4);

    const bytes = readFileSync(snapshotPath);
    writeFileSync(snapshotPath, bytes.subarray(0, bytes.length - 10));
    const truncated = await BankPdqIndex.load({ store: s2, snapshotPath });
    assert.equal(truncated.report.source, 'rebuilt');
    assert.match(truncated.report.reason ?? '', /truncated|unusable/);

    writeFileSync(snapshotPath, randomBytes(100));
    assert.equal((await BankPdqIndex.load({ store: s2, snapshotPath })).report.reason, 'not a snapshot file');
  } finally {
    await one.cleanup();
    await two.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the matcher filters by bank, looks up exact digests and never returns flagged entries', async () => {
  const { database, cleanup } = await testDatabases()[0]!.open();
  try {
    const store = createBankStore(database);
    const a = await store.createBank('a');
    const b = await store.createBank('b');
    const shared = randomPdq();
    const low = randomPdq();
    const md5 = randomBytes(16).toString('hex');
    await store.addEntries(a.id, [
      { signalType: 'pdq', value: shared, externalId: 'a-1', category: 'A' },
      { signalType: 'pdq', value: low, quality: 30 },
      { signalType: 'md5', value: md5, externalId: 'a-md5' },
    ]);
    await store.addEntries(b.id, [{ signalType: 'pdq', value: flip(shared, 20), externalId: 'b-1' }]);
    const matcher = await Matcher.open({ store });

    const all = await matcher.matchHashes({ pdq: flip(shared, 3), md5: md5.toUpperCase() });
    assert.deepEqual(
      all.map((m) => [m.bank, m.externalId, m.signalType, m.distance <= 3 ? 'near' : 'far']),
      [
        ['a', 'a-md5', 'md5', 'near'],
        ['a', 'a-1', 'pdq', 'near'],
        ['b', 'b-1', 'pdq', 'far'],
      ],
    );
    assert.deepEqual((await matcher.matchHashes({ pdq: shared }, { banks: ['b'] })).map((m) => m.externalId), ['b-1']);
    assert.deepEqual((await matcher.matchHashes({ pdq: shared }, { threshold: 10 })).map((m) => m.externalId), ['a-1']);
    assert.deepEqual(await matcher.matchHashes({ pdq: low }, { threshold: 0 }), []);
    await assert.rejects(matcher.matchHashes({ pdq: shared }, { banks: ['nope'] }), /no bank named/);
  } finally {
    await cleanup();
  }
});
