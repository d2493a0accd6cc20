import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { testDatabases } from '../../test/support/databases.ts';
import { isPostgresUrl, openDatabase, redactUrl } from './database.ts';

for (const target of testDatabases()) {
  test(`${target.name}: opens, migrates and answers a query`, async () => {
    const { database, cleanup } = await target.open();
    try {
      assert.equal(database.kind, target.name);
      const r = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      assert.equal(Number(r.rows[0]!.one), 1);
    } finally {
      await cleanup();
    }
  });
}

test('postgres URLs are recognised and passwords redacted', () => {
  assert.equal(isPostgresUrl('postgres://u:p@h/db'), true);
  assert.equal(isPostgresUrl('./data/lifeguard.sqlite'), false);
  assert.equal(redactUrl('postgres://u:secret@h:5432/db'), 'postgres://u:***@h:5432/db');
});

test('several processes opening one new SQLite file at once all migrate it without error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-migrate-race-'));
  const url = join(dir, 'race.sqlite');
  const script = `import { openDatabase } from ${JSON.stringify(new URL('./database.ts', import.meta.url).href)};
const d = await openDatabase({ url: ${JSON.stringify(url)} }); await d.close(); console.log('ok');`;
  try {
    const runs = Array.from({ length: 4 }, () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => resolve({ code, out }));
      }),
    );
    for (const r of await Promise.all(runs)) assert.equal(r.code, 0, r.out);
    const database = await openDatabase({ url });
    try {
      const tables = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'events'`.execute(database.db);
      assert.equal(Number(tables.rows[0]!.n), 1);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
