/** Every child-safe default as a check (issue 14): the feature-registry routes and an account's settings, through the API. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { featureChecks, featureChecksTable } from '../src/core/safety-policy/feature-checks.ts';
import { routes } from '../src/server/route-registry.ts';
import type { TestApp } from '../src/server/test-app.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

const [sqlite] = testDatabases();

test('the README table of the feature checks is the one generated from the registry', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(featureChecksTable()), 'README: paste featureChecksTable() (see src/core/safety-policy/feature-checks.ts)');
});

describe('feature checks API (default policy)', () => {
  let t: TestApp;
  let token: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ t, cleanup } = await openTestApp(sqlite!));
    token = await t.token('events', 'age');
    // Lifeguard's own decisions: one child, one adult (no tier from the platform in the calls below).
    const signals = await t.call('POST', '/v1/age/signals', {
      token,
      json: {
        signals: [
          { id: 'fa-1', account: { id: 'kid' }, method: 'id_document', age: 11, ts: 1_700_000_000_000 },
          { id: 'fa-2', account: { id: 'grown' }, method: 'id_document', age: 35, ts: 1_700_000_000_000 },
        ],
      },
    });
    assert.equal(signals.status, 202, JSON.stringify(signals.body));
  });
  after(() => cleanup());

  const check = async (name: string, json: unknown) => {
    const res = await t.call('POST', `/v1/checks/${name}`, { token, json });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(typeof res.body.reason, 'string');
    assert.ok(res.body.reason.length > 0);
    return res.body as { allow: boolean; code: string; sharesWith?: string };
  };
  const pair = (r: { allow: boolean; code: string }) => [r.allow, r.code];

  test('every registry entry is a registered route, documented in /openapi.json', async () => {
    const doc = (await t.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, { summary: string }>> };
    for (const f of featureChecks) {
      assert.ok(routes.some((r) => r.method === 'post' && r.path === `/v1/checks/${f.name}` && r.access === 'events'), f.name);
      assert.ok(doc.paths[`/v1/checks/${f.name}`]?.post?.summary.startsWith(f.question), f.name);
    }
    assert.ok(doc.paths['/v1/accounts/{id}/settings']?.get, 'settings route documented');
  });

  test('record: nobody records a child’s stream; a stranger may record an adult’s public stream', async () => {
    assert.deepEqual(pair(await check('record', { viewer: { id: 'grown' }, relation: 'friend', stream: { id: 'rs-1', streamerTier: 'under13' } })), [false, 'recording_off']);
    assert.deepEqual(pair(await check('record', { viewer: { id: 'kid' }, relation: 'none', stream: { id: 'rs-2', streamerTier: 'adult' } })), [true, 'allowed']);
    // unknown-age streamer: protective (connections only)
    assert.deepEqual(pair(await check('record', { viewer: { id: 'x', tier: 'adult' }, relation: 'none', stream: { id: 'rs-3' } })), [false, 'recording_off']);
  });

  test('view: connections-only streams only to connections; blocked viewers never', async () => {
    const stream = { id: 'vs-1', streamerTier: '13-15', audience: 'connections' };
    assert.deepEqual(pair(await check('view', { viewer: { id: 'grown' }, relation: 'none', stream })), [false, 'not_connected']);
    assert.deepEqual(pair(await check('view', { viewer: { id: 'kid' }, relation: 'friend', stream })), [true, 'allowed']);
    assert.deepEqual(pair(await check('view', { viewer: { id: 'grown' }, relation: 'blocked', stream: { id: 'vs-2', streamerTier: 'adult' } })), [false, 'blocked']);
  });

  test('discoverable and suggest: a child is shown only to connections; an adult to anyone; unknown age is protective', async () => {
    assert.deepEqual(pair(await check('discoverable', { account: { id: 'kid' }, other: { id: 'grown' }, relation: 'none' })), [false, 'not_discoverable']);
    assert.deepEqual(pair(await check('discoverable', { account: { id: 'kid' }, other: { id: 'grown' }, relation: 'family' })), [true, 'allowed']);
    assert.deepEqual(pair(await check('discoverable', { account: { id: 'grown' }, other: { id: 'kid' } })), [true, 'allowed']);
    assert.deepEqual(pair(await check('discoverable', { account: { id: 'no-age-yet' }, other: { id: 'grown' } })), [false, 'not_discoverable']);
    assert.deepEqual(pair(await check('suggest', { account: { id: 'kid' }, other: { id: 'grown' }, relation: 'follower' })), [false, 'no_suggestions']);
    assert.deepEqual(pair(await check('suggest', { account: { id: 'grown' }, other: { id: 'grown-2', tier: 'adult' } })), [true, 'allowed']);
    assert.deepEqual(pair(await check('suggest', { account: { id: 'no-age-yet' }, other: { id: 'grown' } })), [false, 'no_suggestions']);
    assert.deepEqual(pair(await check('suggest', { account: { id: 'grown' }, other: { id: 'kid' } })), [false, 'no_suggestions']);
    assert.deepEqual(pair(await check('suggest', { account: { id: 'grown' }, other: { id: 'kid' }, relation: 'guardian' })), [true, 'allowed']);
    // the platform says adult, Lifeguard decided under 13: the younger wins
    assert.deepEqual(pair(await check('suggest', { account: { id: 'kid', tier: 'adult' }, other: { id: 'grown' } })), [false, 'no_suggestions']);
  });

  test('location: off for a child and for unknown age; an adult shares with connections', async () => {
    const kid = await check('location', { account: { id: 'kid' }, relation: 'friend' });
    assert.deepEqual([kid.allow, kid.code, kid.sharesWith], [false, 'location_off', 'off']);
    const unknown = await check('location', { account: { id: 'no-age-yet' }, relation: 'family' });
    assert.deepEqual([unknown.allow, unknown.code], [false, 'location_off']);
    const friend = await check('location', { account: { id: 'grown' }, relation: 'friend' });
    assert.deepEqual([friend.allow, friend.sharesWith], [true, 'connections']);
    assert.deepEqual(pair(await check('location', { account: { id: 'grown' } })), [false, 'not_connected']);
  });

  test('settings: the protective defaults from the decided tier', async () => {
    const kid = await t.call('GET', '/v1/accounts/kid/settings', { token });
    assert.equal(kid.status, 200, JSON.stringify(kid.body));
    assert.equal(kid.body.tier, 'under13');
    assert.deepEqual(
      [kid.body.settings.discoverable, kid.body.settings.friendSuggestions, kid.body.settings.location, kid.body.settings.dm, kid.body.settings.streamRecording],
      [false, false, 'off', 'connections', 'nobody'],
    );
    const grown = await t.call('GET', '/v1/accounts/grown/settings', { token });
    assert.deepEqual([grown.body.tier, grown.body.settings.discoverable, grown.body.settings.location], ['adult', true, 'connections']);
    const unknown = await t.call('GET', '/v1/accounts/no-age-yet/settings', { token });
    assert.deepEqual([unknown.status, unknown.body.tier, unknown.body.settings.discoverable, unknown.body.settings.location], [200, 'unknown', false, 'off']);
  });

  test('bad input is a 400; no key is a 401; another scope is a 403', async () => {
    for (const [name, json] of [
      ['record', { viewer: { id: 'v' } }],
      ['view', { viewer: { id: 'v', tier: 'toddler' }, stream: { id: 's' } }],
      ['discoverable', { account: { id: 'a' } }],
      ['suggest', 'not an object'],
      ['location', { account: { id: 'a' }, relation: 'stranger' }],
    ] as const) {
      const res = await t.call('POST', `/v1/checks/${name}`, { token, json });
      assert.deepEqual([res.status, res.body.error.code], [400, 'invalid_body'], name);
    }
    const other = await t.token('review');
    for (const f of featureChecks) {
      const json = { account: { id: 'a' }, other: { id: 'b' }, viewer: { id: 'v' }, stream: { id: 's' } };
      assert.equal((await t.call('POST', `/v1/checks/${f.name}`, { json })).status, 401, f.name);
      assert.equal((await t.call('POST', `/v1/checks/${f.name}`, { token: other, json })).status, 403, f.name);
    }
    assert.equal((await t.call('GET', '/v1/accounts/kid/settings')).status, 401);
    assert.equal((await t.call('GET', '/v1/accounts/kid/settings', { token: other })).status, 403);
  });
});
