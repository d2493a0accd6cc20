// `lifeguard bank …` end to end through main(argv, io), on SQLite (and PostgreSQL when configured).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { postgresTestUrl } from './support/databases.ts';
import { runCli } from './support/run-cli.ts';

const hex = (n: number) => randomBytes(n).toString('hex');

/** A CLI bound to one data directory (and optionally a PostgreSQL schema). */
function cliIn(dir: string, extraEnv: Record<string, string> = {}, stdin = '') {
  return (...argv: string[]) => runCli(argv, { env: { LIFEGUARD_DATA_DIR: dir, ...extraEnv }, stdin });
}

function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-cli-bank-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

test('create, import with line errors, list, stats, export, re-import, remove', async () => {
  const tmp = tempDir();
  try {
    const cli = cliIn(join(tmp.dir, 'data'));
    assert.equal((await cli('bank', 'create', 'ncmec-test', '--description', 'test list')).code, 0);
    const dup = await cli('bank', 'create', 'ncmec-test');
    assert.equal(dup.code, 3);
    assert.match(dup.err, /bank_exists/);
    assert.equal((await cli('bank', 'create', 'bad name')).code, 3);

    const [p1, p2, m1] = [hex(32), hex(32), hex(16)];
    const list = join(tmp.dir, 'list.csv');
    writeFileSync(
      list,
      [
        'Type,Hash,ID,Category,Source,Quality',
        `pdq,${p1},item-1,A,hotline,88`,
        `pdq,${p1.slice(0, 63)}g,item-2,A,hotline,88`,
        `md5,${m1},item-3,B,,`,
        `pdq,${p2},item-4,C,hotline,12`,
        `sha1,${m1},item-5,,,`,
        `md5,${m1}00,item-6,,,`,
        `pdq,${p1},item-1b,,other,`,
      ].join('\n'),
    );
    const imp = await cli('bank', 'import', 'ncmec-test', list, '--source', 'cli-default');
    assert.equal(imp.code, 0, imp.err);
    assert.match(imp.err, /list\.csv:3: bad_hex: /);
    assert.match(imp.err, /list\.csv:6: unknown_type: /);
    assert.match(imp.err, /list\.csv:7: wrong_length: /);
    assert.match(imp.out, /8 lines, 3 added, 1 merged duplicates, 3 errors \(bad_hex 1, unknown_type 1, wrong_length 1\), 1 flagged low-quality/);
    assert.ok(readFileSync(join(tmp.dir, 'data', 'pdq-index.bin')).length > 0, 'the PDQ index snapshot is written after an import');

    const strict = await cli('bank', 'import', 'ncmec-test', list, '--strict', '--json');
    assert.equal(strict.code, 3, '--strict fails on bad lines');
    const summary = JSON.parse(strict.lines[0]!) as Record<string, unknown>;
    assert.equal(summary.added, 0);
    assert.equal(summary.merged, 4);
    assert.deepEqual(summary.errorsByCode, { bad_hex: 1, unknown_type: 1, wrong_length: 1 });
    assert.deepEqual((summary.firstErrors as { line: number }[]).map((e) => e.line), [3, 6, 7]);

    const tsv = join(tmp.dir, 'bare.tsv');
    writeFileSync(tsv, `${hex(32)}\n${hex(32)}\n`);
    const bare = await cli('bank', 'import', 'other', tsv, '--type', 'sha256', '--create', '--json');
    assert.equal(bare.code, 0, bare.err);
    assert.equal((JSON.parse(bare.lines[0]!) as { added: number }).added, 2);
    assert.equal((await cli('bank', 'import', 'nope', tsv, '--type', 'sha256')).code, 3);
    const piped = await cliIn(join(tmp.dir, 'data'), {}, `hash\n${hex(32)}\n`)('bank', 'import', 'other', '-', '--type', 'sha256', '--json');
    assert.equal((JSON.parse(piped.lines[0]!) as { added: number }).added, 1, 'a list read from stdin');
    assert.equal((await cli('bank', 'import', 'other', tsv, '--type', 'sha1')).code, 2);

    const banks = (await cli('bank', 'list', '--json')).lines.map((l) => JSON.parse(l) as { name: string; entries: number; description: string | null });
    assert.deepEqual(banks.map((b) => [b.name, b.entries, b.description]), [['ncmec-test', 3, 'test list'], ['other', 3, null]]);
    assert.match((await cli('bank', 'list')).out, /ncmec-test\s+3/);

    const stats = JSON.parse((await cli('bank', 'stats', 'ncmec-test', '--json')).lines[0]!) as Record<string, unknown>;
    assert.deepEqual(stats, { banks: 1, entries: 3, byType: { pdq: 2, md5: 1 }, byCategory: { A: 1, B: 1, C: 1 }, flaggedLowQuality: 1, bank: 'ncmec-test' });
    assert.equal((JSON.parse((await cli('bank', 'stats', '--json')).lines[0]!) as { entries: number }).entries, 6);
    assert.match((await cli('bank', 'stats')).out, /2 banks: 6 entries/);

    // Export → import into a new bank gives the same entries.
    const exported = await cli('bank', 'export', 'ncmec-test');
    assert.equal(exported.code, 0);
    assert.equal(exported.lines[0], 'type,hash,id,category,source,quality');
    assert.ok(exported.lines.includes(`pdq,${p1},item-1,A,hotline|other,88`), exported.out);
    const file = join(tmp.dir, 'copy.tsv');
    assert.equal((await cli('bank', 'export', 'ncmec-test', file)).code, 0);
    assert.equal(readFileSync(file, 'utf8').split('\n')[0], 'type\thash\tid\tcategory\tsource\tquality');
    assert.equal((await cli('bank', 'import', 'copy', file, '--create')).code, 0);
    const again = await cli('bank', 'export', 'copy', '--format', 'csv');
    assert.deepEqual(again.lines.slice(1).sort(), exported.lines.slice(1).sort());

    // Remove one entry by id, then whole banks.
    const entries = await cli('bank', 'export', 'copy');
    assert.equal(entries.lines.length, 4);
    const md5Id = (await lookupId(cli, 'copy', m1))!;
    const rm = await cli('bank', 'remove', 'copy', '--entry', String(md5Id));
    assert.equal(rm.code, 0, rm.err);
    assert.match(rm.out, /removed 1 of 1 entries/);
    assert.equal((await cli('bank', 'export', 'copy')).lines.length, 3);
    assert.equal((await cli('bank', 'remove', 'copy', '--entry', String(md5Id))).code, 3, 'an id no longer there');
    assert.equal((await cli('bank', 'remove', 'copy', '--entry', 'x1')).code, 2);
    assert.match((await cli('bank', 'remove', 'copy')).out, /removed bank 'copy' and its 2 entries/);
    assert.equal((await cli('bank', 'stats', 'copy')).code, 3);
  } finally {
    tmp.remove();
  }
});

/** The entry id of a value, found through `match --hash` (what an operator would do). */
async function lookupId(cli: ReturnType<typeof cliIn>, bank: string, md5: string): Promise<number | undefined> {
  const r = await cli('match', '--json', '--bank', bank, '--hash', `md5:${md5}`);
  const row = JSON.parse(r.lines[0]!) as { matches: { entryId: number }[] };
  return row.matches[0]?.entryId;
}

test('usage errors of bank exit 2', async () => {
  const tmp = tempDir();
  try {
    const cli = cliIn(tmp.dir);
    assert.equal((await cli('bank')).code, 2);
    assert.equal((await cli('bank', 'frobnicate')).code, 2);
    assert.equal((await cli('bank', 'create')).code, 2);
    assert.equal((await cli('bank', 'import', 'x')).code, 2);
    assert.equal((await cli('bank', 'export', 'x', '--format', 'xml')).code, 2);
    const missing = await cli('bank', 'import', 'x', join(tmp.dir, 'none.csv'), '--create');
    assert.equal(missing.code, 3);
    assert.match(missing.err, /file_not_found/);
  } finally {
    tmp.remove();
  }
});

test('the bank commands run on PostgreSQL with LIFEGUARD_DATABASE_URL', { skip: postgresTestUrl ? false : 'LIFEGUARD_TEST_DATABASE_URL is not set' }, async () => {
  const tmp = tempDir();
  const schema = `cli_${process.pid}_${hex(4)}`;
  try {
    const cli = cliIn(tmp.dir, { LIFEGUARD_DATABASE_URL: postgresTestUrl!, LIFEGUARD_PG_SCHEMA: schema });
    const list = join(tmp.dir, 'l.csv');
    const p = hex(32);
    writeFileSync(list, `hash,id\n${p},x\n${p},y\nzz,bad\n`);
    const imp = await cli('bank', 'import', 'pgbank', list, '--type', 'pdq', '--create', '--json');
    assert.equal(imp.code, 0, imp.err);
    assert.deepEqual(
      (({ added, merged, errors }) => ({ added, merged, errors }))(JSON.parse(imp.lines[0]!) as { added: number; merged: number; errors: number }),
      { added: 1, merged: 1, errors: 1 },
    );
    const m = await cli('match', '--json', '--hash', `pdq:${p}`);
    assert.equal(m.code, 1);
    assert.equal((JSON.parse(m.lines[0]!) as { matches: { externalId: string }[] }).matches[0]?.externalId, 'x');
  } finally {
    tmp.remove();
    if (postgresTestUrl) {
      const c = new pg.Client({ connectionString: postgresTestUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    }
  }
});
