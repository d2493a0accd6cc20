import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideAge } from '../core/age/decide-age.ts';
import { ageEntryFromEvent } from '../core/age/age-entry.ts';
import { agePolicySchema } from '../core/age/age-policy.ts';
import { ageEffects, appendAgeEntry, newAgeRecord } from '../core/age/age-record.ts';
import { ageSignalEventSchema } from '../core/events.ts';
import { loadPolicy } from '../policy/load-policy.ts';
import { FACE_API_PROVIDER } from './face-api-estimator.ts';
import { estimateToAgeSignal, verificationToAgeSignal, type AgeEstimator } from './provider.ts';

const policy = agePolicySchema.parse({});

/** A stand-in estimator: always the same answer, so the adapter is tested without a model. */
const fixed = (age: number | null, provider: string): AgeEstimator => ({
  provider,
  estimate: async () => (age === null ? { kind: 'no_face', provider } : { kind: 'estimate', age, confidence: 0.8, method: 'facial_age_estimation', provider }),
});

test('an estimate becomes a valid age.signal event; no face gives none', async () => {
  const ev = estimateToAgeSignal('acc', await fixed(11.26, 'vendor').estimate(new Uint8Array()), { id: 'x1', ts: 1 });
  assert.ok(ev);
  assert.deepEqual(ageSignalEventSchema.parse(ev), ev);
  assert.equal(ev.age, 11.3);
  assert.equal(ev.modelVersion, undefined, 'no version given, none invented');
  const versioned = estimateToAgeSignal('acc', await fixed(12, 'vendor').estimate(new Uint8Array()), { id: 'x3', modelVersion: 'vendor-model@2.1' })!;
  assert.equal(ageSignalEventSchema.parse(versioned).modelVersion, 'vendor-model@2.1', 'the model version is kept with the estimate');
  assert.equal(estimateToAgeSignal('acc', await fixed(null, 'vendor').estimate(new Uint8Array()), { id: 'x2' }), null);
});

test('the on-device provider is weak by policy: it asks for a check and never makes anyone an adult', async () => {
  const filePolicy = (await loadPolicy()).age;
  const onDevice = fixed(30, FACE_API_PROVIDER);
  const adultish = estimateToAgeSignal('acc', await onDevice.estimate(new Uint8Array()), { id: 'w1', ts: 1 })!;
  const looks30 = decideAge([ageEntryFromEvent(adultish, 0)], filePolicy);
  assert.equal(looks30.tier, 'unknown', 'an estimate of 30 from this provider does not make an account adult');
  assert.equal(looks30.basis, null);
  // The same estimate from a provider not on the weak list would (30 is over the challenge age 25).
  const vendor = estimateToAgeSignal('acc', await fixed(30, 'vendor').estimate(new Uint8Array()), { id: 'w0', ts: 1 })!;
  assert.equal(decideAge([ageEntryFromEvent(vendor, 0)], filePolicy).tier, 'adult');

  const young = estimateToAgeSignal('acc', await fixed(11, FACE_API_PROVIDER).estimate(new Uint8Array()), { id: 'w2', ts: 2 })!;
  const looks11 = decideAge([ageEntryFromEvent(young, 0)], filePolicy);
  assert.equal(looks11.tier, 'unknown', 'nor a child: it decides no tier');
  assert.equal(looks11.needsCheck, true, 'but it asks for a check');
  assert.ok(looks11.checkMethods.includes('id_document'));
  // The check cannot be answered by this provider again: a second on-device estimate of 30 clears nothing.
  const again = decideAge([ageEntryFromEvent(young, 0), ageEntryFromEvent(adultish, 0)], filePolicy);
  assert.equal(again.tier, 'unknown');
  assert.equal(again.needsCheck, true);
  assert.equal(looks11.needsReview, false, 'weak signals do not send to review');
  let record = newAgeRecord('acc', filePolicy);
  const before = record.decision;
  record = appendAgeEntry(record, ageEntryFromEvent(young, 0), filePolicy);
  assert.deepEqual(ageEffects('acc', before, record.decision, record.entries[0]!).map((e) => e.kind), ['require_age_check']);

  const card = verificationToAgeSignal('acc', { method: 'credit_card', provider: 'psp' }, { id: 'v1', ts: 0 });
  const d = decideAge([ageEntryFromEvent(card, 0), ageEntryFromEvent(young, 0)], filePolicy);
  assert.equal(d.tier, 'adult', 'a weak estimate never overrides a verification');
  assert.equal(d.needsCheck, false, 'nor re-opens it');
});

test('verification results become valid age.signal events', () => {
  const ev = verificationToAgeSignal('acc', { method: 'id_document', provider: 'docs-inc', age: 19 }, { id: 'v2' });
  assert.deepEqual(ageSignalEventSchema.parse(ev), ev);
  assert.equal(decideAge([ageEntryFromEvent(ev, Date.UTC(2025, 0, 1))], policy).tier, 'adult');
});
