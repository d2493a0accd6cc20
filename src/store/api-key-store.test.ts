import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { createApiKeyStore, hashToken } from './api-key-store.ts';

for (const target of testDatabases()) {
  test(`${target.name}: API keys are stored hashed, verified, listed and revoked`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const keys = createApiKeyStore(database);
      const { key, token } = await keys.create({ name: 'uploads', scopes: ['content', 'content', 'events'] });
      assert.deepEqual(key.scopes, ['content', 'events']);
      assert.match(token, /^lg_[A-Za-z0-9_-]{43}$/);
      const rows = await database.db.selectFrom('api_keys').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.key_hash, hashToken(token));
      assert.ok(!JSON.stringify(rows).includes(token.slice(3)), 'the token itself is never stored');

      assert.equal((await keys.verify(token))?.id, key.id);
      assert.equal(await keys.verify(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')), undefined);
      assert.equal(await keys.verify('not a key'), undefined);

      const revoked = await keys.revoke(key.id);
      assert.equal(typeof revoked.revokedAt, 'number');
      assert.equal(await keys.verify(token), undefined);
      assert.equal((await keys.revoke(key.id)).revokedAt, revoked.revokedAt, 'revoking twice is a no-op');
      assert.deepEqual(await keys.list(), []);
      assert.equal((await keys.list({ includeRevoked: true })).length, 1);
      await assert.rejects(keys.revoke('key_nope'), { code: 'not_found', status: 404 });
      await assert.rejects(keys.create({ name: 'x', scopes: [] }), { code: 'invalid_scopes' });
      await assert.rejects(keys.create({ name: 'x', scopes: ['root' as 'admin'] }), { code: 'invalid_scopes' });
      await assert.rejects(keys.create({ name: '  ', scopes: ['content'] }), { code: 'invalid_key_name' });
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: the first admin key is created exactly once, even by concurrent starts`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const keys = createApiKeyStore(database);
      const results = await Promise.all([keys.ensureAdminKey(), keys.ensureAdminKey(), keys.ensureAdminKey()]);
      const made = results.filter((r) => r !== undefined);
      assert.equal(made.length, 1);
      assert.deepEqual(made[0]!.key.scopes, ['admin']);
      assert.equal(await keys.ensureAdminKey(), undefined);
      assert.equal((await keys.list()).length, 1);
    } finally {
      await cleanup();
    }
  });
}
