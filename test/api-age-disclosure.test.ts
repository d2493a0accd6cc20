/**
 * Ages stated in chat ("i'm 12") reach the HTTP age decision and the action checks: the worker records them
 * (method `chat_disclosure`) with the message's effects, and GET /v1/accounts/:id/age folds them in. They stay
 * weak: they can make an account younger, never prove adulthood, and never beat a verification.
 * SQLite and PostgreSQL. Texts are short synthetic examples.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { withWriteTransaction } from '../src/queue/write-transaction.ts';
import type { TestApp } from '../src/server/test-app.ts';
import { insertDerivedAgeEntries } from '../src/store/derived-age-store.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

const ts = 1_700_000_000_000;
const chat = (id: string, conversationId: string, author: { id: string; tier?: string }, text: string, i: number) => ({
  id,
  type: 'chat.message',
  conversationId,
  author,
  text,
  ts: ts + i * 10_000,
});

for (const target of testDatabases()) {
  describe(`${target.name}: age disclosed in chat`, () => {
    let t: TestApp;
    let token: string;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ t, cleanup } = await openTestApp(target));
      token = await t.token('events', 'age');
      const signals = await t.call('POST', '/v1/age/signals', { token, json: { signals: [{ id: 'ad-va-1', account: { id: 'verified-adult' }, method: 'id_document', age: 34, ts }] } });
      assert.equal(signals.status, 202, JSON.stringify(signals.body));
      const events = [
        // The platform believes kid-x is an adult (a made-up birth year at sign-up); in chat they say they are 12.
        chat('ad-1', 'ad-conv-1', { id: 'stranger-1', tier: 'adult' }, 'how old are you?', 1),
        chat('ad-2', 'ad-conv-1', { id: 'kid-x', tier: 'adult' }, "i'm 12", 2),
        chat('ad-3', 'ad-conv-1', { id: 'kid-x', tier: 'adult' }, "i'm 12 lol", 3),
        chat('ad-4', 'ad-conv-2', { id: 'says-adult' }, "i'm 25", 4),
        chat('ad-5', 'ad-conv-3', { id: 'verified-adult' }, "i'm 12", 5),
      ];
      const res = await t.call('POST', '/v1/events', { token, json: { events } });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      await t.drain();
    });
    after(() => cleanup());

    const age = async (id: string) => {
      const res = await t.call('GET', `/v1/accounts/${id}/age`, { token });
      assert.equal(res.status, 200, `${id}: ${JSON.stringify(res.body)}`);
      return res.body as { tier: string; basis: string | null; basisEntryId: string | null; reasons: string[]; needsReview: boolean };
    };

    test('a child who says "i\'m 12" is decided under 13, with the disclosure among the reasons', async () => {
      const d = await age('kid-x');
      assert.equal(d.tier, 'under13');
      assert.equal(d.basis, 'chat_disclosure');
      assert.equal(d.basisEntryId, 'ad-2#age');
      assert.ok(d.reasons.some((r) => /chat disclosure says age 12/.test(r)), d.reasons.join(' | '));
      assert.equal(d.needsReview, true, 'a credible under-13 signal goes to review (default policy)');
      const rows = await t.deps.database.db.selectFrom('derived_age_entries').selectAll().where('account_id', '=', 'kid-x').execute();
      assert.deepEqual(
        rows.map((r) => [r.id, r.method, r.age, r.event_id]),
        [['ad-2#age', 'chat_disclosure', 12, 'ad-2']],
        'recorded once: the repeat adds nothing',
      );
    });

    test('the checks use it: an adult stranger may not message the child the platform thinks is an adult', async () => {
      const dm = await t.call('POST', '/v1/checks/message', { token, json: { sender: { id: 'stranger-1', tier: 'adult' }, recipient: { id: 'kid-x', tier: 'adult' }, relation: 'none' } });
      assert.equal(dm.status, 200, JSON.stringify(dm.body));
      assert.deepEqual([dm.body.allow, dm.body.code], [false, 'not_connected']);
      const control = await t.call('POST', '/v1/checks/message', { token, json: { sender: { id: 'stranger-1', tier: 'adult' }, recipient: { id: 'other-adult', tier: 'adult' }, relation: 'none' } });
      assert.equal(control.body.allow, true, 'an adult who said nothing in chat is unaffected');
    });

    test('a chat disclosure never proves adulthood and never beats a verification', async () => {
      const claims = await age('says-adult');
      assert.equal(claims.tier, 'unknown');
      assert.ok(claims.reasons.some((r) => /never proves adulthood/.test(r)), claims.reasons.join(' | '));
      const verified = await age('verified-adult');
      assert.equal(verified.tier, 'adult');
      assert.equal(verified.basis, 'id_document');
      assert.ok(verified.reasons.some((r) => /conflict: chat disclosure says age 12/.test(r)), verified.reasons.join(' | '));
    });

    test('an entry is stored once: writing it again (a reprocessed event) changes nothing', async () => {
      const before = await t.deps.database.db.selectFrom('derived_age_entries').selectAll().orderBy('id').execute();
      assert.deepEqual(before.map((r) => r.id), ['ad-2#age', 'ad-4#age', 'ad-5#age']);
      await withWriteTransaction(t.deps.database, (trx) =>
        insertDerivedAgeEntries(trx, [{ scope: '', id: 'ad-2#age', accountId: 'kid-x', method: 'chat_disclosure', age: 30, at: ts, eventSeq: 1, eventId: 'ad-2' }], ts),
      );
      const afterRows = await t.deps.database.db.selectFrom('derived_age_entries').selectAll().orderBy('id').execute();
      assert.deepEqual(afterRows, before, 'the first version stays');
    });
  });
}
