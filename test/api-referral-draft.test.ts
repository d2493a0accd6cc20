// A confirmed case's referral draft through the API: CyberTipline XML valid against NCMEC's schema with the
// upload's hashes and fileViewedByEsp from the audited reveal; child-safety role only; audited; JSON export too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { TestApp } from '../src/server/test-app.ts';
import { cyberTiplineSkip, validateCyberTiplineXml } from './support/cybertipline-schema.ts';
import { testDatabases } from './support/databases.ts';
import { openTestApp } from './support/open-test-app.ts';

const as = (id: string, roles = 'reviewer,child_safety_reviewer') => ({ 'x-lifeguard-reviewer': id, 'x-lifeguard-reviewer-roles': roles });
const benign = (seed: number) =>
  sharp({ create: { width: 96, height: 96, channels: 3, background: { r: seed * 40, g: 140, b: 200 - seed * 30 } } })
    .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><circle cx="${20 + seed * 9}" cy="48" r="18" fill="#fff"/></svg>`) }])
    .png()
    .toBuffer();

for (const target of testDatabases()) describe(`${target.name}: referral draft`, { skip: cyberTiplineSkip }, () => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  let read: string;
  let write: string;
  let content: string;
  let auditor: string;
  before(async () => {
    ({ t, cleanup } = await openTestApp(target, { env: { LIFEGUARD_API_REVIEWERS: 'vouched' } }));
    [read, write, content, auditor] = [await t.token('cases:read'), await t.token('cases:write'), await t.token('content'), await t.token('audit')];
  });
  after(() => cleanup());

  test('draft of a confirmed reported upload; refused unconfirmed and without the role', async () => {
    const up = await t.call('POST', '/v1/content?reported=true', { token: content, body: await benign(1), headers: { 'content-type': 'image/png' } });
    assert.equal(up.status, 200);
    const caseId = up.body.caseId as string;
    const q = `platform=Example%20Live&email=safety%40example.org`;
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('cara') })).status, 200);
    const early = await t.call('GET', `/v1/cases/${caseId}/referral-draft?${q}`, { token: read, headers: as('cara') });
    assert.equal(early.status, 409, 'nobody confirmed abuse yet');
    assert.equal(early.body.error.code, 'referral_not_confirmed');
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/reveals`, { token: write, headers: as('cara'), json: { contentId: up.body.id, fullView: true } })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/assessments`, { token: write, headers: as('cara'), json: { ukCategory: 'C', ncmecClassification: 'B2', selfGenerated: 'yes' } })).status, 200);
    const acted = await t.call('POST', `/v1/cases/${caseId}/actions`, { token: write, headers: as('cara'), json: { kind: 'mark_for_referral' } });
    assert.equal(acted.status, 200, JSON.stringify(acted.body));

    assert.equal((await t.call('GET', `/v1/cases/${caseId}/referral-draft?${q}`, { token: read, headers: as('pat', 'reviewer') })).status, 403);
    const d = await t.call('GET', `/v1/cases/${caseId}/referral-draft?${q}`, { token: read, headers: as('cara') });
    assert.equal(d.status, 200, JSON.stringify(d.body));
    assert.equal(d.body.destination, 'ncmec_cybertipline');
    const v = validateCyberTiplineXml(d.body.body);
    assert.ok(v.ok, v.errors);
    assert.match(d.body.body, /<incidentType>Child Pornography \(possession, manufacture, and distribution\)<\/incidentType>/);
    assert.equal(d.body.fileDetails.length, 1);
    const f = d.body.fileDetails[0];
    assert.equal(f.contentId, up.body.id);
    assert.equal(f.fileViewedByEsp, true, 'the audited full reveal');
    assert.ok(validateCyberTiplineXml(f.xml).ok);
    const rec = await t.call('GET', `/v1/content/${up.body.id}`, { token: await t.token('review') });
    assert.equal(rec.status, 200, JSON.stringify(rec.body));
    assert.ok(f.xml.includes(`<originalFileHash hashType="SHA256">${rec.body.hashes.sha256}</originalFileHash>`), 'the content record’s hash');
    assert.match(f.xml, /<industryClassification>B2<\/industryClassification>/);
    assert.match(f.xml, /<possibleSelfProduction>true<\/possibleSelfProduction>/);

    const uk = await t.call('GET', `/v1/cases/${caseId}/referral-draft?${q}&destination=uk_nca`, { token: read, headers: as('cara') });
    assert.equal(uk.status, 200);
    const exp = JSON.parse(uk.body.body);
    assert.equal(exp.files[0].sha256, rec.body.hashes.sha256);
    assert.equal(exp.files[0].sealedMedia, `media/${up.body.id}.sealed`);
    assert.ok(exp.timeline.some((e: { action: string }) => e.action === 'media_revealed'));

    const log = await t.call('GET', `/v1/audit?action=case_viewed&limit=100`, { token: auditor });
    assert.equal(log.status, 200, JSON.stringify(log.body));
    const drafts = (log.body.entries ?? log.body.items).filter((e: { detail: { referralDraft?: string } }) => e.detail.referralDraft);
    assert.deepEqual(drafts.map((e: { detail: { referralDraft: string } }) => e.detail.referralDraft), ['ncmec_cybertipline', 'uk_nca'], 'each draft view audited');
    assert.equal((await t.call('GET', `/v1/cases/case_999999/referral-draft?${q}`, { token: read, headers: as('cara') })).status, 404);
  });
});
