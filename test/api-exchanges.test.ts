/**
 * Issue 12 through the HTTP app: an exchange configured over the API (credentials sealed, never returned) is
 * fetched from a local server, its status visible; a failing exchange keeps matching on what was fetched;
 * match-hash filters by bank and source and returns bank, entry, distance and sources; a reviewer's false
 * positive stops an exchange hash matching without deleting it. SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../src/server/test-app.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

for (const target of testDatabases()) {
  describe(`${target.name}: exchanges over the API`, () => {
    let t: TestApp;
    let cleanup: () => Promise<void>;
    let base: string;
    let failing = false;
    const md5s = [randomBytes(16).toString('hex'), randomBytes(16).toString('hex')];
    const pdq = randomBytes(32).toString('hex');
    const server = createServer((req, res) => {
      if (failing) return void res.writeHead(503).end();
      if (req.headers.authorization !== 'Bearer list-token') return void res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ entries: [...md5s.map((v, i) => ({ type: 'md5', value: v, id: `m${i}` })), { type: 'pdq', value: pdq, id: 'p0' }] }));
    });
    before(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      ({ t, cleanup } = await openTestApp(target));
    });
    after(async () => {
      await cleanup();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    });

    test('configure, fetch, status; filter matches by source; a false positive disables without deleting; failures keep matching', async () => {
      const admin = await t.token('admin');
      const banks = await t.token('banks');
      const content = await t.token('content');
      const review = await t.token('review');
      const bad = await t.call('POST', '/v1/exchanges', { token: admin, json: { name: 'x', kind: 'threatexchange', bank: 'b', createBank: true, settings: { privacyGroup: 'abc' } } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid_exchange_settings');
      assert.equal((await t.call('POST', '/v1/exchanges', { token: banks, json: {} })).status, 403, 'configuring needs admin');

      const created = await t.call('POST', '/v1/exchanges', {
        token: admin,
        json: { name: 'partner-list', kind: 'http_list', bank: 'partner', createBank: true, settings: { url: `${base}/list.json`, format: 'json' }, credentials: { bearerToken: 'list-token' }, intervalSeconds: 3600 },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.hasCredentials, true);
      assert.equal(JSON.stringify(created.body).includes('list-token'), false, 'credentials are never returned');
      assert.equal(created.body.source, 'exchange:partner-list');

      const fetched = await t.call('POST', '/v1/exchanges/partner-list/fetch', { token: banks });
      assert.equal(fetched.status, 200, JSON.stringify(fetched.body));
      assert.equal(fetched.body.status, 'ok');
      assert.deepEqual([fetched.body.counts.added, fetched.body.counts.total], [3, 3]);
      assert.deepEqual(fetched.body.shares, {}, 'no confirmed hash shared yet');
      assert.ok(fetched.body.lastSuccessAt);

      // A hand-added bank holding the same MD5, from another source.
      assert.equal((await t.call('POST', '/v1/banks', { token: banks, json: { name: 'own' } })).status, 201);
      await t.call('POST', '/v1/banks/own/entries', { token: banks, json: { entries: [{ type: 'md5', value: md5s[0], sources: ['own-review'] }] } });

      const match = (json: Record<string, unknown>) => t.call('POST', '/v1/content/match-hash', { token: content, json });
      let m = await match({ type: 'md5', value: md5s[0] });
      assert.deepEqual(m.body.matches.map((x: { bank: string }) => x.bank).sort(), ['own', 'partner']);
      m = await match({ type: 'md5', value: md5s[0], sources: ['exchange:partner-list'] });
      assert.deepEqual(m.body.matches.map((x: { bank: string; sources: string[]; externalId: string; distance: number; entryId: number }) => [x.bank, x.sources, x.externalId, x.distance, typeof x.entryId]), [['partner', ['exchange:partner-list'], 'm0', 0, 'number']]);
      m = await match({ type: 'md5', value: md5s[0], banks: ['own'] });
      assert.deepEqual(m.body.matches.map((x: { bank: string }) => x.bank), ['own']);
      const near = pdq.slice(0, 62) + (pdq.slice(62) === '00' ? 'ff' : '00');
      m = await match({ type: 'pdq', value: near, sources: ['exchange:partner-list'] });
      assert.equal(m.body.matches.length, 1);
      assert.ok(m.body.matches[0].distance > 0 && m.body.matches[0].distance <= 8, 'PDQ matches carry their distance');
      m = await match({ type: 'pdq', value: near, sources: ['someone-else'] });
      assert.equal(m.body.matches.length, 0);
      m = await match({ type: 'opaque', value: 'photodna:AAAA' });
      assert.equal(m.status, 200, 'opaque third-party hashes are matchable types');

      // A reviewer marks the partner's MD5 a false positive: it stops matching there, the entry stays.
      const entryId = (await match({ type: 'md5', value: md5s[1] })).body.matches[0].entryId;
      const op = await t.call('POST', `/v1/banks/partner/entries/${entryId}/opinion`, { token: review, json: { opinion: 'false_positive', note: 'a school logo' } });
      assert.equal(op.status, 200, JSON.stringify(op.body));
      assert.deepEqual([op.body.disabled, op.body.opinions], [true, 1]);
      assert.equal((await match({ type: 'md5', value: md5s[1] })).body.matches.length, 0);
      assert.equal((await t.call('GET', '/v1/banks/partner', { token: banks })).body.stats.entries, 3, 'kept, not deleted');
      assert.equal((await t.call('POST', `/v1/banks/own/entries/${entryId}/opinion`, { token: review, json: { opinion: 'cleared' } })).status, 404, 'the entry must be in the named bank');

      // The server fails: status says so; matching goes on with what was fetched.
      failing = true;
      const failed = await t.call('POST', '/v1/exchanges/partner-list/fetch', { token: banks });
      assert.equal(failed.status, 200);
      assert.equal(failed.body.status, 'failed');
      assert.match(failed.body.lastError, /503/);
      assert.equal((await match({ type: 'md5', value: md5s[0], sources: ['exchange:partner-list'] })).body.matches.length, 1);
      const listed = await t.call('GET', '/v1/exchanges', { token: banks });
      assert.deepEqual(listed.body.items.map((x: { name: string; status: string; bank: string }) => [x.name, x.status, x.bank]), [['partner-list', 'failed', 'partner']]);
      assert.equal((await t.call('DELETE', '/v1/exchanges/partner-list', { token: admin })).status, 204);
      assert.equal((await t.call('GET', '/v1/exchanges/partner-list', { token: banks })).status, 404);
    });
  });
}
