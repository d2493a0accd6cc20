/**
 * The console's roles and what each may do, declared once. Every permission check in the console, the CLI
 * and the case routes goes through these pure functions, so a denial is decided (and tested) in one place.
 */

/** Every role a person can hold, declared once. */
export const roles = ['reviewer', 'child_safety_reviewer', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** What a role can do, apart from revealing media (which also depends on the case and the assignment). */
export const permissions = [
  'view_queue',
  'claim_case',
  'view_case',
  'assess_case',
  'act_on_case',
  'reassign_case',
  'reveal_media',
  'read_audit',
  'read_statistics',
  'manage_people',
  'manage_queues',
] as const;
export type Permission = (typeof permissions)[number];

/** One sentence per role, for the people page and the CLI help. */
export const roleDescriptions: Readonly<Record<Role, string>> = Object.freeze({
  reviewer: 'claims, assesses and acts on cases; reveals media of cases that are not child-safety cases while assigned',
  child_safety_reviewer: 'a reviewer who may also reveal media of child-safety cases, only while assigned to the case',
  supervisor: 'a reviewer who also takes escalations and reassigns cases; reads statistics',
  auditor: 'reads the audit log and statistics; reveals nothing and changes nothing',
  admin: 'manages people and queues; reveals nothing unless also a child-safety reviewer',
});

const reviewing: readonly Permission[] = ['view_queue', 'claim_case', 'view_case', 'assess_case', 'act_on_case', 'reveal_media'];

/** The grants, in one table. Note: no role but the reviewing ones holds `reveal_media`. */
const grants: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  reviewer: reviewing,
  child_safety_reviewer: reviewing,
  supervisor: [...reviewing, 'reassign_case', 'read_statistics'],
  auditor: ['read_audit', 'read_statistics'],
  admin: ['view_queue', 'manage_people', 'manage_queues', 'read_audit', 'read_statistics'],
});

/** A person as permission checks see them. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  /** A disabled person can do nothing. */
  disabled: boolean;
}

/** What a reveal check needs to know about a case. */
export interface CaseAccess {
  /** Child-safety cases (known-content matches, grooming, child sexual exploitation reports): media only for child-safety reviewers. */
  childSafety: boolean;
  /** Closed cases are read-only; their media is not revealed from the console. */
  closed?: boolean;
}

/** The live claim of a case, when it has one. */
export interface Assignment {
  personId: string;
  /** Epoch ms after which the claim lapsed. */
  expiresAt: number;
}

/** An allow, or a denial with the reason shown to the person. */
export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = Object.freeze({ allowed: true });
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** True when `s` names a role. */
export const isRole = (s: string): s is Role => (roles as readonly string[]).includes(s);

/** Every permission the person holds through any of their roles (none when disabled). */
export function permissionsOf(actor: Actor): ReadonlySet<Permission> {
  if (actor.disabled) return new Set();
  return new Set(actor.roles.flatMap((r) => grants[r]));
}

/** True when the person holds `permission`. */
export const can = (actor: Actor, permission: Permission): boolean => permissionsOf(actor).has(permission);

export const canViewQueue = (a: Actor): boolean => can(a, 'view_queue');
export const canClaim = (a: Actor): boolean => can(a, 'claim_case');
export const canManagePeople = (a: Actor): boolean => can(a, 'manage_people');
export const canManageQueues = (a: Actor): boolean => can(a, 'manage_queues');
export const canReadAudit = (a: Actor): boolean => can(a, 'read_audit');
export const canReadStatistics = (a: Actor): boolean => can(a, 'read_statistics');
export const canReassign = (a: Actor): boolean => can(a, 'reassign_case');

/** Whether the person may see a case's page (its metadata; media stays blurred until a reveal). */
export function canViewCase(actor: Actor): Decision {
  if (actor.disabled) return deny('this account is disabled');
  return can(actor, 'view_case') || can(actor, 'read_audit') ? allow : deny('your roles do not include reviewing cases');
}

/** Whether the person may assess or act on a case: a reviewing role and the live claim of the case. */
export function canDecide(actor: Actor, c: CaseAccess, assignment: Assignment | undefined, now: number): Decision {
  if (actor.disabled) return deny('this account is disabled');
  if (!can(actor, 'assess_case')) return deny('your roles do not include assessing cases');
  if (c.closed) return deny('the case is closed');
  return holdsClaim(actor, assignment, now);
}

/**
 * Whether the person may reveal one media item of a case. Auditors and admins hold no reveal permission;
 * child-safety cases need the child-safety role; every reveal needs the person's own live claim of the case.
 */
export function canReveal(actor: Actor, c: CaseAccess, assignment: Assignment | undefined, now: number): Decision {
  if (actor.disabled) return deny('this account is disabled');
  if (!can(actor, 'reveal_media')) return deny('your roles do not allow revealing media');
  if (c.childSafety && !actor.roles.includes('child_safety_reviewer')) return deny('media of child-safety cases can only be revealed by child-safety reviewers');
  if (c.closed) return deny('the case is closed');
  return holdsClaim(actor, assignment, now);
}

/**
 * Whether the person may review and send a case's referral to the authorities: a child-safety reviewer
 * holding the live claim of the case.
 */
export function canRefer(actor: Actor, assignment: Assignment | undefined, now: number): Decision {
  if (actor.disabled) return deny('this account is disabled');
  if (!actor.roles.includes('child_safety_reviewer')) return deny('referrals are reviewed and sent by child-safety reviewers');
  return holdsClaim(actor, assignment, now);
}

function holdsClaim(actor: Actor, assignment: Assignment | undefined, now: number): Decision {
  if (assignment === undefined) return deny('claim the case first: only the assigned reviewer may do this');
  if (assignment.personId !== actor.id) return deny('the case is assigned to someone else');
  if (assignment.expiresAt <= now) return deny('your claim of this case has lapsed; claim it again');
  return allow;
}

/** Whether `actor` may give `target` the roles `next` (admins only; nobody removes their own admin role). */
export function canSetRoles(actor: Actor, targetId: string, next: readonly Role[]): Decision {
  if (!canManagePeople(actor)) return deny('only admins manage people');
  if (actor.id === targetId && !next.includes('admin')) return deny('you cannot remove your own admin role (another admin can)');
  return allow;
}
