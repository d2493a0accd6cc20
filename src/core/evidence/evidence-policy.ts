/**
 * The policy's `evidence` section: how long kept media is preserved once a reviewer confirms abuse or a
 * referral is sent (the US REPORT Act 2024 asks for at least a year), and whether that hold starts by itself.
 */
import { z } from 'zod';
import { defaultRetentionDays } from './preservation.ts';

export const evidencePolicySchema = z.strictObject({
  /** Days a preservation hold lasts from the confirmation (or the referral), at least 365. */
  retentionDays: z.number().int().min(defaultRetentionDays).max(36_500).default(defaultRetentionDays),
  /** Hold a case's media automatically when a reviewer confirms abuse and when its referral is sent. */
  autoHold: z.boolean().default(true),
});
export type EvidencePolicy = z.infer<typeof evidencePolicySchema>;
