/**
 * Age tokens end to end: nonces for presentations, verification of an SD-JWT VC or mdoc presentation against
 * the policy's trust list, and the result recorded as a `digital_id` age signal (a verification method, so a
 * verified "18 or over" decides the adult tier and a verified "under N" a minor tier). The token itself is
 * never stored or logged: only its format, issuer, age claims and time (in the signal and the nonce's row).
 */
import { randomUUID } from 'node:crypto';
import type { AgeOverClaim, AgeTokenFormat } from '../core/age/age-token-claims.ts';
import type { AgeTokenPolicy } from '../core/age/age-token-policy.ts';
import type { PlatformEventOf } from '../core/events.ts';
import type { AgeTokenNonceStore } from '../store/age-token-nonce-store.ts';
import { invalidInput } from '../core/lifeguard-error.ts';
import type { AgeDecision } from '../core/age/decide-age.ts';

export interface AgeTokenPresentation {
  accountId: string;
  format: AgeTokenFormat;
  token: string;
  nonce: string;
  /** mdoc only: the wallet's nonce in the session transcript. */
  mdocGeneratedNonce?: string;
}

export interface AgeTokenResult {
  accountId: string;
  format: AgeTokenFormat;
  issuer: string;
  claims: AgeOverClaim[];
  atLeast: number | null;
  below: number | null;
  expiresAt: number | null;
  verifiedAt: number;
  signal: { id: string; method: 'digital_id'; duplicate: boolean };
  /** The account's age decision with this signal folded in (read fresh, not from a cache). */
  decision: AgeDecision | null;
}

export interface AgeTokenService {
  issueNonce(accountId: string): Promise<{ nonce: string; expiresAt: number; audience: string; responseUri: string }>;
  verify(p: AgeTokenPresentation): Promise<AgeTokenResult>;
}

/** The services the age-token service writes through. */
export interface AgeTokenServiceDeps {
  policy: AgeTokenPolicy;
  nonces: AgeTokenNonceStore;
  /** Appends the age signal through the event intake (durable, folded into the account's decision). */
  appendSignal(e: PlatformEventOf<'age.signal'>): Promise<{ duplicate: boolean }>;
  /** Reads the account's age decision from the committed log. */
  readDecision?(accountId: string): Promise<AgeDecision | undefined>;
  now?: () => number;
}

export function createAgeTokenService(deps: AgeTokenServiceDeps): AgeTokenService {
  const now = deps.now ?? Date.now;
  const { policy } = deps;
  return {
    async issueNonce(accountId) {
      const n = await deps.nonces.issue(accountId, policy.nonceTtlSeconds * 1000);
      return { ...n, audience: policy.audience, responseUri: policy.responseUri };
    },
    async verify(p) {
      if (p.format === 'mdoc' && (p.mdocGeneratedNonce === undefined || p.mdocGeneratedNonce === '')) {
        throw invalidInput('mdoc_nonce_required', 'an mdoc presentation needs `mdocGeneratedNonce`, the wallet nonce in its session transcript');
      }
      // The nonce is spent before anything else: a refused presentation cannot be retried with it either.
      await deps.nonces.consume(p.nonce, p.accountId);
      const t = now();
      // The verifier libraries load on first use, not at every start of the service.
      const v =
        p.format === 'sd-jwt-vc'
          ? await (await import('./verify-sd-jwt-age.ts')).verifySdJwtAge({ token: p.token, nonce: p.nonce, now: t, policy })
          : await (await import('./verify-mdoc-age.ts')).verifyMdocAge({ token: p.token, nonce: p.nonce, mdocGeneratedNonce: p.mdocGeneratedNonce!, now: t, policy });
      const { atLeast, below } = v.bounds;
      const signal: PlatformEventOf<'age.signal'> = {
        type: 'age.signal',
        id: `age-token-${randomUUID()}`,
        ts: t,
        account: { id: p.accountId },
        method: 'digital_id',
        ...(atLeast !== undefined ? { atLeast } : {}),
        ...(below !== undefined ? { below } : {}),
        provider: `${v.format}:${v.issuer}`.slice(0, 100),
      };
      const { duplicate } = await deps.appendSignal(signal);
      await deps.nonces.record(p.nonce, { format: v.format, issuer: v.issuer, claims: v.bounds.claims, signalId: signal.id });
      return {
        accountId: p.accountId,
        format: v.format,
        issuer: v.issuer,
        claims: v.bounds.claims,
        atLeast: atLeast ?? null,
        below: below ?? null,
        expiresAt: v.expiresAt,
        verifiedAt: t,
        signal: { id: signal.id, method: 'digital_id', duplicate },
        decision: (await deps.readDecision?.(p.accountId)) ?? null,
      };
    },
  };
}
