import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCodes } from './check-result.ts';
import { createFeatureChecks, featureChecks, featureChecksTable } from './feature-checks.ts';
import { defaultPolicy, policySchema } from './policy-schema.ts';
import { createSafetyChecks } from './safety-checks.ts';
import { defaultTierSettings } from './tier-settings.ts';

const feature = createFeatureChecks(createSafetyChecks(defaultPolicy()));
const childStream = { streamerTier: 'under13' as const, audience: 'public' as const };
const adultStream = { streamerTier: 'adult' as const, audience: 'public' as const };

test('the registry: unique names, each deciding setting is a real tier setting', () => {
  const names = featureChecks.map((f) => f.name);
  assert.equal(new Set(names).size, names.length);
  for (const f of featureChecks) {
    assert.match(f.name, /^[a-z][a-z-]*$/);
    if (f.setting !== null) assert.ok(f.setting in defaultTierSettings.adult, f.setting);
  }
  assert.deepEqual(names, ['record', 'view', 'discoverable', 'suggest', 'location']);
});

test('record: nobody records a child’s stream; anyone may record an adult’s public stream', () => {
  const friend = { id: 'f', tier: 'under13' as const, relation: 'friend' as const };
  const stranger = { id: 's', tier: 'adult' as const, relation: 'none' as const };
  assert.equal(feature('record', { viewer: friend, stream: childStream }).code, 'recording_off');
  assert.equal(feature('record', { viewer: stranger, stream: adultStream }).allow, true);
  assert.equal(feature('record', { viewer: stranger, stream: { ...adultStream, ended: true } }).code, 'stream_ended');
});

test('view: public streams may be watched; connections-only streams only by connections', () => {
  const stranger = { id: 's', tier: 'adult' as const, relation: 'none' as const };
  assert.equal(feature('view', { viewer: stranger, stream: adultStream }).allow, true);
  assert.equal(feature('view', { viewer: stranger, stream: { ...childStream, audience: 'connections' } }).code, 'not_connected');
  assert.equal(feature('view', { viewer: { ...stranger, relation: 'friend' }, stream: { ...childStream, audience: 'connections' } }).allow, true);
  assert.equal(feature('view', { viewer: { ...stranger, relation: 'blocked' }, stream: adultStream }).code, 'blocked');
});

test('discoverable and suggest: minors and unknown ages are found only by connections', () => {
  for (const tier of ['under13', '13-15', '16-17', 'unknown'] as const) {
    const d = feature('discoverable', { account: { tier }, other: { tier: 'adult' }, relation: 'none' });
    assert.deepEqual([d.allow, d.code], [false, 'not_discoverable'], tier);
    const s = feature('suggest', { account: { tier }, other: { tier: 'adult' }, relation: 'follower' });
    assert.deepEqual([s.allow, s.code], [false, 'no_suggestions'], tier);
    assert.equal(feature('discoverable', { account: { tier }, other: { tier: 'adult' }, relation: 'family' }).allow, true);
  }
  assert.equal(feature('discoverable', { account: { tier: 'adult' }, other: { tier: 'adult' }, relation: 'none' }).allow, true);
  assert.equal(feature('suggest', { account: { tier: 'adult' }, other: { tier: 'adult' }, relation: 'none' }).allow, true);
  assert.equal(feature('suggest', { account: { tier: 'adult' }, other: { tier: 'adult' }, relation: 'blocked' }).code, 'blocked');
  const toChild = feature('suggest', { account: { tier: 'adult' }, other: { tier: 'under13' }, relation: 'none' });
  assert.deepEqual([toChild.allow, toChild.code], [false, 'no_suggestions'], 'a child is not shown unconnected strangers as suggestions');
  assert.match(toChild.reason, /younger/);
  assert.equal(feature('suggest', { account: { tier: 'adult' }, other: { tier: 'under13' }, relation: 'teacher' }).allow, true);
  assert.equal(feature('discoverable', { account: { tier: 'adult' }, other: { tier: 'under13' }, relation: 'none' }).allow, true, 'search is decided by the shown account only');
});

test('location: off for minors and unknown ages; adults share with connections only by default', () => {
  for (const relation of ['none', 'friend', 'guardian'] as const) {
    assert.equal(feature('location', { account: { tier: '13-15' }, relation }).code, 'location_off');
    assert.equal(feature('location', { account: { tier: 'unknown' }, relation }).code, 'location_off');
  }
  assert.equal(feature('location', { account: { tier: 'adult' }, relation: 'friend' }).allow, true);
  assert.equal(feature('location', { account: { tier: 'adult' }, relation: 'none' }).code, 'not_connected');
});

test('the checks follow the policy file', () => {
  const open = createFeatureChecks(createSafetyChecks(policySchema.parse({ tiers: { '16-17': { discoverable: true, location: 'connections' } } })));
  assert.equal(open('discoverable', { account: { tier: '16-17' }, other: { tier: 'adult' }, relation: 'none' }).allow, true);
  assert.equal(open('location', { account: { tier: '16-17' }, relation: 'friend' }).allow, true);
  assert.equal(open('discoverable', { account: { tier: '13-15' }, other: { tier: 'adult' }, relation: 'none' }).allow, false);
});

test('every answer code is a registered check code; the README table names every check', () => {
  const table = featureChecksTable();
  for (const f of featureChecks) assert.ok(table.includes(`/v1/checks/${f.name}\``), f.name);
  const codes = new Set<string>(checkCodes);
  const a = feature('location', { account: { tier: 'under13' }, relation: 'none' });
  assert.ok(codes.has(a.code));
  assert.ok(Object.isFrozen(a));
});
