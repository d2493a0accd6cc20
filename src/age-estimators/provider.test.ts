import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideAge } from '../core/age/decide-age.ts';
import { ageEntryFromEvent } from '../core/age/age-entry.ts';
import { agePolicySchema } from '../core/age/age-policy.ts';
import { ageSignalEventSchema } from '../core/events.ts';
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
  assert.equal(estimateToAgeSignal('acc', await fixed(null, 'vendor').estimate(new Uint8Array()), { id: 'x2' }), null);
});

test('the on-device provider is weak by policy: it asks for a check and never makes anyone an adult', async () => {
  const adultish = estimateToAgeSignal('acc', await fixed(40, 'face-api-on-device').estimate(new Uint8Array()), { id: 'w1', ts: 1 })!;
  assert.equal(decideAge([ageEntryFromEvent(adultish, 0)], policy).tier, 'unknown');
  const young = estimateToAgeSignal('acc', await fixed(10, 'face-api-on-device').estimate(new Uint8Array()), { id: 'w2', ts: 2 })!;
  const card = verificationToAgeSignal('acc', { method: 'credit_card', provider: 'psp' }, { id: 'v1', ts: 0 });
  const d = decideAge([ageEntryFromEvent(card, 0), ageEntryFromEvent(young, 0)], policy);
  assert.equal(d.tier, 'adult', 'a weak estimate never overrides a verification');
});

test('verification results become valid age.signal events', () => {
  const ev = verificationToAgeSignal('acc', { method: 'id_document', provider: 'docs-inc', age: 19 }, { id: 'v2' });
  assert.deepEqual(ageSignalEventSchema.parse(ev), ev);
  assert.equal(decideAge([ageEntryFromEvent(ev, Date.UTC(2025, 0, 1))], policy).tier, 'adult');
});
