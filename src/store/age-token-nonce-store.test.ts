// Age-token nonces on every database: single use, bound to one account, expiring, and a used row keeps the verification record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import { createAgeTokenNonceStore } from './age-token-nonce-store.ts';

for (const tdb of testDatabases()) {
  test(`${tdb.name}: an age-token nonce is used once, by its account, before it expires`, async () => {
    const { database, cleanup } = await tdb.open();
    try {
      let clock = 1_000_000;
      const store = createAgeTokenNonceStore(database, () => clock);
      const a = await store.issue('acct-1', 60_000);
      assert.match(a.nonce, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(a.expiresAt, 1_060_000);
      const b = await store.issue('acct-1', 60_000);
      assert.notEqual(a.nonce, b.nonce);

      await assert.rejects(store.consume(a.nonce, 'acct-2'), { code: 'age_token_nonce_unknown', status: 422 });
      await assert.rejects(store.consume('never-issued', 'acct-1'), { code: 'age_token_nonce_unknown', status: 422 });
      await store.consume(a.nonce, 'acct-1');
      await assert.rejects(store.consume(a.nonce, 'acct-1'), { code: 'age_token_nonce_used', status: 409 });

      // Two racing uses of one nonce: exactly one wins.
      const race = await Promise.allSettled([store.consume(b.nonce, 'acct-1'), store.consume(b.nonce, 'acct-1')]);
      assert.deepEqual(race.map((r) => r.status).sort(), ['fulfilled', 'rejected']);

      const c = await store.issue('acct-1', 60_000);
      clock += 60_001;
      await assert.rejects(store.consume(c.nonce, 'acct-1'), { code: 'age_token_nonce_expired', status: 422 });

      await store.record(a.nonce, { format: 'mdoc', issuer: 'test-issuer', claims: [{ threshold: 18, over: true }], signalId: 'sig-1' });
      const row = await store.get(a.nonce);
      assert.deepEqual(row, { accountId: 'acct-1', createdAt: 1_000_000, expiresAt: 1_060_000, usedAt: 1_000_000, format: 'mdoc', issuer: 'test-issuer', claims: [{ threshold: 18, over: true }], signalId: 'sig-1' });
      const raw = await database.db.selectFrom('age_token_nonces').selectAll().execute();
      assert.ok(raw.every((r) => r.nonce_hash !== a.nonce && /^[0-9a-f]{64}$/.test(r.nonce_hash)), 'only the hash of a nonce is stored');

      // Unused nonces a day past their expiry are dropped at the next issue; the used one (the record) stays.
      clock += 25 * 3_600_000;
      await store.issue('acct-3', 60_000);
      assert.equal(await store.get(c.nonce), undefined);
      assert.notEqual(await store.get(a.nonce), undefined);
    } finally {
      await cleanup();
    }
  });
}
