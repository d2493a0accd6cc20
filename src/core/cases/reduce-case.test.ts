// The reducer decides status from events alone; priority and routing follow the policy's rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultPolicy } from '../safety-policy/policy-schema.ts';
import type { CaseEvent, IntakeData } from './case-event.ts';
import { priorityOf } from './case-priority.ts';
import { canWork, mayReveal, queuesOf } from './queue-routing.ts';
import { applyCaseEvents, reduceCase } from './reduce-case.ts';
import { reviewPolicySchema } from './review-policy.ts';

const policy = defaultPolicy().review;
let seq = 0;
const ev = <K extends CaseEvent['kind']>(kind: K, at: number, actor: string, data: Extract<CaseEvent, { kind: K }>['data']): CaseEvent =>
  ({ seq: ++seq, caseId: 'case_1', kind, at, actor, data }) as CaseEvent;
const intake = (over: Partial<IntakeData> = {}): IntakeData => ({
  source: 'report',
  priority: 'other',
  trigger: { source: 'report', severity: 'medium', evidenceKinds: ['report'] },
  subjects: [{ type: 'account', id: 'a1' }],
  evidence: [{ kind: 'report', id: 'r1', summary: 's', key: 'report:r1' }],
  reasons: ['user report'],
  requiredRole: 'reviewer',
  ...over,
});

test('status follows the events: open → in_review → escalated → closed → open', () => {
  const events: CaseEvent[] = [ev('opened', 0, 'system', intake())];
  assert.equal(reduceCase(events, policy)!.status, 'open');
  events.push(ev('assigned', 10, 'alice', { assignee: 'alice', claimMs: 1000 }));
  let s = reduceCase(events, policy)!;
  assert.equal(s.status, 'in_review');
  assert.equal(s.assignee!.until, 1010);
  events.push(ev('viewed', 500, 'alice', {}));
  s = reduceCase(events, policy)!;
  assert.equal(s.assignee!.until, 1500, 'activity by the holder renews the claim');
  assert.equal(mayReveal(s, { id: 'alice', roles: ['reviewer'] }, 1400), true);
  assert.equal(mayReveal(s, { id: 'alice', roles: ['reviewer'] }, 1600), false, 'a lapsed claim reveals nothing');
  assert.equal(mayReveal(s, { id: 'bob', roles: ['reviewer'] }, 1400), false);
  events.push(ev('escalated', 600, 'alice', { reason: 'unsure' }));
  s = reduceCase(events, policy)!;
  assert.equal(s.status, 'escalated');
  assert.equal(s.requiredRole, 'supervisor');
  assert.equal(s.assignee, undefined);
  events.push(ev('closed', 700, 'sam', { outcome: 'no_action' }));
  assert.equal(reduceCase(events, policy)!.status, 'closed');
  events.push(ev('reopened', 800, 'sam', { reason: 'new facts' }));
  s = reduceCase(events, policy)!;
  assert.equal(s.status, 'open');
  assert.equal(s.requiredRole, 'reviewer');
  assert.equal(s.lastSeq, seq);
});

test('evidence merges: most pressing priority wins, evidence and subjects kept once, child-safety role sticks', () => {
  const s = reduceCase(
    [
      ev('opened', 0, 'system', intake()),
      ev('evidence_added', 5, 'system', intake({ source: 'known_content', priority: 'known_content', requiredRole: 'child_safety_reviewer', subjects: [{ type: 'account', id: 'a1' }, { type: 'content', id: 'c1' }] })),
      ev('evidence_added', 6, 'system', intake({ priority: 'age_appeal' })),
    ],
    policy,
  )!;
  assert.equal(s.priority, 'known_content');
  assert.deepEqual(s.sources, ['report', 'known_content']);
  assert.equal(s.subjects.length, 2);
  assert.equal(s.evidence.length, 1);
  assert.equal(s.requiredRole, 'child_safety_reviewer');
  assert.deepEqual(queuesOf(s, policy), ['child-safety']);
});

test('pending actions wait for confirmation; the last decision is the label', () => {
  const s = reduceCase(
    [
      ev('opened', 0, 'system', intake()),
      ev('actioned', 1, 'alice', { actionId: 'a1', action: { kind: 'ban_account' }, target: { type: 'account', id: 'a1' }, status: 'pending' }),
    ],
    policy,
  )!;
  assert.equal(s.status, 'awaiting_confirmation');
  assert.equal(s.label, undefined);
  const done = reduceCase(
    [
      ev('opened', 0, 'system', intake()),
      ev('actioned', 1, 'alice', { actionId: 'a1', action: { kind: 'ban_account' }, target: { type: 'account', id: 'a1' }, status: 'pending' }),
      ev('action_confirmed', 2, 'bob', { actionId: 'a1', effectKey: 'k' }),
    ],
    policy,
  )!;
  assert.equal(done.status, 'open');
  assert.equal(done.actions[0]!.confirmedBy, 'bob');
  assert.equal(done.label, 'true_positive');
  assert.equal(reduceCase([], policy), undefined);
});

test('priority rules: imminent reports and critical triggers first, then known content, high risk, appeals, the rest', () => {
  const p = (t: Parameters<typeof priorityOf>[0]) => priorityOf(t, policy).id;
  assert.equal(p({ source: 'report', severity: 'medium', reportReason: 'imminent_danger', evidenceKinds: ['report'] }), 'child_in_danger');
  assert.equal(p({ source: 'live_stream', severity: 'critical', effectKind: 'open_case', evidenceKinds: ['frame', 'bank_match'] }), 'child_in_danger');
  assert.equal(p({ source: 'known_content', severity: 'medium', evidenceKinds: ['content'] }), 'known_content');
  assert.equal(p({ source: 'conversation', severity: 'high', evidenceKinds: ['signal'] }), 'high_risk');
  assert.equal(p({ source: 'age_appeal', severity: 'low', evidenceKinds: [] }), 'age_appeal');
  assert.equal(p({ source: 'report', severity: 'medium', reportReason: 'spam', evidenceKinds: ['report'] }), 'other');
});

test('roles: child-safety cases only for child-safety reviewers, escalated ones for supervisors; admins and auditors work none', () => {
  assert.equal(canWork(['reviewer'], 'child_safety_reviewer'), false);
  assert.equal(canWork(['child_safety_reviewer'], 'reviewer'), true);
  assert.equal(canWork(['supervisor'], 'child_safety_reviewer'), false);
  assert.equal(canWork(['supervisor'], 'supervisor'), true);
  assert.equal(canWork(['admin', 'auditor'], 'reviewer'), false);
});

test('queues route by language, source and priority', () => {
  const p = reviewPolicySchema.parse({ queues: [{ id: 'de', label: 'German', languages: ['de'] }, { id: 'reports', label: 'Reports', sources: ['report'], priorities: ['other'] }] });
  assert.deepEqual(queuesOf({ source: 'report', priority: 'other', requiredRole: 'reviewer', language: 'de' }, p), ['de', 'reports']);
  assert.deepEqual(queuesOf({ source: 'report', priority: 'known_content', requiredRole: 'reviewer' }, p), []);
});

test('the review policy is validated: unknown queue priorities, duplicate ids, no catch-all', () => {
  assert.throws(() => reviewPolicySchema.parse({ queues: [{ id: 'q', label: 'Q', priorities: ['nope'] }] }), /unknown priority 'nope'/);
  assert.throws(() => reviewPolicySchema.parse({ priorities: [{ id: 'a', label: 'A', targetMinutes: 1, when: [{ sources: ['report'] }] }] }), /catch-all/);
  assert.throws(() => reviewPolicySchema.parse({ priorities: [{ id: 'a', label: 'A', targetMinutes: 1, when: [{}] }, { id: 'a', label: 'A', targetMinutes: 1, when: [{}] }] }), /duplicate priority/);
  assert.throws(() => reviewPolicySchema.parse({ confirmActions: ['launch_rocket'] }));
});

test('referrals: a reviewed draft, then the sent report id; a later draft view keeps it sent', () => {
  const events: CaseEvent[] = [ev('opened', 0, 'system', intake({ requiredRole: 'child_safety_reviewer' }))];
  assert.deepEqual(reduceCase(events, policy)!.referrals, []);
  events.push(ev('referral_drafted', 10, 'cara', { destination: 'ncmec_cybertipline' }));
  assert.deepEqual(reduceCase(events, policy)!.referrals, [{ destination: 'ncmec_cybertipline', status: 'drafted', at: 10, by: 'cara' }]);
  events.push(ev('referral_sent', 20, 'cara', { destination: 'ncmec_cybertipline', referralId: 'case_1:ncmec_cybertipline', reportId: '1000' }));
  events.push(ev('referral_drafted', 30, 'dan', { destination: 'ncmec_cybertipline' }));
  const s = reduceCase(events, policy)!;
  assert.equal(s.referrals.length, 1);
  assert.deepEqual(s.referrals[0], { destination: 'ncmec_cybertipline', status: 'sent', at: 20, by: 'cara', referralId: 'case_1:ncmec_cybertipline', reportId: '1000' });
  assert.equal(s.status, 'open', 'a referral does not change the review status');
});

test("a detector reading's later intake replaces its say in the priority; other triggers still hold the case up", () => {
  const high = intake({ source: 'conversation', priority: 'high_risk', reading: 'grooming:c1', trigger: { source: 'conversation', severity: 'high', evidenceKinds: ['signal'] } });
  const withdrawn = intake({ source: 'conversation', priority: 'informational', reading: 'grooming:c1', trigger: { source: 'conversation', severity: 'info', evidenceKinds: ['event'] } });
  const events: CaseEvent[] = [ev('opened', 0, 'system', high)];
  assert.equal(reduceCase(events, policy)!.priority, 'high_risk');
  events.push(ev('evidence_added', 10, 'system', withdrawn));
  const lowered = reduceCase(events, policy)!;
  assert.equal(lowered.priority, 'informational', 'withdrawn by later messages: the case is lowered');
  assert.ok(lowered.reasons.length >= 1, 'nothing already recorded is dropped');
  events.push(ev('evidence_added', 20, 'system', high));
  assert.equal(reduceCase(events, policy)!.priority, 'high_risk', 'the reading holding again raises it again');
  // A user report on the same case is not a reading: a withdrawn reading cannot lower it below the report.
  events.push(ev('evidence_added', 30, 'system', intake()));
  events.push(ev('evidence_added', 40, 'system', withdrawn));
  assert.equal(reduceCase(events, policy)!.priority, 'other');
  // Two readings: the case follows the more pressing of their latest.
  events.push(ev('evidence_added', 50, 'system', { ...high, reading: 'grooming:c2' }));
  assert.equal(reduceCase(events, policy)!.priority, 'high_risk');
});

test('a state saved before readings keeps the priority it had as its floor', () => {
  const s = reduceCase([ev('opened', 0, 'system', intake({ priority: 'high_risk' }))], policy)!;
  delete s.readings;
  delete s.basePriority;
  const withdrawn = intake({ source: 'conversation', priority: 'informational', reading: 'grooming:c1' });
  const after = applyCaseEvents(s, [ev('evidence_added', 10, 'system', withdrawn)], policy);
  assert.equal(after.priority, 'high_risk');
});

test('severity info falls to the informational priority, after every other; low still makes "other"', () => {
  const p = (severity: 'info' | 'low') => priorityOf({ source: 'conversation', severity, effectKind: 'enqueue_review', evidenceKinds: ['event'] }, policy).id;
  assert.equal(p('info'), 'informational');
  assert.equal(p('low'), 'other');
  assert.equal(policy.priorities[policy.priorities.length - 1]!.id, 'informational');
});
