/**
 * The action checks reflect what the guardian did to viewers on a live stream: a viewer whose comments it held
 * may not comment (`comments_held`) or gift (`viewer_held`); a viewer it removed may do neither
 * (`viewer_removed`); other viewers are unaffected. Events go through the HTTP app and the real workers.
 * SQLite and PostgreSQL. Texts are short synthetic examples.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../src/server/test-app.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

const t0 = Date.parse('2025-03-01T17:00:00Z');
const at = (s: number) => t0 + s * 1000;

/** A 15-year-old streams to connections; an adult "friend" on a days-old, flagged account pushes for a picture. */
const teenStream = [
  { id: 'cl-1', type: 'stream.started', streamId: 'cl-teen', streamer: { id: 'teen-1', ageTier: '13-15' }, audience: 'connections', ts: at(0) },
  { id: 'cl-2', type: 'stream.viewer_joined', streamId: 'cl-teen', viewer: { id: 'classmate', ageTier: '13-15' }, connection: 'friend', ts: at(5) },
  {
    id: 'cl-3',
    type: 'stream.viewer_joined',
    streamId: 'cl-teen',
    viewer: { id: 'pushy', ageTier: 'adult', createdAt: at(-2 * 86_400), priorFlags: 3 },
    connection: 'friend',
    ts: at(10),
  },
  { id: 'cl-4', type: 'stream.comment', streamId: 'cl-teen', author: { id: 'classmate' }, text: 'this level is so hard', ts: at(20) },
  { id: 'cl-5', type: 'stream.comment', streamId: 'cl-teen', author: { id: 'pushy' }, text: 'you look really pretty today', ts: at(30) },
  { id: 'cl-6', type: 'stream.comment', streamId: 'cl-teen', author: { id: 'pushy' }, text: 'are your parents home right now?', ts: at(40) },
  { id: 'cl-7', type: 'stream.comment', streamId: 'cl-teen', author: { id: 'pushy' }, text: 'add me on snap so we can talk more', ts: at(50) },
  { id: 'cl-8', type: 'stream.comment', streamId: 'cl-teen', author: { id: 'pushy' }, text: 'send me a picture of you', ts: at(60) },
];

/** An adult's public stream: two viewers report a third. */
const adultStream = [
  { id: 'ca-1', type: 'stream.started', streamId: 'cl-adult', streamer: { id: 'adult-streamer', ageTier: 'adult' }, audience: 'public', ts: at(0) },
  { id: 'ca-2', type: 'stream.viewer_joined', streamId: 'cl-adult', viewer: { id: 'reported', ageTier: 'adult' }, connection: 'none', ts: at(5) },
  { id: 'ca-3', type: 'stream.viewer_joined', streamId: 'cl-adult', viewer: { id: 'fan', ageTier: 'adult' }, connection: 'none', ts: at(6) },
  { id: 'ca-4', type: 'report.filed', reporter: { id: 'r1' }, subject: { type: 'account', id: 'reported' }, streamId: 'cl-adult', reason: 'harassment', ts: at(20) },
  { id: 'ca-5', type: 'report.filed', reporter: { id: 'r2' }, subject: { type: 'account', id: 'reported' }, streamId: 'cl-adult', reason: 'harassment', ts: at(30) },
];

for (const target of testDatabases()) {
  describe(`${target.name}: checks follow the guardian's live restrictions on viewers`, () => {
    let t: TestApp;
    let token: string;
    let cleanup: () => Promise<void>;
    let effects: { kind: string; target: string; stream?: string }[];
    before(async () => {
      ({ t, cleanup } = await openTestApp(target));
      token = await t.token('events');
      const res = await t.call('POST', '/v1/events', { token, json: { events: [...teenStream, ...adultStream] } });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      await t.drain();
      const page = await t.call('GET', '/v1/effects?limit=1000', { token });
      effects = (page.body.items as { effect: { kind: string; target: { id: string }; scope?: { id: string } } }[]).map((e) => ({
        kind: e.effect.kind,
        target: e.effect.target.id,
        ...(e.effect.scope ? { stream: e.effect.scope.id } : {}),
      }));
    });
    after(() => cleanup());

    const check = async (action: 'comment' | 'gift', viewer: { id: string; tier: string }, relation: string, stream: string) => {
      const res = await t.call('POST', `/v1/checks/${action}`, { token, json: { viewer, relation, stream: { id: stream } } });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(typeof res.body.reason, 'string');
      return res.body as { allow: boolean; code: string; reason: string };
    };
    const did = (kind: string, target: string, stream: string) => effects.some((e) => e.kind === kind && e.target === target && e.stream === stream);

    test('a viewer the guardian removed may neither comment nor gift; a classmate still may comment', async () => {
      assert.ok(did('remove_viewer', 'pushy', 'cl-teen'), `the scenario removes the viewer: ${JSON.stringify(effects)}`);
      const comment = await check('comment', { id: 'pushy', tier: 'adult' }, 'friend', 'cl-teen');
      assert.deepEqual([comment.allow, comment.code], [false, 'viewer_removed']);
      assert.match(comment.reason, /removed/);
      const gift = await check('gift', { id: 'pushy', tier: 'adult' }, 'friend', 'cl-teen');
      assert.deepEqual([gift.allow, gift.code], [false, 'viewer_removed']);
      const classmate = await check('comment', { id: 'classmate', tier: '13-15' }, 'friend', 'cl-teen');
      assert.deepEqual([classmate.allow, classmate.code], [true, 'allowed']);
    });

    test('a viewer whose comments the guardian held may neither comment nor gift; another viewer may do both', async () => {
      assert.ok(did('hold_comments', 'reported', 'cl-adult'), `the reports hold the viewer: ${JSON.stringify(effects)}`);
      assert.ok(!did('remove_viewer', 'reported', 'cl-adult'), 'held, not removed');
      const comment = await check('comment', { id: 'reported', tier: 'adult' }, 'none', 'cl-adult');
      assert.deepEqual([comment.allow, comment.code], [false, 'comments_held']);
      assert.match(comment.reason, /held for review/);
      const gift = await check('gift', { id: 'reported', tier: 'adult' }, 'none', 'cl-adult');
      assert.deepEqual([gift.allow, gift.code], [false, 'viewer_held']);
      const fanComment = await check('comment', { id: 'fan', tier: 'adult' }, 'none', 'cl-adult');
      assert.deepEqual([fanComment.allow, fanComment.code], [true, 'allowed']);
      const fanGift = await check('gift', { id: 'fan', tier: 'adult' }, 'none', 'cl-adult');
      assert.deepEqual([fanGift.allow, fanGift.code], [true, 'allowed']);
    });

    test("the stream's risk read model lists the held and removed viewers the checks use", async () => {
      const teen = await t.call('GET', '/v1/streams/cl-teen/risk', { token });
      assert.equal(teen.status, 200, JSON.stringify(teen.body));
      assert.ok(teen.body.detail.removedViewers.includes('pushy'));
      assert.ok(!teen.body.detail.removedViewers.includes('classmate'));
      const adult = await t.call('GET', '/v1/streams/cl-adult/risk', { token });
      assert.deepEqual(adult.body.detail.heldViewers, ['reported']);
      assert.deepEqual(adult.body.detail.removedViewers, []);
    });
  });
}
