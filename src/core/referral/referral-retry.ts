/**
 * Background resending of referrals: which failures are worth another try (the authority was unreachable or
 * answered 5xx, or the sender died half way) and when. Never a second report: the resend resumes the same
 * journalled referral (submission-journal.ts), so a retry only finishes or retracts what was started.
 */

export const referralQueueStatuses = ['sending', 'waiting', 'done', 'abandoned'] as const;
export type ReferralQueueStatus = (typeof referralQueueStatuses)[number];

/** Error codes after which a resend cannot succeed without a person (refused report, case not confirmed, …). */
const permanent = new Set([
  'cybertipline_refused',
  'referral_not_confirmed',
  'referral_nothing_to_report',
  'referral_bad_hash',
  'referral_destination_not_configured',
  'media_not_found',
  'case_not_found',
  'forbidden',
]);

/** True when a failure with this code (or an unknown error: a network failure, a crash) is retried. */
export const isRetryableReferralFailure = (code: string | undefined): boolean => code === undefined || !permanent.has(code);

export interface RetrySchedule {
  /** Delay before the first retry (doubles each time). */
  baseMs: number;
  /** Longest delay between tries. */
  capMs: number;
  /** Tries in all (the first send included) before the referral is abandoned for a person to look at. */
  maxAttempts: number;
}

export const defaultRetrySchedule: RetrySchedule = { baseMs: 60_000, capMs: 6 * 3_600_000, maxAttempts: 10 };

/** When to try again after the `attempts`-th failed try; undefined: give up. */
export function nextRetryAt(attempts: number, now: number, s: RetrySchedule = defaultRetrySchedule): number | undefined {
  if (attempts >= s.maxAttempts) return undefined;
  return now + Math.min(s.capMs, s.baseMs * 2 ** Math.max(0, attempts - 1));
}
