/**
 * Every route in the registry proves its access rule: 401 without a key, with an unknown key and with a
 * revoked key; 403 with a key of another scope; neither with the right scope or an admin key. Driven from
 * the registry, so a new route cannot escape it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiScopes, type ApiScope } from '../src/store/api-key-store.ts';
import { routes } from '../src/server/route-registry.ts';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { testDatabases } from './support/databases.ts';

const concretePath = (p: string) => p.replace(/:[A-Za-z_]+/g, 'test-id-1');
// The help page is public on purpose: people in trouble must reach it without a key (it reads no data).
const publicPaths = new Set(['/healthz', '/readyz', '/openapi.json', '/help', '/help/:country', '/guidance/parents', '/guidance/schools']);

test('only the ops probes, the API document and the help page are public', () => {
  const open = routes.filter((r) => r.access === 'public').map((r) => r.path);
  assert.deepEqual(new Set(open), publicPaths);
  const seen = new Set<string>();
  for (const r of routes) {
    const k = `${r.method} ${r.path}`;
    assert.ok(!seen.has(k), `duplicate route ${k}`);
    seen.add(k);
  }
});

const [sqlite] = testDatabases();
describe('auth matrix over every route', () => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  const tokens = new Map<ApiScope, string>();
  let revoked: string;
  before(async () => {
    const opened = await sqlite!.open();
    cleanup = opened.cleanup;
    t = await createTestApp(opened.database);
    for (const s of apiScopes) tokens.set(s, await t.token(s));
    const r = await t.deps.keys.create({ name: 'soon revoked', scopes: [...apiScopes] });
    await t.deps.keys.revoke(r.key.id);
    revoked = r.token;
  });
  after(() => cleanup());

  for (const r of routes.filter((x) => x.access !== 'public')) {
    const method = r.method.toUpperCase();
    const path = concretePath(r.path);
    const needed: ApiScope = r.access === 'metrics' ? 'admin' : (r.access as ApiScope);
    test(`${method} ${r.path} (${r.access})`, async () => {
      const none = await t.call(method, path);
      assert.equal(none.status, 401, 'no key');
      assert.equal(none.body.error.code, 'unauthorized');
      const bad = await t.call(method, path, { token: 'lg_' + 'x'.repeat(43) });
      assert.equal(bad.status, 401, 'unknown key');
      const junk = await t.call(method, path, { headers: { authorization: 'Basic Zm9vOmJhcg==' } });
      assert.equal(junk.status, 401, 'not a bearer key');
      const gone = await t.call(method, path, { token: revoked });
      assert.equal(gone.status, 401, 'revoked key');
      for (const other of apiScopes.filter((s) => s !== needed && s !== 'admin')) {
        const res = await t.call(method, path, { token: tokens.get(other)! });
        assert.equal(res.status, 403, `scope ${other} must be refused`);
        assert.equal(res.body.error.code, 'forbidden');
      }
      for (const ok of new Set([needed, 'admin' as const])) {
        const res = await t.call(method, path, { token: tokens.get(ok)!, headers: { 'x-api-key': 'ignored' } });
        assert.ok(res.status !== 401 && res.status !== 403, `scope ${ok} must pass auth, got ${res.status} ${JSON.stringify(res.body)}`);
      }
    });
  }

  for (const r of routes.filter((x) => x.access === 'public')) {
    test(`${r.method.toUpperCase()} ${r.path} (public) answers without a key`, async () => {
      const res = await t.call(r.method.toUpperCase(), concretePath(r.path));
      assert.equal(res.status, 200);
    });
  }

  test('the X-Api-Key header works too', async () => {
    const res = await t.call('GET', '/v1/keys', { headers: { 'x-api-key': tokens.get('admin')! } });
    assert.equal(res.status, 200);
  });
});
