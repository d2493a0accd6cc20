// The JSON export for the UK and other hotlines: what the case and audit say, hashes only, media sealed or absent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csamCase, groomingCase, t0 } from '../../../test/support/referral-cases.ts';
import { referralDestination, referralDestinations } from './referral-destinations.ts';
import { buildReferralExport, type ReferralExport } from './referral-export.ts';

test('UK export of a CSAM case: assessment, hashes, viewed-by-person, sealed media refs, accounts, timeline with chain hashes', () => {
  const out = JSON.parse(referralDestination('uk_nca')!.build(csamCase(), t0 + 86_400_000).body) as ReferralExport;
  assert.equal(out.format, 'lifeguard-referral');
  assert.equal(out.destination, 'uk_nca');
  assert.equal(out.case.kind, 'images');
  assert.deepEqual(out.assessment, { ukCategory: 'A', ncmecClassification: 'A1', selfGenerated: 'no' });
  assert.equal(out.files.length, 2);
  assert.deepEqual(out.files.map((f) => f.viewedByPerson), [true, false]);
  assert.equal(out.files[1]!.assessment.selfGenerated, 'yes', "the file's own assessment");
  assert.equal(out.files[1]!.assessment.ukCategory, 'A', 'case-wide fields still apply');
  assert.deepEqual(out.files.map((f) => f.sealedMedia), ['media/ct1.sealed', 'media/ct2.sealed']);
  assert.equal(out.files[0]!.md5.length, 32);
  assert.equal(out.accounts[0]!.role, 'reported');
  assert.equal(out.accounts[0]!.ips[0]!.at, new Date(t0 - 3_600_000).toISOString());
  assert.deepEqual(out.case.actions.map((a) => a.kind), ['ban_account']);
  assert.deepEqual(out.timeline.map((e) => e.action), ['case_opened', 'media_revealed', 'media_revealed', 'media_revealed', 'media_revealed']);
  assert.ok(out.timeline.every((e) => /^[0-9a-f]{64}$/.test(e.hash)));
  assert.deepEqual(out.chat, [], 'no chat in an image-only case');
});

test('hash-only hotline export carries no media refs; a grooming case carries its chat', () => {
  const h = JSON.parse(referralDestination('hotline_hashes')!.build(csamCase(), t0).body) as ReferralExport;
  assert.ok(h.files.every((f) => f.sealedMedia === null));
  const g = buildReferralExport(groomingCase(), 'uk_nca', { now: t0, sealedMedia: true });
  assert.equal(g.case.kind, 'grooming');
  assert.equal(g.chat.length, 3);
  assert.deepEqual(g.accounts.map((a) => a.role), ['reported', 'recipient']);
  assert.equal(g.assessment.groomingCaseType, 'sextortion');
});

test('every destination refuses an unconfirmed case; ids are unique', () => {
  const c = csamCase();
  c.case = { ...c.case };
  delete c.case.label;
  for (const d of referralDestinations) assert.throws(() => d.build(c, t0), { code: 'referral_not_confirmed' }, d.id);
  assert.equal(new Set(referralDestinations.map((d) => d.id)).size, referralDestinations.length);
});
