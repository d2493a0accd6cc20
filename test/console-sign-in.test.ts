/**
 * Console sign-in over the real app and database: password sign-in, CSRF on every form, rate limiting per
 * account, secure cookie attributes, sessions revoked by sign-out and by disabling, admin-only people page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../src/crypto/password-hash.ts';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { createPeopleStore } from '../src/store/people-store.ts';
import { ConsoleClient, csrfOf } from './support/console-client.ts';
import { testDatabases } from './support/databases.ts';

const [sqlite] = testDatabases();
const password = 'a long enough password';

describe('console sign-in', () => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  before(async () => {
    const opened = await sqlite!.open();
    t = await createTestApp(opened.database, { env: { LIFEGUARD_CONSOLE_SECURE_COOKIES: 'false', LIFEGUARD_LOGIN_MAX_FAILURES: '3' } });
    cleanup = async () => {
      await t.close();
      await opened.cleanup();
    };
    const people = createPeopleStore(opened.database);
    const hash = await hashPassword(password);
    await people.add({ email: 'admin@example.org', displayName: 'Ada Admin', roles: ['admin'], passwordHash: hash });
    await people.add({ email: 'rev@example.org', displayName: 'Rey Reviewer', roles: ['reviewer'], passwordHash: hash });
    await people.add({ email: 'locked@example.org', roles: ['reviewer'], passwordHash: hash });
  });
  after(() => cleanup());

  test('signed-out pages redirect to sign-in; the sign-in page carries CSP and a form token', async () => {
    const b = new ConsoleClient(t.app);
    const queue = await b.get('/console/people');
    assert.equal(queue.status, 303);
    assert.equal(queue.location, '/console/sign-in?next=%2Fconsole%2Fpeople');
    const page = await b.get('/console/sign-in');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy')!, /default-src 'none'; script-src 'self'; style-src 'self'/);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.ok(csrfOf(page.text).length === 43);
    assert.ok(b.cookies.has('lg_form'));
  });

  test('password sign-in opens a session; wrong passwords and missing tokens do not', async () => {
    const b = new ConsoleClient(t.app);
    const page = await b.get('/console/sign-in');
    const noToken = await b.post('/console/sign-in', { email: 'admin@example.org', password });
    assert.equal(noToken.status, 400);
    assert.match(noToken.text, /form expired/);
    const wrong = await b.post('/console/sign-in', { csrf: csrfOf(page.text), email: 'admin@example.org', password: 'not the password!!' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /There is a problem/);
    assert.match(wrong.text, /email address or password is not right/);
    const ok = await b.post('/console/sign-in', { csrf: csrfOf(page.text), email: 'Admin@Example.org', password, next: '/console/people' });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/console/people');
    assert.ok(b.cookies.has('lg_session'));
    const people = await b.get('/console/people');
    assert.equal(people.status, 200);
    assert.match(people.text, /Rey Reviewer/);
    // an open redirect is refused
    const page2 = await b.get('/console/sign-in');
    const evil = await b.post('/console/sign-in', { csrf: csrfOf(page2.text), email: 'admin@example.org', password, next: 'https://evil.example/' });
    assert.equal(evil.location, '/console');
  });

  test('every signed-in form needs the session CSRF token', async () => {
    const b = new ConsoleClient(t.app);
    await b.signIn('admin@example.org', password);
    const add = await b.post('/console/people', { email: 'new@example.org', roles: 'reviewer' });
    assert.equal(add.status, 403);
    const wrongToken = await b.post('/console/people', { csrf: 'x'.repeat(43), email: 'new@example.org', roles: 'reviewer' });
    assert.equal(wrongToken.status, 403);
    const page = await b.get('/console/people');
    const good = await b.post('/console/people', { csrf: csrfOf(page.text), email: 'new@example.org', name: 'New Person', roles: 'reviewer', generatePassword: 'yes' });
    assert.equal(good.status, 200);
    assert.match(good.text, /shown only now/);
    const generated = /id="generated-password">([A-Za-z0-9]{20})</.exec(good.text)?.[1];
    assert.ok(generated);
    const n = new ConsoleClient(t.app);
    assert.equal((await n.signIn('new@example.org', generated)).status, 303);
  });

  test('a reviewer is refused the people page', async () => {
    const b = new ConsoleClient(t.app);
    await b.signIn('rev@example.org', password);
    const res = await b.get('/console/people');
    assert.equal(res.status, 403);
    assert.match(res.text, /Only admins manage people/);
  });

  test('sign-in is rate limited per account, even with the right password afterwards', async () => {
    const b = new ConsoleClient(t.app);
    for (let i = 0; i < 3; i++) {
      const r = await b.signIn('locked@example.org', 'wrong password ' + i);
      assert.equal(r.status, 400);
    }
    const blocked = await b.signIn('locked@example.org', password);
    assert.equal(blocked.status, 429);
    assert.match(blocked.text, /Too many failed sign-ins/);
    assert.ok(!b.cookies.has('lg_session'));
  });

  test('sign-out and disabling end sessions', async () => {
    const admin = new ConsoleClient(t.app);
    await admin.signIn('admin@example.org', password);
    const rev = new ConsoleClient(t.app);
    await rev.signIn('rev@example.org', password);
    assert.equal((await rev.get('/console/settings')).status, 200);
    const people = await admin.get('/console/people');
    const id = (await createPeopleStore(t.deps.database).byEmail('rev@example.org'))!.id;
    assert.ok(people.text.includes(`/console/people/${id}/disable`));
    const d = await admin.post(`/console/people/${id}/disable`, { csrf: csrfOf(people.text) });
    assert.equal(d.status, 303);
    assert.equal((await rev.get('/console/settings')).status, 303, 'the disabled person is signed out');
    const settings = await admin.get('/console/settings');
    const out = await admin.post('/console/sign-out', { csrf: csrfOf(settings.text) });
    assert.equal(out.status, 303);
    assert.equal((await admin.get('/console/settings')).status, 303);
  });

  test('audit entries for sign-ins and people changes', async () => {
    const log = t.deps.services.audit;
    const { createAuditLog } = await import('../src/store/audit-log.ts');
    const audit = log ?? createAuditLog(t.deps.database);
    const { entries } = await audit.list({ limit: 1000 });
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['sign_in', 'sign_in_failed', 'person_added', 'person_disabled', 'sign_out']) assert.ok(actions.has(a as never), a);
    assert.equal((await audit.verify()).ok, true);
  });
});

describe('secure cookies (the default)', () => {
  test('the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    const opened = await sqlite!.open();
    const t = await createTestApp(opened.database);
    try {
      await createPeopleStore(opened.database).add({ email: 'a@example.org', roles: ['admin'], passwordHash: await hashPassword(password) });
      const b = new ConsoleClient(t.app, 'https://console.example');
      const page = await b.get('/console/sign-in');
      assert.ok(b.cookies.has('__Host-lg_form'));
      const res = await b.post('/console/sign-in', { csrf: csrfOf(page.text), email: 'a@example.org', password });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-lg_session='))!;
      assert.ok(cookie, 'session cookie set');
      for (const attr of [/; Path=\//, /; HttpOnly/, /; Secure/, /; SameSite=Lax/]) assert.match(cookie, attr);
      assert.doesNotMatch(cookie, /Domain=/);
      assert.equal((await b.get('/console/settings')).status, 200);
    } finally {
      await t.close();
      await opened.cleanup();
    }
  });
});
