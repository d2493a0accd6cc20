// ISO 18013-5 mdoc age tokens with a root CA, a document signer and a device key made in the test: a valid
// DeviceResponse passes; each forgery, expired or misdirected one is refused with its own code.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { ageTokenPolicySchema, type AgeTokenPolicy } from '../core/age/age-token-policy.ts';
import { mdocIssuer, p256, presentMdoc } from './test-credentials.ts';
import { verifyMdocAge } from './verify-mdoc-age.ts';

const nonce = 'n-mdoc-0123456789';
const mdocGeneratedNonce = 'wallet-nonce-42';
const device = p256();
let issuer: Awaited<ReturnType<typeof mdocIssuer>>;
let policy: AgeTokenPolicy;

async function token(elements: Record<string, unknown>, disclose: string[], o: Partial<Parameters<typeof issuer.issue>[0]> & { clientId?: string; nonce?: string; from?: typeof issuer } = {}) {
  const from = o.from ?? issuer;
  const issued = await from.issue({ elements, deviceKey: device.publicJwk, ...o });
  const docType = o.docType ?? 'eu.europa.ec.av.1';
  return presentMdoc(issued, device.privateJwk, {
    elements: disclose,
    mdocGeneratedNonce,
    clientId: o.clientId ?? policy.audience,
    responseUri: policy.responseUri,
    nonce: o.nonce ?? nonce,
    docType,
    namespace: o.namespace ?? docType,
  });
}
const verify = (t: string, over: Partial<Parameters<typeof verifyMdocAge>[0]> = {}) => verifyMdocAge({ token: t, nonce, mdocGeneratedNonce, now: Date.now(), policy, ...over });

describe('mdoc age tokens', () => {
  before(async () => {
    issuer = await mdocIssuer('Test AV issuer');
    policy = ageTokenPolicySchema.parse({ audience: 'https://platform.test', issuers: [{ id: 'test-av', format: 'mdoc', certificates: [issuer.rootPem] }] });
  });

  test('EU age attestation: age_over_18 disclosed alone', async () => {
    const r = await verify(await token({ age_over_18: true, age_over_21: false, age_in_years: 19 }, ['age_over_18']));
    assert.deepEqual(r, { format: 'mdoc', issuer: 'test-av', bounds: { claims: [{ threshold: 18, over: true }], atLeast: 18 }, expiresAt: r.expiresAt });
    assert.ok(r.expiresAt! > Date.now());
  });

  test('mDL namespace org.iso.18013.5.1: age_over_13 true, age_over_16 false', async () => {
    const r = await verify(await token({ age_over_13: true, age_over_16: false, family_name: 'Example' }, ['age_over_13', 'age_over_16'], { docType: 'org.iso.18013.5.1.mDL', namespace: 'org.iso.18013.5.1' }));
    assert.deepEqual(r.bounds, { claims: [{ threshold: 13, over: true }, { threshold: 16, over: false }], atLeast: 13, below: 16 });
  });

  test('forged signature: the MSO signed with another key under the trusted certificate', async () => {
    const t = await token({ age_over_18: true }, ['age_over_18'], { signWith: p256().privateJwk });
    await assert.rejects(verify(t), { code: 'age_token_signature_invalid', status: 422 });
  });

  test('wrong issuer: a document signer under another root', async () => {
    const stranger = await mdocIssuer('Stranger');
    await assert.rejects(verify(await token({ age_over_18: true }, ['age_over_18'], { from: stranger })), { code: 'age_token_issuer_untrusted', status: 422 });
  });

  test('expired and not yet valid', async () => {
    const expired = await token({ age_over_18: true }, ['age_over_18'], { validFrom: new Date(Date.now() - 7_200_000), validUntil: new Date(Date.now() - 3_600_000) });
    await assert.rejects(verify(expired), { code: 'age_token_expired' });
    const future = await token({ age_over_18: true }, ['age_over_18'], { validFrom: new Date(Date.now() + 3_600_000), validUntil: new Date(Date.now() + 7_200_000) });
    await assert.rejects(verify(future), { code: 'age_token_not_yet_valid' });
  });

  test('holder binding: another nonce, another audience (client id), another wallet nonce, a stranger device', async () => {
    await assert.rejects(verify(await token({ age_over_18: true }, ['age_over_18'], { nonce: 'other-nonce' })), { code: 'age_token_holder_binding_invalid' });
    await assert.rejects(verify(await token({ age_over_18: true }, ['age_over_18'], { clientId: 'https://elsewhere.test' })), { code: 'age_token_holder_binding_invalid' });
    const t = await token({ age_over_18: true }, ['age_over_18']);
    await assert.rejects(verify(t, { mdocGeneratedNonce: 'another' }), { code: 'age_token_holder_binding_invalid' });
    const issued = await issuer.issue({ elements: { age_over_18: true }, deviceKey: device.publicJwk });
    const thief = await presentMdoc(issued, p256().privateJwk, { elements: ['age_over_18'], mdocGeneratedNonce, clientId: policy.audience, responseUri: policy.responseUri, nonce });
    await assert.rejects(verify(thief), { code: 'age_token_holder_binding_invalid' });
  });

  test('tampered element: age_over_18 flipped from false to true in the CBOR', async () => {
    const t = await token({ age_over_18: false }, ['age_over_18']);
    const bytes = Buffer.from(t, 'base64url');
    // In the IssuerSignedItem, "elementValue" is followed by CBOR false (0xf4); make it true (0xf5).
    const marker = Buffer.from('elementValue');
    const at = bytes.indexOf(marker);
    assert.ok(at > 0 && bytes[at + marker.length] === 0xf4, 'found the encoded false');
    bytes[at + marker.length] = 0xf5;
    await assert.rejects(verify(bytes.toString('base64url')), { code: 'age_token_disclosure_invalid' });
  });

  test('no age element disclosed; garbage', async () => {
    await assert.rejects(verify(await token({ age_over_18: true, issuing_country: 'NL' }, ['issuing_country'])), { code: 'age_token_no_age_claim', status: 422 });
    await assert.rejects(verify('%%%'), { code: 'age_token_malformed', status: 400 });
    await assert.rejects(verify(Buffer.from('not cbor at all').toString('base64url')), { code: 'age_token_malformed', status: 400 });
  });
});
