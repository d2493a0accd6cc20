import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { defaultPolicy } from '../core/safety-policy/policy-schema.ts';
import { defaultPolicyPath, loadPolicy } from './load-policy.ts';

const dir = mkdtempSync(join(tmpdir(), 'lg-policy-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('policy/default-policy.json is exactly the documented defaults', async () => {
  assert.deepEqual(JSON.parse(readFileSync(defaultPolicyPath, 'utf8')), defaultPolicy());
  assert.deepEqual(await loadPolicy(), defaultPolicy());
});

test('a partial policy file is completed with defaults', async () => {
  const p = join(dir, 'p.json');
  writeFileSync(p, JSON.stringify({ live: { publicMinAge: 21 }, support: { defaultCountry: 'GB' } }));
  const policy = await loadPolicy(p);
  assert.equal(policy.live.publicMinAge, 21);
  assert.equal(policy.support.defaultCountry, 'GB');
  assert.equal(policy.age.challengeAge, 25);
});

test('errors are clear: missing file, not JSON, each invalid field with its path', async () => {
  await assert.rejects(loadPolicy(join(dir, 'nope.json')), (e) => isLifeguardError(e) && e.code === 'policy_not_found');
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{ "age": ');
  await assert.rejects(loadPolicy(bad), (e) => isLifeguardError(e) && e.code === 'policy_not_json');
  const wrong = join(dir, 'wrong.json');
  writeFileSync(wrong, JSON.stringify({ age: { challengeAge: 12 }, tiers: { adult: { dm: 'strangers' } } }));
  await assert.rejects(loadPolicy(wrong), (e) => {
    assert.ok(isLifeguardError(e));
    assert.equal(e.code, 'policy_invalid');
    assert.match(e.message, /age\.challengeAge: /);
    assert.match(e.message, /tiers\.adult\.dm: /);
    return true;
  });
});
