/**
 * Verifies an SD-JWT VC presentation of age-over claims with @sd-jwt/sd-jwt-vc (jose for the signatures):
 * the issuer's signature against the trust list's keys for its `iss`, expiry / not-before / issued-at, every
 * disclosure referenced by the signed payload, and holder binding — a key-binding JWT signed by the key in
 * `cnf.jwk`, over these disclosures (`sd_hash`), with Lifeguard's nonce, Lifeguard's audience and a recent `iat`.
 * Status lists are never fetched: a credential that names one is refused (revocation is not checked).
 */
import { createHash } from 'node:crypto';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { compactVerify, importJWK, type JWK } from 'jose';
import { ageBounds, ageOverClaims } from '../core/age/age-token-claims.ts';
import type { AgeTokenPolicy } from '../core/age/age-token-policy.ts';
import { invalidInput, LifeguardError } from '../core/lifeguard-error.ts';
import type { VerifiedAgeToken } from './verified-age-token.ts';

const ALGS = ['ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512'];
const TYPES = new Set(['dc+sd-jwt', 'vc+sd-jwt']);

const refused = (code: string, message: string) => new LifeguardError(code, 422, message);

function b64urlJson(part: string | undefined): Record<string, unknown> | null {
  if (part === undefined || !/^[A-Za-z0-9_-]+$/.test(part)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** True when `sig` is a valid signature of `data` by one of `keys` (JWS compact parts, any allowed alg). */
async function signedByOneOf(data: string, sig: string, keys: readonly JWK[]): Promise<boolean> {
  const header = b64urlJson(data.split('.')[0]);
  const alg = typeof header?.alg === 'string' ? header.alg : '';
  if (!ALGS.includes(alg)) return false;
  for (const jwk of keys) {
    try {
      const key = await importJWK(jwk, alg);
      await compactVerify(`${data}.${sig}`, key, { algorithms: [alg] });
      return true;
    } catch {
      // try the next key
    }
  }
  return false;
}

/** Every digest the signed payload and the disclosed values reference (`_sd` members and `...` array items). */
function referencedDigests(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item) && typeof (item as Record<string, unknown>)['...'] === 'string') {
        out.add((item as Record<string, string>)['...']!);
      } else referencedDigests(item, out);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '_sd' && Array.isArray(v)) {
        for (const d of v) if (typeof d === 'string') out.add(d);
      } else {
        referencedDigests(v, out);
      }
    }
  }
  return out;
}

/**
 * The SD-JWT spec requires a verifier to refuse a disclosure the issuer never signed a digest of; checked here
 * explicitly, since a holder can sign a key-binding JWT over a forged disclosure.
 */
function checkDisclosures(issuerPayload: Record<string, unknown>, disclosures: readonly string[]): void {
  const refs = referencedDigests(issuerPayload, new Set());
  for (const d of disclosures) {
    const decoded: unknown = (() => {
      try {
        return JSON.parse(Buffer.from(d, 'base64url').toString('utf8'));
      } catch {
        return null;
      }
    })();
    if (!Array.isArray(decoded) || decoded.length < 2) throw invalidInput('age_token_malformed', 'a disclosure is not a base64url JSON array');
    referencedDigests(decoded[decoded.length - 1], refs);
  }
  for (const d of disclosures) {
    const digest = createHash('sha256').update(d, 'ascii').digest('base64url');
    if (!refs.has(digest)) throw refused('age_token_disclosure_invalid', 'a disclosure does not match any digest the issuer signed: the token was altered');
  }
}

export interface VerifyInput {
  token: string;
  nonce: string;
  /** Epoch ms. */
  now: number;
  policy: AgeTokenPolicy;
}

/** Verifies an SD-JWT VC presentation (issuer JWT ~ disclosures ~ key-binding JWT) of age-over claims. */
export async function verifySdJwtAge({ token, nonce, now, policy }: VerifyInput): Promise<VerifiedAgeToken> {
  const parts = token.split('~');
  const [issuerJwt] = parts;
  const kbJwt = parts[parts.length - 1]!;
  const jwtParts = (issuerJwt ?? '').split('.');
  const header = b64urlJson(jwtParts[0]);
  const payload = b64urlJson(jwtParts[1]);
  if (parts.length < 2 || jwtParts.length !== 3 || header === null || payload === null) {
    throw invalidInput('age_token_malformed', 'not an SD-JWT presentation (issuer JWT ~ disclosures ~ key-binding JWT)');
  }
  if (header.typ !== undefined && !TYPES.has(String(header.typ))) throw invalidInput('age_token_malformed', `typ '${String(header.typ)}' is not an SD-JWT VC (dc+sd-jwt)`);
  const iss = typeof payload.iss === 'string' ? payload.iss : '';
  const issuer = policy.issuers.find((i) => i.format === 'sd-jwt-vc' && i.id === iss);
  if (issuer === undefined || issuer.format !== 'sd-jwt-vc') {
    throw refused('age_token_issuer_untrusted', `the issuer '${iss.slice(0, 200)}' is not on the policy's SD-JWT VC trust list`);
  }
  if (issuer.vct.length > 0 && !issuer.vct.includes(String(payload.vct))) {
    throw refused('age_token_issuer_untrusted', `credential type '${String(payload.vct).slice(0, 200)}' is not accepted from '${iss}'`);
  }
  if (payload.status !== undefined) {
    throw refused('age_token_status_unsupported', 'the credential names a status list; Lifeguard does not fetch status lists, so it cannot rule out revocation');
  }
  const cnf = payload.cnf as { jwk?: JWK } | undefined;
  if (cnf?.jwk === undefined || typeof cnf.jwk !== 'object') {
    throw refused('age_token_holder_binding_invalid', 'the credential has no holder key (cnf.jwk): a presentation must be bound to the holder');
  }
  if (kbJwt === '' || kbJwt.split('.').length !== 3) {
    throw refused('age_token_holder_binding_invalid', 'no key-binding JWT: the holder must sign the presentation with the nonce and audience');
  }
  if (payload._sd_alg !== undefined && String(payload._sd_alg).toLowerCase() !== 'sha-256') {
    throw invalidInput('age_token_malformed', `unsupported _sd_alg '${String(payload._sd_alg).slice(0, 50)}' (sha-256 only)`);
  }
  checkDisclosures(payload, parts.slice(1, -1).filter((d) => d !== ''));

  let issuerOk: boolean | undefined;
  let holderOk: boolean | undefined;
  const sdjwt = new SDJwtVcInstance({
    hasher: (data, alg) => {
      if (alg.toLowerCase() !== 'sha-256') throw invalidInput('age_token_malformed', `unsupported _sd_alg '${alg}'`);
      return new Uint8Array(createHash('sha256').update(typeof data === 'string' ? data : Buffer.from(data)).digest());
    },
    verifier: async (data, sig) => (issuerOk = await signedByOneOf(data, sig, issuer.keys as JWK[])),
    kbVerifier: async (data, sig) => (holderOk = await signedByOneOf(data, sig, [cnf.jwk!])),
    // Never reached (a status claim is refused above); there so nothing is ever fetched.
    statusListFetcher: () => Promise.reject(new Error('status lists are not fetched')),
  });
  const nowSec = Math.floor(now / 1000);
  let result: Awaited<ReturnType<SDJwtVcInstance['verify']>>;
  try {
    result = await sdjwt.verify(token, { currentDate: nowSec, skewSeconds: policy.clockSkewSeconds, keyBindingNonce: nonce });
  } catch (e) {
    if (e instanceof LifeguardError) throw e;
    const msg = (e as Error).message ?? '';
    if (/expired/i.test(msg)) throw refused('age_token_expired', 'the credential has expired (exp)');
    if (/not yet valid/i.test(msg)) throw refused('age_token_not_yet_valid', 'the credential is not valid yet (nbf/iat in the future)');
    if (issuerOk === false) throw refused('age_token_signature_invalid', `the issuer signature does not verify with the trust list's keys for '${iss}'`);
    if (/sd_hash/i.test(msg)) throw refused('age_token_disclosure_invalid', 'the disclosures are not the ones the holder signed (sd_hash): the token was altered');
    if (holderOk === false || /key binding|nonce/i.test(msg)) throw refused('age_token_holder_binding_invalid', `holder binding failed: ${msg.replace(/^Verify Error: /, '')}`);
    throw invalidInput('age_token_malformed', `the SD-JWT could not be read: ${msg}`);
  }
  const kb = result.kb?.payload;
  if (kb === undefined) throw refused('age_token_holder_binding_invalid', 'no key-binding JWT was verified');
  const aud = (kb as { aud?: unknown }).aud;
  if (!(aud === policy.audience || (Array.isArray(aud) && aud.length === 1 && aud[0] === policy.audience))) {
    throw refused('age_token_wrong_audience', `the presentation is for '${String(aud).slice(0, 200)}', not for this service ('${policy.audience}')`);
  }
  const iat = Number(kb.iat);
  if (!(iat <= nowSec + policy.clockSkewSeconds)) throw refused('age_token_not_yet_valid', 'the key-binding JWT was issued in the future');
  if (nowSec - iat > policy.maxPresentationAgeSeconds + policy.clockSkewSeconds) throw refused('age_token_presentation_stale', `the key-binding JWT is older than ${policy.maxPresentationAgeSeconds} s`);

  const bounds = ageBounds(ageOverClaims(result.payload as Record<string, unknown>));
  const exp = typeof result.payload.exp === 'number' ? result.payload.exp * 1000 : null;
  return { format: 'sd-jwt-vc', issuer: issuer.id, bounds, expiresAt: exp };
}
