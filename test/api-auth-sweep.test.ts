/**
 * The authorisation sweep, generated from the running service's own /openapi.json (so routes added later are
 * covered without touching this file): every operation that declares a key × no key, a made-up key, malformed
 * headers and a revoked key → 401; a key of every other scope → 403; its own scope or admin → neither, and
 * never 5xx. Against a real `lifeguard serve` on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { apiScopes, type ApiScope } from '../src/store/api-key-store.ts';
import { routes } from '../src/server/route-registry.ts';
import { startServeChild, type ServeChild } from './support/serve-child.ts';

let serve: ServeChild;
const tokens = new Map<ApiScope, string>();
let revoked = '';

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const res = await fetch(`${serve.base}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let json: { error?: { code?: string } } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, code: json?.error?.code };
}

before(async () => {
  serve = await startServeChild();
  const admin = { authorization: `Bearer ${serve.adminToken}` };
  for (const scope of apiScopes) {
    const res = await fetch(`${serve.base}/v1/keys`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ name: `sweep ${scope}`, scopes: [scope] }) });
    assert.equal(res.status, 201, await res.clone().text());
    tokens.set(scope, ((await res.json()) as { token: string }).token);
  }
  const res = await fetch(`${serve.base}/v1/keys`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'sweep revoked', scopes: [...apiScopes] }) });
  const key = (await res.json()) as { id: string; token: string };
  assert.equal((await fetch(`${serve.base}/v1/keys/${key.id}`, { method: 'DELETE', headers: admin })).status, 200);
  revoked = key.token;
});
after(() => serve?.stop());

test('every operation in /openapi.json enforces its key and scope', async (t) => {
  const doc = (await (await fetch(`${serve.base}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { security?: unknown[]; 'x-lifeguard-scope'?: string }>>;
  };
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  // The document is the registry: a route missing from it would escape this sweep.
  assert.equal(ops.length, routes.length, 'every registered route is documented');
  const secured = ops.filter((o) => (o.op.security ?? []).length > 0);
  assert.ok(secured.length >= 25, `${secured.length} secured operations`);
  let requests = 0;
  for (const { path, method, op } of secured) {
    const concrete = path.replace(/\{[^}]+\}/g, 'sweep-id-1');
    const body = method === 'POST' ? '{}' : undefined;
    const access = op['x-lifeguard-scope']!;
    const needed: ApiScope = access === 'metrics' ? 'admin' : (access as ApiScope);
    assert.ok((apiScopes as readonly string[]).includes(needed), `${method} ${path}: unknown scope ${access}`);
    const refusals: [string, Record<string, string>][] = [
      ['no key', {}],
      ['made-up key', { authorization: `Bearer lg_${randomBytes(24).toString('base64url')}` }],
      ['made-up X-Api-Key', { 'x-api-key': `lg_${randomBytes(24).toString('base64url')}` }],
      ['empty bearer', { authorization: 'Bearer ' }],
      ['basic auth', { authorization: `Basic ${Buffer.from(`admin:${serve.adminToken}`).toString('base64')}` }],
      ['token with junk after it', { authorization: `Bearer ${serve.adminToken}x` }],
      ['revoked key', { authorization: `Bearer ${revoked}` }],
    ];
    for (const [what, headers] of refusals) {
      const r = await call(method, concrete, headers, body);
      requests++;
      assert.equal(r.status, 401, `${method} ${path} with ${what}: ${r.status} ${r.code}`);
      assert.equal(r.code, 'unauthorized');
    }
    for (const scope of apiScopes) {
      if (scope === needed || scope === 'admin') continue;
      const r = await call(method, concrete, { authorization: `Bearer ${tokens.get(scope)}` }, body);
      requests++;
      assert.equal(r.status, 403, `${method} ${path} with a ${scope} key: ${r.status} ${r.code}`);
      assert.equal(r.code, 'forbidden');
    }
    for (const scope of new Set<ApiScope>([needed, 'admin'])) {
      const r = await call(method, concrete, { authorization: `Bearer ${tokens.get(scope)}` }, body);
      requests++;
      assert.ok(r.status !== 401 && r.status !== 403 && r.status < 500, `${method} ${path} with a ${scope} key: ${r.status} ${r.code}`);
    }
  }
  t.diagnostic(`${secured.length} operations, ${apiScopes.length} scopes, ${requests} requests`);
  assert.ok(serve.alive());
});
