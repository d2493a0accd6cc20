/**
 * POST /v1/age/token: verifies an age token that reveals only "over N" — an SD-JWT VC presentation with
 * `age_over_NN` / `age_equal_or_over` claims, or an ISO 18013-5 mdoc DeviceResponse with `age_over_NN`
 * elements — against the policy's trust list, with a nonce from POST /v1/age/token/nonce, and records it as a
 * `digital_id` age signal for the account. The token is never stored or logged: only issuer, claims, format, time.
 */
import { z } from 'zod';
import { ageTokenFormats } from '../../core/age/age-token-claims.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';
import { ageDecisionView } from './account-age-get.ts';

const body = z.object({
  accountId: z.string().min(1).max(200),
  format: z.enum(ageTokenFormats),
  /** SD-JWT VC: the compact presentation `<issuer JWT>~<disclosures>~<key-binding JWT>`; mdoc: base64url DeviceResponse CBOR. */
  token: z.string().min(1).max(65_536),
  nonce: z.string().min(1).max(200),
  /** mdoc only: the wallet's nonce in the session transcript (ISO 18013-7 OID4VP handover). */
  mdocGeneratedNonce: z.string().min(1).max(200).optional(),
});

export const ageTokenVerify = defineRoute({
  method: 'post',
  path: '/v1/age/token',
  access: 'age:verify',
  tag: 'age',
  summary: 'Verify an age token (SD-JWT VC or mdoc age_over_NN) and record it as a strong age signal for the account.',
  description:
    'Checks, in order: the nonce (issued by POST /v1/age/token/nonce for this account, unused, unexpired; spent by this call whatever the outcome); ' +
    "the issuer on the policy's `ageTokens.issuers` trust list and its signature (SD-JWT: the `iss` entry's JWKs; mdoc: the document signer's chain to the entry's root certificates); " +
    'expiry and not-before (exp/nbf/iat; mdoc validFrom/validUntil) with `clockSkewSeconds`; every disclosure against the digests the issuer signed; ' +
    "holder binding (SD-JWT: a key-binding JWT by the `cnf.jwk` key with this nonce, `aud` = the policy's audience, a fresh `iat` and the right `sd_hash`; mdoc: the device signature over the session transcript [null, null, [mdocGeneratedNonce, audience, responseUri, nonce]]). " +
    'A credential naming a status list is refused (`age_token_status_unsupported`): revocation is not checked. ' +
    "The verified claims become an `age.signal` (method `digital_id`, `atLeast` / `below`, provider `<format>:<issuer id>`); the answer carries the account's age decision with it. " +
    'The token itself is never stored or logged.',
  body,
  responses: {
    200: {
      description: 'Verified and recorded.',
      schema: z.object({
        accountId: z.string(),
        format: z.enum(ageTokenFormats),
        issuer: z.string().describe('The trust-list id of the issuer.'),
        claims: z.array(z.object({ threshold: z.number(), over: z.boolean() })).describe('The disclosed age-over statements.'),
        atLeast: z.number().nullable().describe('Proven: at least this age.'),
        below: z.number().nullable().describe('Proven: younger than this age.'),
        expiresAt: z.number().nullable(),
        verifiedAt: z.number(),
        signal: z.object({ id: z.string(), method: z.literal('digital_id'), duplicate: z.boolean() }),
        decision: ageDecisionView.nullable(),
      }),
    },
    400: { description: 'Bad body (`invalid_body`), unreadable token (`age_token_malformed`), mdoc without `mdocGeneratedNonce` (`mdoc_nonce_required`).' },
    409: { description: 'The nonce was already used (`age_token_nonce_used`): a replay.' },
    422: {
      description:
        'Refused: `age_token_nonce_unknown`, `age_token_nonce_expired`, `age_token_issuer_untrusted`, `age_token_signature_invalid`, `age_token_expired`, `age_token_not_yet_valid`, ' +
        '`age_token_holder_binding_invalid`, `age_token_wrong_audience`, `age_token_presentation_stale`, `age_token_disclosure_invalid`, `age_token_no_age_claim`, `age_token_claims_inconsistent`, `age_token_status_unsupported`.',
    },
  },
  async handle({ c, deps, body: b }) {
    const r = await need(deps.services, 'ageTokens').verify(b);
    return c.json({ ...r, decision: r.decision ? { accountId: b.accountId, ...r.decision } : null });
  },
});
