// Referral as a case action through the API: POST /v1/cases/:id/referral sends a confirmed case to a local
// CyberTipline (127.0.0.1, xmllint-checked, one 503 on the way), records the report id on the case and in the
// audit log, never submits twice, needs the child-safety role, and says clearly when no destination is set.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { buildCyberTiplineReport } from '../src/core/referral/cybertipline-report.ts';
import { createCyberTiplineClient } from '../src/referral/cybertipline-client.ts';
import { gatherReferralInput } from '../src/referral/gather-referral-input.ts';
import { referralIdOf } from '../src/referral/send-referral.ts';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { createReferralJournal } from '../src/store/referral-journal-store.ts';
import { cyberTiplineSkip } from './support/cybertipline-schema.ts';
import { startCyberTiplineServer } from './support/cybertipline-server.ts';
import { testDatabases } from './support/databases.ts';

const as = (id: string, roles = 'reviewer,child_safety_reviewer') => ({ 'x-lifeguard-reviewer': id, 'x-lifeguard-reviewer-roles': roles });
const creds = { username: 'esp', password: 'secret' };
const benign = (seed: number) =>
  sharp({ create: { width: 80, height: 80, channels: 3, background: { r: 30 + seed * 50, g: 160, b: 90 } } })
    .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect x="${10 + seed * 7}" y="20" width="30" height="30" fill="#fff"/></svg>`) }])
    .png()
    .toBuffer();

for (const target of testDatabases()) describe(`${target.name}: send a referral`, { skip: cyberTiplineSkip }, () => {
  let server: Awaited<ReturnType<typeof startCyberTiplineServer>>;
  let t: TestApp;
  let bare: TestApp;
  let wrong: TestApp;
  let cleanup: () => Promise<void>;
  before(async () => {
    server = await startCyberTiplineServer({ ...creds, lateMs: 2000 });
    const opened = await target.open();
    t = await createTestApp(opened.database, {
      env: {
        LIFEGUARD_API_REVIEWERS: 'vouched',
        LIFEGUARD_CYBERTIPLINE_URL: server.url,
        LIFEGUARD_CYBERTIPLINE_USERNAME: creds.username,
        LIFEGUARD_CYBERTIPLINE_PASSWORD: creds.password,
        LIFEGUARD_REFERRAL_PLATFORM: 'Example Live',
        LIFEGUARD_REFERRAL_EMAIL: 'safety@example.org',
      },
    });
    bare = await createTestApp(opened.database, { env: { LIFEGUARD_API_REVIEWERS: 'vouched' } });
    wrong = await createTestApp(opened.database, { env: { LIFEGUARD_API_REVIEWERS: 'vouched', LIFEGUARD_CYBERTIPLINE_URL: server.url, LIFEGUARD_CYBERTIPLINE_USERNAME: creds.username, LIFEGUARD_CYBERTIPLINE_PASSWORD: 'not-the-password', LIFEGUARD_REFERRAL_PLATFORM: 'Example Live', LIFEGUARD_REFERRAL_EMAIL: 'safety@example.org' } });
    cleanup = async () => {
      await t.close();
      await bare.close();
      await wrong.close();
      await opened.cleanup();
      await server.close();
    };
  });
  after(() => cleanup());

  test('a confirmed case is sent once; its report id is on the case and in the audit log', async () => {
    const [write, read, content, auditor] = [await t.token('cases:write'), await t.token('cases:read'), await t.token('content'), await t.token('audit')];
    const bytes = await benign(2);
    const up = await t.call('POST', '/v1/content?reported=true', { token: content, body: bytes, headers: { 'content-type': 'image/png' } });
    assert.equal(up.status, 200, JSON.stringify(up.body));
    const caseId = up.body.caseId as string;
    const send = () => t.call('POST', `/v1/cases/${caseId}/referral`, { token: write, headers: as('cara'), json: {} });

    assert.equal((await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('cara') })).status, 200);
    const early = await send();
    assert.equal(early.status, 409, 'nobody confirmed abuse yet');
    assert.equal(early.body.error.code, 'referral_not_confirmed');
    assert.equal(server.calls.length, 0, 'nothing sent for an unconfirmed case');
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/reveals`, { token: write, headers: as('cara'), json: { contentId: up.body.id, fullView: true } })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/assessments`, { token: write, headers: as('cara'), json: { ukCategory: 'C', ncmecClassification: 'B2' } })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/actions`, { token: write, headers: as('cara'), json: { kind: 'mark_for_referral' } })).status, 200);

    const denied = await t.call('POST', `/v1/cases/${caseId}/referral`, { token: write, headers: as('pat', 'reviewer'), json: {} });
    assert.equal(denied.status, 403);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/referral`, { token: read, headers: as('cara'), json: {} })).status, 403, 'cases:read cannot send');
    const unset = await bare.call('POST', `/v1/cases/${caseId}/referral`, { token: await bare.token('cases:write'), headers: as('cara'), json: {} });
    assert.equal(unset.status, 409);
    assert.equal(unset.body.error.code, 'referral_destination_not_configured');
    assert.match(unset.body.error.message, /referral destination not configured/);

    server.fail('/submit', '503');
    const sent = await send();
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.alreadySent, false);
    const reportId = sent.body.reportId as string;
    const report = server.reports.get(reportId)!;
    assert.equal(report.status, 'finished');
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0]!.md5, createHash('md5').update(bytes).digest('hex'), 'the sealed upload, opened in memory, is what was sent');
    assert.match(report.files[0]!.details!, /<fileViewedByEsp>true<\/fileViewedByEsp>/);
    assert.equal([...server.reports.values()].filter((r) => r.xml.includes(`Lifeguard case ${caseId};`)).length, 1, 'the 503 did not make a second report');

    const again = await send();
    assert.equal(again.status, 200);
    assert.deepEqual([again.body.reportId, again.body.alreadySent], [reportId, true]);
    assert.equal(server.reports.size, 1, 'sending again submits nothing');

    const got = await t.call('GET', `/v1/cases/${caseId}`, { token: read, headers: as('cara') });
    assert.equal(got.status, 200);
    const state = got.body.case ?? got.body;
    assert.deepEqual(
      (state.referrals ?? state.state?.referrals).map((r: { destination: string; status: string; reportId: string; by: string }) => [r.destination, r.status, r.reportId, r.by]),
      [['ncmec_cybertipline', 'sent', reportId, 'cara']],
    );
    const log = await t.call('GET', `/v1/audit?action=referral_sent&limit=10`, { token: auditor });
    assert.equal(log.status, 200, JSON.stringify(log.body));
    const entries = log.body.entries ?? log.body.items;
    assert.equal(entries.length, 1, 'one audited send');
    assert.equal(entries[0].detail.reportId, reportId);
    assert.equal(entries[0].detail.destination, 'ncmec_cybertipline');
    assert.equal(entries[0].subject.id, caseId);
  });

  test('a send the CyberTipline refuses is audited as failed and records no report', async () => {
    const [write, content, auditor] = [await t.token('cases:write'), await t.token('content'), await t.token('audit')];
    const up = await t.call('POST', '/v1/content?reported=true', { token: content, body: await benign(4), headers: { 'content-type': 'image/png' } });
    const caseId = up.body.caseId as string;
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('dan') })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/assessments`, { token: write, headers: as('dan'), json: { ukCategory: 'C', ncmecClassification: 'B2' } })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/actions`, { token: write, headers: as('dan'), json: { kind: 'mark_for_referral' } })).status, 200);
    const before = server.reports.size;
    // The same service with a wrong password: the CyberTipline refuses the submit (401), nothing is retried.
    const r = await wrong.call('POST', `/v1/cases/${caseId}/referral`, { token: await wrong.token('cases:write'), headers: as('dan'), json: {} });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.error.code, 'cybertipline_refused');
    assert.equal(server.reports.size, before, 'no report opened');
    const log = await t.call('GET', `/v1/audit?action=referral_failed&limit=10`, { token: auditor });
    const failed = (log.body.entries ?? log.body.items).filter((e: { subject: { id: string } }) => e.subject.id === caseId);
    assert.deepEqual(failed.map((e: { actor: string; detail: { code: string } }) => [e.actor, e.detail.code]), [['dan', 'cybertipline_refused']]);
    const got = await t.call('GET', `/v1/cases/${caseId}`, { token: await t.token('cases:read'), headers: as('dan') });
    const state = got.body.case ?? got.body;
    assert.deepEqual(state.referrals ?? state.state?.referrals, []);
  });

  test('a report finished before a crash (not yet on the case) is recorded by the next send, not sent again', async () => {
    const [write, content] = [await t.token('cases:write'), await t.token('content')];
    const up = await t.call('POST', '/v1/content?reported=true', { token: content, body: await benign(6), headers: { 'content-type': 'image/png' } });
    const caseId = up.body.caseId as string;
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('eve') })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/assessments`, { token: write, headers: as('eve'), json: { ukCategory: 'C', ncmecClassification: 'B2' } })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/actions`, { token: write, headers: as('eve'), json: { kind: 'mark_for_referral' } })).status, 200);
    // The first half of a send: the client runs to a finished report, then the process dies before recording it.
    const { cases, audit } = t.deps.services;
    const draft = buildCyberTiplineReport(await gatherReferralInput({ cases: cases!, audit: audit!, content: t.deps.content }, caseId, { reporter: { platform: 'Example Live', email: 'safety@example.org' } }));
    const journal = createReferralJournal(t.deps.database);
    const client = createCyberTiplineClient({ baseUrl: server.url, ...creds, journal, readFile: async (id) => t.deps.cipher.open((await t.deps.content.getSealedMedia(id))!, id) });
    const first = await client.submit(referralIdOf(caseId), draft);
    const reports = server.reports.size;
    const calls = server.calls.length;
    const r = await t.call('POST', `/v1/cases/${caseId}/referral`, { token: write, headers: as('eve'), json: {} });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.reportId, r.body.alreadySent], [first.reportId, false]);
    assert.equal(server.reports.size, reports, 'no second report');
    assert.equal(server.calls.length, calls, 'no request at all: the journal says it is finished');
    const got = await t.call('GET', `/v1/cases/${caseId}`, { token: await t.token('cases:read'), headers: as('eve') });
    const state = got.body.case ?? got.body;
    assert.equal((state.referrals ?? state.state?.referrals)[0].reportId, first.reportId);
  });
});
