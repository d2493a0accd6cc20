/** Ops routes, the error edge, rate limits and the generated OpenAPI document. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { internal } from '../src/core/lifeguard-error.ts';
import { createApp } from '../src/server/create-app.ts';
import { createLogger } from '../src/server/logger.ts';
import { defineRoute } from '../src/server/route.ts';
import { routes } from '../src/server/route-registry.ts';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { testDatabases } from './support/databases.ts';

const [sqlite] = testDatabases();

describe('ops, errors, limits and the API document', () => {
  let t: TestApp;
  let admin: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    const opened = await sqlite!.open();
    t = await createTestApp(opened.database, { env: { LIFEGUARD_METRICS_TOKEN: 'scrape-token-0123456789' } });
    cleanup = async () => {
      await t.close();
      await opened.cleanup();
    };
    admin = await t.token('admin');
  });
  after(() => cleanup());

  test('healthz and readyz need no key; readyz checks the database and migrations', async () => {
    const h = await t.call('GET', '/healthz');
    assert.deepEqual([h.status, h.body], [200, { status: 'ok' }]);
    const r = await t.call('GET', '/readyz');
    assert.equal(r.status, 200);
    const { media, ...readiness } = r.body;
    assert.deepEqual(readiness, { status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
    assert.ok(media.images.includes('png') && ['enabled', 'disabled'].includes(media.video), 'and which media types are on');
    assert.ok(h.headers.get('x-request-id'), 'every response carries a request id');
  });

  test('metrics: admin key or the metrics token; request latency, queue depth and decisions', async () => {
    await t.call('GET', '/v1/keys', { token: admin });
    const viaToken = await t.call('GET', '/metrics', { token: 'scrape-token-0123456789' });
    assert.equal(viaToken.status, 200);
    assert.match(viaToken.headers.get('content-type')!, /^text\/plain/);
    assert.match(viaToken.body, /lifeguard_http_request_duration_seconds_count\{method="GET",route="\/v1\/keys",status="200"\} 1/);
    assert.match(viaToken.body, /# TYPE lifeguard_queue_depth gauge\nlifeguard_queue_depth\{queue="events"\} 0/);
    assert.match(viaToken.body, /# TYPE lifeguard_decisions_total counter/);
    assert.equal((await t.call('GET', '/metrics', { token: admin })).status, 200);
    assert.equal((await t.call('GET', '/metrics', { token: 'scrape-token-wrong-wrong' })).status, 401);
  });

  test('unknown routes are 404 route_not_found', async () => {
    const res = await t.call('GET', '/v1/nothing-here', { token: admin });
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'route_not_found');
  });

  test('admin keys API: create with scopes, list without secrets, revoke; the last admin key stays', async () => {
    const created = await t.call('POST', '/v1/keys', { token: admin, json: { name: 'uploads', scopes: ['content'] } });
    assert.equal(created.status, 201);
    assert.match(created.body.token, /^lg_/);
    const list = await t.call('GET', '/v1/keys', { token: admin });
    assert.ok(list.body.items.some((k: { id: string }) => k.id === created.body.id));
    assert.ok(!JSON.stringify(list.body).includes(created.body.token), 'tokens are never listed');
    const bad = await t.call('POST', '/v1/keys', { token: admin, json: { name: 'x', scopes: ['root'] } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_body');
    assert.match(bad.body.error.message, /scopes/);
    const revoked = await t.call('DELETE', `/v1/keys/${created.body.id}`, { token: admin });
    assert.equal(revoked.status, 200);
    assert.equal((await t.call('GET', '/v1/keys', { token: created.body.token })).status, 401, 'revocation is immediate in this process');
    assert.equal((await t.call('DELETE', '/v1/keys/key_unknown', { token: admin })).body.error.code, 'not_found');

    const onlyAdmin = (await t.call('GET', '/v1/keys', { token: admin })).body.items.filter((k: { scopes: string[] }) => k.scopes.includes('admin'));
    for (const k of onlyAdmin.slice(1)) await t.call('DELETE', `/v1/keys/${k.id}`, { token: admin });
    const last = (await t.call('GET', '/v1/keys', { token: admin })).body.items.find((k: { scopes: string[] }) => k.scopes.includes('admin'));
    const refused = await t.call('DELETE', `/v1/keys/${last.id}`, { token: admin });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'last_admin_key');
  });

  test('malformed and oversized JSON bodies get stable codes', async () => {
    const malformed = await t.call('POST', '/v1/keys', { token: admin, body: '{name:', headers: { 'content-type': 'application/json' } });
    assert.deepEqual([malformed.status, malformed.body.error.code], [400, 'malformed_json']);
    const wrongType = await t.call('POST', '/v1/keys', { token: admin, json: { name: 42, scopes: 'admin' } });
    assert.deepEqual([wrongType.status, wrongType.body.error.code], [400, 'invalid_body']);
    const huge = await t.call('POST', '/v1/keys', { token: admin, json: { name: 'x'.repeat(9 * 1024 * 1024), scopes: ['content'] } });
    assert.deepEqual([huge.status, huge.body.error.code], [413, 'body_too_large']);
  });

  test('errors that are not ours to explain become a generic 500 without internals', async () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (s: string) => lines.push(s) > 0 }, 'error');
    const boom = defineRoute({
      method: 'get',
      path: '/boom',
      access: 'public',
      tag: 'test',
      summary: 'throws',
      responses: {},
      handle: () => {
        throw new Error('secret connection string postgres://user:hunter2@db');
      },
    });
    const internalRoute = defineRoute({ ...boom, path: '/internal', handle: () => { throw internal('index_corrupt', 'index file /var/lib/x is corrupt'); } });
    const app = createApp({ ...t.deps, logger }, [boom, internalRoute]);
    const res = await app.request('/boom');
    assert.equal(res.status, 500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'internal_error');
    assert.ok(!JSON.stringify(body).includes('hunter2'));
    assert.ok(lines.some((l) => l.includes('hunter2')), 'the detail goes to the log');
    const res2 = await app.request('/internal');
    const body2 = (await res2.json()) as { error: { code: string; message: string } };
    assert.equal(res2.status, 500);
    assert.equal(body2.error.code, 'index_corrupt');
    assert.ok(!body2.error.message.includes('/var/lib'));
  });

  test('the OpenAPI 3.1 document covers every route with resolvable schemas and the scope', async () => {
    const res = await t.call('GET', '/openapi.json');
    assert.equal(res.status, 200);
    const doc = res.body;
    assert.equal(doc.openapi, '3.1.0');
    for (const r of routes) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method];
      assert.ok(op, `${r.method} ${r.path} is documented`);
      assert.equal(op['x-lifeguard-scope'], r.access);
      if (r.access !== 'public') {
        assert.deepEqual(op.security, [{ apiKey: [] }]);
        assert.ok(op.responses['401'] && op.responses['403']);
      }
      for (const name of r.path.match(/:(\w+)/g) ?? []) {
        assert.ok(op.parameters.some((p: { name: string; in: string }) => p.in === 'path' && p.name === name.slice(1)), `${r.path} documents ${name}`);
      }
      if (r.body) assert.ok(op.requestBody.content['application/json'].schema, `${r.path} documents its body`);
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
      assert.ok(name && doc.components.schemas[name], `${ref} resolves`);
    }
    // The documented body is the validating schema: a required field in the document is required by the API.
    const keyBody = doc.paths['/v1/keys'].post.requestBody.content['application/json'].schema;
    assert.deepEqual([...keyBody.required].sort(), ['name', 'scopes']);
  });
});

describe('rate limits per key', () => {
  test('a key over its bucket gets 429 rate_limited with Retry-After; other keys are unaffected', async () => {
    const opened = await sqlite!.open();
    const t = await createTestApp(opened.database, { env: { LIFEGUARD_RATE_LIMIT_RPS: '1', LIFEGUARD_RATE_LIMIT_BURST: '3' } });
    try {
      const a = await t.token('admin');
      const b = await t.token('admin');
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.call('GET', '/v1/keys', { token: a })).status);
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const limited = await t.call('GET', '/v1/keys', { token: a });
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      assert.equal((await t.call('GET', '/v1/keys', { token: b })).status, 200);
    } finally {
      await t.close();
      await opened.cleanup();
    }
  });
});
