/**
 * The age-token part of the policy file: which issuers' age attestations Lifeguard accepts (the trust list),
 * the audience wallets bind their presentation to, and the nonce and clock limits. Empty by default: no token
 * is accepted until the platform lists an issuer.
 */
import { z } from 'zod';

/** A public JWK (no private members). */
const publicJwk = z
  .looseObject({ kty: z.enum(['EC', 'OKP', 'RSA']), crv: z.string().optional(), x: z.string().optional(), y: z.string().optional(), n: z.string().optional(), e: z.string().optional(), kid: z.string().optional() })
  .refine((k) => !('d' in k) && !('p' in k) && !('q' in k), { message: 'a trust-list key must be a public key (it has private members)' });

const pem = z.string().regex(/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/, 'a PEM certificate');

const sdJwtIssuer = z.strictObject({
  /** Stable id of the issuer; for SD-JWT VC it must equal the credential's `iss`. */
  id: z.string().min(1).max(200),
  format: z.literal('sd-jwt-vc'),
  name: z.string().max(200).optional(),
  /** The issuer's public signing keys (JWK). */
  keys: z.array(publicJwk).min(1).max(20),
  /** Credential types (`vct`) accepted from this issuer; empty: any. */
  vct: z.array(z.string().min(1)).default([]),
});

const mdocIssuer = z.strictObject({
  id: z.string().min(1).max(200),
  format: z.literal('mdoc'),
  name: z.string().max(200).optional(),
  /** Trusted root (IACA) certificates, PEM: the document signer's chain must end in one of them. */
  certificates: z.array(pem).min(1).max(20),
  /** Document types accepted; default: the EU age attestation and the mDL. */
  docTypes: z.array(z.string().min(1)).default(['eu.europa.ec.av.1', 'org.iso.18013.5.1.mDL']),
});

export const ageTokenPolicySchema = z.strictObject({
  /**
   * Who the presentation is for: the `aud` a holder's key-binding JWT must carry (SD-JWT VC), and the
   * client_id in the mdoc session transcript.
   */
  audience: z.string().min(1).max(500).default('lifeguard'),
  /** The response_uri in the mdoc session transcript (ISO 18013-7 OID4VP handover). */
  responseUri: z.string().min(1).max(2000).default('lifeguard:age-token'),
  /** How long a nonce from POST /v1/age/token/nonce may be used (once). */
  nonceTtlSeconds: z.number().int().min(10).max(3600).default(300),
  /** A key-binding JWT older than this (its `iat`) is refused. */
  maxPresentationAgeSeconds: z.number().int().min(10).max(3600).default(300),
  /** Clock skew allowed on expiry, not-before and issued-at. */
  clockSkewSeconds: z.number().int().min(0).max(600).default(60),
  /** The trust list: issuers whose age attestations are accepted. */
  issuers: z
    .array(z.discriminatedUnion('format', [sdJwtIssuer, mdocIssuer]))
    .max(200)
    .refine((list) => new Set(list.map((i) => `${i.format} ${i.id}`)).size === list.length, { message: 'an issuer id is listed twice for one format' })
    .default([]),
});
export type AgeTokenPolicy = z.infer<typeof ageTokenPolicySchema>;
export type AgeTokenIssuer = AgeTokenPolicy['issuers'][number];
