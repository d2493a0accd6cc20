/**
 * The referral in the console (SQLite and PostgreSQL): a child-safety reviewer holding the claim reads the
 * draft CyberTipline XML (escaped in a <pre>; each view audited), sends it with the CSRF-protected form to a
 * local CyberTipline (127.0.0.1), and the case page then shows the report id. A plain reviewer, or one
 * without the claim, is refused; a form without the CSRF token does nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { hashPassword } from '../src/crypto/password-hash.ts';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { createPeopleStore } from '../src/store/people-store.ts';
import { ConsoleClient, csrfOf } from './support/console-client.ts';
import { cyberTiplineSkip } from './support/cybertipline-schema.ts';
import { startCyberTiplineServer } from './support/cybertipline-server.ts';
import { testDatabases } from './support/databases.ts';

const password = 'a long enough password';
const creds = { username: 'esp', password: 'secret' };

for (const target of testDatabases()) {
  describe(`${target.name}: referral in the console`, { skip: cyberTiplineSkip }, () => {
    let t: TestApp;
    let server: Awaited<ReturnType<typeof startCyberTiplineServer>>;
    let cleanup: () => Promise<void>;
    let csId: string;
    before(async () => {
      server = await startCyberTiplineServer({ ...creds, lateMs: 2000 });
      const opened = await target.open();
      t = await createTestApp(opened.database, {
        env: {
          LIFEGUARD_CONSOLE_SECURE_COOKIES: 'false',
          LIFEGUARD_CYBERTIPLINE_URL: server.url,
          LIFEGUARD_CYBERTIPLINE_USERNAME: creds.username,
          LIFEGUARD_CYBERTIPLINE_PASSWORD: creds.password,
          LIFEGUARD_REFERRAL_PLATFORM: 'Example <Live> & Co',
          LIFEGUARD_REFERRAL_EMAIL: 'safety@example.org',
        },
      });
      cleanup = async () => {
        await t.close();
        await opened.cleanup();
        await server.close();
      };
      const people = createPeopleStore(t.deps.database);
      csId = (await people.add({ email: 'cs@example.org', roles: ['child_safety_reviewer'], passwordHash: await hashPassword(password) })).id;
      await people.add({ email: 'rev@example.org', roles: ['reviewer'], passwordHash: await hashPassword(password) });
    });
    after(() => cleanup());

    test('review the draft, send it, see the report id on the case', async () => {
      const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 20, g: 120, b: 220 } } }).png().toBuffer();
      const up = await t.call('POST', '/v1/content?reported=true', { token: await t.token('content'), body: png, headers: { 'content-type': 'image/png' } });
      assert.equal(up.status, 200, JSON.stringify(up.body));
      const caseId = up.body.caseId as string;
      const b = new ConsoleClient(t.app);
      assert.equal((await b.signIn('cs@example.org', password)).status, 303);

      assert.equal((await b.get(`/console/cases/${caseId}/referral`)).status, 403, 'no claim yet');
      const page = await b.get(`/console/cases/${caseId}`);
      assert.equal((await b.post(`/console/cases/${caseId}/claim`, { csrf: csrfOf(page.text) })).status, 303);
      const svc = t.deps.services.cases!;
      const me = { id: csId, roles: ['child_safety_reviewer' as const], via: 'test' };
      await svc.assess(caseId, me, { ukCategory: 'C', ncmecClassification: 'B2' });
      await svc.act(caseId, me, { kind: 'mark_for_referral' });
      const casePage = await b.get(`/console/cases/${caseId}`);
      assert.match(casePage.text, /href="\/console\/cases\/[^"]+\/referral" id="review-referral"/);

      const draft = await b.get(`/console/cases/${caseId}/referral`);
      assert.equal(draft.status, 200);
      assert.match(draft.headers.get('content-security-policy') ?? '', /default-src 'none'|script-src/);
      const pre = /<pre class="xml" id="report-xml"[^>]*>([\s\S]*?)<\/pre>/.exec(draft.text)?.[1] ?? '';
      assert.match(pre, /^&lt;\?xml /, 'the XML is escaped, not markup');
      assert.match(pre, /Example &amp;lt;Live&amp;gt; &amp;amp; Co/, 'the reporter, escaped in the XML and again in the page');
      assert.doesNotMatch(draft.text, /<report[ >]/, 'no raw report element in the page');
      assert.match(draft.text, /Files \(1\)/);
      const viewed = await t.call('GET', `/v1/audit?action=referral_drafted&limit=10`, { token: await t.token('audit') });
      assert.deepEqual((viewed.body.entries ?? viewed.body.items).map((e: { actor: string; subject: { id: string } }) => [e.actor, e.subject.id]), [[csId, caseId]], 'the view is audited');

      assert.equal((await b.post(`/console/cases/${caseId}/referral`, { confirm: 'yes' })).status, 403, 'no CSRF token, nothing sent');
      const unticked = await b.post(`/console/cases/${caseId}/referral`, { csrf: csrfOf(draft.text) });
      assert.equal(unticked.status, 400);
      assert.equal(server.reports.size, 0);
      const sent = await b.post(`/console/cases/${caseId}/referral`, { csrf: csrfOf(draft.text), confirm: 'yes' });
      assert.equal(sent.status, 303, sent.text.slice(0, 500));
      assert.equal(sent.location, `/console/cases/${caseId}?done=referred`);
      const [report] = [...server.reports.values()];
      assert.equal(report?.status, 'finished');
      const after = await b.get(sent.location!);
      assert.match(after.text, /Referral sent; the report id is on the case/);
      assert.match(after.text, new RegExp(`sent <time[^>]*>[^<]*</time> by ${csId}, report <strong class="mono">${report!.id}</strong>`));
      assert.match(after.text, new RegExp(`Referral sent to ncmec_cybertipline: report ${report!.id}`), 'timeline');

      const other = new ConsoleClient(t.app);
      assert.equal((await other.signIn('rev@example.org', password)).status, 303);
      assert.equal((await other.get(`/console/cases/${caseId}/referral`)).status, 403, 'a plain reviewer sees no draft');
    });
  });
}
