/** Row types of the referral tables (see migrations/0011-referrals.ts). */
import type { Int8 } from './service-tables.ts';

/** One journalled request of a referral (src/core/referral/submission-journal.ts). */
export interface ReferralStepsTable {
  referral_id: string;
  seq: number;
  case_id: string;
  destination: string;
  at: Int8;
  step: string;
  phase: string;
  report_id: string | null;
  content_id: string | null;
  file_id: string | null;
  request: string;
  response: string | null;
}

/** One evidence hold event of a case (src/core/evidence/preservation.ts). */
export interface EvidenceHoldEventsTable {
  case_id: string;
  n: number;
  kind: string;
  at: Int8;
  actor: string;
  /** The event's data as JSON. */
  data: string;
}

/** A referral someone asked to send, until it is finished or abandoned (migrations/0012-referral-queue.ts). */
export interface ReferralQueueTable {
  referral_id: string;
  case_id: string;
  destination: string;
  requested_by: string;
  /** The requester's roles as JSON (the resend acts for them). */
  roles: string;
  via: string;
  status: string;
  attempts: number;
  next_at: Int8;
  lease_until: Int8;
  last_error: string | null;
  updated_at: Int8;
}

export interface ReferralTables {
  referral_steps: ReferralStepsTable;
  evidence_hold_events: EvidenceHoldEventsTable;
  referral_queue: ReferralQueueTable;
}
