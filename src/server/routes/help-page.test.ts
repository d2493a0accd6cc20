/** The help page through the app: public, only country and age as input, bad values fall back, the policy's resources. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testDatabases } from '../../../test/support/databases.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

const [sqlite] = testDatabases();

describe('GET /help and /help/:country', () => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-help-'));
  before(async () => {
    // A real runtime over a policy file, so the page shows what the policy says (DE is not built in).
    const policyFile = join(dir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ support: { defaultCountry: 'DE', resources: { DE: [{ name: 'Nummer gegen Kummer', contact: '116 111', audience: 'young' }] } } }));
    const opened = await sqlite!.open();
    t = await createTestApp(opened.database, { env: { LIFEGUARD_POLICY_FILE: policyFile } });
    cleanup = async () => {
      await t.close();
      await opened.cleanup();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  after(() => cleanup());

  test('GB: HTML with the numbers, a strict CSP and caching, without any key', async () => {
    const res = await t.call('GET', '/help/GB');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(res.headers.get('content-security-policy')!, /^default-src 'none'; style-src 'sha256-/);
    assert.match(res.headers.get('cache-control')!, /^public, max-age=/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('x-request-id'));
    for (const tel of ['999', '08001111', '08088005000']) assert.ok(res.body.includes(`href="tel:${tel}"`), tel);
    assert.match(res.body, /CEOP/);
  });

  test('/help uses the policy default country; /help/US the US page; lower case and UK work', async () => {
    const home = await t.call('GET', '/help');
    assert.equal(home.status, 200);
    assert.match(home.body, /Nummer gegen Kummer/);
    assert.ok(home.body.includes('href="tel:116111"'));
    assert.match((await t.call('GET', '/help/US')).body, /NCMEC CyberTipline/);
    const uk = await t.call('GET', '/help/uk');
    assert.match(uk.body, /Childline/);
    assert.equal(uk.body, (await t.call('GET', '/help/GB')).body);
  });

  test('unknown or hostile countries and ages fall back to the international page and plain wording', async () => {
    const intl = (await t.call('GET', '/help/international')).body;
    for (const path of ['/help/ZZ', '/help/%3Cscript%3Ealert(1)%3C%2Fscript%3E', `/help/${'x'.repeat(3000)}`, '/help/__proto__', '/help/US%00']) {
      const res = await t.call('GET', path);
      assert.equal(res.status, 200, path);
      assert.equal(res.body, intl, path);
      assert.doesNotMatch(res.body, /<script>|x{100}/);
    }
    const plain = (await t.call('GET', '/help/GB')).body;
    for (const age of ['banana', '<b>', '-1', '999', 'under13&age=adult', 'a'.repeat(5000)]) {
      const res = await t.call('GET', `/help/GB?age=${encodeURIComponent(age)}`);
      assert.equal(res.status, 200, age);
      assert.equal(res.body, plain, age);
    }
    const child = (await t.call('GET', '/help/GB?age=9')).body;
    assert.equal(child, (await t.call('GET', '/help/GB?age=under13')).body);
    assert.doesNotMatch(child, /NSPCC/, 'the adult helpline is not offered to a child');
    assert.match((await t.call('GET', '/help/GB?age=adult')).body, /<h1>Get help for a child<\/h1>/);
    assert.equal((await t.call('GET', '/help/GB?age=adult&token=abc&country=US')).body, (await t.call('GET', '/help/GB?age=adult')).body, 'other query values are ignored');
  });

  test('accepts no other methods or paths', async () => {
    for (const [method, path] of [['POST', '/help'], ['POST', '/help/GB'], ['PUT', '/help/GB'], ['DELETE', '/help/GB'], ['GET', '/help/GB/extra']]) {
      const res = await t.call(method!, path!, method === 'GET' ? {} : { json: { country: 'US' } });
      // Another method on the page's path is 405 with Allow (issue 10); an unknown path stays 404.
      const known = method !== 'GET';
      assert.equal(res.status, known ? 405 : 404, `${method} ${path}`);
      assert.equal(res.body.error.code, known ? 'method_not_allowed' : 'route_not_found');
      if (known) assert.equal(res.headers.get('allow'), 'GET, HEAD');
    }
  });

  test('documented in the OpenAPI document as public HTML with the country and age', async () => {
    const doc = (await t.call('GET', '/openapi.json')).body;
    for (const path of ['/help', '/help/{country}']) {
      const op = doc.paths[path].get;
      assert.equal(op['x-lifeguard-scope'], 'public');
      assert.deepEqual(op.security, []);
      assert.ok(op.responses['200'].content['text/html; charset=utf-8'], path);
      assert.ok(op.parameters.some((p: { name: string; in: string }) => p.name === 'age' && p.in === 'query'), path);
    }
  });
});
