/**
 * The referral send queue on SQLite or PostgreSQL (migrations/0012-referral-queue.ts): a row per referral a
 * person asked to send, `sending` under a lease while someone works it, `waiting` until its next try after a
 * failure, then `done` or `abandoned`. Workers take a row with a conditional update, so two never work one row;
 * and the journal's primary key stops them even if they did.
 */
import { nextRetryAt, type ReferralQueueStatus, type RetrySchedule } from '../core/referral/referral-retry.ts';
import type { Role } from '../core/people/roles.ts';
import type { Database } from './database.ts';

export interface QueuedReferral {
  referralId: string;
  caseId: string;
  destination: string;
  /** The person who asked for the send; a resend acts for them. */
  requestedBy: string;
  roles: Role[];
  via: string;
  status: ReferralQueueStatus;
  attempts: number;
  nextAt: number;
  leaseUntil: number;
  lastError: string | null;
}

export interface ReferralQueue {
  /**
   * Records that a send starts now under a lease of `leaseMs`: a new row, or a retry of an existing one (a
   * person asking again starts the count of tries afresh: `byPerson`).
   */
  begin(r: Pick<QueuedReferral, 'referralId' | 'caseId' | 'destination' | 'requestedBy' | 'roles' | 'via'>, now: number, leaseMs: number, byPerson: boolean): Promise<void>;
  succeeded(referralId: string, now: number): Promise<void>;
  /** A failed try: `waiting` for the next one (back-off), or `abandoned` when not retryable or out of tries. */
  failed(referralId: string, now: number, f: { error: string; retryable: boolean; schedule?: RetrySchedule }): Promise<QueuedReferral | undefined>;
  get(referralId: string): Promise<QueuedReferral | undefined>;
  /** Rows to work now: waiting and due, or sending with a lapsed lease (the sender died). */
  due(now: number, limit: number): Promise<QueuedReferral[]>;
  /** Takes `r` (as read by `due`) under a fresh lease; false when someone else took it first. */
  take(r: QueuedReferral, now: number, leaseMs: number): Promise<boolean>;
}

type Row = { referral_id: string; case_id: string; destination: string; requested_by: string; roles: string; via: string; status: string; attempts: number | string; next_at: number | string; lease_until: number | string; last_error: string | null };

const toQueued = (r: Row): QueuedReferral => ({
  referralId: r.referral_id,
  caseId: r.case_id,
  destination: r.destination,
  requestedBy: r.requested_by,
  roles: JSON.parse(r.roles) as Role[],
  via: r.via,
  status: r.status as ReferralQueueStatus,
  attempts: Number(r.attempts),
  nextAt: Number(r.next_at),
  leaseUntil: Number(r.lease_until),
  lastError: r.last_error,
});

/** The queue on `database`. */
export function createReferralQueue(database: Database): ReferralQueue {
  const { db } = database;
  const get = async (referralId: string) => {
    const row = await db.selectFrom('referral_queue').selectAll().where('referral_id', '=', referralId).executeTakeFirst();
    return row ? toQueued(row) : undefined;
  };
  return {
    async begin(r, now, leaseMs, byPerson) {
      const fields = { case_id: r.caseId, destination: r.destination, requested_by: r.requestedBy, roles: JSON.stringify(r.roles), via: r.via, status: 'sending', attempts: 0, next_at: now, lease_until: now + leaseMs, last_error: null, updated_at: now };
      await db
        .insertInto('referral_queue')
        .values({ referral_id: r.referralId, ...fields })
        .onConflict((oc) => oc.column('referral_id').doUpdateSet(byPerson ? fields : { status: 'sending', lease_until: now + leaseMs, updated_at: now }))
        .execute();
    },
    async succeeded(referralId, now) {
      await db.updateTable('referral_queue').set({ status: 'done', lease_until: 0, last_error: null, updated_at: now }).where('referral_id', '=', referralId).execute();
    },
    async failed(referralId, now, f) {
      const cur = await get(referralId);
      if (!cur) return undefined;
      const attempts = cur.attempts + 1;
      const next = f.retryable ? nextRetryAt(attempts, now, f.schedule) : undefined;
      await db
        .updateTable('referral_queue')
        .set({ status: next === undefined ? 'abandoned' : 'waiting', attempts, next_at: next ?? now, lease_until: 0, last_error: f.error.slice(0, 500), updated_at: now })
        .where('referral_id', '=', referralId)
        .execute();
      return get(referralId);
    },
    get,
    async due(now, limit) {
      const rows = await db
        .selectFrom('referral_queue')
        .selectAll()
        .where((eb) => eb.or([eb.and([eb('status', '=', 'waiting'), eb('next_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)])]))
        .orderBy('next_at')
        .limit(limit)
        .execute();
      return rows.map(toQueued);
    },
    async take(r, now, leaseMs) {
      const res = await db
        .updateTable('referral_queue')
        .set({ status: 'sending', lease_until: now + leaseMs, updated_at: now })
        .where('referral_id', '=', r.referralId)
        .where('status', '=', r.status)
        .where('lease_until', '=', r.leaseUntil)
        .where('next_at', '=', r.nextAt)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}
