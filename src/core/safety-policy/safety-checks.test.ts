import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPolicy, policySchema } from './policy-schema.ts';
import { createSafetyChecks, type CheckStream } from './safety-checks.ts';

const checks = createSafetyChecks(defaultPolicy());
const child = { tier: 'under13' as const };
const teen = { tier: '13-15' as const };
const older = { tier: '16-17' as const };
const adult = { tier: 'adult' as const };
const unknown = { tier: 'unknown' as const };

test('child-safe defaults: minors are not discoverable, location off, gifts off', () => {
  for (const t of ['under13', '13-15', '16-17', 'unknown'] as const) {
    const s = checks.settingsFor(t);
    assert.equal(s.discoverable, false, t);
    assert.equal(s.friendSuggestions, false, t);
    assert.equal(s.location, 'off', t);
    assert.equal(s.dm, 'connections', t);
    assert.equal(s.streamGifts, 'nobody', t);
  }
  assert.equal(checks.settingsFor('adult').discoverable, true);
});

test('canMessage: an adult stranger cannot DM a child; connections can; blocks win', () => {
  const r = checks.canMessage(adult, child, 'none');
  assert.equal(r.allow, false);
  assert.equal(r.code, 'not_connected');
  assert.equal(checks.canMessage(adult, child, 'follower').allow, false, 'a one-way follow is not a connection');
  assert.equal(checks.canMessage(adult, child, 'family').allow, true);
  assert.equal(checks.canMessage(child, teen, 'friend').allow, true);
  assert.equal(checks.canMessage(adult, adult, 'none').allow, true);
  assert.equal(checks.canMessage(child, adult, 'none').allow, false, 'the child’s own setting also applies when it writes first');
  assert.equal(checks.canMessage(adult, adult, 'blocked').code, 'blocked');
  assert.equal(checks.canMessage(unknown, adult, 'none').allow, false, 'unknown age gets child-safe defaults');
});

test('canMessage follows the policy: dm "nobody" leaves only guardians', () => {
  const strict = createSafetyChecks(policySchema.parse({ tiers: { under13: { dm: 'nobody' } } }));
  assert.equal(strict.canMessage(teen, child, 'friend').code, 'dms_off');
  assert.equal(strict.canMessage(adult, child, 'guardian').allow, true);
});

test('canGoLive: public needs 18; minors may go live to connections or supervised; unknown needs a check', () => {
  assert.equal(checks.canGoLive(adult, 'public').allow, true);
  const t = checks.canGoLive(older, 'public');
  assert.equal(t.allow, false);
  assert.equal(t.code, 'below_min_age');
  assert.match(t.reason, /18/);
  assert.equal(checks.canGoLive(teen, 'connections').allow, true);
  assert.equal(checks.canGoLive(child, 'connections').allow, false);
  assert.equal(checks.canGoLive(child, 'supervised').allow, true);
  assert.equal(checks.canGoLive(unknown, 'public').code, 'age_check_required');
  const p16 = createSafetyChecks(policySchema.parse({ live: { publicMinAge: 16 } }));
  assert.equal(p16.canGoLive(older, 'public').allow, true);
  assert.equal(p16.canGoLive(teen, 'public').allow, false);
});

test('canComment / canGift / canRecord on a child’s stream', () => {
  const stream: CheckStream = { streamerTier: 'under13', audience: 'public' };
  const stranger = { id: 'v1', tier: 'adult' as const, relation: 'none' as const };
  const friend = { id: 'v2', tier: 'under13' as const, relation: 'friend' as const };
  assert.equal(checks.canComment(stranger, stream).code, 'comments_off');
  assert.equal(checks.canComment(friend, stream).allow, true);
  assert.equal(checks.canGift(friend, stream).code, 'gifts_off', 'nobody gifts to a child by default');
  assert.equal(checks.canRecord(friend, stream).allow, false);
  const adultStream: CheckStream = { streamerTier: 'adult', audience: 'public' };
  assert.equal(checks.canComment(stranger, adultStream).allow, true);
  assert.equal(checks.canGift(stranger, adultStream).allow, true);
});

test('live restrictions from the guardian override settings', () => {
  const base: CheckStream = { streamerTier: 'adult', audience: 'public' };
  const v = { id: 'v1', tier: 'adult' as const, relation: 'none' as const };
  const f = { id: 'v2', tier: 'adult' as const, relation: 'friend' as const };
  assert.equal(checks.canComment(v, { ...base, heldViewers: new Set(['v1']) }).code, 'comments_held');
  assert.equal(checks.canGift(v, { ...base, heldViewers: new Set(['v1']) }).code, 'viewer_held', 'a held viewer cannot carry on by gift messages');
  assert.equal(checks.canGift(f, { ...base, heldViewers: new Set(['v1']) }).allow, true);
  assert.equal(checks.canView(v, { ...base, removedViewers: new Set(['v1']) }).code, 'viewer_removed');
  assert.equal(checks.canComment(v, { ...base, connectionsOnly: true }).code, 'stream_restricted');
  assert.equal(checks.canComment(f, { ...base, connectionsOnly: true }).allow, true);
  assert.equal(checks.canGift(f, { ...base, giftsDisabled: true }).code, 'gifts_disabled');
  assert.equal(checks.canComment(f, { ...base, paused: true }).code, 'stream_paused');
  assert.equal(checks.canView(f, { ...base, ended: true }).code, 'stream_ended');
  assert.equal(checks.canView(v, { ...base, audience: 'connections' }).code, 'not_connected');
});

test('answers are shared frozen constants (no allocation per call)', () => {
  const a = checks.canMessage(adult, child, 'none');
  const b = checks.canMessage(adult, teen, 'none');
  assert.equal(a, b);
  assert.ok(Object.isFrozen(a));
});
