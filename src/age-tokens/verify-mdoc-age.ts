/**
 * Verifies an ISO 18013-5 mdoc DeviceResponse of age-over data elements with @auth0/mdl: the document signer's
 * certificate chain against the trust list's root certificates, the issuer signature over the MSO, every
 * disclosed element's digest, the MSO validity (validFrom / validUntil, against Lifeguard's clock too), and
 * holder binding — the device signature (or MAC) over a session transcript that holds Lifeguard's nonce,
 * audience and response URI (ISO 18013-7 OID4VP handover, as the library builds it). Only issuer-signed
 * elements count; device-signed elements are ignored. Revocation (status lists) is not checked.
 */
import { DataItem, Verifier } from '@auth0/mdl';
import { cborEncode } from '@auth0/mdl/lib/cbor/index.js';
import { ageBounds, ageOverClaims } from '../core/age/age-token-claims.ts';
import type { AgeTokenPolicy } from '../core/age/age-token-policy.ts';
import { invalidInput, LifeguardError } from '../core/lifeguard-error.ts';
import type { VerifiedAgeToken } from './verified-age-token.ts';

/** Namespaces whose `age_over_NN` elements are read: the mDL's and the EU age attestation's. */
export const AGE_NAMESPACES = ['org.iso.18013.5.1', 'eu.europa.ec.av.1'] as const;

const refused = (code: string, message: string) => new LifeguardError(code, 422, message);

interface Failure {
  category: string;
  id: string;
  check: string;
  reason?: string;
}

/** The CBOR session transcript both sides sign over: [null, null, [mdocNonce, clientId, responseUri, nonce]]. */
export function sessionTranscript(mdocGeneratedNonce: string, policy: AgeTokenPolicy, nonce: string): Uint8Array {
  return cborEncode(DataItem.fromData([null, null, [mdocGeneratedNonce, policy.audience, policy.responseUri, nonce]]));
}

function decodeToken(token: string): Uint8Array {
  const t = token.trim();
  if (!/^[A-Za-z0-9_+/=-]+$/.test(t)) throw invalidInput('age_token_malformed', 'an mdoc token is the DeviceResponse CBOR, base64url-encoded');
  return new Uint8Array(Buffer.from(t.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url'));
}

export interface VerifyMdocInput {
  token: string;
  nonce: string;
  /** The wallet's own nonce in the session transcript (ISO 18013-7: sent beside the response). */
  mdocGeneratedNonce: string;
  /** Epoch ms. */
  now: number;
  policy: AgeTokenPolicy;
}

/** Verifies an mdoc DeviceResponse (base64url CBOR) of age-over elements against the mdoc trust list. */
export async function verifyMdocAge({ token, nonce, mdocGeneratedNonce, now, policy }: VerifyMdocInput): Promise<VerifiedAgeToken> {
  const bytes = decodeToken(token);
  const transcript = sessionTranscript(mdocGeneratedNonce, policy, nonce);
  const issuers = policy.issuers.flatMap((i) => (i.format === 'mdoc' ? [i] : []));
  if (issuers.length === 0) throw refused('age_token_issuer_untrusted', 'no mdoc issuer is on the policy\'s trust list');

  for (const issuer of issuers) {
    const failures: Failure[] = [];
    let mdoc;
    try {
      mdoc = await new Verifier(issuer.certificates).verify(bytes, {
        encodedSessionTranscript: transcript,
        onCheck: (c) => {
          if (c.status === 'FAILED') failures.push({ category: c.category, id: c.id, check: c.check, ...(c.reason !== undefined ? { reason: c.reason } : {}) });
        },
      });
    } catch (e) {
      throw invalidInput('age_token_malformed', `the mdoc DeviceResponse could not be read: ${(e as Error).message}`.slice(0, 500));
    }
    const has = (id: string) => failures.some((f) => f.id === id);
    // Another issuer's chain: try the next trust-list entry.
    if (has('ISSUER_CERTIFICATE_VALIDITY')) continue;
    const format = failures.find((f) => f.category === 'DOCUMENT_FORMAT');
    if (format) throw invalidInput('age_token_malformed', `the mdoc DeviceResponse is not usable: ${format.check}`);
    if (has('ISSUER_SIGNATURE_VALIDITY') || has('MSO_SIGNED_DATE_WITHIN_CERTIFICATE_VALIDITY')) {
      throw refused('age_token_signature_invalid', `the issuer signature does not verify with the certificate of '${issuer.id}'`);
    }
    if (has('ISSUER_SUBJECT_COUNTRY_NAME_PRESENCE')) throw refused('age_token_issuer_untrusted', 'the document signer certificate has no country (C), as ISO 18013-5 requires');
    const docs = mdoc.documents.filter((d) => issuer.docTypes.includes(d.docType));
    if (docs.length === 0) throw refused('age_token_issuer_untrusted', `no document of an accepted type (${issuer.docTypes.join(', ')}) from '${issuer.id}'`);
    const skewMs = policy.clockSkewSeconds * 1000;
    let expiresAt: number | null = null;
    for (const d of docs) {
      const mso = d.issuerSigned.issuerAuth.decodedPayload;
      if (mso.docType !== d.docType) throw refused('age_token_signature_invalid', 'the signed MSO is for another document type');
      const { validFrom, validUntil } = mso.validityInfo;
      if (validUntil.getTime() + skewMs < now) throw refused('age_token_expired', `the mdoc expired at ${validUntil.toISOString()} (validUntil)`);
      if (validFrom.getTime() - skewMs > now) throw refused('age_token_not_yet_valid', `the mdoc is valid from ${validFrom.toISOString()} (validFrom)`);
      expiresAt = expiresAt === null ? validUntil.getTime() : Math.min(expiresAt, validUntil.getTime());
    }
    if (has('MSO_VALIDITY_AT_VERIFICATION_TIME')) throw refused('age_token_expired', 'the mdoc is outside its validity period');
    const integrity = failures.find((f) => f.category === 'DATA_INTEGRITY');
    if (integrity) throw refused('age_token_disclosure_invalid', `a disclosed element does not match the digest the issuer signed: the token was altered (${integrity.check})`);
    const device = failures.find((f) => f.category === 'DEVICE_AUTH');
    if (device) {
      throw refused('age_token_holder_binding_invalid', `device authentication failed (${device.check}): the response must be signed by the device key over this nonce, audience and response URI`);
    }
    if (failures.length > 0) throw refused('age_token_signature_invalid', `mdoc check failed: ${failures[0]!.check}`);

    const disclosed: Record<string, unknown> = {};
    for (const d of docs) {
      for (const ns of AGE_NAMESPACES) {
        if (!d.issuerSignedNameSpaces.includes(ns)) continue;
        for (const [k, v] of Object.entries(d.getIssuerNameSpace(ns))) {
          if (k.startsWith('age_over_')) {
            if (k in disclosed && disclosed[k] !== v) throw refused('age_token_claims_inconsistent', `two documents disagree on ${k}`);
            disclosed[k] = v;
          }
        }
      }
    }
    return { format: 'mdoc', issuer: issuer.id, bounds: ageBounds(ageOverClaims(disclosed)), expiresAt };
  }
  throw refused('age_token_issuer_untrusted', "the document signer's certificate does not chain to any certificate on the policy's mdoc trust list");
}
