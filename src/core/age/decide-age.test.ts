import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agePolicySchema } from './age-policy.ts';
import type { AgeEntry, AgeSignalEntry } from './age-entry.ts';
import { ageEntryFromEvent, ageOnDate } from './age-entry.ts';
import { ageAppealResolutionSchema, resolutionSignal } from './age-appeal.ts';
import { decideAge } from './decide-age.ts';
import { ageEffects, appendAgeEntry, newAgeRecord } from './age-record.ts';

const policy = agePolicySchema.parse({});
const T0 = Date.UTC(2025, 5, 1);
let n = 0;
const sig = (method: AgeSignalEntry['method'], extra: Partial<AgeSignalEntry> = {}): AgeSignalEntry => ({
  kind: 'signal',
  id: `s${++n}`,
  at: T0 + n * 1000,
  method,
  ...extra,
});
const appeal = (claimedAge?: number): AgeEntry => ({ kind: 'appeal', id: `a${++n}`, at: T0 + n * 1000, ...(claimedAge !== undefined ? { claimedAge } : {}) });

test('no signals: unknown tier, no check, no review', () => {
  const d = decideAge([], policy);
  assert.equal(d.tier, 'unknown');
  assert.equal(d.basis, null);
  assert.equal(d.needsCheck, false);
  assert.equal(d.needsReview, false);
  assert.match(d.reasons.join('\n'), /no usable age signal/);
});

test('self-declaration never proves adulthood, but a declared minor age is accepted', () => {
  const adult = decideAge([sig('self_declared', { dateOfBirth: '1990-03-04' })], policy);
  assert.equal(adult.tier, 'unknown');
  assert.equal(adult.basis, 'self_declared');
  assert.match(adult.reasons.join('\n'), /never proves adulthood/);
  const teen = decideAge([sig('self_declared', { dateOfBirth: '2011-01-01' })], policy);
  assert.equal(teen.tier, '13-15');
  assert.equal(teen.age, 14);
});

test('challenge age: an estimate of 22 is not enough for adult, 27 is', () => {
  const young = decideAge([sig('estimation', { age: 22, confidence: 0.9, provider: 'vendor' })], policy);
  assert.equal(young.tier, 'unknown');
  assert.equal(young.needsCheck, true);
  assert.ok(young.checkMethods.includes('id_document'));
  assert.ok(!young.checkMethods.includes('estimation'), 'a second estimation cannot settle it');
  const old = decideAge([sig('estimation', { age: 27, confidence: 0.9, provider: 'vendor' })], policy);
  assert.equal(old.tier, 'adult');
  assert.equal(old.needsCheck, false);
  const stricter = decideAge([sig('estimation', { age: 27, confidence: 0.9 })], agePolicySchema.parse({ challengeAge: 30 }));
  assert.equal(stricter.tier, 'unknown');
});

test('conflicts are resolved by method strength and recorded', () => {
  const d = decideAge([sig('self_declared', { age: 15 }), sig('id_document', { age: 34 })], policy);
  assert.equal(d.tier, 'adult');
  assert.equal(d.basis, 'id_document');
  assert.match(d.reasons.join('\n'), /conflict: self declared says age 15/);
  const e = decideAge([sig('estimation', { age: 30, confidence: 0.9 }), sig('self_declared', { age: 14 })], policy);
  assert.equal(e.tier, 'adult', 'estimation over the challenge age outranks a declaration');
  const tie = decideAge([sig('self_declared', { age: 30 }), sig('chat_disclosure', { age: 12 })], policy);
  assert.equal(tie.tier, 'under13', 'equal strength: the younger wins');
  assert.equal(tie.needsCheck, true);
});

test('an inconclusive winner yields to a declared minor age', () => {
  const d = decideAge([sig('estimation', { age: 21, confidence: 0.9 }), sig('self_declared', { age: 15 })], policy);
  assert.equal(d.tier, '13-15');
  assert.equal(d.basis, 'self_declared');
});

test('a credible under-13 signal sends the account to review, even against a stronger adult check', () => {
  const chat = decideAge([sig('chat_disclosure', { age: 11 })], policy);
  assert.equal(chat.tier, 'under13');
  assert.equal(chat.needsReview, true);
  const card = decideAge([sig('credit_card'), sig('chat_disclosure', { age: 11 })], policy);
  assert.equal(card.tier, 'adult', 'the card check is stronger');
  assert.equal(card.needsReview, true, 'but a borrowed card is possible: a person looks');
  const teen = decideAge([sig('chat_disclosure', { age: 14 })], policy);
  assert.equal(teen.needsReview, false);
});

test('a weak on-device estimate asks for a check and never decides or clears', () => {
  const onlyWeak = decideAge([sig('estimation', { age: 30, confidence: 0.9, provider: 'face-api-on-device' })], policy);
  assert.equal(onlyWeak.tier, 'unknown', 'cannot make anyone an adult');
  const trigger = decideAge(
    [sig('estimation', { age: 28, confidence: 0.9, provider: 'vendor' }), sig('estimation', { age: 12, provider: 'face-api-on-device' })],
    policy,
  );
  assert.equal(trigger.tier, 'adult', 'does not change the tier');
  assert.equal(trigger.needsCheck, true, 'but asks for a check');
  assert.equal(trigger.needsReview, false, 'weak: no review');
  const lowConfidence = decideAge([sig('estimation', { age: 12, confidence: 0.2, provider: 'vendor' })], policy);
  assert.equal(lowConfidence.tier, 'unknown');
  assert.equal(lowConfidence.needsCheck, true);
  const afterDoc = decideAge([sig('id_document', { age: 40 }), sig('estimation', { age: 12, provider: 'face-api-on-device' })], policy);
  assert.equal(afterDoc.needsCheck, false, 'a verified account is not re-checked on a weak signal');
});

test('card and operator checks prove at least 18', () => {
  for (const m of ['credit_card', 'mobile_operator'] as const) {
    const d = decideAge([sig('self_declared', { age: 30 }), sig(m)], policy);
    assert.equal(d.tier, 'adult');
    assert.equal(d.age, null);
  }
});

test('two equally strong checks that disagree go to review', () => {
  const d = decideAge([sig('id_document', { age: 15 }), sig('digital_id', { age: 35 })], policy);
  assert.equal(d.tier, '13-15', 'tie goes to the younger');
  assert.equal(d.needsReview, true);
});

test('appeals: a stronger check is required; it settles the appeal; at the top a reviewer decides', () => {
  const base = [sig('estimation', { age: 16, confidence: 0.9 })];
  const pending = decideAge([...base, appeal(19)], policy);
  assert.equal(pending.tier, '16-17', 'an appeal changes nothing by itself');
  assert.equal(pending.appealPending, true);
  assert.equal(pending.needsCheck, true);
  assert.deepEqual(pending.checkMethods, ['credit_card', 'mobile_operator', 'id_document', 'digital_id']);
  const settled = decideAge([...base, appeal(19), sig('id_document', { age: 19 })], policy);
  assert.equal(settled.appealPending, false);
  assert.equal(settled.tier, 'adult');
  const sameStrength = decideAge([...base, appeal(19), sig('estimation', { age: 30, confidence: 0.9 })], policy);
  assert.equal(sameStrength.appealPending, true, 'another estimation does not answer an appeal against an estimation');
  const top = decideAge([sig('id_document', { age: 15 }), appeal(20)], policy);
  assert.equal(top.needsReview, true);
  assert.equal(top.needsCheck, false, 'no automatic check is stronger than a document');
});

test('a reviewer finding settles earlier signals', () => {
  const d = decideAge([sig('chat_disclosure', { age: 11 }), sig('reviewer', { age: 19 })], policy);
  assert.equal(d.tier, 'adult');
  assert.equal(d.needsReview, false);
  assert.match(d.reasons.join('\n'), /reviewer finding settles/);
  const later = decideAge([sig('reviewer', { age: 19 }), sig('chat_disclosure', { age: 11 })], policy);
  assert.equal(later.needsReview, true, 'new signals after the review count again');
});

test('method strengths come from the policy', () => {
  const p = agePolicySchema.parse({ methodStrength: { self_declared: 5 } });
  const d = decideAge([sig('self_declared', { age: 14 }), sig('id_document', { age: 30 })], p);
  assert.equal(d.basis, 'self_declared');
});

test('ageOnDate counts whole years and rejects impossible dates', () => {
  assert.equal(ageOnDate('2010-06-02', Date.UTC(2025, 5, 1)), 14);
  assert.equal(ageOnDate('2010-06-01', Date.UTC(2025, 5, 1)), 15);
  assert.equal(ageOnDate('2010-02-30', Date.UTC(2025, 5, 1)), null);
  assert.equal(ageOnDate('2030-01-01', Date.UTC(2025, 5, 1)), null);
});

test('the record is append-only, idempotent, and yields effects on rising edges', () => {
  let r = newAgeRecord('acc1', policy);
  const e1 = sig('chat_disclosure', { age: 11 });
  const next = appendAgeEntry(r, e1, policy);
  assert.equal(next.entries.length, 1);
  assert.equal(r.entries.length, 0, 'the old record is untouched');
  const effects = ageEffects('acc1', r.decision, next.decision, e1);
  assert.deepEqual(effects.map((e) => e.kind), ['enqueue_review']);
  assert.equal(effects[0]!.severity, 'high');
  assert.equal(effects[0]!.evidence[0]!.id, e1.id);
  r = next;
  assert.equal(appendAgeEntry(r, e1, policy), r, 'the same entry twice is a no-op');
  assert.equal(appendAgeEntry(r, { ...e1, id: 'other' }, policy), r, 'the same disclosed age twice is a no-op');
  assert.equal(r.history.length, 1);
  const a = appeal(12);
  const r2 = appendAgeEntry(r, a, policy);
  const fx = ageEffects('acc1', r.decision, r2.decision, a).map((e) => e.kind);
  assert.ok(fx.includes('require_age_check'), `appeal asks for a check: ${fx}`);
});

test('a reviewer resolves an appeal: overturn decides the new tier, uphold keeps the decision; both answer the appeal with the reason', () => {
  const base = [sig('estimation', { age: 16, confidence: 0.9 }), appeal(19)];
  const overturned = decideAge([...base, sig('reviewer', { tier: 'adult', appealResolution: { caseId: 'c1', outcome: 'overturned', reason: 'passport seen on a call' } })], policy);
  assert.equal(overturned.tier, 'adult');
  assert.equal(overturned.basis, 'reviewer');
  assert.equal(overturned.age, null, 'a band, not a point age');
  assert.equal(overturned.appealPending, false);
  assert.equal(overturned.needsCheck, false);
  assert.ok(overturned.reasons.includes('decision overturned on appeal by a reviewer (case c1): passport seen on a call'), overturned.reasons.join(' | '));
  const band = decideAge([...base, sig('reviewer', { tier: '13-15', appealResolution: { caseId: 'c2', outcome: 'overturned', reason: 'school record' } })], policy);
  assert.equal(band.tier, '13-15', 'a younger band is possible too');

  const upheld = decideAge([...base, sig('reviewer', { appealResolution: { caseId: 'c3', outcome: 'upheld', reason: 'no new evidence' } })], policy);
  const before = decideAge(base, policy);
  assert.equal(upheld.tier, before.tier);
  assert.equal(upheld.basis, 'estimation', 'an upheld appeal decides nothing');
  assert.equal(upheld.appealPending, false);
  assert.equal(before.appealPending, true);
  assert.equal(upheld.needsCheck, false, 'the check the appeal asked for is no longer needed');
  assert.ok(upheld.reasons.includes('decision upheld on appeal by a reviewer (case c3): no new evidence'), upheld.reasons.join(' | '));
  const again = decideAge([...base, sig('reviewer', { appealResolution: { caseId: 'c3', outcome: 'upheld', reason: 'x' } }), appeal(20)], policy);
  assert.equal(again.appealPending, true, 'a new appeal after the resolution is open again');
});

test('a tier or an appeal resolution counts only from a reviewer', () => {
  const e = ageEntryFromEvent(
    { id: 'x', type: 'age.signal', account: { id: 'a' }, method: 'self_declared', tier: 'adult', appealResolution: { caseId: 'c', outcome: 'overturned', reason: 'r' }, modelVersion: 'm@1' },
    T0,
  );
  assert.equal(e.kind === 'signal' && e.tier, undefined);
  assert.equal(e.kind === 'signal' && e.appealResolution, undefined);
  assert.equal(decideAge([e], policy).tier, 'unknown');
});

test('the resolution schema: reason required, overturn needs a tier or age that agree, uphold takes none', () => {
  const ok = (v: unknown) => ageAppealResolutionSchema.safeParse(v).success;
  assert.ok(ok({ outcome: 'upheld', reason: 'no new evidence' }));
  assert.ok(ok({ outcome: 'overturned', tier: 'adult', reason: 'document' }));
  assert.ok(ok({ outcome: 'overturned', age: 19, tier: 'adult', reason: 'document' }));
  assert.ok(!ok({ outcome: 'upheld' }), 'no reason');
  assert.ok(!ok({ outcome: 'upheld', reason: '   ' }), 'blank reason');
  assert.ok(!ok({ outcome: 'overturned', reason: 'r' }), 'no tier');
  assert.ok(!ok({ outcome: 'overturned', tier: 'unknown', reason: 'r' }), 'unknown is not a decision');
  assert.ok(!ok({ outcome: 'overturned', tier: '13-15', age: 19, reason: 'r' }), 'tier and age disagree');
  assert.ok(!ok({ outcome: 'upheld', tier: 'adult', reason: 'r' }), 'uphold with a tier');
  const ev = resolutionSignal('c9', 'acc', 1, ageAppealResolutionSchema.parse({ outcome: 'overturned', tier: '16-17', reason: ' school record ' }), T0);
  assert.equal(ev.method, 'reviewer');
  assert.equal(ev.id, 'age-review:c9:acc:1');
  assert.deepEqual(ev.appealResolution, { caseId: 'c9', outcome: 'overturned', reason: 'school record' });
  assert.equal(decideAge([ageEntryFromEvent(ev, T0)], policy).tier, '16-17');
});
