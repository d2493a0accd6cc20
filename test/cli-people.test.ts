// `lifeguard people …` end to end through main(argv, io): the first admin, generated and stdin passwords,
// list, set-role, disable (sessions end), usage errors; every change in the audit log.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { verifyPassword } from '../src/crypto/password-hash.ts';
import { createAuditLog } from '../src/store/audit-log.ts';
import { openDatabase } from '../src/store/database.ts';
import { createPeopleStore } from '../src/store/people-store.ts';
import { createSessionStore } from '../src/store/session-store.ts';
import { runCli } from './support/run-cli.ts';

test('people add / list / set-role / disable', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-cli-people-'));
  const env = { LIFEGUARD_DATA_DIR: dir };
  const cli = (stdin: string, ...argv: string[]) => runCli(argv, { env, stdin });
  try {
    const empty = await cli('', 'people', 'list');
    assert.equal(empty.code, 0);
    assert.match(empty.out, /no people yet/);
    const admin = await cli('', 'people', 'add', 'first.admin@example.org', '--role', 'admin', '--name', 'First Admin');
    assert.equal(admin.code, 0, admin.err);
    const generated = /Password, shown only now:\n([A-Za-z0-9]{20})\n/.exec(admin.out)?.[1];
    assert.ok(generated, admin.out);
    const rev = await cli('a password from stdin\n', 'people', 'add', 'rev@example.org', '--role', 'reviewer,child_safety_reviewer', '--password-stdin');
    assert.equal(rev.code, 0, rev.err);
    assert.doesNotMatch(rev.out, /Password/);
    assert.equal((await cli('short', 'people', 'add', 'x@example.org', '--role', 'reviewer', '--password-stdin')).code, 3, 'weak password refused');
    assert.equal((await cli('', 'people', 'add', 'y@example.org', '--role', 'wizard')).code, 2);
    assert.equal((await cli('', 'people', 'add', 'y@example.org')).code, 2);
    assert.equal((await cli('', 'people', 'add', 'first.admin@example.org', '--role', 'admin')).code, 3, 'duplicate');
    assert.equal((await cli('', 'people', 'set-role', 'rev@example.org', '--role', 'supervisor', '--role', 'child_safety_reviewer')).code, 0);
    assert.equal((await cli('', 'people', 'disable', 'nobody@example.org')).code, 3);

    const database = await openDatabase({ url: join(dir, 'lifeguard.sqlite') });
    try {
      const people = createPeopleStore(database);
      const a = await people.credentials('first.admin@example.org');
      assert.equal(await verifyPassword(generated, a!.passwordHash), true);
      const r = await people.credentials('rev@example.org');
      assert.equal(await verifyPassword('a password from stdin', r!.passwordHash), true);
      assert.deepEqual(r!.person.roles, ['supervisor', 'child_safety_reviewer']);
      const s = await createSessionStore(database).open({ personId: r!.person.id, method: 'password', address: null, ttlMs: 60_000 });
      assert.equal((await cli('', 'people', 'disable', 'rev@example.org')).code, 0);
      assert.equal(await createSessionStore(database).lookup(s.id), undefined, 'the session ended');
      const listed = JSON.parse((await cli('', 'people', 'list', '--json')).out) as { email: string; disabled: boolean }[];
      assert.deepEqual(listed.map((p) => [p.email, p.disabled]), [['first.admin@example.org', false], ['rev@example.org', true]]);
      const { entries } = await createAuditLog(database).list({ limit: 100 });
      assert.deepEqual(entries.map((e) => e.action), ['person_added', 'person_added', 'role_changed', 'person_disabled']);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
