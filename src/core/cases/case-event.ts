/**
 * A case's history: an append-only list of case events. Nothing about a case is updated in place; its
 * status, priority, assignee, assessments and decisions are derived from these events by reduceCase.
 */
import type { AppealOutcome } from '../age/age-appeal.ts';
import type { AgeTier } from '../age/age-tiers.ts';
import type { Role } from '../people/roles.ts';
import type { Assessment } from './assessment.ts';
import type { CaseAction, DismissReason } from './case-actions.ts';
import type { CaseTrigger } from './case-priority.ts';
import type { CaseEvidence, CaseSource, CaseSubject } from './case-sources.ts';

/** Every case event kind, declared once. */
export const caseEventKinds = [
  'opened',
  'evidence_added',
  'assigned',
  'claim_released',
  'claim_expired',
  'viewed',
  'revealed',
  'assessed',
  'actioned',
  'action_confirmed',
  'action_rejected',
  'escalated',
  'closed',
  'reopened',
  'referral_drafted',
  'referral_sent',
  'age_resolved',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

/** How a closed case ended. */
export const caseOutcomes = ['actioned', 'dismissed', 'no_action'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

/** Evidence arriving (opened / evidence_added): what it is about, why, and the priority it asks for. */
export interface IntakeData {
  source: CaseSource;
  /** Priority id this trigger asks for (the case keeps the most pressing of all its triggers). */
  priority: string;
  trigger: CaseTrigger;
  subjects: CaseSubject[];
  evidence: CaseEvidence[];
  reasons: string[];
  /** Role needed to work the case (child-safety sources need `child_safety_reviewer`). */
  requiredRole: Role;
  /** ISO 639-1 language of the material, when known (routing). */
  language?: string;
  /** The detector reading it reports: the case keeps only each reading's latest priority (Effect.reading). */
  reading?: string;
}

/** The data each kind carries. */
export interface CaseEventData {
  opened: IntakeData;
  evidence_added: IntakeData;
  /** `claimMs`: how long the claim lasts after each event by the assignee. */
  assigned: { assignee: string; claimMs: number };
  claim_released: { assignee: string };
  claim_expired: { assignee: string };
  viewed: { evidenceKey?: string };
  /** A reveal of sealed media; `fullView`: the whole file was shown (needed for referral reports). */
  revealed: { contentId: string; evidenceKey?: string; fullView: boolean };
  assessed: { assessment: Assessment };
  /** `pending`: waits for a second person (policy confirmActions); `effectKey`: the effect's dedupeKey once done. */
  actioned: { actionId: string; action: CaseAction; target: { type: string; id: string }; status: 'done' | 'pending'; effectKey?: string };
  action_confirmed: { actionId: string; effectKey: string };
  action_rejected: { actionId: string; reason?: string };
  escalated: { reason: string };
  closed: { outcome: CaseOutcome; note?: string; dismissReason?: DismissReason };
  reopened: { reason: string };
  /** A reviewer looked at the draft referral to `destination` (nothing sent). */
  referral_drafted: { destination: string };
  /** The referral was sent and finished; `reportId`: the destination's id of the report. */
  referral_sent: { destination: string; referralId: string; reportId: string };
  /** A reviewer resolved an age appeal; `signalId`: the reviewer age signal it wrote to the account's history. */
  age_resolved: { accountId: string; outcome: AppealOutcome; tier?: AgeTier; age?: number; reason: string; signalId: string };
}

/** One stored case event. */
export type CaseEvent = {
  [K in CaseEventKind]: {
    /** Position in the global case-event log (ascending in commit order per case). */
    seq: number;
    caseId: string;
    kind: K;
    /** Epoch ms. */
    at: number;
    /** A reviewer id, `system` (pipeline) or `api:<key id>`. */
    actor: string;
    data: CaseEventData[K];
  };
}[CaseEventKind];

/** A case event before it is stored (the store assigns seq). */
export type NewCaseEvent = { [K in CaseEventKind]: Omit<Extract<CaseEvent, { kind: K }>, 'seq'> }[CaseEventKind];
