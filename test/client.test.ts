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
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

let t: TestApp;
let cleanup: () => Promise<void>;
before(async () => ({ t, cleanup } = await openTestApp(testDatabases()[0]!)));
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
