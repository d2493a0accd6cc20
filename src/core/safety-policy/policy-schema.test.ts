import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPolicy, policySchema } from './policy-schema.ts';

test('an empty policy gets every documented default', () => {
  const p = defaultPolicy();
  assert.equal(p.age.challengeAge, 25);
  assert.equal(p.live.publicMinAge, 18);
  assert.equal(p.tiers.under13.dm, 'connections');
  assert.equal(p.guardian.thresholds.removeViewer, 0.75);
  assert.equal(p.support.defaultCountry, 'international');
});

test('a partial override keeps the other defaults of the same tier', () => {
  const p = policySchema.parse({ tiers: { adult: { dm: 'connections' } }, age: { methodStrength: { estimation: 3 } } });
  assert.equal(p.tiers.adult.dm, 'connections');
  assert.equal(p.tiers.adult.discoverable, true);
  assert.equal(p.age.methodStrength.estimation, 3);
  assert.equal(p.age.methodStrength.id_document, 4);
});

test('typos and bad values are rejected with the path', () => {
  const typo = policySchema.safeParse({ tiers: { adult: { dmFrom: 'everyone' } } });
  assert.equal(typo.success, false);
  assert.deepEqual(typo.error!.issues[0]!.path, ['tiers', 'adult']);
  const bad = policySchema.safeParse({ live: { publicMinAge: 10, connectionsMinAge: 13 } });
  assert.equal(bad.success, false);
  assert.match(bad.error!.issues[0]!.message, /must not decrease/);
  assert.equal(policySchema.safeParse({ version: 2 }).success, false);
});
