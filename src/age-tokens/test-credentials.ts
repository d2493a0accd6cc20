/**
 * Test issuers and holders for age tokens, with keys generated on the spot (never fixtures with real keys):
 * an SD-JWT VC issuer (P-256 JWK), an mdoc issuer (a root CA and a document signer certificate under it) and
 * a holder's device key. Used by the tests only.
 */
import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { DataItem, DeviceResponse, Document, MDoc } from '@auth0/mdl';
import { cborEncode } from '@auth0/mdl/lib/cbor/index.js';
import * as x509 from '@peculiar/x509';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { ES256, digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import type { JWK } from 'jose';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** A fresh P-256 key pair as JWKs. */
export function p256(): { publicJwk: JWK; privateJwk: JWK } {
  const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicJwk: k.publicKey.export({ format: 'jwk' }) as JWK, privateJwk: k.privateKey.export({ format: 'jwk' }) as JWK };
}

const sec = (ms: number) => Math.floor(ms / 1000);

export interface SdJwtIssueOptions {
  holder: JWK;
  /** Claims to issue, each selectively disclosable (nested `age_equal_or_over` members too). */
  claims: Record<string, unknown>;
  iat?: number;
  exp?: number;
  nbf?: number;
  vct?: string;
  extra?: Record<string, unknown>;
}

/** An SD-JWT VC issuer with its own key; `signWith` on `issue` forges with another key under the same `iss`. */
export function sdJwtIssuer(id: string) {
  const own = p256();
  return {
    id,
    publicJwk: own.publicJwk,
    async issue(o: SdJwtIssueOptions & { signWith?: JWK }): Promise<string> {
      const inst = new SDJwtVcInstance({ hasher: digest, hashAlg: 'sha-256', saltGenerator: generateSalt, signer: await ES256.getSigner(o.signWith ?? own.privateJwk), signAlg: 'ES256' });
      const now = Date.now();
      const payload: Record<string, unknown> = {
        iss: id,
        vct: o.vct ?? 'urn:eudi:pid:1',
        iat: sec(o.iat ?? now),
        exp: sec(o.exp ?? now + 3_600_000),
        ...(o.nbf !== undefined ? { nbf: sec(o.nbf) } : {}),
        cnf: { jwk: o.holder },
        ...o.claims,
        ...o.extra,
      };
      const frame: Record<string, unknown> = { _sd: Object.keys(o.claims) };
      const nested = o.claims.age_equal_or_over;
      if (nested && typeof nested === 'object') frame.age_equal_or_over = { _sd: Object.keys(nested) };
      return inst.issue(payload as never, frame as never, { header: { typ: 'dc+sd-jwt' } });
    },
  };
}

/** A holder's presentation: the disclosed claims (`disclose`, a presentation frame) and a key-binding JWT. */
export async function presentSdJwt(credential: string, holderPrivate: JWK, o: { disclose: Record<string, unknown>; nonce: string; aud: string; iat?: number }): Promise<string> {
  const inst = new SDJwtVcInstance({ hasher: digest, hashAlg: 'sha-256', saltGenerator: generateSalt, kbSigner: await ES256.getSigner(holderPrivate), kbSignAlg: 'ES256' });
  return inst.present(credential, o.disclose as never, { kb: { payload: { aud: o.aud, nonce: o.nonce, iat: sec(o.iat ?? Date.now()) } } });
}

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** An mdoc issuer: a root (IACA) certificate and a document signer certificate with country C. */
export async function mdocIssuer(name: string) {
  const rootKeys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const dsKeys = await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - 86_400_000);
  const notAfter = new Date(Date.now() + 30 * 86_400_000);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `C=NL, CN=${name} root`,
    notBefore,
    notAfter,
    keys: rootKeys as never,
    signingAlgorithm: EC,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  const ds = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `C=NL, CN=${name} document signer`,
    issuer: root.subject,
    notBefore,
    notAfter,
    publicKey: dsKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: EC,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  const dsPrivateJwk = (await webcrypto.subtle.exportKey('jwk', dsKeys.privateKey)) as JWK;
  return {
    rootPem: root.toString('pem'),
    dsPem: ds.toString('pem'),
    dsPrivateJwk,
    /** Issues a document with `elements` in `namespace`, bound to `deviceKey`; `signWith` forges with another key. */
    async issue(o: { elements: Record<string, unknown>; deviceKey: JWK; docType?: string; namespace?: string; validFrom?: Date; validUntil?: Date; signWith?: JWK }): Promise<Uint8Array> {
      const docType = o.docType ?? 'eu.europa.ec.av.1';
      const validFrom = o.validFrom ?? new Date(Date.now() - 60_000);
      const doc = await new Document(docType)
        .addIssuerNameSpace(o.namespace ?? docType, o.elements)
        .useDigestAlgorithm('SHA-256')
        .addValidityInfo({ signed: new Date(Math.min(Date.now(), validFrom.getTime())), validFrom, validUntil: o.validUntil ?? new Date(Date.now() + 3_600_000) })
        .addDeviceKeyInfo({ deviceKey: o.deviceKey as never })
        .sign({ issuerPrivateKey: (o.signWith ?? dsPrivateJwk) as never, issuerCertificate: ds.toString('pem'), alg: 'ES256' });
      return new MDoc([doc]).encode();
    },
  };
}

/** The device's response to Lifeguard: the requested elements, device-signed over the session transcript. */
export async function presentMdoc(
  issued: Uint8Array,
  devicePrivate: JWK,
  o: { elements: string[]; mdocGeneratedNonce: string; clientId: string; responseUri: string; nonce: string; docType?: string; namespace?: string },
): Promise<string> {
  const docType = o.docType ?? 'eu.europa.ec.av.1';
  const ns = o.namespace ?? docType;
  const pd = {
    id: 'age',
    input_descriptors: [
      {
        id: docType,
        format: { mso_mdoc: { alg: ['ES256'] } },
        constraints: { limit_disclosure: 'required', fields: o.elements.map((e) => ({ path: [`$['${ns}']['${e}']`], intent_to_retain: false })) },
      },
    ],
  };
  const transcript = cborEncode(DataItem.fromData([null, null, [o.mdocGeneratedNonce, o.clientId, o.responseUri, o.nonce]]));
  const res = await DeviceResponse.from(issued)
    .usingPresentationDefinition(pd as never)
    .usingSessionTranscriptBytes(transcript)
    .authenticateWithSignature(devicePrivate as never, 'ES256')
    .sign();
  return Buffer.from(res.encode()).toString('base64url');
}
