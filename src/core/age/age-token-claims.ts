/**
 * Age-over claims of a verified age token (SD-JWT VC `age_over_NN` / `age_equal_or_over.NN`, mdoc
 * `age_over_NN`), read into the bounds an age signal carries. Pure: the signature, holder and replay checks
 * happen in src/age-tokens before anything reaches here.
 */
import { LifeguardError } from '../lifeguard-error.ts';

/** The token formats Lifeguard verifies. */
export const ageTokenFormats = ['sd-jwt-vc', 'mdoc'] as const;
export type AgeTokenFormat = (typeof ageTokenFormats)[number];

/** One disclosed statement: "the holder is `threshold` or over" (`over: true`) or younger than it (`over: false`). */
export interface AgeOverClaim {
  threshold: number;
  over: boolean;
}

/** What a token's age claims prove: at least `atLeast`, younger than `below` (each when stated). */
export interface AgeBounds {
  claims: AgeOverClaim[];
  atLeast?: number;
  below?: number;
}

const AGE_OVER = /^age_over_(\d{1,3})$/;
const THRESHOLD = /^\d{1,3}$/;

function threshold(digits: string): number | null {
  const n = Number(digits);
  return n >= 1 && n <= 130 ? n : null;
}

/**
 * The age-over statements among disclosed claims: keys `age_over_NN` with a boolean value (EU age
 * verification attestation, ISO 18013-5 mDL) and members `NN` of an `age_equal_or_over` object (EU PID in
 * SD-JWT VC). Non-boolean values and other keys are ignored.
 */
export function ageOverClaims(disclosed: Readonly<Record<string, unknown>>): AgeOverClaim[] {
  const out = new Map<number, boolean>();
  const add = (t: number | null, v: unknown) => {
    if (t === null || typeof v !== 'boolean') return;
    if (out.has(t) && out.get(t) !== v) {
      throw new LifeguardError('age_token_claims_inconsistent', 422, `the token says both yes and no to "${t} or over"`);
    }
    out.set(t, v);
  };
  for (const [key, value] of Object.entries(disclosed)) {
    const m = AGE_OVER.exec(key);
    if (m) add(threshold(m[1]!), value);
  }
  const nested = disclosed.age_equal_or_over;
  if (nested !== null && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [key, value] of Object.entries(nested as Record<string, unknown>)) {
      if (THRESHOLD.test(key)) add(threshold(key), value);
    }
  }
  return [...out].map(([t, over]) => ({ threshold: t, over })).sort((a, b) => a.threshold - b.threshold);
}

/**
 * The bounds the statements prove: the highest threshold answered yes is `atLeast`, the lowest answered no is
 * `below`. 422 `age_token_no_age_claim` when there is none, `age_token_claims_inconsistent` when they contradict.
 */
export function ageBounds(claims: readonly AgeOverClaim[]): AgeBounds {
  if (claims.length === 0) {
    throw new LifeguardError('age_token_no_age_claim', 422, 'the token discloses no age_over_NN claim: ask the wallet to disclose one (e.g. age_over_18)');
  }
  let atLeast: number | undefined;
  let below: number | undefined;
  for (const c of claims) {
    if (c.over) atLeast = Math.max(atLeast ?? 0, c.threshold);
    else below = Math.min(below ?? Infinity, c.threshold);
  }
  if (atLeast !== undefined && below !== undefined && atLeast >= below) {
    throw new LifeguardError('age_token_claims_inconsistent', 422, `the token says "${atLeast} or over" and "under ${below}"`);
  }
  return {
    claims: [...claims],
    ...(atLeast !== undefined ? { atLeast } : {}),
    ...(below !== undefined ? { below } : {}),
  };
}
