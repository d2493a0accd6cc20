// The BankStore contract: the same cases on every database testDatabases() gives (SQLite, and PostgreSQL when
// LIFEGUARD_TEST_DATABASE_URL is set).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { NewBankEntry, PdqIndexChange } from '../core/banks/types.ts';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { createBankStore, type BankStore } from './bank-store.ts';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const pdq = (extra: Partial<NewBankEntry> = {}): NewBankEntry => ({ signalType: 'pdq', value: hex(32), ...extra });
const md5 = (extra: Partial<NewBankEntry> = {}): NewBankEntry => ({ signalType: 'md5', value: hex(16), ...extra });

const code = (c: string) => (e: unknown) => isLifeguardError(e) && e.code === c;

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Applies a delta to a plain id → hash map, as an index would. */
function apply(model: Map<number, string>, changes: PdqIndexChange[]): void {
  for (const c of changes) {
    if (c.present) model.set(c.entryId, c.value!);
    else model.delete(c.entryId);
  }
}

for (const target of testDatabases()) {
  const withStore = (name: string, fn: (store: BankStore) => Promise<void>) =>
    test(`${target.name}: ${name}`, async () => {
      const { database, cleanup } = await target.open();
      try {
        await fn(createBankStore(database));
      } finally {
        await cleanup();
      }
    });

  withStore('creates, lists, finds and removes banks', async (store) => {
    const a = await store.createBank('ncmec-test', 'a test bank');
    await store.createBank('alpha');
    assert.equal(a.name, 'ncmec-test');
    assert.equal(a.description, 'a test bank');
    assert.ok(!Number.isNaN(Date.parse(a.createdAt)));
    await assert.rejects(store.createBank('alpha'), code('bank_exists'));
    await assert.rejects(store.createBank('bad name!'), code('invalid_bank_name'));
    await assert.rejects(store.requireBank('missing'), code('bank_not_found'));
    assert.equal(await store.getBank('missing'), undefined);
    assert.deepEqual((await store.getBank('ncmec-test'))?.id, a.id);

    await store.addEntries(a.id, [pdq(), md5()]);
    const list = await store.listBanks();
    assert.deepEqual(list.map((b) => [b.name, b.entries]), [['alpha', 0], ['ncmec-test', 2]]);

    assert.deepEqual(await store.removeBank('ncmec-test'), { removedEntries: 2 });
    assert.deepEqual((await store.listBanks()).map((b) => b.name), ['alpha']);
    await assert.rejects(store.removeBank('ncmec-test'), code('bank_not_found'));
  });

  withStore('merges duplicates: first metadata kept, sources united, counts reported', async (store) => {
    const bank = await store.createBank('b');
    const value = hex(32);
    const first = await store.addEntries(bank.id, [
      { signalType: 'pdq', value, externalId: 'x1', sources: ['iwf'], category: null, quality: 90 },
      { signalType: 'pdq', value, externalId: 'x2', sources: ['ncmec'], category: 'A', quality: 10 },
      md5(),
    ]);
    assert.deepEqual(first, { added: 2, merged: 1, flagged: 0 });
    const again = await store.addEntries(bank.id, [{ signalType: 'pdq', value, externalId: 'x3', sources: ['iwf', 'other'], category: 'B' }]);
    assert.deepEqual(again, { added: 0, merged: 1, flagged: 0 });

    const [entry] = await store.lookup('pdq', [value]);
    assert.ok(entry);
    assert.equal(entry.externalId, 'x1');
    assert.equal(entry.category, 'A', 'an empty category is filled by a later duplicate');
    assert.equal(entry.quality, 90);
    assert.deepEqual(entry.sources, ['iwf', 'ncmec', 'other']);
    assert.equal(entry.bankName, 'b');
    assert.equal(entry.flaggedLowQuality, false);

    // The same value in another bank is a different entry, not a duplicate.
    const other = await store.createBank('c');
    assert.deepEqual(await store.addEntries(other.id, [{ signalType: 'pdq', value }]), { added: 1, merged: 0, flagged: 0 });
    assert.deepEqual((await store.lookup('pdq', [value])).map((e) => e.bankName).sort(), ['b', 'c']);
    assert.deepEqual((await store.lookup('pdq', [value], { bankIds: [other.id] })).map((e) => e.bankName), ['c']);
    assert.deepEqual(await store.lookup('pdq', [value], { bankIds: [] }), []);
    // A value of another type never matches.
    assert.deepEqual(await store.lookup('sha256', [value]), []);
  });

  withStore('flags low-quality PDQ hashes and keeps them out of the matchable stream', async (store) => {
    const bank = await store.createBank('q');
    const low = pdq({ quality: 49 });
    const good = pdq({ quality: 50 });
    const unknown = pdq();
    const r = await store.addEntries(bank.id, [low, good, unknown, md5({ quality: 10 })]);
    assert.deepEqual(r, { added: 4, merged: 0, flagged: 1 });
    const stream = (await collect(store.pdqEntries())).map((e) => e.value).sort();
    assert.deepEqual(stream, [good.value, unknown.value].sort());
    const stats = await store.stats('q');
    assert.equal(stats.flaggedLowQuality, 1);
    assert.equal((await store.lookup('pdq', [low.value]))[0]?.flaggedLowQuality, true);
  });

  withStore('stats count by type, category and flag; totals over banks', async (store) => {
    const a = await store.createBank('a');
    const b = await store.createBank('b');
    await store.addEntries(a.id, [pdq({ category: 'A' }), pdq({ category: 'A', quality: 3 }), md5({ category: 'B' })]);
    await store.addEntries(b.id, [md5(), { signalType: 'sha256', value: hex(32) }]);
    const sa = await store.stats('a');
    assert.deepEqual(sa, { bank: 'a', banks: 1, entries: 3, byType: { pdq: 2, md5: 1 }, byCategory: { A: 2, B: 1 }, flaggedLowQuality: 1 });
    const all = await store.stats();
    assert.equal(all.bank, undefined);
    assert.equal(all.banks, 2);
    assert.equal(all.entries, 5);
    assert.deepEqual(all.byType, { pdq: 2, md5: 2, sha256: 1 });
    assert.equal(all.byCategory['(none)'], 2);
    await assert.rejects(store.stats('zzz'), code('bank_not_found'));
  });

  withStore('removes entries by id within their bank only', async (store) => {
    const a = await store.createBank('a');
    const b = await store.createBank('b');
    const [e1, e2] = [md5(), md5()];
    await store.addEntries(a.id, [e1, e2]);
    await store.addEntries(b.id, [e1]);
    const [inA] = await store.lookup('md5', [e1.value], { bankIds: [a.id] });
    const [inB] = await store.lookup('md5', [e1.value], { bankIds: [b.id] });
    assert.equal(await store.removeEntries(a.id, [inB!.id]), 0, 'an id of another bank is not removed');
    assert.equal(await store.removeEntries(a.id, [inA!.id, inA!.id, 999999]), 1);
    assert.deepEqual((await store.lookup('md5', [e1.value])).map((e) => e.bankName), ['b']);
    assert.equal((await store.getEntries([inB!.id]))[0]?.value, e1.value);
    assert.deepEqual(await store.getEntries([inA!.id]), []);
  });

  withStore('export and the PDQ stream page through large banks in id order', async (store) => {
    const bank = await store.createBank('big');
    const entries = Array.from({ length: 6200 }, (_, i) => (i % 3 === 0 ? md5({ externalId: `e${i}` }) : pdq({ externalId: `e${i}` })));
    const r = await store.addEntries(bank.id, entries);
    assert.equal(r.added, 6200);
    const exported = await collect(store.exportEntries(bank.id));
    assert.equal(exported.length, 6200);
    assert.deepEqual(exported.map((e) => e.externalId), entries.map((e) => e.externalId));
    assert.ok(exported.every((e, i) => i === 0 || e.id > exported[i - 1]!.id));
    const pdqs = await collect(store.pdqEntries());
    assert.equal(pdqs.length, entries.filter((e) => e.signalType === 'pdq').length);
    assert.deepEqual(new Set(pdqs.map((e) => e.value)), new Set(entries.filter((e) => e.signalType === 'pdq').map((e) => e.value)));
  });

  withStore('a delta since a cursor brings a snapshot up to date (adds, removals, flag changes, bank removal)', async (store) => {
    const a = await store.createBank('a');
    const b = await store.createBank('b');
    await store.addEntries(a.id, Array.from({ length: 50 }, () => pdq()));
    const unrated = pdq();
    await store.addEntries(b.id, [unrated, ...Array.from({ length: 20 }, () => pdq())]);

    // Snapshot: the model an index would hold, plus the cursor it reflects.
    const first = await store.pdqDelta({ entryId: 0, changeSeq: 0 });
    const model = new Map<number, string>();
    apply(model, await collect(first.changes));
    assert.equal(model.size, 71);

    // Changes after the snapshot.
    const inA = await collect(store.exportEntries(a.id));
    await store.removeEntries(a.id, inA.slice(0, 10).map((e) => e.id));
    await store.addEntries(a.id, [pdq(), pdq(), md5()]);
    await store.addEntries(b.id, [{ ...unrated, quality: 12 }]); // merging a low quality flags the entry
    const c = await store.createBank('c');
    await store.addEntries(c.id, Array.from({ length: 5 }, () => pdq()));
    const added = await collect(store.exportEntries(c.id));
    await store.removeEntries(c.id, [added[0]!.id]); // added and removed after the snapshot
    await store.removeBank('b');

    const delta = await store.pdqDelta(first.cursor);
    const changes = await collect(delta.changes);
    apply(model, changes);
    const fresh = new Map((await collect(store.pdqEntries())).map((e) => [e.id, e.value]));
    assert.deepEqual(model, fresh);
    assert.ok(changes.length < 71, 'only the changes are read, not the whole bank');
    assert.ok(delta.cursor.entryId > first.cursor.entryId && delta.cursor.changeSeq > first.cursor.changeSeq);

    // Nothing changed since: an empty delta.
    const none = await store.pdqDelta(delta.cursor);
    assert.deepEqual(await collect(none.changes), []);
  });

  withStore('has a stable instance id of its own', async (store) => {
    const id = await store.instanceId();
    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.equal(await store.instanceId(), id);
    const other = await target.open();
    try {
      assert.notEqual(await createBankStore(other.database).instanceId(), id);
    } finally {
      await other.cleanup();
    }
  });

  withStore('videoFrameEntries lists the matchable PDQ entries that are frames of banked videos', async (store) => {
    const bank = await store.createBank('vids');
    await store.addEntries(bank.id, [
      pdq({ externalId: 'f1', sources: ['video:clip-1:2'], category: 'C' }),
      pdq({ externalId: 'f2', sources: ['video:clip-1:2', 'hotline'] }),
      pdq({ externalId: 'low', sources: ['video:clip-1:2'], quality: 10 }),
      pdq({ externalId: 'plain', sources: ['hotline'] }),
      md5({ sources: ['video:clip-1:2'] }),
    ]);
    const got = [];
    for await (const e of store.videoFrameEntries()) got.push({ bank: e.bank, category: e.category, sources: e.sources });
    assert.deepEqual(got, [
      { bank: 'vids', category: 'C', sources: ['video:clip-1:2'] },
      { bank: 'vids', category: null, sources: ['video:clip-1:2', 'hotline'] },
    ]);
  });
}
