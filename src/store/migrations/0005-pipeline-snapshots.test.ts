import assert from 'node:assert/strict';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { migrationProvider } from './index.ts';

test('0005 moves a stored snapshot out of pipeline_state, recording the seq and count it was taken at', async () => {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
  try {
    const migrator = new Migrator({ db, provider: migrationProvider });
    assert.equal((await migrator.migrateTo('0004_derived_age')).error, undefined);
    await sql`insert into pipeline_state (scope, stream_key, subject_type, subject_id, last_seq, event_count, summary, snapshot, updated_at)
      values ('k', 'c:1', 'conversation', '1', 42, 7, null, '{"counter":{"count":7}}', 1000),
             ('k', 's:2', 'stream', '2', 43, 1, null, null, 1000)`.execute(db);
    assert.equal((await migrator.migrateToLatest()).error, undefined);
    const moved = await sql<{ stream_key: string; snapshot: string }>`select stream_key, snapshot from pipeline_snapshots`.execute(db);
    assert.deepEqual(moved.rows.map((r) => [r.stream_key, JSON.parse(r.snapshot)]), [['c:1', { v: 2, seq: 42, count: 7, states: { counter: { count: 7 } } }]]);
    const columns = await sql<{ name: string }>`select name from pragma_table_info('pipeline_state')`.execute(db);
    assert.ok(!columns.rows.some((c) => c.name === 'snapshot'));
  } finally {
    await db.destroy();
  }
});
