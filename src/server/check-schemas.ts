/** Schemas and helpers of the action checks (POST /v1/checks/*): who may message, go live, comment, gift. */
import { z } from 'zod';
import { ageTiers, youngerTier, type AgeTier } from '../core/age/age-tiers.ts';
import { checkCodes } from '../core/safety-policy/check-result.ts';
import { connectionKinds, streamAudiences } from '../core/safety-policy/relations.ts';
import type { CheckStream } from '../core/safety-policy/safety-checks.ts';
import type { SafetyService } from './services.ts';

export const accountInput = z.object({
  id: z.string().min(1).max(200),
  tier: z.enum(ageTiers).optional().describe("The platform's age tier; combined with Lifeguard's age decision (the younger wins)."),
});

export const relationInput = z
  .enum([...connectionKinds, 'blocked'])
  .default('none')
  .describe("The actor's connection to the other account (or the streamer), as the platform knows it.");

export const streamInput = z.object({
  id: z.string().min(1).max(200),
  streamerTier: z.enum(ageTiers).optional().describe('Used when Lifeguard does not track this stream.'),
  audience: z.enum(streamAudiences).optional(),
});

export const checkResultView = z
  .object({ allow: z.boolean(), code: z.enum(checkCodes).describe('Stable reason code.'), reason: z.string().describe('A sentence a person can read.') })
  .meta({ id: 'CheckResult' });

/** The tier to check with: the platform's and Lifeguard's decided tier, the younger of the two. */
export async function tierFor(safety: SafetyService, account: z.infer<typeof accountInput>): Promise<AgeTier> {
  const decided = safety.tierOf ? await safety.tierOf(account.id) : undefined;
  const given = account.tier ?? 'unknown';
  if (decided === undefined || decided === 'unknown') return given;
  return given === 'unknown' ? decided : youngerTier(given, decided);
}

/** The stream's live restrictions from the guardian, else what the platform said about it. */
export async function streamFor(safety: SafetyService, stream: z.infer<typeof streamInput>): Promise<CheckStream> {
  const live = safety.streamAccess ? await safety.streamAccess(stream.id) : undefined;
  if (live !== undefined) return stream.audience !== undefined ? { ...live, audience: stream.audience } : live;
  return { streamerTier: stream.streamerTier ?? 'unknown', audience: stream.audience ?? 'public' };
}
