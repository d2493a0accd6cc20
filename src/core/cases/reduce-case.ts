/** The pure reducer: a case's events (in order) → its current state. The only place status is decided. */
import type { Role } from '../people/roles.ts';
import type { Assessment } from './assessment.ts';
import { caseActionSpecs, type CaseAction, type DismissReason } from './case-actions.ts';
import type { CaseEvent, CaseEventData, CaseOutcome } from './case-event.ts';
import { morePressing } from './case-priority.ts';
import type { CaseEvidence, CaseSource, CaseSubject } from './case-sources.ts';
import type { ReviewPolicy } from './review-policy.ts';

export const caseStatuses = ['open', 'in_review', 'awaiting_confirmation', 'escalated', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export interface CaseActionRecord {
  actionId: string;
  action: CaseAction;
  target: { type: string; id: string };
  status: 'done' | 'pending' | 'rejected';
  by: string;
  at: number;
  confirmedBy?: string;
  effectKey?: string;
}

/** A case as derived from its events. */
export interface CaseState {
  id: string;
  status: CaseStatus;
  /** The source that opened it, and every source that added evidence since. */
  source: CaseSource;
  sources: CaseSource[];
  /** The most pressing of what its triggers ask for (each detector reading by its latest intake only). */
  priority: string;
  /** The most pressing priority asked by triggers that report no reading (absent on states saved before readings). */
  basePriority?: string;
  /** The latest priority each detector reading asked for (Effect.reading), by reading. */
  readings?: Record<string, string>;
  openedAt: number;
  updatedAt: number;
  subjects: CaseSubject[];
  evidence: CaseEvidence[];
  reasons: string[];
  /** Role needed to work it now (`supervisor` while escalated). */
  requiredRole: Role;
  /** The role needed before any escalation. */
  baseRole: Role;
  language?: string;
  /** The current claim: free again after `until` (epoch ms). */
  assignee?: { id: string; since: number; until: number; claimMs: number };
  assessments: { by: string; at: number; assessment: Assessment }[];
  actions: CaseActionRecord[];
  escalated: boolean;
  outcome?: CaseOutcome;
  dismissReason?: DismissReason;
  closedAt?: number;
  /** The last reviewer decision as a detector label (for evaluation exports). */
  label?: 'true_positive' | 'false_positive';
  views: number;
  reveals: number;
  /** Reveals that showed the whole file. */
  fullViews: number;
  lastSeq: number;
  /** Referrals by destination: drafted (looked at) or sent with the destination's report id. */
  referrals: CaseReferral[];
  /** Age-appeal resolutions, oldest first (absent on states saved before they existed). */
  ageResolutions?: (CaseEventData['age_resolved'] & { by: string; at: number })[];
}

/** A case's referral to one destination. */
export interface CaseReferral {
  destination: string;
  status: 'drafted' | 'sent';
  /** Last change (epoch ms) and by whom. */
  at: number;
  by: string;
  referralId?: string;
  reportId?: string;
}

const reasonCap = 50;

/** Folds the events of one case (ascending seq). Returns undefined for an empty list or one not starting with `opened`. */
export function reduceCase(events: readonly CaseEvent[], policy: ReviewPolicy): CaseState | undefined {
  const first = events[0];
  if (first === undefined || first.kind !== 'opened') return undefined;
  const o = first.data;
  const s: CaseState = {
    id: first.caseId,
    status: 'open',
    source: o.source,
    sources: [o.source],
    priority: o.priority,
    readings: {},
    openedAt: first.at,
    updatedAt: first.at,
    subjects: [],
    evidence: [],
    reasons: [],
    requiredRole: o.requiredRole,
    baseRole: o.requiredRole,
    ...(o.language !== undefined ? { language: o.language } : {}),
    assessments: [],
    actions: [],
    escalated: false,
    views: 0,
    reveals: 0,
    fullViews: 0,
    lastSeq: first.seq,
    referrals: [],
  };
  for (const e of events) apply(s, e, policy);
  s.status = statusOf(s);
  return s;
}

/**
 * Folds further events into a state reduced before (e.g. the read table's copy): the same result as reducing
 * the whole list, without reading it again. Mutates and returns `state`.
 */
export function applyCaseEvents(state: CaseState, events: readonly CaseEvent[], policy: ReviewPolicy): CaseState {
  for (const e of events) if (e.seq > state.lastSeq) apply(state, e, policy);
  state.status = statusOf(state);
  return state;
}

/** Most evidence items a case keeps; beyond it, more of the same only raises the priority when more pressing. */
export const caseEvidenceCap = 500;

/**
 * A case's priority after a trigger: the most pressing of its triggers without a reading and of each reading's
 * latest. A reading's new intake replaces its earlier one, so a reading withdrawn by later messages (asking for
 * less) lowers the case unless another trigger holds it up. A state saved before readings keeps its priority
 * as its floor (what it was raised to cannot be told apart).
 */
function priorityAfter(s: CaseState, d: CaseEventData['opened'], policy: ReviewPolicy): string {
  if (s.readings === undefined) {
    s.readings = {};
    s.basePriority = s.priority;
  }
  if (d.reading !== undefined) s.readings[d.reading] = d.priority;
  else s.basePriority = s.basePriority === undefined ? d.priority : morePressing(s.basePriority, d.priority, policy);
  let p = s.basePriority;
  for (const r of Object.values(s.readings)) p = p === undefined ? r : morePressing(p, r, policy);
  return p ?? d.priority;
}

function apply(s: CaseState, e: CaseEvent, policy: ReviewPolicy): void {
  s.referrals ??= []; // states saved before referrals were recorded
  s.updatedAt = Math.max(s.updatedAt, e.at);
  s.lastSeq = e.seq;
  // Any event by the claim holder renews the claim.
  if (s.assignee && e.actor === s.assignee.id) s.assignee.until = Math.max(s.assignee.until, e.at + s.assignee.claimMs);
  switch (e.kind) {
    case 'opened':
    case 'evidence_added': {
      const d = e.data;
      if (!s.sources.includes(d.source)) s.sources.push(d.source);
      s.priority = priorityAfter(s, d, policy);
      for (const x of d.subjects) if (!s.subjects.some((y) => y.type === x.type && y.id === x.id)) s.subjects.push(x);
      for (const x of d.evidence) if (!s.evidence.some((y) => y.key === x.key)) s.evidence.push(x);
      for (const r of d.reasons) if (s.reasons.length < reasonCap && !s.reasons.includes(r)) s.reasons.push(r);
      // Child-safety evidence joining a general case makes it a child-safety case.
      if (d.requiredRole === 'child_safety_reviewer' && s.baseRole === 'reviewer') {
        s.baseRole = d.requiredRole;
        if (!s.escalated) s.requiredRole = d.requiredRole;
      }
      if (s.language === undefined && d.language !== undefined) s.language = d.language;
      break;
    }
    case 'assigned':
      s.assignee = { id: e.data.assignee, since: e.at, until: e.at + e.data.claimMs, claimMs: e.data.claimMs };
      break;
    case 'claim_released':
    case 'claim_expired':
      if (s.assignee?.id === e.data.assignee) delete s.assignee;
      break;
    case 'viewed':
      s.views++;
      break;
    case 'revealed':
      s.reveals++;
      if (e.data.fullView) s.fullViews++;
      break;
    case 'assessed':
      s.assessments.push({ by: e.actor, at: e.at, assessment: e.data.assessment });
      break;
    case 'actioned': {
      const d = e.data;
      s.actions.push({ actionId: d.actionId, action: d.action, target: d.target, status: d.status, by: e.actor, at: e.at, ...(d.effectKey ? { effectKey: d.effectKey } : {}) });
      if (d.status === 'done') decided(s, d.action);
      break;
    }
    case 'action_confirmed': {
      const a = s.actions.find((x) => x.actionId === e.data.actionId);
      if (a && a.status === 'pending') {
        a.status = 'done';
        a.confirmedBy = e.actor;
        a.effectKey = e.data.effectKey;
        decided(s, a.action);
      }
      break;
    }
    case 'action_rejected': {
      const a = s.actions.find((x) => x.actionId === e.data.actionId);
      if (a && a.status === 'pending') a.status = 'rejected';
      break;
    }
    case 'escalated':
      s.escalated = true;
      s.requiredRole = 'supervisor';
      delete s.assignee;
      break;
    case 'closed':
      s.outcome = e.data.outcome;
      s.closedAt = e.at;
      delete s.assignee;
      break;
    case 'reopened':
      delete s.outcome;
      delete s.closedAt;
      s.escalated = false;
      s.requiredRole = s.baseRole;
      break;
    case 'referral_drafted': {
      const r = s.referrals.find((x) => x.destination === e.data.destination);
      if (!r) s.referrals.push({ destination: e.data.destination, status: 'drafted', at: e.at, by: e.actor });
      else if (r.status === 'drafted') Object.assign(r, { at: e.at, by: e.actor });
      break;
    }
    case 'age_resolved':
      (s.ageResolutions ??= []).push({ ...e.data, by: e.actor, at: e.at });
      break;
    case 'referral_sent': {
      const d = e.data;
      const r = s.referrals.find((x) => x.destination === d.destination);
      const sent: CaseReferral = { destination: d.destination, status: 'sent', at: e.at, by: e.actor, referralId: d.referralId, reportId: d.reportId };
      if (r) Object.assign(r, sent);
      else s.referrals.push(sent);
      break;
    }
  }
  // Status after each event (closed wins until reopened).
  s.status = statusOf(s);
}

function decided(s: CaseState, action: CaseAction): void {
  const label = caseActionSpecs[action.kind].label;
  if (label !== undefined) s.label = label;
  if (action.kind === 'dismiss' && action.reason !== undefined) s.dismissReason = action.reason;
  else if (label === 'true_positive') delete s.dismissReason;
}

function statusOf(s: CaseState): CaseStatus {
  if (s.closedAt !== undefined) return 'closed';
  if (s.actions.some((a) => a.status === 'pending')) return 'awaiting_confirmation';
  if (s.assignee) return 'in_review';
  if (s.escalated) return 'escalated';
  return 'open';
}

/** True when the case is claimed by someone at `now` (claims lapse without activity). */
export const claimActive = (s: CaseState, now: number): boolean => s.assignee !== undefined && s.assignee.until > now;

/** How long a case has waited and how that compares with its priority's target. */
export function waiting(s: CaseState, now: number, targetMinutes: number): { waitedMs: number; targetMs: number; overdue: boolean; dueAt: number } {
  const targetMs = targetMinutes * 60_000;
  const end = s.closedAt ?? now;
  return { waitedMs: end - s.openedAt, targetMs, overdue: end - s.openedAt > targetMs, dueAt: s.openedAt + targetMs };
}
