/** The known-content matching part of the policy file: when a whole video counts as a banked video. */
import { z } from 'zod';

const unit = z.number().min(0).max(1);

/**
 * Whole-video thresholds (vPDQ-style): a query video — or a live stream's frames so far — matches a banked
 * video when at least `minFrames` of its hashes were found and either share reaches its threshold.
 */
export const videoMatchPolicySchema = z.strictObject({
  /** Share of the query's sampled frames that match the banked video. */
  minQueryShare: unit.default(0.5),
  /** Share of the banked video's hashes found in the query. */
  minComparedShare: unit.default(0.5),
  /** At least this many of the banked video's hashes found (fewer only when it has fewer). */
  minFrames: z.number().int().min(1).max(10_000).default(2),
});

export const matchingPolicySchema = z.strictObject({
  video: videoMatchPolicySchema.prefault({}),
});
export type MatchingPolicy = z.infer<typeof matchingPolicySchema>;
