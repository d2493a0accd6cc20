// The audit log on both databases: appends chain, concurrent appends never fork the chain, and
// `lifeguard audit verify` finds an edited, a deleted and a reordered entry made directly in the database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { testDatabases } from '../../test/support/databases.ts';
import { runCli } from '../../test/support/run-cli.ts';
import { genesisHash } from '../core/audit/audit-entry.ts';
import { createAuditLog } from './audit-log.ts';
import { openDatabase, type Database } from './database.ts';

async function fill(database: Database, n: number): Promise<void> {
  const audit = createAuditLog(database);
  for (let i = 1; i <= n; i++) await audit.append({ actor: `person-${i % 3}`, action: 'case_viewed', subject: { type: 'case', id: `case_${i}` }, detail: { i } });
}

for (const target of testDatabases()) {
  const cliEnv = (o: { url: string; pgSchema?: string }): Record<string, string> =>
    target.name === 'sqlite' ? { LIFEGUARD_DATABASE_URL: o.url } : { LIFEGUARD_DATABASE_URL: o.url, LIFEGUARD_PG_SCHEMA: o.pgSchema! };

  test(`${target.name}: entries chain; concurrent appends from two handles keep one chain`, async () => {
    const opened = await target.open();
    const other = target.name === 'postgres' ? await openDatabase({ url: opened.url, pgSchema: opened.pgSchema! }) : opened.database;
    try {
      const a = createAuditLog(opened.database);
      const b = createAuditLog(other);
      const first = await a.append({ actor: 'alice', action: 'sign_in' });
      assert.equal(first.seq, 1);
      assert.equal(first.prevHash, genesisHash);
      assert.match(first.hash, /^[0-9a-f]{64}$/);
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).append({ actor: `p${i}`, action: 'case_viewed', detail: { i } })));
      const all = (await a.list({ limit: 100 })).entries;
      assert.deepEqual(all.map((e) => e.seq), Array.from({ length: 41 }, (_, i) => i + 1));
      for (let i = 1; i < all.length; i++) assert.equal(all[i]!.prevHash, all[i - 1]!.hash, `entry ${i + 1} links to ${i}`);
      assert.deepEqual(await a.verify(), { ok: true, checked: 41 });
      await assert.rejects(a.append({ actor: 'x', action: 'nope' as never }), (e: { code?: string }) => e.code === 'invalid_audit_action');
      const cli = await runCli(['audit', 'verify'], { env: cliEnv(opened) });
      assert.equal(cli.code, 0, cli.err);
      assert.match(cli.out, /intact: 41 entries/);
    } finally {
      if (other !== opened.database) await other.close();
      await opened.cleanup();
    }
  });

  for (const tamper of ['edited', 'deleted', 'reordered', 'truncated'] as const) {
    test(`${target.name}: audit verify detects ${tamper === 'edited' ? 'an' : 'a'} ${tamper} entry`, async () => {
      const opened = await target.open();
      const { database } = opened;
      try {
        await fill(database, 6);
        const before = await runCli(['audit', 'verify', '--json'], { env: cliEnv(opened) });
        assert.equal(before.code, 0);
        if (tamper === 'edited') {
          await database.db.updateTable('audit_log').set({ actor: 'someone-else' }).where('seq', '=', 3).execute();
        } else if (tamper === 'deleted') {
          await database.db.deleteFrom('audit_log').where('seq', '=', 3).execute();
        } else if (tamper === 'reordered') {
          // Swap the contents of entries 3 and 4 (each row keeps its own hash, so the content moves as a whole).
          const rows = await database.db.selectFrom('audit_log').selectAll().where('seq', 'in', [3, 4]).orderBy('seq').execute();
          await database.db.deleteFrom('audit_log').where('seq', 'in', [3, 4]).execute();
          await database.db.insertInto('audit_log').values([{ ...rows[1]!, at: Number(rows[1]!.at), seq: 3 }, { ...rows[0]!, at: Number(rows[0]!.at), seq: 4 }]).execute();
        } else {
          await sql`delete from audit_log where seq = 6`.execute(database.db);
        }
        const r = await runCli(['audit', 'verify', '--json'], { env: cliEnv(opened) });
        assert.equal(r.code, 1, 'non-zero exit');
        const out = JSON.parse(r.out) as { ok: boolean; broken: { seq: number; reason: string } };
        assert.equal(out.ok, false);
        const expected = { edited: [3, 'hash_mismatch'], deleted: [3, 'seq_gap'], reordered: [3, 'prev_hash_mismatch'], truncated: [6, 'head_mismatch'] }[tamper];
        assert.deepEqual([out.broken.seq, out.broken.reason], expected);
        const text = await runCli(['audit', 'verify'], { env: cliEnv(opened) });
        assert.match(text.out, /BROKEN at entry/);
      } finally {
        await opened.cleanup();
      }
    });
  }
}
