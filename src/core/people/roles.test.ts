import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canDecide, canManagePeople, canManageQueues, canReadAudit, canReadStatistics, canRefer, canReveal, canSetRoles, canViewCase, permissions, permissionsOf, roles, type Actor, type Role } from './roles.ts';

const now = 1_000_000;
const person = (id: string, ...r: Role[]): Actor => ({ id, roles: r, disabled: false });
const claimBy = (personId: string, expiresAt = now + 60_000) => ({ personId, expiresAt });
const childSafety = { childSafety: true };
const other = { childSafety: false };

test('a child-safety reviewer holding the claim may reveal child-safety media', () => {
  const p = person('p1', 'child_safety_reviewer');
  assert.deepEqual(canReveal(p, childSafety, claimBy('p1'), now), { allowed: true });
});

test('denied: a plain reviewer, even assigned, cannot reveal child-safety media', () => {
  const d = canReveal(person('p1', 'reviewer'), childSafety, claimBy('p1'), now);
  assert.equal(d.allowed, false);
  assert.match(!d.allowed ? d.reason : '', /child-safety reviewers/);
  // ...but may reveal other cases' media while assigned
  assert.equal(canReveal(person('p1', 'reviewer'), other, claimBy('p1'), now).allowed, true);
});

test('denied: a supervisor without the child-safety role cannot reveal child-safety media', () => {
  assert.equal(canReveal(person('s', 'supervisor'), childSafety, claimBy('s'), now).allowed, false);
});

test('denied: a child-safety reviewer who is not assigned, assigned elsewhere, or whose claim lapsed', () => {
  const p = person('p1', 'child_safety_reviewer');
  const none = canReveal(p, childSafety, undefined, now);
  const elsewhere = canReveal(p, childSafety, claimBy('p2'), now);
  const lapsed = canReveal(p, childSafety, claimBy('p1', now), now);
  assert.deepEqual([none.allowed, elsewhere.allowed, lapsed.allowed], [false, false, false]);
  assert.match(!elsewhere.allowed ? elsewhere.reason : '', /someone else/);
  assert.match(!lapsed.allowed ? lapsed.reason : '', /lapsed/);
});

test('denied: auditors reveal nothing, on any case, even when (wrongly) assigned', () => {
  const a = person('a', 'auditor');
  for (const c of [childSafety, other]) assert.equal(canReveal(a, c, claimBy('a'), now).allowed, false);
  assert.equal(canReadAudit(a), true);
  assert.equal(canReadStatistics(a), true);
  assert.equal(canDecide(a, other, claimBy('a'), now).allowed, false);
});

test('denied: admins reveal nothing unless they also hold the child-safety role', () => {
  const admin = person('ad', 'admin');
  for (const c of [childSafety, other]) assert.equal(canReveal(admin, c, claimBy('ad'), now).allowed, false);
  assert.equal(canManagePeople(admin), true);
  assert.equal(canManageQueues(admin), true);
  const both = person('ad', 'admin', 'child_safety_reviewer');
  assert.equal(canReveal(both, childSafety, claimBy('ad'), now).allowed, true);
});

test('denied: a disabled person can do nothing at all', () => {
  const p: Actor = { id: 'p', roles: [...roles], disabled: true };
  assert.equal(permissionsOf(p).size, 0);
  assert.equal(canReveal(p, childSafety, claimBy('p'), now).allowed, false);
  assert.equal(canViewCase(p).allowed, false);
  assert.equal(canManagePeople(p), false);
});

test('denied: closed cases are not revealed or decided', () => {
  const p = person('p', 'child_safety_reviewer');
  assert.equal(canReveal(p, { childSafety: true, closed: true }, claimBy('p'), now).allowed, false);
  assert.equal(canDecide(p, { childSafety: true, closed: true }, claimBy('p'), now).allowed, false);
});

test('only admins manage people; reviewers and auditors do not; nobody drops their own admin role', () => {
  for (const r of ['reviewer', 'child_safety_reviewer', 'supervisor', 'auditor'] as const) {
    assert.equal(canManagePeople(person('x', r)), false, r);
    assert.equal(canSetRoles(person('x', r), 'y', ['reviewer']).allowed, false, r);
    assert.equal(canManageQueues(person('x', r)), false, r);
  }
  assert.equal(canReadAudit(person('x', 'reviewer')), false);
  assert.equal(canSetRoles(person('ad', 'admin'), 'ad', ['reviewer']).allowed, false);
  assert.equal(canSetRoles(person('ad', 'admin'), 'other', ['reviewer']).allowed, true);
});

test('reveal_media is held only by the reviewing roles', () => {
  const holders = roles.filter((r) => permissionsOf(person('x', r)).has('reveal_media'));
  assert.deepEqual(holders, ['reviewer', 'child_safety_reviewer', 'supervisor']);
  for (const r of roles) for (const p of permissionsOf(person('x', r))) assert.ok(permissions.includes(p));
});

test('a referral is reviewed and sent only by a child-safety reviewer holding the live claim', () => {
  assert.deepEqual(canRefer(person('p1', 'child_safety_reviewer'), claimBy('p1'), now), { allowed: true });
  assert.equal(canRefer(person('p1', 'reviewer', 'supervisor'), claimBy('p1'), now).allowed, false, 'no child-safety role');
  assert.equal(canRefer(person('p1', 'child_safety_reviewer'), undefined, now).allowed, false, 'no claim');
  assert.equal(canRefer(person('p1', 'child_safety_reviewer'), claimBy('p2'), now).allowed, false, 'someone else’s claim');
  assert.equal(canRefer(person('p1', 'child_safety_reviewer'), claimBy('p1', now - 1), now).allowed, false, 'a lapsed claim');
  assert.equal(canRefer({ id: 'p1', roles: ['child_safety_reviewer'], disabled: true }, claimBy('p1'), now).allowed, false, 'disabled');
});
