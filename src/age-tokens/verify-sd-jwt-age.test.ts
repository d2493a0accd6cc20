// SD-JWT VC age tokens with an issuer and a holder made in the test: a valid presentation passes; each forgery,
// stale or misdirected presentation is refused with its own code.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { importJWK, SignJWT } from 'jose';
import { ageTokenPolicySchema } from '../core/age/age-token-policy.ts';
import { p256, presentSdJwt, sdJwtIssuer } from './test-credentials.ts';
import { verifySdJwtAge } from './verify-sd-jwt-age.ts';

const issuer = sdJwtIssuer('https://issuer.test');
const holder = p256();
const policy = ageTokenPolicySchema.parse({ audience: 'https://platform.test', issuers: [{ id: issuer.id, format: 'sd-jwt-vc', keys: [issuer.publicJwk] }] });
const nonce = 'n-0123456789abcdef';
const aud = policy.audience;

async function token(claims: Record<string, unknown>, disclose: Record<string, unknown>, o: Partial<Parameters<typeof issuer.issue>[0]> = {}, kb: { nonce?: string; aud?: string; iat?: number } = {}) {
  const cred = await issuer.issue({ holder: holder.publicJwk, claims, ...o });
  return presentSdJwt(cred, holder.privateJwk, { disclose, nonce: kb.nonce ?? nonce, aud: kb.aud ?? aud, ...(kb.iat !== undefined ? { iat: kb.iat } : {}) });
}
const verify = (t: string, over: Partial<Parameters<typeof verifySdJwtAge>[0]> = {}) => verifySdJwtAge({ token: t, nonce, now: Date.now(), policy, ...over });

describe('SD-JWT VC age tokens', () => {
  test('age_over_18 true disclosed alone: at least 18, nothing else revealed', async () => {
    const t = await token({ age_over_18: true, age_over_21: false, birthdate: '2000-01-01' }, { age_over_18: true });
    assert.ok(!t.includes(Buffer.from('"birthdate"').toString('base64url').slice(0, 10)), 'the undisclosed claim is not in the presentation');
    const r = await verify(t);
    assert.equal(r.format, 'sd-jwt-vc');
    assert.equal(r.issuer, 'https://issuer.test');
    assert.deepEqual(r.bounds, { claims: [{ threshold: 18, over: true }], atLeast: 18 });
    assert.ok(r.expiresAt! > Date.now());
  });

  test('the EU PID form age_equal_or_over.NN is read too', async () => {
    const t = await token({ age_equal_or_over: { '13': true, '16': false, '18': false } }, { age_equal_or_over: { '13': true, '16': true } });
    const r = await verify(t);
    assert.deepEqual(r.bounds, { claims: [{ threshold: 13, over: true }, { threshold: 16, over: false }], atLeast: 13, below: 16 });
  });

  test('forged signature: same iss, another key', async () => {
    const cred = await issuer.issue({ holder: holder.publicJwk, claims: { age_over_18: true }, signWith: p256().privateJwk });
    const t = await presentSdJwt(cred, holder.privateJwk, { disclose: { age_over_18: true }, nonce, aud });
    await assert.rejects(verify(t), { code: 'age_token_signature_invalid', status: 422 });
  });

  test('wrong issuer: an iss that is not on the trust list', async () => {
    const other = sdJwtIssuer('https://stranger.test');
    const cred = await other.issue({ holder: holder.publicJwk, claims: { age_over_18: true } });
    const t = await presentSdJwt(cred, holder.privateJwk, { disclose: { age_over_18: true }, nonce, aud });
    await assert.rejects(verify(t), { code: 'age_token_issuer_untrusted', status: 422 });
  });

  test('expired and not yet valid', async () => {
    const expired = await token({ age_over_18: true }, { age_over_18: true }, { iat: Date.now() - 7_200_000, exp: Date.now() - 3_600_000 });
    await assert.rejects(verify(expired), { code: 'age_token_expired' });
    const future = await token({ age_over_18: true }, { age_over_18: true }, { nbf: Date.now() + 3_600_000 });
    await assert.rejects(verify(future), { code: 'age_token_not_yet_valid' });
    // Within the clock skew (60 s) an expiry just passed is still accepted.
    const justExpired = await token({ age_over_18: true }, { age_over_18: true }, { exp: Date.now() - 10_000 });
    assert.equal((await verify(justExpired)).bounds.atLeast, 18);
  });

  test('holder binding: another nonce, another audience, an old or missing key-binding JWT, another holder key', async () => {
    await assert.rejects(verify(await token({ age_over_18: true }, { age_over_18: true }, {}, { nonce: 'some-other-nonce' })), { code: 'age_token_holder_binding_invalid' });
    await assert.rejects(verify(await token({ age_over_18: true }, { age_over_18: true }, {}, { aud: 'https://elsewhere.test' })), { code: 'age_token_wrong_audience' });
    await assert.rejects(verify(await token({ age_over_18: true }, { age_over_18: true }, {}, { iat: Date.now() - 3_600_000 })), { code: 'age_token_presentation_stale' });
    const cred = await issuer.issue({ holder: holder.publicJwk, claims: { age_over_18: true } });
    const noKb = cred.endsWith('~') ? cred : `${cred}~`;
    await assert.rejects(verify(noKb), { code: 'age_token_holder_binding_invalid' });
    const thief = p256();
    const stolen = await presentSdJwt(cred, thief.privateJwk, { disclose: { age_over_18: true }, nonce, aud });
    await assert.rejects(verify(stolen), { code: 'age_token_holder_binding_invalid' });
  });

  test('tampered disclosure: a changed value, and a disclosure the issuer never signed', async () => {
    const t = await token({ age_over_18: false }, { age_over_18: true });
    const parts = t.split('~');
    const [salt, name] = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as [string, string, boolean];
    const forged = Buffer.from(JSON.stringify([salt, name, true])).toString('base64url');
    // A third party swapping the disclosure breaks the holder's sd_hash.
    await assert.rejects(verify([parts[0], forged, ...parts.slice(2)].join('~')), { code: 'age_token_disclosure_invalid' });
    // The holder signing a key-binding JWT over the forged disclosure: sd_hash matches, but the issuer never
    // signed that disclosure's digest.
    const base = `${parts[0]}~${forged}~`;
    const sdHash = createHash('sha256').update(base).digest('base64url');
    const kb = await new SignJWT({ aud, nonce, iat: Math.floor(Date.now() / 1000), sd_hash: sdHash })
      .setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt' })
      .sign(await importJWK(holder.privateJwk, 'ES256'));
    const handmade = base + kb;
    await assert.rejects(verify(handmade), { code: 'age_token_disclosure_invalid' });
  });

  test('no age claim disclosed, contradicting claims, a status list, garbage', async () => {
    await assert.rejects(verify(await token({ age_over_18: true, nationality: 'NL' }, { nationality: true })), { code: 'age_token_no_age_claim', status: 422 });
    await assert.rejects(verify(await token({ age_over_18: true, age_over_21: true, age_over_16: false }, { age_over_18: true, age_over_16: true })), { code: 'age_token_claims_inconsistent' });
    const withStatus = await token({ age_over_18: true }, { age_over_18: true }, { extra: { status: { status_list: { idx: 3, uri: 'https://status.invalid/list' } } } });
    await assert.rejects(verify(withStatus), { code: 'age_token_status_unsupported' });
    await assert.rejects(verify('not a token'), { code: 'age_token_malformed', status: 400 });
    await assert.rejects(verify('a.b.c~d~e'), { code: 'age_token_malformed', status: 400 });
  });
});
