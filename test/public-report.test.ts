/** The public report form over the real app: no account, CSRF bound to a cookie, per-address limit, a report.filed event. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { ConsoleClient, csrfOf } from './support/console-client.ts';
import { testDatabases } from './support/databases.ts';

const [sqlite] = testDatabases();
let t: TestApp;
let cleanup: () => Promise<void>;
before(async () => {
  const opened = await sqlite!.open();
  t = await createTestApp(opened.database, { env: { LIFEGUARD_CONSOLE_SECURE_COOKIES: 'false', LIFEGUARD_REPORTS_PER_HOUR: '3' } });
  cleanup = async () => {
    await t.close();
    await opened.cleanup();
  };
});
after(() => cleanup());

const reports = () => t.deps.database.db.selectFrom('events').select(['type', 'body']).where('type', '=', 'report.filed').execute();

test('the form: danger first, no script, strict CSP, a form token', async () => {
  const b = new ConsoleClient(t.app);
  const page = await b.get('/report');
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy')!;
  assert.match(csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'/);
  assert.doesNotMatch(page.text, /<script/);
  const radios = [...page.text.matchAll(/name="reason" value="([a-z_]+)"/g)].map((m) => m[1]);
  assert.equal(radios[0], 'imminent_danger');
  assert.match(page.text, /A child is in danger right now/);
  assert.match(page.text, /If a child is in danger right now, call your emergency number first/);
  assert.equal(csrfOf(page.text).length, 43);
});

test('errors are summarised at the top and nothing is recorded', async () => {
  const b = new ConsoleClient(t.app);
  const page = await b.get('/report');
  const res = await b.post('/report', { csrf: csrfOf(page.text), reason: '', target: 'account', where: '' });
  assert.equal(res.status, 400);
  assert.match(res.text, /There is a problem/);
  assert.match(res.text, /href="#reason-imminent_danger">Choose what is happening/);
  assert.match(res.text, /href="#where">Enter the username/);
  assert.match(res.text, /value="account" checked/, 'answers are kept');
  const forged = await new ConsoleClient(t.app).post('/report', { csrf: csrfOf(page.text), reason: 'other', target: 'account', where: 'someone' });
  assert.equal(forged.status, 400, 'a token without its cookie is refused');
  assert.equal((await reports()).length, 0);
});

test('a sent report becomes a report.filed event, then the help resources; the address limit applies', async () => {
  const b = new ConsoleClient(t.app);
  const page = await b.get('/report');
  const res = await b.post('/report', { csrf: csrfOf(page.text), reason: 'imminent_danger', target: 'stream', where: 'stream-benign-42', what: 'The streamer said they were scared.' });
  assert.equal(res.status, 303);
  assert.equal(res.location, '/report/sent?urgent');
  const sent = await b.get(res.location!);
  assert.equal(sent.status, 200);
  assert.match(sent.text, /Report sent/);
  assert.match(sent.text, /You said a child is in danger right now/);
  for (const h of ['If you are in danger right now', 'It is not your fault', 'Talk to someone']) assert.match(sent.text, new RegExp(`<h2 id="[a-z-]+-h">${h}</h2>`), h);
  assert.match(sent.text, /<a href="https:\/\/[^"]+" rel="noopener noreferrer">/, 'a helpline link');
  const rows = await reports();
  assert.equal(rows.length, 1);
  const ev = JSON.parse(String(rows[0]!.body));
  assert.equal(ev.reason, 'imminent_danger');
  assert.deepEqual(ev.subject, { type: 'stream', id: 'stream-benign-42' });
  assert.equal(ev.streamId, 'stream-benign-42');
  assert.equal(ev.reporter, undefined);
  // The pipeline opens a case; the statistics count it as a public report, apart from other user reports.
  await t.drain();
  const stats = await t.call('GET', `/v1/stats?year=${new Date().getUTCFullYear()}`, { token: await t.token('cases:read') });
  assert.deepEqual([stats.body.bySource.public_report, stats.body.bySource.user_report], [{ opened: 1, confirmed: 0 }, { opened: 0, confirmed: 0 }]);
  // 3 per hour per address (the refused forms above count as attempts too): another three cannot all pass
  const results: number[] = [];
  for (let i = 0; i < 3; i++) {
    const p = await b.get('/report');
    results.push((await b.post('/report', { csrf: csrfOf(p.text), reason: 'other', target: 'account', where: `user-${i}` })).status);
  }
  assert.ok(results.includes(429), `the limit answers 429 (${results.join(',')})`);
});
