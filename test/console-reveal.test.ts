/**
 * Reveals over the real app on every test database: each denial (no claim, wrong role, admin, auditor,
 * someone else's link, the daily cap), the decrypted bytes with `Cache-Control: no-store`, and the audit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../src/crypto/password-hash.ts';
import { renderTestPattern } from '../src/matching/test-patterns.ts';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { createPeopleStore } from '../src/store/people-store.ts';
import { ConsoleClient, csrfOf } from './support/console-client.ts';
import { testDatabases } from './support/databases.ts';

const password = 'a long enough password';

for (const kind of testDatabases()) {
  describe(`console reveals on ${kind.name}`, () => {
    let t: TestApp;
    let cleanup: () => Promise<void>;
    let caseId: string;
    let contentId: string;
    let image: Buffer;
    before(async () => {
      const opened = await kind.open();
      t = await createTestApp(opened.database, { env: { LIFEGUARD_CONSOLE_SECURE_COOKIES: 'false', LIFEGUARD_DAILY_REVEAL_CAP: '2', LIFEGUARD_RATE_LIMIT_RPS: '0' } });
      cleanup = async () => {
        await t.close();
        await opened.cleanup();
      };
      const people = createPeopleStore(opened.database);
      const hash = await hashPassword(password);
      for (const [email, roles] of [
        ['cs@example.org', ['child_safety_reviewer']],
        ['cs2@example.org', ['child_safety_reviewer']],
        ['rev@example.org', ['reviewer']],
        ['admin@example.org', ['admin']],
        ['aud@example.org', ['auditor']],
      ] as const) {
        await people.add({ email, roles: [...roles], passwordHash: hash });
      }
      image = await renderTestPattern('rings', 3, 200, 150);
      const token = await t.token('content');
      const up = await t.call('POST', '/v1/content?reported=true', { token, body: new Uint8Array(image), headers: { 'content-type': 'image/png' } });
      contentId = up.body.id;
      const r = await t.deps.services.cases!.intake({ source: 'reported_upload', severity: 'medium', subjects: [{ type: 'content', id: contentId }], evidence: [{ kind: 'content', id: contentId, summary: 'reported' }], reasons: ['reported upload'] });
      caseId = r.caseId;
    });
    after(() => cleanup());

    const signedIn = async (email: string) => {
      const b = new ConsoleClient(t.app);
      assert.equal((await b.signIn(email, password)).status, 303);
      return b;
    };
    const reveal = async (b: ConsoleClient) => {
      const page = await b.get('/console/settings');
      return b.post(`/console/cases/${caseId}/reveal`, { csrf: csrfOf(page.text), contentId });
    };

    test('denied: not claimed, plain reviewer, admin, auditor — each audited with its reason', async () => {
      const cs = await signedIn('cs@example.org');
      const unclaimed = await reveal(cs);
      assert.equal(unclaimed.status, 403);
      assert.match(unclaimed.text, /claim the case first/);
      for (const [email, why] of [
        ['rev@example.org', /child-safety reviewers/],
        ['admin@example.org', /do not allow revealing media/],
        ['aud@example.org', /do not allow revealing media/],
      ] as const) {
        const res = await reveal(await signedIn(email));
        assert.equal(res.status, 403, email);
        assert.match(res.text, why, email);
      }
      const { entries } = await t.deps.services.audit!.list({ limit: 100, action: 'media_reveal_denied' });
      assert.equal(entries.length, 4);
      assert.ok(entries.every((e) => e.subject?.id === caseId && e.detail.contentId === contentId));
    });

    test('allowed: the claim holder gets the decrypted bytes once per link, not cached, not for anyone else; the cap stops the third', async () => {
      const cs = await signedIn('cs@example.org');
      const page = await cs.get(`/console/cases/${caseId}`);
      assert.equal((await cs.post(`/console/cases/${caseId}/claim`, { csrf: csrfOf(page.text) })).status, 303);
      const first = await reveal(cs);
      assert.equal(first.status, 303);
      const grant = /\/reveal\/([A-Za-z0-9_-]{43})$/.exec(first.location!)![1]!;
      const view = await cs.get(first.location!);
      assert.equal(view.status, 200);
      assert.match(view.text, new RegExp(`<img src="/console/media/${grant}"`));
      assert.match(view.text, /<meta http-equiv="refresh" content="\d+;url=\/console\/cases\//);
      const res = await t.app.request(`http://127.0.0.1/console/media/${grant}`, { headers: { cookie: [...cs.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('content-type'), 'image/png');
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(image), 'the original bytes, decrypted in memory');
      const stolen = await (await signedIn('cs2@example.org')).get(`/console/media/${grant}`);
      assert.equal(stolen.status, 410, 'a reveal link works only for the person it was made for');
      const revealed = await t.deps.services.audit!.list({ limit: 100, action: 'media_revealed' });
      assert.equal(revealed.entries.length, 1);
      assert.equal(revealed.entries[0]!.detail.fullView, true);
      assert.equal((await reveal(cs)).status, 303, 'second reveal of the day');
      const capped = await reveal(cs);
      assert.equal(capped.status, 403);
      assert.match(capped.text, /today’s limit of media reveals/);
    });
  });
}
