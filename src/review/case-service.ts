/**
 * The case service: what the API routes, the reviewer console and the CLI call to work cases. Every method
 * acting for a person takes a `Reviewer` (who, with which roles) and checks it here, so the console and the
 * API enforce the same rules: claim before you decide, child-safety cases only for child-safety reviewers,
 * escalated cases only for supervisors, a second person for the actions the policy names. Views, reveals,
 * assessments, actions and exports are audited in the same transaction as the case event they write.
 */
import type { AgeAppealResolution } from '../core/age/age-appeal.ts';
import type { EffectKind, EvidenceRef, Severity } from '../core/effects.ts';
import type { Assessment } from '../core/cases/assessment.ts';
import type { CaseAction } from '../core/cases/case-actions.ts';
import type { CaseEvent, CaseOutcome } from '../core/cases/case-event.ts';
import type { CaseSource, CaseSubject } from '../core/cases/case-sources.ts';
import type { CaseState, CaseStatus } from '../core/cases/reduce-case.ts';
import type { ReviewPolicy } from '../core/cases/review-policy.ts';
import type { Role } from '../core/people/roles.ts';

/** The person a call acts for: a console user, or a reviewer named by a platform over the API. */
export interface Reviewer {
  /** Stable id of the person (console user id, or the platform's reviewer id over the API). */
  id: string;
  roles: readonly Role[];
  /** How they came: `console` (session) or `api:<key id>`; recorded in the audit log. */
  via: string;
}

/** Evidence arriving from any source: opens a case, or joins the open case sharing a subject. */
export interface CaseIntake {
  /** Tenant scope ('' on a single-tenant service). */
  scope?: string;
  source: CaseSource;
  severity: Severity;
  /** The effect that asked for review, when one did. */
  effectKind?: EffectKind;
  /** A user report's reason (e.g. `imminent_danger`). */
  reportReason?: string;
  /** The detector reading the intake reports (Effect.reading): its latest intake replaces its say in the case's priority. */
  reading?: string;
  /** What the case is about: accounts, streams, conversations, content, hashes (`sha256:…`, `pdq:…`, `entry:<bank entry id>`). */
  subjects: CaseSubject[];
  evidence: EvidenceRef[];
  reasons: string[];
  language?: string;
  /** Who brings it (default `system`). */
  actor?: string;
}

/** The outcome of an intake. */
export interface IntakeResult {
  caseId: string;
  /** True when a new case was opened; false when the evidence joined an open case (or was already there). */
  opened: boolean;
  /** False when nothing new was added (the same evidence again). */
  changed: boolean;
}

/** One row of the queue. */
export interface CaseSummary {
  id: string;
  status: CaseStatus;
  source: CaseSource;
  priority: string;
  priorityLabel: string;
  requiredRole: Role;
  language: string | null;
  openedAt: number;
  updatedAt: number;
  /** How long it has waited (to now, or to its closing) against its priority's target. */
  waitedMs: number;
  targetMs: number;
  dueAt: number;
  overdue: boolean;
  assignee: string | null;
  /** When the claim lapses (null when unclaimed or lapsed). */
  claimUntil: number | null;
  queues: string[];
  subjects: CaseSubject[];
  reasons: string[];
  evidenceCount: number;
}

/** A case in full: its derived state, its timeline and where it sits. */
export interface CaseDetail {
  summary: CaseSummary;
  state: CaseState;
  events: CaseEvent[];
}

export interface QueueQuery {
  /** A queue id from the policy (routing rule); absent: every case. */
  queue?: string;
  /** Default: every status but `closed`. */
  status?: CaseStatus[];
  priority?: string;
  source?: CaseSource;
  assignee?: string;
  limit: number;
  /** Opaque cursor of the previous page. */
  cursor?: string;
}

/** A queue as listed: its rule, and the waiting cases in it. */
export interface QueueView {
  id: string;
  label: string;
  waiting: number;
  overdue: number;
  /** Oldest waiting case's waiting time (ms), or null when empty. */
  oldestWaitMs: number | null;
  /** True when `viewer` (if given) holds a role that can work at least one case in it. */
  workable?: boolean;
}

/** What acting on a case did. */
export interface ActResult {
  actionId: string;
  /** `pending`: waits for a second person's confirmation (policy confirmActions). */
  status: 'done' | 'pending' | 'rejected';
  /** The effect sent through the webhook outbox (its dedupeKey), once done. */
  effectKey?: string;
  /** add_to_bank: entries added / merged. */
  bank?: { name: string; added: number; merged: number };
  case: CaseDetail;
}

/** One labelled decision for detector evaluation: ids and labels only, no content or text. */
export interface LabelRow {
  caseId: string;
  source: CaseSource;
  label: 'true_positive' | 'false_positive';
  /** Dismissal reason code (false positives). */
  reason: string | null;
  decidedAt: number;
  subjects: CaseSubject[];
  /** Evidence ids by kind (events, reports, bank matches, content) that led to the case. */
  evidence: { kind: string; id: string }[];
  /** The assessed UK category, when assessed. */
  ukCategory: string | null;
}

export interface CaseService {
  readonly policy: ReviewPolicy;
  /** Opens a case or merges into the open case sharing any subject (atomic; safe under concurrent workers). */
  intake(intake: CaseIntake): Promise<IntakeResult>;
  /** Cases in queue order: priority, then longest waiting. */
  listQueue(q: QueueQuery): Promise<{ cases: CaseSummary[]; cursor: string | null }>;
  /** The policy's queues with their waiting counts. */
  queues(viewer?: Reviewer): Promise<QueueView[]>;
  /** A case with its timeline; undefined for an unknown id. Reading is not a view: call recordView when a person looks. */
  get(caseId: string): Promise<CaseDetail | undefined>;
  /** Claims the most pressing free case the reviewer may work (in `queue` when given); null when none. */
  claimNext(reviewer: Reviewer, opts?: { queue?: string }): Promise<CaseDetail | null>;
  /** Claims one case (409 `case_claimed` when someone else holds a live claim). */
  claim(caseId: string, reviewer: Reviewer): Promise<CaseDetail>;
  /** Gives a claim back (the holder, or a supervisor). */
  release(caseId: string, reviewer: Reviewer): Promise<CaseDetail>;
  /** Records that the reviewer looked at the case (or one evidence item); audited. */
  recordView(caseId: string, reviewer: Reviewer, opts?: { evidenceKey?: string }): Promise<void>;
  /**
   * Checks the reviewer may reveal `contentId` of this case (a live claim, the case's role, the content is its
   * evidence) and records the reveal, audited with `fullView`. Call before sending media; throws 403 otherwise.
   */
  recordReveal(caseId: string, reviewer: Reviewer, opts: { contentId: string; evidenceKey?: string; fullView: boolean }): Promise<void>;
  /** Records an assessment (claim holder or supervisor). */
  assess(caseId: string, reviewer: Reviewer, assessment: Assessment): Promise<CaseDetail>;
  /** Decides an action: its effect goes out through the webhook outbox, or it waits for a second person. */
  act(caseId: string, reviewer: Reviewer, action: CaseAction): Promise<ActResult>;
  /** A second, different person confirms or rejects a pending action. */
  confirmAction(caseId: string, reviewer: Reviewer, actionId: string, decision: { approve: boolean; reason?: string }): Promise<ActResult>;
  /** Hands the case to a supervisor (requires a reason). */
  escalate(caseId: string, reviewer: Reviewer, reason: string): Promise<CaseDetail>;
  /** Closes the case; its subjects are free for a new case. */
  close(caseId: string, reviewer: Reviewer, opts: { outcome?: Exclude<CaseOutcome, 'dismissed'>; note?: string }): Promise<CaseDetail>;
  /** Reopens a closed case (supervisor), when none of its subjects has a newer open case. */
  reopen(caseId: string, reviewer: Reviewer, reason: string): Promise<CaseDetail>;
  /**
   * Records a referral step on the case, audited: `drafted` (a child-safety reviewer looked at the draft) or
   * `sent` (the destination finished the report; its id). Needs the child-safety role (or supervisor).
   */
  recordReferral(caseId: string, reviewer: Reviewer, r: { step: 'drafted'; destination: string } | { step: 'sent'; destination: string; referralId: string; reportId: string; detail?: Record<string, unknown> }): Promise<CaseDetail>;
  /**
   * Resolves an age-appeal case (claim holder): `upheld` keeps the account's age decision, `overturned` sets a
   * new tier or age; a reason is required. Writes a `reviewer` age signal to the account's history (so the
   * decision, the settings and the checks follow), an `age_resolved` case event, closes the case, and audits it,
   * all in one transaction. 400 `reason_required` / `invalid_resolution`, 409 `not_age_appeal`.
   */
  resolveAgeAppeal(caseId: string, reviewer: Reviewer, resolution: AgeAppealResolution): Promise<CaseDetail>;
  /** Reviewers' true/false-positive decisions as labelled data (ids and labels only); audited as an export. */
  exportLabels(reviewer: Reviewer, opts?: { since?: number; until?: number; limit?: number }): Promise<LabelRow[]>;
}
