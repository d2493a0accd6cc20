/** `lifeguard keys` against a data directory, in process: create, list, revoke, and usage errors. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, test } from 'node:test';
import { main } from '../src/cli/main.ts';
import { createApiKeyStore } from '../src/store/api-key-store.ts';
import { openDatabase } from '../src/store/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'lifeguard-keys-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(['keys', ...args, '--data-dir', dir], { stdin: new PassThrough(), stdout, stderr, env: {}, isTTY: false });
  return { code, out, err };
}

test('keys create / list / revoke work on the database, printing the token once', async () => {
  const created = await run('create', '--name', 'uploads', '--scope', 'content', '--scope', 'events', '--json');
  assert.equal(created.code, 0, created.err);
  const key = JSON.parse(created.out) as { id: string; token: string; scopes: string[] };
  assert.deepEqual(key.scopes, ['content', 'events']);

  const database = await openDatabase({ url: join(dir, 'lifeguard.sqlite') });
  try {
    assert.equal((await createApiKeyStore(database).verify(key.token))?.id, key.id, 'the printed token works');
  } finally {
    await database.close();
  }

  const list = await run('list');
  assert.equal(list.code, 0);
  assert.match(list.out, new RegExp(`${key.id}\\s+content,events`));
  assert.ok(!list.out.includes(key.token), 'list never shows tokens');

  assert.equal((await run('revoke', key.id)).code, 0);
  assert.match((await run('list')).out, /no keys/);
  assert.match((await run('list', '--all')).out, /revoked/);
});

test('usage errors exit 2 with a message', async () => {
  for (const args of [['create', '--name', 'x'], ['create', '--scope', 'content'], ['create', '--name', 'x', '--scope', 'root'], ['frobnicate'], ['revoke'], ['list', '--bogus']]) {
    const r = await run(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.ok(r.err.length > 0);
  }
  const unknown = await run('revoke', 'key_nope');
  assert.equal(unknown.code, 3);
  assert.match(unknown.err, /not_found/);
});
