/** The action checks (issue 5) through the API, with the default policy. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../src/server/test-app.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

const [sqlite] = testDatabases();

describe('checks API (default policy)', () => {
  let t: TestApp;
  let token: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ t, cleanup } = await openTestApp(sqlite!));
    token = await t.token('events', 'age');
  });
  after(() => cleanup());

  const check = async (action: string, json: unknown) => {
    const res = await t.call('POST', `/v1/checks/${action}`, { token, json });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(typeof res.body.reason, 'string');
    return res.body as { allow: boolean; code: string };
  };

  test('messages: a stranger adult may not DM a child; a family member may', async () => {
    const stranger = await check('message', { sender: { id: 'a', tier: 'adult' }, recipient: { id: 'c', tier: 'under13' }, relation: 'none' });
    assert.deepEqual([stranger.allow, stranger.code], [false, 'not_connected']);
    const family = await check('message', { sender: { id: 'a', tier: 'adult' }, recipient: { id: 'c', tier: 'under13' }, relation: 'family' });
    assert.equal(family.allow, true);
    const blocked = await check('message', { sender: { id: 'a', tier: 'adult' }, recipient: { id: 'b', tier: 'adult' }, relation: 'blocked' });
    assert.deepEqual([blocked.allow, blocked.code], [false, 'blocked']);
  });

  test('going live: public streams need the policy minimum age; unknown age must be checked first', async () => {
    const child = await check('go-live', { account: { id: 'c', tier: '13-15' }, audience: 'public' });
    assert.deepEqual([child.allow, child.code], [false, 'below_min_age']);
    const unknown = await check('go-live', { account: { id: 'u' } });
    assert.deepEqual([unknown.allow, unknown.code], [false, 'age_check_required']);
    assert.equal((await check('go-live', { account: { id: 'a', tier: 'adult' }, audience: 'public' })).allow, true);
  });

  test("comments and gifts on a child's stream follow the streamer's settings", async () => {
    const stream = { id: 's1', streamerTier: '13-15', audience: 'public' };
    const comment = await check('comment', { viewer: { id: 'v', tier: 'adult' }, relation: 'none', stream });
    assert.deepEqual([comment.allow, comment.code], [false, 'comments_off']);
    const friend = await check('comment', { viewer: { id: 'f', tier: '13-15' }, relation: 'friend', stream });
    assert.equal(friend.allow, true);
    const gift = await check('gift', { viewer: { id: 'v', tier: 'adult' }, relation: 'friend', stream });
    assert.deepEqual([gift.allow, gift.code], [false, 'gifts_off']);
  });

  test('bad check input is a 400 with a stable code', async () => {
    for (const [action, json] of [
      ['message', { sender: { id: 'a', tier: 'toddler' }, recipient: { id: 'b' } }],
      ['go-live', { account: { id: 'a' }, audience: 'everyone' }],
      ['comment', { viewer: { id: 'v' } }],
      ['gift', 'not an object'],
    ] as const) {
      const res = await t.call('POST', `/v1/checks/${action}`, { token, json });
      assert.equal(res.status, 400, action);
      assert.equal(res.body.error.code, 'invalid_body');
    }
  });

  test('age signals decide an account tier, which the checks then use', async () => {
    const signals = await t.call('POST', '/v1/age/signals', {
      token,
      json: { signals: [{ id: 'age-1', account: { id: 'acct-young' }, method: 'id_document', age: 12, ts: 1_700_000_000_000 }] },
    });
    assert.equal(signals.status, 202, JSON.stringify(signals.body));
    assert.deepEqual(signals.body.accepted.map((a: { id: string }) => a.id), ['age-1']);
    const age = await t.call('GET', '/v1/accounts/acct-young/age', { token });
    assert.equal(age.status, 200, JSON.stringify(age.body));
    assert.equal(age.body.tier, 'under13');
    assert.equal(age.body.basis, 'id_document');
    assert.ok(age.body.reasons.length > 0);
    // No tier from the platform: Lifeguard's decision is used, so an adult stranger may not message this child.
    await new Promise((r) => setTimeout(r, 1100)); // the per-account cache lives 1 s
    const dm = await check('message', { sender: { id: 'stranger', tier: 'adult' }, recipient: { id: 'acct-young' }, relation: 'none' });
    assert.deepEqual([dm.allow, dm.code], [false, 'not_connected']);
    const live = await check('go-live', { account: { id: 'acct-young' }, audience: 'public' });
    assert.equal(live.code, 'below_min_age');
    const bad = await t.call('POST', '/v1/age/signals', { token, json: { signals: [{ id: 'x', account: { id: 'a' }, method: 'astrology' }] } });
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'invalid_body']);
  });

  test("a stream's live state from the guardian is used: no comments once it ended", async () => {
    const events = [
      { id: 'st-1', type: 'stream.started', streamId: 'live-1', streamer: { id: 'streamer', ageTier: 'adult' }, audience: 'public', ts: 1_700_000_000_000 },
      { id: 'st-2', type: 'stream.ended', streamId: 'live-1', ts: 1_700_000_060_000 },
      { id: 'st-3', type: 'stream.started', streamId: 'live-2', streamer: { id: 'teen-streamer', ageTier: '13-15' }, audience: 'public', ts: 1_700_000_000_000 },
    ];
    assert.equal((await t.call('POST', '/v1/events', { token, json: { events } })).status, 202);
    await t.drain();
    const risk = await t.call('GET', '/v1/streams/live-1/risk', { token });
    assert.equal(risk.status, 200, JSON.stringify(risk.body));
    const comment = await check('comment', { viewer: { id: 'v1', tier: 'adult' }, relation: 'friend', stream: { id: 'live-1' } });
    assert.deepEqual([comment.allow, comment.code], [false, 'stream_ended']);
    // The platform did not say who streams live-2; the guardian knows it is a 13-15 streamer (and restricted it).
    const stranger = await check('comment', { viewer: { id: 'v2', tier: 'adult' }, relation: 'none', stream: { id: 'live-2' } });
    assert.equal(stranger.allow, false);
    assert.ok(['stream_restricted', 'comments_off'].includes(stranger.code), stranger.code);
    const friend = await check('comment', { viewer: { id: 'v3', tier: '13-15' }, relation: 'friend', stream: { id: 'live-2' } });
    assert.equal(friend.allow, true);
  });

  test('unknown accounts have no age decision yet: 404 not_found (or feature_unavailable before the read model exists)', async (ctx) => {
    const res = await t.call('GET', '/v1/accounts/nobody/age', { token });
    if (res.status === 503) return ctx.skip('age read model not wired yet');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'not_found');
  });
});
