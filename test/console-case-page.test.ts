/**
 * The case page of a live-stream case opened by the pipeline (SQLite and PostgreSQL): a frame of a benign
 * generated pattern matching a banked PDQ ends the stream and opens a case; the page shows the stream
 * timeline with its viewers and interventions, the matched hash with bank, distance and source, the
 * streamer's age record and highlighted comment spans — and no media until a reveal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashPassword } from '../src/crypto/password-hash.ts';
import { hashImage } from '../src/media/hash-image.ts';
import { renderTestPattern } from '../src/matching/test-patterns.ts';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { createEvidenceHoldStore } from '../src/store/evidence-hold-store.ts';
import { createPeopleStore } from '../src/store/people-store.ts';
import { ConsoleClient } from './support/console-client.ts';
import { testDatabases } from './support/databases.ts';

const password = 'a long enough password';

for (const target of testDatabases()) {
  describe(`${target.name}: a live-stream case in the console`, () => {
    let t: TestApp;
    let cleanup: () => Promise<void>;
    before(async () => {
      const opened = await target.open();
      t = await createTestApp(opened.database, { env: { LIFEGUARD_CONSOLE_SECURE_COOKIES: 'false' } });
      cleanup = async () => {
        await t.close();
        await opened.cleanup();
      };
      const admin = await t.token('admin');
      const known = await renderTestPattern('hills', 11, 320, 240);
      const h = await hashImage(known);
      assert.equal((await t.call('POST', '/v1/banks', { token: admin, json: { name: 'hotline-list' } })).status, 201);
      const added = await t.call('POST', '/v1/banks/hotline-list/entries', { token: admin, json: { entries: [{ type: 'pdq', value: h.pdq, quality: h.quality, externalId: 'item-77', category: 'test-pattern'}] } });
      assert.ok(added.status < 300, JSON.stringify(added.body));
      t.deps.services.banks!.changed();
      await t.runtime?.services.matching?.matchHashes({ pdq: h.pdq });
      const ts = Date.now() - 60_000;
      const events = [
        { id: 'ag-1', type: 'age.signal', account: { id: 'streamer-1' }, method: 'self_declared', dateOfBirth: '2011-03-01', ts },
        { id: 'st-1', type: 'stream.started', streamId: 'live-1', streamer: { id: 'streamer-1', ageTier: '13-15' }, audience: 'public', ts: ts + 1000 },
        { id: 'vj-1', type: 'stream.viewer_joined', streamId: 'live-1', viewer: { id: 'viewer-9' }, ts: ts + 2000 },
        { id: 'cm-1', type: 'stream.comment', streamId: 'live-1', author: { id: 'viewer-9' }, text: 'how old are you? add me on another app', ts: ts + 3000 },
        { id: 'fr-1', type: 'stream.frame', streamId: 'live-1', imageBase64: known.toString('base64'), ts: ts + 4000 },
      ];
      const res = await t.call('POST', '/v1/events', { token: admin, json: { events } });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      await t.drain();
      await createPeopleStore(t.deps.database).add({ email: 'cs@example.org', roles: ['child_safety_reviewer'], passwordHash: await hashPassword(password) });
    });
    after(() => cleanup());

    test('timeline, viewers, interventions, hash match, age record, comment spans; no media sent', async () => {
      const { cases } = await t.deps.services.cases!.listQueue({ limit: 10 });
      const c = cases.find((x) => x.subjects.some((s) => s.type === 'stream' && s.id === 'live-1'));
      assert.ok(c, `a case for the stream: ${JSON.stringify(cases.map((x) => x.subjects))}`);
      const b = new ConsoleClient(t.app);
      assert.equal((await b.signIn('cs@example.org', password)).status, 303);
      const page = await b.get(`/console/cases/${c.id}`);
      assert.equal(page.status, 200);
      const text = page.text;
      assert.match(text, /Live stream <span class="mono">live-1<\/span>/);
      assert.match(text, /Stream started by streamer-1 \(public\)/);
      assert.match(text, /<td class="mono">viewer-9<\/td>/, 'viewer table');
      assert.match(text, /<strong>end stream<\/strong> stream live-1/, 'the guardian’s intervention');
      assert.match(text, /<td>hotline-list<\/td><td>pdq<\/td><td>0<\/td><td>test-pattern<\/td><td>[^<]*<span class="mono">item-77<\/span><\/td>/, 'bank, signal, distance, category, source id');
      assert.match(text, /<td class="mono">streamer-1<\/td><td>13-15<\/td>/, 'age record');
      assert.match(text, /<mark title="[a-z ]+">[^<]+<\/mark>/, 'comment spans highlighted');
      assert.doesNotMatch(text, /<img|<video/, 'no media before a reveal');
      assert.match(text, /id="reveal-denied">Media stays hidden: claim the case first/, 'unclaimed: no reveal button');
      assert.doesNotMatch(text, /Reveal \(blurred first\)/);
    });

    test('the evidence preservation hold: held until, legal hold, a pending destruction, then removed', async () => {
      const { cases } = await t.deps.services.cases!.listQueue({ limit: 10 });
      const c = cases.find((x) => x.subjects.some((s) => s.type === 'stream' && s.id === 'live-1'))!;
      const b = new ConsoleClient(t.app);
      assert.equal((await b.signIn('cs@example.org', password)).status, 303);
      assert.doesNotMatch((await b.get(`/console/cases/${c.id}`)).text, /id="preservation"/, 'nothing before a hold');
      const holds = createEvidenceHoldStore(t.deps.database);
      const at = Date.UTC(2026, 5, 1);
      await holds.append({ caseId: c.id, kind: 'held', at, actor: 'kim', data: { until: at + 365 * 86_400_000 } }, 1);
      await holds.append({ caseId: c.id, kind: 'legal_hold_set', at, actor: 'kim', data: { reason: 'letter' } }, 2);
      await holds.append({ caseId: c.id, kind: 'destruction_requested', at, actor: 'sam', data: { requestRef: 'LE-5' } }, 3);
      const held = (await b.get(`/console/cases/${c.id}`)).text;
      assert.match(held, /Media held since <time datetime="2026-06-01T00:00:00.000Z">[^<]*<\/time> until <strong><time datetime="2027-06-01T00:00:00.000Z">/);
      assert.match(held, /<strong>legal hold<\/strong>/);
      assert.match(held, /Destruction requested .* by sam \(law-enforcement request <span class="mono">LE-5<\/span>\); waits for a second supervisor/);
      await holds.removeMedia({ caseId: c.id, kind: 'destruction_confirmed', at, actor: 'lee', data: { requestRef: 'LE-5', contentIds: [] } }, 4, []);
      const gone = (await b.get(`/console/cases/${c.id}`)).text;
      assert.match(gone, /Media destroyed on law-enforcement request <span class="mono">LE-5<\/span> \(asked by sam, confirmed by lee\); hashes and the audit trail are kept/);
    });
  });
}
