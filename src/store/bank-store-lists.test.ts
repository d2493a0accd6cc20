// BankStore contract for list entries (URL, keyword, opaque), opinions and the text-index delta, on every
// database testDatabases() gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TextIndexChange } from '../core/banks/types.ts';
import { signalTypeFor } from '../core/signal-types.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { createBankStore, type BankStore } from './bank-store.ts';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const url = (v: string) => signalTypeFor('url').normalize(v);
const kw = (v: string) => signalTypeFor('keyword').normalize(v);

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

  withStore('URL, keyword and opaque entries are stored with language and sources, and looked up by source', async (store) => {
    const bank = await store.createBank('lists');
    const r = await store.addEntries(bank.id, [
      { signalType: 'url', value: url('http://www.example.com/a/'), sources: ['hotline'] },
      { signalType: 'url', value: url('example.com/a'), sources: ['exchange:x'] },
      { signalType: 'keyword', value: kw('Blue Lantern'), language: 'en' },
      { signalType: 'opaque', value: 'photodna:AbC+/09==', sources: ['exchange:x'] },
    ]);
    assert.deepEqual(r, { added: 3, merged: 1, flagged: 0 });
    const [u] = await store.lookup('url', ['example.com/a']);
    assert.deepEqual(u!.sources, ['hotline', 'exchange:x']);
    const [k] = await store.lookup('keyword', ['blue lantern']);
    assert.equal(k!.language, 'en');
    assert.equal(k!.disabled, false);
    assert.equal((await store.lookup('opaque', ['photodna:AbC+/09=='], { sources: ['exchange:x'] })).length, 1);
    assert.equal((await store.lookup('opaque', ['photodna:AbC+/09=='], { sources: ['hotline'] })).length, 0);
    assert.equal((await store.lookup('opaque', ['photodna:abc+/09=='])).length, 0, 'opaque values are case-sensitive');
  });

  withStore('a false-positive opinion disables an entry without deleting it; clearing re-enables it; history is kept', async (store) => {
    const bank = await store.createBank('ex');
    await store.addEntries(bank.id, [{ signalType: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e', sources: ['exchange:te'] }]);
    const [e] = await store.lookup('md5', ['d41d8cd98f00b204e9800998ecf8427e']);
    const off = await store.recordOpinion(e!.id, 'false_positive', { by: 'reviewer-1', note: 'benign', exchange: 'te' });
    assert.equal(off.disabled, true);
    assert.equal((await store.lookup('md5', [e!.value])).length, 0, 'disabled entries do not match');
    assert.equal((await store.lookup('md5', [e!.value], { includeDisabled: true })).length, 1, 'but are kept');
    assert.equal((await store.stats('ex')).entries, 1);
    const pending = await store.unreportedOpinions('te');
    assert.deepEqual(pending.map((p) => [p.opinion, p.entry?.id]), [['false_positive', e!.id]]);
    await store.markOpinionsReported(pending.map((p) => p.id));
    assert.equal((await store.unreportedOpinions('te')).length, 0);
    const on = await store.recordOpinion(e!.id, 'cleared', { by: 'reviewer-2' });
    assert.equal(on.disabled, false);
    assert.equal((await store.lookup('md5', [e!.value])).length, 1);
    assert.deepEqual((await store.opinions(e!.id)).map((o) => [o.opinion, o.by]), [['false_positive', 'reviewer-1'], ['cleared', 'reviewer-2']]);
    await assert.rejects(store.recordOpinion(999_999, 'false_positive'), { code: 'entry_not_found' });
  });

  withStore('the text delta brings a URL/keyword index up to date with additions, removals and opinions', async (store) => {
    const bank = await store.createBank('t');
    await store.addEntries(bank.id, [
      { signalType: 'url', value: url('a.example/x') },
      { signalType: 'keyword', value: kw('one') },
      { signalType: 'pdq', value: 'f'.repeat(64) },
    ]);
    const model = new Map<number, string>();
    const apply = (changes: TextIndexChange[]) => {
      for (const c of changes) if (c.present) model.set(c.entryId, c.value!);
      else model.delete(c.entryId);
    };
    for (const e of await collect(store.textEntries(['url', 'keyword']))) model.set(e.id, e.value);
    assert.deepEqual([...model.values()].sort(), ['a.example/x', 'one']);
    let cursor = await store.cursor();
    await store.addEntries(bank.id, [{ signalType: 'keyword', value: kw('two words') }]);
    const [one] = await store.lookup('keyword', ['one']);
    await store.recordOpinion(one!.id, 'false_positive');
    const [x] = await store.lookup('url', ['a.example/x']);
    await store.removeEntries(bank.id, [x!.id]);
    const d = await store.textDelta(['url', 'keyword'], cursor);
    apply(await collect(d.changes));
    cursor = d.cursor;
    assert.deepEqual([...model.values()].sort(), ['two words']);
    await store.recordOpinion(one!.id, 'true_positive');
    const d2 = await store.textDelta(['url', 'keyword'], cursor);
    apply(await collect(d2.changes));
    assert.deepEqual([...model.values()].sort(), ['one', 'two words']);
    // The PDQ index sees disabled entries leave too.
    const [p] = await store.lookup('pdq', ['f'.repeat(64)]);
    const c3 = await store.cursor();
    await store.recordOpinion(p!.id, 'false_positive');
    const pd = await store.pdqDelta(c3);
    assert.deepEqual(await collect(pd.changes), [{ entryId: p!.id, present: false }]);
  });
}
