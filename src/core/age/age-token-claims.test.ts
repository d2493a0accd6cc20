import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agePolicySchema } from './age-policy.ts';
import type { AgeSignalEntry } from './age-entry.ts';
import { ageBounds, ageOverClaims } from './age-token-claims.ts';
import { ageTokenPolicySchema } from './age-token-policy.ts';
import { decideAge } from './decide-age.ts';

const policy = agePolicySchema.parse({});
let n = 0;
const token = (bounds: { atLeast?: number; below?: number }): AgeSignalEntry => ({ kind: 'signal', id: `t${++n}`, at: 1_000 + n, method: 'digital_id', provider: 'sd-jwt-vc:test', ...bounds });

test('age-over claims: flat age_over_NN and the PID age_equal_or_over object; other keys and non-booleans ignored', () => {
  assert.deepEqual(ageOverClaims({ age_over_18: true, age_over_21: false, age_over_x: true, age_over_16: 'yes', given_name: 'A' }), [
    { threshold: 18, over: true },
    { threshold: 21, over: false },
  ]);
  assert.deepEqual(ageOverClaims({ age_equal_or_over: { '13': true, '16': false, abc: true } }), [
    { threshold: 13, over: true },
    { threshold: 16, over: false },
  ]);
  assert.deepEqual(ageOverClaims({ age_over_0: true, age_over_999: true }), [], 'thresholds outside 1..130 are ignored');
  assert.throws(() => ageOverClaims({ age_over_18: true, age_equal_or_over: { '18': false } }), { code: 'age_token_claims_inconsistent' });
});

test('bounds: highest yes is atLeast, lowest no is below; none or contradicting claims are refused', () => {
  assert.deepEqual(ageBounds([{ threshold: 13, over: true }, { threshold: 16, over: true }, { threshold: 18, over: false }, { threshold: 21, over: false }]), {
    claims: [{ threshold: 13, over: true }, { threshold: 16, over: true }, { threshold: 18, over: false }, { threshold: 21, over: false }],
    atLeast: 16,
    below: 18,
  });
  assert.throws(() => ageBounds([]), { code: 'age_token_no_age_claim', status: 422 });
  assert.throws(() => ageBounds([{ threshold: 18, over: true }, { threshold: 16, over: false }]), { code: 'age_token_claims_inconsistent' });
});

test('a verified token in the age decision: over 18 proves adult; under N proves a minor tier', () => {
  const adult = decideAge([token({ atLeast: 18 })], policy);
  assert.equal(adult.tier, 'adult');
  assert.equal(adult.basis, 'digital_id');
  assert.equal(decideAge([token({ atLeast: 13, below: 16 })], policy).tier, '13-15');
  assert.equal(decideAge([token({ atLeast: 16, below: 18 })], policy).tier, '16-17');
  const under13 = decideAge([token({ below: 13 })], policy);
  assert.equal(under13.tier, 'under13');
  assert.equal(under13.needsReview, true, 'a proven under-13 goes to review');
  // "Under 18" alone leaves under-13 open: the youngest tier applies, but it is no evidence of under 13.
  const minor = decideAge([token({ below: 18 })], policy);
  assert.equal(minor.tier, 'under13');
  assert.equal(minor.needsReview, false);
  assert.match(minor.reasons.join('\n'), /digital id says under 18/);
  // "13 or over" alone does not prove adulthood.
  assert.equal(decideAge([token({ atLeast: 13 })], policy).tier, 'unknown');
});

test('challenge age: a confident estimate of 21 asks for a check; a token proving 18+ settles it', () => {
  const est: AgeSignalEntry = { kind: 'signal', id: 'e1', at: 1, method: 'estimation', age: 21, confidence: 0.9, provider: 'vendor' };
  const before = decideAge([est], policy);
  assert.equal(before.tier, 'unknown');
  assert.equal(before.needsCheck, true);
  assert.ok(before.checkMethods.includes('digital_id'));
  const after = decideAge([est, token({ atLeast: 18 })], policy);
  assert.equal(after.tier, 'adult');
  assert.equal(after.needsCheck, false);
  // A token proving a minor beats a self-declared adult.
  const declared: AgeSignalEntry = { kind: 'signal', id: 'd1', at: 1, method: 'self_declared', age: 30 };
  assert.equal(decideAge([declared, token({ atLeast: 13, below: 16 })], policy).tier, '13-15');
});

test('the trust list: public keys only, PEM certificates, defaults', () => {
  const p = ageTokenPolicySchema.parse({});
  assert.deepEqual(p.issuers, []);
  assert.equal(p.audience, 'lifeguard');
  assert.equal(p.nonceTtlSeconds, 300);
  const key = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };
  assert.equal(ageTokenPolicySchema.parse({ issuers: [{ id: 'i', format: 'sd-jwt-vc', keys: [key] }] }).issuers.length, 1);
  assert.equal(ageTokenPolicySchema.safeParse({ issuers: [{ id: 'i', format: 'sd-jwt-vc', keys: [{ ...key, d: 'secret' }] }] }).success, false);
  assert.equal(ageTokenPolicySchema.safeParse({ issuers: [{ id: 'i', format: 'mdoc', certificates: ['not a certificate'] }] }).success, false);
  assert.equal(ageTokenPolicySchema.safeParse({ issuers: [{ id: 'i', format: 'mdoc', keys: [key] }] }).success, false, 'an mdoc issuer is trusted by certificate');
  const twice = { id: 'i', format: 'sd-jwt-vc', keys: [key] };
  assert.equal(ageTokenPolicySchema.safeParse({ issuers: [twice, twice] }).success, false, 'an issuer listed twice');
});
