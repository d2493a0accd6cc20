/**
 * The Lifeguard policy file: age assurance, child-safe defaults per tier, live-stream minimum ages, the
 * guardian's thresholds and supportive information. Every field has a documented default, so `{}` is a
 * valid policy and `policy/default-policy.json` is exactly `policySchema.parse({})` written out.
 */
import { z } from 'zod';
import { agePolicySchema } from '../age/age-policy.ts';
import { guardianPolicySchema } from '../guardian/guardian-policy.ts';
import { supportPolicySchema } from '../support/support-policy.ts';
import { reviewPolicySchema } from '../cases/review-policy.ts';
import { livePolicySchema, tierSettingsPolicySchema } from './tier-settings.ts';
import { matchingPolicySchema } from '../banks/matching-policy.ts';
import { ageTokenPolicySchema } from '../age/age-token-policy.ts';
import { evidencePolicySchema } from '../evidence/evidence-policy.ts';

export const policySchema = z.strictObject({
  version: z.literal(1).default(1),
  age: agePolicySchema.prefault({}),
  tiers: tierSettingsPolicySchema.prefault({}),
  live: livePolicySchema.prefault({}),
  guardian: guardianPolicySchema.prefault({}),
  support: supportPolicySchema.prefault({}),
  /** Human review: priorities with target times, queues, claim expiry, second-person confirmation. */
  review: reviewPolicySchema.prefault({}),
  /** Known-content matching: whole-video thresholds (a query video, a live stream's frames). */
  matching: matchingPolicySchema.prefault({}),
  /** Privacy-preserving age tokens (SD-JWT VC, mdoc): the issuer trust list, audience, nonce and clock limits. */
  ageTokens: ageTokenPolicySchema.prefault({}),
  /** Evidence preservation: the hold period after a confirmation or a referral. */
  evidence: evidencePolicySchema.prefault({}),
});
export type Policy = z.infer<typeof policySchema>;

/** The documented defaults, as a fresh object. */
export function defaultPolicy(): Policy {
  return policySchema.parse({});
}
