/**
 * The typed client (`lifeguard/client`) against the real app (through app.fetch, no socket): every route it
 * calls exists in /openapi.json with that method, its calls work end to end, API errors come back typed, and
 * webhook signatures verify. Its request/response types are the route schemas' own, so `tsc` checks it too.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientRoutes, createLifeguardClient, LifeguardApiError, verifyWebhookSignature } from '../src/client/index.ts';
import { signWebhook } from '../src/delivery/webhook-signature.ts';
import type { TestApp } from '../src/server/test-app.ts';
import { schematicFaceSvg, svgToPng } from '../src/age-estimators/generated-images.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

let t: TestApp;
let cleanup: () => Promise<void>;
before(async () => ({ t, cleanup } = await openTestApp(testDatabases()[0]!, { env: { LIFEGUARD_API_REVIEWERS: 'vouched' } })));
after(() => cleanup());

test('every client route is in /openapi.json with the same method', async () => {
  const admin = await t.token('admin');
  const doc = (await t.call('GET', '/openapi.json', { token: admin })).body as { paths: Record<string, Record<string, unknown>> };
  for (const [name, [method, path]] of Object.entries(clientRoutes)) assert.ok(doc.paths[path]?.[method], `${name}: ${method} ${path}`);
});

test('the client calls the API: lists, checks, events, effects, opinions; errors are typed', async () => {
  const fetchVia = (input: string, init: RequestInit) => Promise.resolve(t.app.fetch(new Request(input, init)));
  const client = createLifeguardClient({ baseUrl: 'http://lifeguard.test', apiKey: await t.token('admin'), fetch: fetchVia });
  await client.createBank('client-urls');
  const added = await client.addEntries('client-urls', [{ type: 'url', value: 'listed.example/x/*' }, { type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' }]);
  assert.equal(added.added, 2);
  const url = await client.checkUrl({ url: 'https://www.listed.example/x/y' });
  assert.equal(url.allow, false);
  assert.equal(url.matches[0]!.bank, 'client-urls');
  const hash = await client.matchHash({ type: 'md5', value: 'D41D8CD98F00B204E9800998ECF8427E', banks: ['client-urls'] });
  assert.equal(hash.matches[0]!.distance, 0);
  const op = await client.recordOpinion('client-urls', hash.matches[0]!.entryId, 'false_positive');
  assert.equal(op.disabled, true);
  assert.equal((await client.matchHash({ type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' })).matches.length, 0);
  const sent = await client.postEvents([{ id: 'cl-1', type: 'chat.message', conversationId: 'cc', author: { id: 'a' }, text: 'see listed.example/x/1' }]);
  assert.deepEqual(sent.accepted.map((a) => a.id), ['cl-1']);
  await t.drain();
  const fx = await client.listEffects({ limit: 100 });
  assert.ok(fx.items.some((e) => e.effect.kind === 'hold_message'));
  assert.deepEqual((await client.listExchanges()).items, []);
  await assert.rejects(client.createBank('client-urls'), (e: unknown) => e instanceof LifeguardApiError && e.status === 409 && e.code === 'bank_exists');
  const weak = createLifeguardClient({ baseUrl: 'http://lifeguard.test', apiKey: await t.token('content'), fetch: fetchVia });
  await assert.rejects(weak.createBank('nope'), (e: unknown) => e instanceof LifeguardApiError && e.status === 403);
});

test('webhook receivers verify signatures with the client export', () => {
  const body = JSON.stringify({ kind: 'hold_message' });
  const now = 1_800_000_000;
  const header = signWebhook('whsec', body, now);
  assert.equal(verifyWebhookSignature('whsec', header, body, 300, now), true);
  assert.equal(verifyWebhookSignature('whsec', header, `${body} `, 300, now), false);
  assert.equal(verifyWebhookSignature('other', header, body, 300, now), false);
  assert.equal(verifyWebhookSignature('whsec', header, body, 300, now + 301), false);
});

test('the client is the package entry `lifeguard/client`', async () => {
  const viaPackage = await import('lifeguard/client');
  assert.equal(viaPackage.createLifeguardClient, createLifeguardClient);
});

test('age assurance through the client: sign-up, checks, estimate, appeal resolution', { timeout: 180_000 }, async () => {
  const fetchVia = (input: string, init: RequestInit) => Promise.resolve(t.app.fetch(new Request(input, init)));
  const platform = createLifeguardClient({ baseUrl: 'http://lifeguard.test', apiKey: await t.token('events', 'age', 'age:estimate'), fetch: fetchVia });
  const reviewers = createLifeguardClient({ baseUrl: 'http://lifeguard.test', apiKey: await t.token('cases:read', 'cases:write'), fetch: fetchVia });
  // Sign-up: a declared birth date of a 14-year-old decides the 13-15 tier; the settings follow.
  const year = new Date().getUTCFullYear() - 14;
  const signed = await platform.recordAgeSignals([{ id: 'cl-dob-1', account: { id: 'cl-teen' }, method: 'self_declared', dateOfBirth: `${year}-01-01` }]);
  assert.deepEqual(signed.accepted.map((a) => a.id), ['cl-dob-1']);
  assert.equal((await platform.accountAge('cl-teen')).tier, '13-15');
  const settings = await platform.accountSettings('cl-teen');
  assert.deepEqual([settings.tier, settings.settings.discoverable], ['13-15', false]);
  // Every check answers allow/deny/code/reason.
  const stream = { id: 'cl-stream', streamerTier: 'adult' as const, audience: 'public' as const };
  for (const r of [
    await platform.checkGoLive({ account: { id: 'cl-teen' }, audience: 'public' }),
    await platform.checkComment({ viewer: { id: 'cl-teen' }, stream }),
    await platform.checkGift({ viewer: { id: 'cl-teen' }, stream }),
    await platform.checkRecord({ viewer: { id: 'cl-teen' }, stream }),
    await platform.checkView({ viewer: { id: 'cl-teen' }, stream }),
    await platform.checkDiscoverable({ account: { id: 'cl-teen' }, other: { id: 'cl-stranger' } }),
    await platform.checkSuggest({ account: { id: 'cl-teen' }, other: { id: 'cl-stranger' } }),
  ]) {
    assert.equal(typeof r.allow, 'boolean');
    assert.ok(r.code.length > 0 && r.reason.length > 0);
  }
  assert.equal((await platform.checkDiscoverable({ account: { id: 'cl-teen' }, other: { id: 'cl-stranger' } })).allow, false, 'a 13-15 account is not shown to strangers');
  const loc = await platform.checkLocation({ account: { id: 'cl-teen' } });
  assert.equal(loc.sharesWith, settings.settings.location);
  // Estimation: raw image bytes; the answer has the model version and the decision.
  const est = await platform.estimateAge('cl-face', await svgToPng(schematicFaceSvg(128)), 'image/png');
  assert.equal(est.accountId, 'cl-face');
  assert.match(est.modelVersion ?? '', /^face-api@/);
  assert.equal(est.decision?.tier, 'unknown');
  await assert.rejects(platform.estimateAge('cl-face', new TextEncoder().encode('not an image'), 'application/octet-stream'), (e: unknown) => e instanceof LifeguardApiError && e.status === 415);
  // Appeal → case → a reviewer overturns it to 16-17 with a reason.
  await platform.postEvents([{ id: 'cl-appeal-1', type: 'age.appeal', account: { id: 'cl-teen' }, claimedAge: 16 }]);
  await t.drain();
  const cases = await reviewers.request<{ items: { id: string; source: string; subjects: { id: string }[] }[] }>('get', '/v1/cases', undefined, { source: 'age_appeal' });
  const c = cases.items.find((x) => x.subjects.some((s) => s.id === 'cl-teen'));
  assert.ok(c);
  await reviewers.request('post', `/v1/cases/${c.id}/claim`, undefined, undefined, { headers: { 'x-lifeguard-reviewer': 'rev-1' } });
  await assert.rejects(reviewers.resolveAgeAppeal(c.id, { id: 'rev-1' }, { outcome: 'upheld', reason: '' }), (e: unknown) => e instanceof LifeguardApiError && e.status === 400 && e.code === 'reason_required');
  const done = await reviewers.resolveAgeAppeal(c.id, { id: 'rev-1' }, { outcome: 'overturned', tier: '16-17', reason: 'school record shows 16' });
  assert.equal(done.summary.status, 'closed');
  assert.equal((await platform.accountSettings('cl-teen')).tier, '16-17');
});
