/** The people and session stores on every test database (SQLite; PostgreSQL when configured). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDatabases } from '../../test/support/databases.ts';
import type { Database } from './database.ts';
import { createPeopleStore, type PeopleStore } from './people-store.ts';
import { createRevealGrantStore } from './reveal-grant-store.ts';
import { createSessionStore, type SessionStore } from './session-store.ts';

for (const kind of testDatabases()) {
  describe(`people and sessions on ${kind.name}`, () => {
    let database: Database;
    let cleanup: () => Promise<void>;
    let clock = 1_700_000_000_000;
    const now = () => clock;
    let people: PeopleStore;
    let sessions: SessionStore;
    before(async () => {
      const opened = await kind.open();
      database = opened.database;
      cleanup = opened.cleanup;
      people = createPeopleStore(database, now);
      sessions = createSessionStore(database, now);
    });
    after(() => cleanup());

    test('add, find by email (case-insensitive), list; duplicates and bad roles refused', async () => {
      const a = await people.add({ email: ' Ada@Example.org ', roles: ['admin'], passwordHash: 'scrypt$1$1$1$a$b' });
      assert.equal(a.email, 'ada@example.org');
      assert.equal(a.displayName, 'ada');
      assert.deepEqual(a.roles, ['admin']);
      assert.equal(a.hasPassword, true);
      assert.equal((await people.byEmail('ADA@example.org'))?.id, a.id);
      assert.equal((await people.credentials('ada@example.org'))?.passwordHash, 'scrypt$1$1$1$a$b');
      await assert.rejects(people.add({ email: 'ada@example.org', roles: ['reviewer'] }), { code: 'person_exists' });
      await assert.rejects(people.add({ email: 'x@example.org', roles: ['wizard' as never] }), { code: 'invalid_roles' });
      await assert.rejects(people.add({ email: 'not-an-email', roles: ['reviewer'] }), { code: 'invalid_email' });
      await people.add({ email: 'bo@example.org', displayName: 'Bo', roles: ['reviewer', 'child_safety_reviewer'] });
      assert.deepEqual((await people.list()).map((p) => p.email), ['ada@example.org', 'bo@example.org']);
      await assert.rejects(people.setRoles('prs_missing', ['reviewer']), { code: 'person_not_found' });
    });

    test('sessions: open, look up, expire, revoke; a disabled person loses every session', async () => {
      const bo = (await people.byEmail('bo@example.org'))!;
      const s1 = await sessions.open({ personId: bo.id, method: 'password', address: '127.0.0.1', ttlMs: 60_000 });
      const s2 = await sessions.open({ personId: bo.id, method: 'oidc', address: null, ttlMs: 120_000 });
      assert.match(s1.id, /^[A-Za-z0-9_-]{43}$/);
      assert.notEqual(s1.session.csrfToken, s2.session.csrfToken);
      const found = await sessions.lookup(s1.id);
      assert.equal(found?.person.id, bo.id);
      assert.equal(found?.session.csrfToken, s1.session.csrfToken);
      // the database holds only the hash of the id
      const stored = await database.db.selectFrom('console_sessions').select('id_hash').execute();
      assert.ok(stored.every((r) => r.id_hash !== s1.id && r.id_hash.length === 64));
      assert.equal(await sessions.lookup('x'.repeat(43)), undefined);
      clock += 60_000;
      assert.equal(await sessions.lookup(s1.id), undefined, 'expired');
      assert.ok(await sessions.lookup(s2.id));
      const s3 = await sessions.open({ personId: bo.id, method: 'password', address: null, ttlMs: 60_000 });
      await sessions.revoke(s3.id);
      assert.equal(await sessions.lookup(s3.id), undefined, 'revoked');
      const disabled = await people.disable(bo.id);
      assert.equal(disabled.disabled, true);
      assert.equal(await sessions.lookup(s2.id), undefined, 'disabled person');
      const revoked = await database.db.selectFrom('console_sessions').select('revoked_at').where('person_id', '=', bo.id).execute();
      assert.ok(revoked.every((r) => r.revoked_at !== null), 'every session row revoked');
      await people.enable(bo.id);
      assert.equal(await sessions.lookup(s2.id), undefined, 'enabling again does not revive old sessions');
    });

    test('roles, OIDC link, settings and the daily exposure counter', async () => {
      const bo = (await people.byEmail('bo@example.org'))!;
      assert.deepEqual((await people.setRoles(bo.id, ['auditor'])).roles, ['auditor']);
      await people.linkOidc(bo.id, 'https://idp.example', 'sub-1');
      assert.equal((await people.byOidc('https://idp.example', 'sub-1'))?.id, bo.id);
      const ada = (await people.byEmail('ada@example.org'))!;
      await assert.rejects(people.linkOidc(ada.id, 'https://idp.example', 'sub-1'), { code: 'oidc_identity_taken' });
      await people.setSettings(bo.id, { revealSeconds: 10, greyscale: true });
      assert.deepEqual((await people.get(bo.id))?.settings, { revealSeconds: 10, greyscale: true });
      assert.equal(await people.revealsOn(bo.id, '2026-12-04'), 0);
      assert.equal(await people.countReveal(bo.id, '2026-12-04'), 1);
      assert.equal(await people.countReveal(bo.id, '2026-12-04'), 2);
      assert.equal(await people.countReveal(bo.id, '2026-12-05'), 1);
      assert.equal(await people.revealsOn(bo.id, '2026-12-04'), 2);
    });

    test('sign-in attempts are counted per account and per address within a window', async () => {
      const t0 = clock;
      for (let i = 0; i < 3; i++) await sessions.recordAttempt({ account: 'Ada@example.org', address: '10.0.0.1', success: false });
      await sessions.recordAttempt({ account: 'ada@example.org', address: '10.0.0.2', success: true });
      assert.equal(await sessions.failuresSince('account', 'ada@example.org', t0), 3);
      assert.equal(await sessions.failuresSince('address', '10.0.0.1', t0), 3);
      assert.equal(await sessions.failuresSince('address', '10.0.0.2', t0), 0);
      clock += 1000;
      assert.equal(await sessions.failuresSince('account', 'ada@example.org', clock), 0);
    });

    test('reveal grants: only for their person, until their deadline, first use marked once', async () => {
      const grants = createRevealGrantStore(database, now);
      const ada = (await people.byEmail('ada@example.org'))!;
      const id = await grants.create({ personId: ada.id, caseId: 'case_1', contentId: 'cnt_1', expiresAt: clock + 5000 });
      assert.deepEqual(await grants.get(id, ada.id), { personId: ada.id, caseId: 'case_1', contentId: 'cnt_1', expiresAt: clock + 5000, usedAt: null });
      assert.equal(await grants.get(id, 'prs_other'), undefined);
      assert.equal(await grants.markUsed(id), true);
      assert.equal(await grants.markUsed(id), false);
      assert.equal((await grants.get(id, ada.id))?.usedAt, clock);
      clock += 5000;
      assert.equal(await grants.get(id, ada.id), undefined);
    });

    test('an OIDC flow can be taken once, and not after it expired', async () => {
      const id = await sessions.startFlow({ state: 's', nonce: 'n', codeVerifier: 'v' }, 10_000);
      assert.deepEqual(await sessions.takeFlow(id), { state: 's', nonce: 'n', codeVerifier: 'v' });
      assert.equal(await sessions.takeFlow(id), undefined);
      const late = await sessions.startFlow({ state: 's2', nonce: 'n2', codeVerifier: 'v2' }, 10_000);
      clock += 10_000;
      assert.equal(await sessions.takeFlow(late), undefined);
    });
  });
}
