/**
 * Audit entries: who did what to which record, when. The log is append-only and hash-chained: each entry
 * holds the previous entry's hash, and its own hash is SHA-256 over a canonical serialisation of everything
 * else, so an edited, deleted or reordered entry breaks the chain (see verify-chain.ts).
 */

/** Every audited action, declared once. r-console appends sign-ins and people changes; cases append the rest. */
export const auditActions = [
  // people and sessions (console)
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'session_revoked',
  'person_added',
  'person_disabled',
  'role_changed',
  'settings_changed',
  // cases
  'case_opened',
  'case_claimed',
  'case_released',
  'case_viewed',
  'media_revealed',
  'media_reveal_denied',
  'case_assessed',
  'case_actioned',
  'action_confirmed',
  'action_rejected',
  'case_escalated',
  'case_closed',
  'case_reopened',
  'referral_drafted',
  'referral_sent',
  'referral_failed',
  'age_appeal_resolved',
  // data leaving the system, and the audit log itself
  'labels_exported',
  'audit_read',
  'audit_verified',
  // an API call named a reviewer who is disabled or (in `people` mode) unknown
  'reviewer_refused',
  // evidence: chain of custody from intake to export (src/core/evidence)
  'evidence_kept',
  'evidence_held',
  'evidence_hold_extended',
  'evidence_legal_hold_set',
  'evidence_legal_hold_lifted',
  'evidence_purged',
  'evidence_destruction_requested',
  'evidence_destroyed',
  'evidence_exported',
  'evidence_sent',
  'evidence_purge_run',
  'evidence_custody_read',
  // an admin asked for an exchange fetch from the console
  'exchange_fetch_requested',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** True when `s` is an audit action. */
export const isAuditAction = (s: string): s is AuditAction => (auditActions as readonly string[]).includes(s);

/** What an entry is about (a case, a content record, a person, an export). */
export interface AuditSubject {
  type: string;
  id: string;
}

/** An entry to append: the store adds seq, time (when absent), prevHash and hash. */
export interface NewAuditEntry {
  /** The person (reviewer id / console user) or system actor (`system`, `api:<key id>`). */
  actor: string;
  action: AuditAction;
  subject?: AuditSubject;
  /** Small JSON detail: ids, flags (e.g. `fullView` of a reveal), never media or reporter text. */
  detail?: Record<string, unknown>;
  /** Epoch ms; the store's clock when absent. */
  at?: number;
}

/** A stored, chained entry. */
export interface AuditEntry {
  /** 1, 2, 3, … without gaps. */
  seq: number;
  at: number;
  actor: string;
  action: AuditAction;
  subject: AuditSubject | null;
  detail: Record<string, unknown>;
  /** Hash of entry seq-1 (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 hex of the canonical JSON of every other field (see hashedFields). */
  hash: string;
}

/** The previous-hash of the first entry. */
export const genesisHash = '0'.repeat(64);
