/**
 * Age-assurance providers. An estimator looks at an image and guesses an age; a verifier (ID document,
 * mobile operator, credit card, digital ID) runs outside Lifeguard and its result arrives as an `age.signal`
 * event (from the platform or the provider's webhook). Both end up in the account's append-only age history.
 */
import type { PlatformEventOf } from '../core/events.ts';

/** An image to estimate from: encoded bytes (JPEG, PNG, WebP) or decoded interleaved 8-bit pixels. */
export type EstimatorImage = Uint8Array | { data: Uint8Array; width: number; height: number; channels: 1 | 3 | 4 };

export type AgeEstimateResult =
  | { kind: 'estimate'; age: number; confidence: number; method: 'facial_age_estimation'; provider: string }
  | { kind: 'no_face'; provider: string }
  | { kind: 'several_faces'; provider: string };

export interface AgeEstimator {
  /** Provider name carried into the age signal; the policy lists weak providers (`age.estimation.weakProviders`). */
  readonly provider: string;
  /** The model's version (kept with the estimate's outcome). */
  readonly modelVersion?: string;
  /** The model's typical error in years at the ages that matter, when known: the estimate's uncertainty. */
  readonly typicalErrorYears?: number;
  estimate(image: EstimatorImage): Promise<AgeEstimateResult>;
}

/** The outcome of an outside verification, as a provider reports it. */
export interface VerificationResult {
  method: 'id_document' | 'mobile_operator' | 'credit_card' | 'digital_id';
  provider: string;
  /** Verified age, when the check gives one (documents, digital IDs). */
  age?: number;
  /** The check only says "at least this old" (cards and operators: 18). */
  atLeast?: number;
}

interface SignalMeta {
  id: string;
  ts?: number | string;
  /** The estimator's model version, kept with the estimate. */
  modelVersion?: string;
}

/** The `age.signal` event for an estimate (an image with no face, or several, gives no signal). */
export function estimateToAgeSignal(accountId: string, r: AgeEstimateResult, meta: SignalMeta): PlatformEventOf<'age.signal'> | null {
  if (r.kind !== 'estimate') return null;
  return {
    id: meta.id,
    ...(meta.ts !== undefined ? { ts: meta.ts } : {}),
    type: 'age.signal',
    account: { id: accountId },
    method: 'estimation',
    age: Math.round(r.age * 10) / 10,
    confidence: r.confidence,
    provider: r.provider,
    ...(meta.modelVersion !== undefined ? { modelVersion: meta.modelVersion } : {}),
  };
}

/** The `age.signal` event for a verification result. */
export function verificationToAgeSignal(accountId: string, r: VerificationResult, meta: SignalMeta): PlatformEventOf<'age.signal'> {
  return {
    id: meta.id,
    ...(meta.ts !== undefined ? { ts: meta.ts } : {}),
    type: 'age.signal',
    account: { id: accountId },
    method: r.method,
    provider: r.provider,
    ...(r.age !== undefined ? { age: r.age } : {}),
    ...(r.atLeast !== undefined ? { atLeast: r.atLeast } : {}),
  };
}
