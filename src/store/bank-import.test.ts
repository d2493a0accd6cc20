// Streaming hash-list import into the bank store: per-line errors, merging, low-quality flags, bounded memory.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { importHashList, openHashListFile } from './bank-import.ts';
import { createBankStore } from './bank-store.ts';

const hex = (n: number) => randomBytes(n).toString('hex');

async function* chunked(text: string | Uint8Array, size = 7): AsyncIterable<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

for (const target of testDatabases()) {
  test(`${target.name}: import reports bad lines by number, merges duplicates and flags low quality`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const store = createBankStore(database);
      const bank = await store.createBank('imp');
      const [p1, p2, p3, m1] = [hex(32), hex(32), hex(32), hex(16)];
      const list = [
        'type,hash,id,category,quality',
        `pdq,${p1},a1,A,90`,
        `pdq,${p2},a2,B,30`, // low quality: stored flagged
        `pdq,${p1},a1-dup,,95`, // duplicate of line 2
        `md5,${m1.slice(0, 30)}zz,bad,,`,
        `md5,${m1}ff,long,,`,
        `foo,${m1},unknown,,`,
        `md5,${m1},m1,C,`,
        '\u0000\u0001binary,\u0002',
        `pdq,${p3},a3,A,`,
      ].join('\r\n');
      const errors: [number, string][] = [];
      const s = await importHashList(store, bank.id, chunked(list), { onError: (e) => errors.push([e.line, e.code]), batchSize: 2 });
      assert.deepEqual(errors, [
        [5, 'bad_hex'],
        [6, 'wrong_length'],
        [7, 'unknown_type'],
        [9, 'binary_data'],
      ]);
      assert.equal(s.lines, 10);
      assert.equal(s.valid, 5);
      assert.equal(s.added, 4);
      assert.equal(s.merged, 1);
      assert.equal(s.flaggedLowQuality, 1);
      assert.deepEqual(s.errorsByCode, { bad_hex: 1, wrong_length: 1, unknown_type: 1, binary_data: 1 });
      assert.deepEqual(s.firstErrors.map((e) => e.line), [5, 6, 7, 9]);

      const [e1] = await store.lookup('pdq', [p1]);
      assert.equal(e1?.externalId, 'a1', 'the first id is kept');
      assert.equal(e1?.quality, 90);
      assert.equal((await store.lookup('pdq', [p2]))[0]?.flaggedLowQuality, true);

      // Importing the same list again adds nothing: every valid line merges.
      const again = await importHashList(store, bank.id, chunked(list, 4096), { defaultSource: 'second' });
      assert.equal(again.added, 0);
      assert.equal(again.merged, 5);
      assert.deepEqual((await store.lookup('md5', [m1]))[0]?.sources, ['second']);
      assert.equal((await store.stats('imp')).entries, 4);
    } finally {
      await cleanup();
    }
  });
}

test('an import without a usable header fails clearly', async () => {
  const { database, cleanup } = await testDatabases()[0]!.open();
  try {
    const store = createBankStore(database);
    const bank = await store.createBank('h');
    await assert.rejects(importHashList(store, bank.id, chunked('id,category\n1,A\n')), (e) => isLifeguardError(e) && e.code === 'missing_column');
    await assert.rejects(importHashList(store, bank.id, chunked('')), (e) => isLifeguardError(e) && e.code === 'empty_hash_list');
    await assert.rejects(openHashListFile('/nonexistent/list.csv'), (e) => isLifeguardError(e) && e.code === 'file_not_found');
  } finally {
    await cleanup();
  }
});

test('a 200k-line file streams through with bounded heap growth', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-import-'));
  const { database, cleanup } = await testDatabases()[0]!.open();
  try {
    const file = join(dir, 'big.csv');
    const out = createWriteStream(file);
    out.write('type,hash,id,category,source\n');
    const lines = 200_000;
    const pool = randomBytes(32 * 1024);
    for (let i = 0; i < lines; i++) {
      // Distinct hashes without a random call per line: a counter mixed into a random block.
      const h = Buffer.from(pool.subarray((i % 1024) * 32, (i % 1024) * 32 + 32));
      h.writeUInt32BE(i, 0);
      if (!out.write(`pdq,${h.toString('hex')},item-${i},A,generated-test-list\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    out.end();
    await finished(out);

    const store = createBankStore(database);
    const bank = await store.createBank('big');
    const { stream, size } = await openHashListFile(file);
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let next = 0;
    const s = await importHashList(store, bank.id, stream, {
      onProgress: (n) => {
        if (n < next) return;
        next = n + size / 20;
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      },
    });
    assert.equal(s.added, lines);
    assert.equal(s.errors, 0);
    // The file is ~19 MB (~38 MB as JS strings): holding it, or its entries, would far exceed this.
    assert.ok(size > 18e6);
    assert.ok(peak < 16 * 1024 * 1024, `live heap grew by ${(peak / 1048576).toFixed(1)} MiB`);
  } finally {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('garbage files never throw: every line is an error', async () => {
  const { database, cleanup } = await testDatabases()[0]!.open();
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-import-'));
  try {
    const store = createBankStore(database);
    const bank = await store.createBank('g');
    const file = join(dir, 'garbage.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('type,hash\n'), randomBytes(64 * 1024).map((b) => (b === 10 ? 0 : b))]));
    const { stream } = await openHashListFile(file);
    const s = await importHashList(store, bank.id, stream);
    assert.equal(s.added, 0);
    assert.ok(s.errors >= 1);
    assert.ok(Object.keys(s.errorsByCode).every((c) => ['binary_data', 'line_too_long'].includes(c)));
  } finally {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
