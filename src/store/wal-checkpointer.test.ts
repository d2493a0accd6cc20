import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from './database.ts';

const walBytes = (path: string) => statSync(`${path}-wal`).size;

test('the background checkpointer lets the WAL start over after heavy writes, without the writer checkpointing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-wal-'));
  const path = join(dir, 'wal.sqlite');
  const database = await openDatabase({ url: path });
  try {
    await sql`create table filler (id integer primary key, body text not null)`.execute(database.db);
    const body = 'x'.repeat(4000);
    const writeMegabytes = async (mb: number) => {
      for (let i = 0; i < mb * 2.5; i++) {
        await database.db.transaction().execute(async (trx) => {
          for (let j = 0; j < 100; j++) await sql`insert into filler (body) values (${body})`.execute(trx);
        });
      }
    };
    await writeMegabytes(16);
    const first = walBytes(path);
    // ~16 MB went through the WAL: far below the writer's own threshold (256 MB), so only the thread checkpoints.
    assert.ok(first > 10_000_000, `the WAL grew (${first} bytes)`);
    await new Promise((r) => setTimeout(r, 1500));
    // Checkpointed meanwhile: the next writes start the WAL file over instead of growing it to ~32 MB.
    await writeMegabytes(16);
    const second = walBytes(path);
    assert.ok(second < first * 1.5, `the WAL restarted (${first} → ${second} bytes)`);
    const count = await sql<{ n: number }>`select count(*) as n from filler`.execute(database.db);
    assert.ok(Number(count.rows[0]!.n) >= 8000);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
