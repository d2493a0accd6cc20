/**
 * Evidence preservation per case, as an append-only list of hold events and a pure reducer: a hold of at
 * least a year by default (US REPORT Act 2024), extendable, a legal hold that blocks expiry, the purge that
 * removed the media (never its hashes or the audit trail), and destruction on a law-enforcement request,
 * which needs a second, different person to confirm.
 */
import type { AuditAction } from '../audit/audit-entry.ts';
import { conflict, forbidden, invalidInput } from '../lifeguard-error.ts';
import type { Role } from '../people/roles.ts';

/** Days media is kept after a case is held, unless extended. */
export const defaultRetentionDays = 365;
const day = 86_400_000;

export const holdEventKinds = ['held', 'extended', 'legal_hold_set', 'legal_hold_lifted', 'purged', 'destruction_requested', 'destruction_confirmed'] as const;
export type HoldEventKind = (typeof holdEventKinds)[number];

/** The audit action each hold event is recorded as (in the same transaction as the event). */
export const holdAuditActions: Readonly<Record<HoldEventKind, AuditAction>> = Object.freeze({
  held: 'evidence_held',
  extended: 'evidence_hold_extended',
  legal_hold_set: 'evidence_legal_hold_set',
  legal_hold_lifted: 'evidence_legal_hold_lifted',
  purged: 'evidence_purged',
  destruction_requested: 'evidence_destruction_requested',
  destruction_confirmed: 'evidence_destroyed',
});

/** Who may ask for, and confirm, destruction on a law-enforcement request: two different people, each a supervisor. */
export const destructionRoles: readonly Role[] = ['supervisor'];

/** Checks a person may take part in a destruction (403 otherwise). */
export function checkDestructionRole(roles: readonly Role[]): void {
  if (!roles.some((r) => destructionRoles.includes(r))) throw forbidden(`destroying evidence needs the ${destructionRoles.join(' or ')} role`);
}

export interface HoldEvent {
  caseId: string;
  /** 1, 2, … per case. */
  n: number;
  kind: HoldEventKind;
  at: number;
  actor: string;
  data: { until?: number; reason?: string; requestRef?: string; contentIds?: string[] };
}
export type NewHoldEvent = Omit<HoldEvent, 'n'>;

export interface HoldState {
  caseId: string;
  heldSince: number;
  until: number;
  legalHold: boolean;
  purgedAt?: number;
  destruction?: { requestedBy: string; requestRef: string; at: number; confirmedBy?: string };
}

/** Folds a case's hold events (ascending n); undefined when it was never held. */
export function reduceHold(events: readonly HoldEvent[]): HoldState | undefined {
  let s: HoldState | undefined;
  for (const e of events) {
    if (e.kind === 'held') s = { caseId: e.caseId, heldSince: e.at, until: e.data.until ?? e.at + defaultRetentionDays * day, legalHold: false };
    if (!s) continue;
    if (e.kind === 'extended' && e.data.until !== undefined) s.until = Math.max(s.until, e.data.until);
    if (e.kind === 'legal_hold_set') s.legalHold = true;
    if (e.kind === 'legal_hold_lifted') s.legalHold = false;
    if (e.kind === 'purged') s.purgedAt = e.at;
    if (e.kind === 'destruction_requested') s.destruction = { requestedBy: e.actor, requestRef: e.data.requestRef ?? '', at: e.at };
    if (e.kind === 'destruction_confirmed' && s.destruction) s.destruction.confirmedBy = e.actor;
  }
  return s;
}

export type PurgeDecision = 'purge' | 'keep_legal_hold' | 'keep_until' | 'already_purged';

/** Whether expiry purges the case's media at `now`. */
export function purgeDecision(s: HoldState, now: number): PurgeDecision {
  if (s.purgedAt !== undefined) return 'already_purged';
  if (s.legalHold) return 'keep_legal_hold';
  return s.until <= now ? 'purge' : 'keep_until';
}

/** The event holding a case for `days` from `now` (a new hold, or an extension when already held). */
export function holdFor(s: HoldState | undefined, caseId: string, actor: string, now: number, days = defaultRetentionDays): NewHoldEvent {
  if (!(Number.isInteger(days) && days >= defaultRetentionDays)) throw invalidInput('hold_too_short', `a hold lasts at least ${defaultRetentionDays} days`);
  if (s?.purgedAt !== undefined) throw conflict('evidence_purged', `the media of ${caseId} was already removed`);
  const until = now + days * day;
  return s ? { caseId, kind: 'extended', at: now, actor, data: { until: Math.max(until, s.until) } } : { caseId, kind: 'held', at: now, actor, data: { until } };
}

/**
 * The automatic hold when abuse is confirmed or a referral is sent: a new hold, or an extension when it pushes
 * the end later; undefined when nothing changes (already held long enough, or the media is gone).
 */
export function autoHold(s: HoldState | undefined, caseId: string, actor: string, now: number, days: number, reason: string): NewHoldEvent | undefined {
  if (s?.purgedAt !== undefined || s?.destruction?.confirmedBy !== undefined) return undefined;
  const e = holdFor(s, caseId, actor, now, days);
  if (s && (e.data.until ?? 0) <= s.until) return undefined;
  return { ...e, data: { ...e.data, reason } };
}

/** Checks a destruction confirmation: a pending request, by someone other than who asked. */
export function checkDestructionConfirm(s: HoldState | undefined, actor: string): void {
  if (!s?.destruction || s.destruction.confirmedBy !== undefined) throw conflict('no_destruction_request', 'no pending law-enforcement destruction request');
  if (s.destruction.requestedBy === actor) throw forbidden('a second, different person must confirm the destruction');
}
