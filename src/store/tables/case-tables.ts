/** Row types of the case and audit tables (see migrations/0006-cases.ts). */
import type { Int8 } from './service-tables.ts';

/** The append-only case history: the only source of truth about cases. */
export interface CaseEventsTable {
  /** From the `case_events` counter, taken under the case lock: ascending in commit order. */
  seq: Int8;
  case_id: string;
  kind: string;
  at: Int8;
  actor: string;
  /** The event's data as JSON (src/core/cases/case-event.ts). */
  data: string;
}

/** The queue's read table: one row per case, rebuilt from the case's events in the transaction that appends them. */
export interface CasesTable {
  id: string;
  scope: string;
  status: string;
  source: string;
  priority: string;
  /** 0 = most urgent (position in the policy's priorities when the row was written). */
  priority_rank: number;
  required_role: string;
  language: string | null;
  opened_at: Int8;
  /** opened_at + the priority's target time. */
  due_at: Int8;
  updated_at: Int8;
  assignee: string | null;
  /** When the claim lapses (0 when unclaimed). */
  claim_until: Int8;
  label: string | null;
  /** The reduced CaseState as JSON. */
  state: string;
  last_seq: Int8;
}

/** Subjects of open cases: the unique key makes a second open case on one subject impossible. */
export interface CaseOpenSubjectsTable {
  scope: string;
  subject_key: string;
  case_id: string;
}

/** The hash-chained audit log. Never updated or deleted (retention jobs skip it). */
export interface AuditLogTable {
  seq: Int8;
  at: Int8;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface CaseTables {
  case_events: CaseEventsTable;
  cases: CasesTable;
  case_open_subjects: CaseOpenSubjectsTable;
  audit_log: AuditLogTable;
}
