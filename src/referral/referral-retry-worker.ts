/**
 * The worker that finishes referrals: every interval it takes the queue's due rows (a send that failed and
 * waited out its back-off, or one whose sender died and whose lease lapsed) and resends them for the person
 * who asked. The resend resumes the same journalled referral, so nothing is ever submitted twice.
 */
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { isRetryableReferralFailure, type RetrySchedule } from '../core/referral/referral-retry.ts';
import type { QueuedReferral, ReferralQueue } from '../store/referral-queue-store.ts';
import { referralLeaseMs } from './send-referral.ts';

export interface ReferralRetryPass {
  resumed: { referralId: string; reportId?: string }[];
  failed: { referralId: string; code: string }[];
}

/** One pass: resends every due row it can take. `send` is sendReferral for the row's case and requester. */
export async function resendDueReferrals(opts: {
  queue: ReferralQueue;
  send(row: QueuedReferral): Promise<{ reportId: string }>;
  now: () => number;
  retry?: RetrySchedule;
  batch?: number;
}): Promise<ReferralRetryPass> {
  const out: ReferralRetryPass = { resumed: [], failed: [] };
  for (const row of await opts.queue.due(opts.now(), opts.batch ?? 20)) {
    if (!(await opts.queue.take(row, opts.now(), referralLeaseMs))) continue;
    try {
      const r = await opts.send(row);
      out.resumed.push({ referralId: row.referralId, reportId: r.reportId });
    } catch (e) {
      const code = isLifeguardError(e) ? e.code : undefined;
      out.failed.push({ referralId: row.referralId, code: code ?? 'error' });
      // A failure before the send began (the case changed, the destination is gone) is recorded here.
      if ((await opts.queue.get(row.referralId))?.status === 'sending') {
        await opts.queue.failed(row.referralId, opts.now(), { error: `${code ?? 'error'}: ${e instanceof Error ? e.message : String(e)}`, retryable: isRetryableReferralFailure(code), ...(opts.retry ? { schedule: opts.retry } : {}) });
      }
    }
  }
  return out;
}
