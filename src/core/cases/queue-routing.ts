/** Queues are routing rules over cases: which queues a case is in, and who may work it. Pure. */
import type { Role } from '../people/roles.ts';
import type { CaseState } from './reduce-case.ts';
import type { CaseSource } from './case-sources.ts';
import type { QueueRule, ReviewPolicy } from './review-policy.ts';

/** What routing looks at (a subset of CaseState, so the store can route its read rows too). */
export type RoutableCase = Pick<CaseState, 'source' | 'priority' | 'requiredRole'> & { language?: string | undefined };

/** True when the case matches every field the queue rule gives. */
export function inQueue(c: RoutableCase, q: QueueRule): boolean {
  if (q.sources && !q.sources.includes(c.source)) return false;
  if (q.priorities && !q.priorities.includes(c.priority)) return false;
  if (q.languages && (c.language === undefined || !q.languages.includes(c.language))) return false;
  if (q.requiredRoles && !q.requiredRoles.includes(c.requiredRole)) return false;
  return true;
}

/** Ids of the queues a case is in (policy order). */
export const queuesOf = (c: RoutableCase, policy: ReviewPolicy): string[] => policy.queues.filter((q) => inQueue(c, q)).map((q) => q.id);

/**
 * May a person holding `held` work (claim, assess, act on) a case needing `required`? Child-safety cases only
 * by child-safety reviewers, escalated ones only by supervisors; general cases by any reviewing role. Admins
 * and auditors review nothing by virtue of those roles.
 */
export function canWork(held: readonly Role[], required: Role): boolean {
  switch (required) {
    case 'child_safety_reviewer':
      return held.includes('child_safety_reviewer');
    case 'supervisor':
      return held.includes('supervisor');
    case 'reviewer':
      return held.includes('reviewer') || held.includes('child_safety_reviewer') || held.includes('supervisor');
    default:
      return false;
  }
}

/** The role a new case needs, from its source. */
export const requiredRoleFor = (source: CaseSource, policy: ReviewPolicy): Role =>
  policy.childSafetySources.includes(source) ? 'child_safety_reviewer' : 'reviewer';

/**
 * May this person see the case's media now? Only while they hold a live claim on it and hold the role the case
 * needs (auditors and admins never, by those roles alone). The console checks this before any reveal.
 */
export function mayReveal(s: Pick<CaseState, 'assignee' | 'requiredRole' | 'status'>, person: { id: string; roles: readonly Role[] }, now: number): boolean {
  if (s.status === 'closed') return false;
  if (!s.assignee || s.assignee.id !== person.id || s.assignee.until <= now) return false;
  return canWork(person.roles, s.requiredRole);
}
