import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { testDatabases } from '../../test/support/databases.ts';
import { withWriteTransaction } from './write-transaction.ts';

for (const target of testDatabases()) {
  test(`${target.name}: a write transaction commits, rolls back on error, and a derived commit leaves the connection durable`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const count = async () => Number((await database.db.selectFrom('counters').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      await withWriteTransaction(database, (trx) => trx.insertInto('counters').values({ name: 'a', value: 1 }).execute(), 'derived');
      await assert.rejects(
        withWriteTransaction(database, async (trx) => {
          await trx.insertInto('counters').values({ name: 'b', value: 1 }).execute();
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await count(), before + 1);
      if (database.kind === 'sqlite') {
        // FULL (2): the next acknowledged write is fsynced again.
        const r = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db);
        assert.equal(Number(r.rows[0]!.synchronous), 2);
      }
    } finally {
      await cleanup();
    }
  });
}
