// The worker finishes referrals left unfinished, against the local CyberTipline (127.0.0.1, xmllint-checked):
// a send that gave up (the authority kept failing) waits out its back-off and is resent; a sender killed half
// way (report submitted, file not yet uploaded, lease lapsed) is resumed on the same report; two workers at
// once still make one report; a refused report is not retried. Never a duplicate; custody entries for the
// files that went out; the case stays held.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { buildCyberTiplineReport } from '../src/core/referral/cybertipline-report.ts';
import { createCyberTiplineClient } from '../src/referral/cybertipline-client.ts';
import { gatherReferralInput } from '../src/referral/gather-referral-input.ts';
import { resendDueReferrals } from '../src/referral/referral-retry-worker.ts';
import { referralIdOf, sendReferral, type SendReferralDeps } from '../src/referral/send-referral.ts';
import type { TestApp } from '../src/server/test-app.ts';
import { createAuditLog } from '../src/store/audit-log.ts';
import { createReferralJournal } from '../src/store/referral-journal-store.ts';
import { createReferralQueue } from '../src/store/referral-queue-store.ts';
import { cyberTiplineSkip } from './support/cybertipline-schema.ts';
import { startCyberTiplineServer } from './support/cybertipline-server.ts';
import { testDatabases } from './support/databases.ts';
import { openTestApp } from './support/open-test-app.ts';

const creds = { username: 'esp', password: 'secret' };
const as = (id: string) => ({ 'x-lifeguard-reviewer': id, 'x-lifeguard-reviewer-roles': 'reviewer,child_safety_reviewer' });
const cara = { id: 'cara', roles: ['reviewer', 'child_safety_reviewer'] as const, via: 'api:test' };
const benign = (seed: number) => sharp({ create: { width: 70, height: 70, channels: 3, background: { r: 200 - seed * 30, g: 80 + seed * 10, b: 60 } } }).png().toBuffer();
const retry = { baseMs: 60_000, capMs: 600_000, maxAttempts: 3 };

for (const target of testDatabases()) describe(`${target.name}: referral resend worker`, { skip: cyberTiplineSkip }, () => {
  let server: Awaited<ReturnType<typeof startCyberTiplineServer>>;
  let t: TestApp;
  let cleanup: () => Promise<void>;
  before(async () => {
    server = await startCyberTiplineServer({ ...creds, lateMs: 1000 });
    const env = {
      LIFEGUARD_API_REVIEWERS: 'vouched',
      LIFEGUARD_CYBERTIPLINE_URL: server.url,
      LIFEGUARD_CYBERTIPLINE_USERNAME: creds.username,
      LIFEGUARD_CYBERTIPLINE_PASSWORD: creds.password,
      LIFEGUARD_REFERRAL_PLATFORM: 'Example Live',
      LIFEGUARD_REFERRAL_EMAIL: 'safety@example.org',
      LIFEGUARD_REFERRAL_RETRY_SECONDS: '3600',
    };
    const opened = await openTestApp(target, { env });
    t = opened.t;
    cleanup = async () => {
      await opened.cleanup();
      await server.close();
    };
  });
  after(() => cleanup());

  /** A confirmed case with one kept upload, ready to refer. */
  async function confirmedCase(seed: number): Promise<{ caseId: string; contentId: string }> {
    const [write, content] = [await t.token('cases:write'), await t.token('content')];
    const up = await t.call('POST', '/v1/content?reported=true', { token: content, body: await benign(seed), headers: { 'content-type': 'image/png' } });
    const caseId = up.body.caseId as string;
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/claim`, { token: write, headers: as('cara') })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/assessments`, { token: write, headers: as('cara'), json: { ukCategory: 'C', ncmecClassification: 'B2' } })).status, 200);
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/actions`, { token: write, headers: as('cara'), json: { kind: 'mark_for_referral' } })).status, 200);
    return { caseId, contentId: up.body.id as string };
  }
  const deps = (now: () => number): SendReferralDeps => ({
    cases: t.deps.services.cases!,
    audit: t.deps.services.audit!,
    content: t.deps.content,
    cipher: t.deps.cipher,
    journal: createReferralJournal(t.deps.database),
    queue: createReferralQueue(t.deps.database),
    endpoint: t.deps.config.cybertipline,
    client: { timeoutMs: 300, maxAttempts: 2, backoffMs: () => 5 },
    retry,
    now,
  });
  const reportsOf = (caseId: string) => [...server.reports.values()].filter((r) => r.xml.includes(`Lifeguard case ${caseId};`));
  const referralsOn = async (caseId: string) => (await t.deps.services.cases!.get(caseId))!.state.referrals ?? [];

  test('a send that gave up waits out its back-off, then the worker finishes it: one report, two workers at once', async () => {
    const { caseId, contentId } = await confirmedCase(1);
    let clock = Date.now();
    const d = deps(() => clock);
    server.fail('/finish', '503');
    server.fail('/finish', '503');
    await assert.rejects(sendReferral(d, caseId, cara), { code: 'referral_failed' });
    assert.deepEqual(reportsOf(caseId).map((r) => r.status), ['retracted'], 'what was started is retracted');
    const queue = createReferralQueue(t.deps.database);
    const waiting = (await queue.get(referralIdOf(caseId)))!;
    assert.deepEqual([waiting.status, waiting.attempts, waiting.nextAt], ['waiting', 1, clock + retry.baseMs]);
    const failed = (await createAuditLog(t.deps.database).list({ action: 'referral_failed', subject: { type: 'case', id: caseId }, limit: 10 })).entries;
    assert.deepEqual(failed.map((e) => [e.actor, e.detail.willRetry]), [['cara', true]]);

    const pass = (send = (row: { caseId: string; requestedBy: string; roles: readonly string[]; via: string }) => sendReferral({ ...d, resumed: true }, row.caseId, { id: row.requestedBy, roles: row.roles as typeof cara.roles, via: row.via })) =>
      resendDueReferrals({ queue, now: () => clock, send });
    clock += retry.baseMs - 1;
    assert.deepEqual(await pass(), { resumed: [], failed: [] }, 'not before its time');
    clock += 1;
    const [p1, p2] = await Promise.all([pass(), pass()]);
    assert.equal(p1.resumed.length + p2.resumed.length, 1, 'two workers: one takes the row');
    const reports = reportsOf(caseId);
    assert.deepEqual(reports.map((r) => r.status).sort(), ['finished', 'retracted']);
    const finished = reports.find((r) => r.status === 'finished')!;
    assert.deepEqual((await referralsOn(caseId)).map((r) => [r.status, r.reportId, r.by]), [['sent', finished.id, 'cara']]);
    assert.equal((await queue.get(referralIdOf(caseId)))!.status, 'done');
    const sent = (await createAuditLog(t.deps.database).list({ action: 'evidence_sent', subject: { type: 'content', id: contentId }, limit: 10 })).entries;
    assert.equal(sent.length, 1, 'custody: the file that went out');
    assert.equal(sent[0]!.detail.reportId, finished.id);
    assert.equal(sent[0]!.detail.fileId, finished.files[0]!.fileId);
    clock += 10 * retry.capMs;
    assert.deepEqual(await pass(), { resumed: [], failed: [] }, 'nothing left to do');
    assert.equal(reportsOf(caseId).length, 2, 'never a third report');
  });

  test('a sender killed half way is resumed by the service worker on the same report', async () => {
    const { caseId } = await confirmedCase(2);
    const { cases, audit } = t.deps.services;
    const draft = buildCyberTiplineReport(await gatherReferralInput({ cases: cases!, audit: audit!, content: t.deps.content }, caseId, { reporter: { platform: 'Example Live', email: 'safety@example.org' } }));
    // What a killed sender leaves: its queue row under a lease, and a journal with the report submitted.
    const queue = createReferralQueue(t.deps.database);
    await queue.begin({ referralId: referralIdOf(caseId), caseId, destination: 'ncmec_cybertipline', requestedBy: 'cara', roles: ['reviewer', 'child_safety_reviewer'], via: 'api:test' }, Date.now() - 3_600_000, 60_000, true);
    const dying = createCyberTiplineClient({ baseUrl: server.url, ...creds, journal: createReferralJournal(t.deps.database), readFile: async () => { throw new Error('process killed'); } });
    await assert.rejects(dying.submit(referralIdOf(caseId), draft), /process killed/);
    const half = reportsOf(caseId);
    assert.deepEqual(half.map((r) => [r.status, r.files.length]), [['open', 0]]);

    assert.ok(t.runtime!.workers.some((w) => w.name === 'referral-retry'));
    await t.drain();
    const after = reportsOf(caseId);
    assert.deepEqual(after.map((r) => [r.id, r.status, r.files.length]), [[half[0]!.id, 'finished', 1]], 'the same report, finished; nothing retracted');
    assert.deepEqual((await referralsOn(caseId)).map((r) => [r.reportId, r.by]), [[half[0]!.id, 'cara']]);
    assert.equal((await queue.get(referralIdOf(caseId)))!.status, 'done');
    const sentEntry = (await createAuditLog(t.deps.database).list({ action: 'referral_sent', subject: { type: 'case', id: caseId }, limit: 10 })).entries;
    assert.equal(sentEntry[0]!.detail.resumedBy, 'worker');
    const hold = (await t.call('GET', `/v1/cases/${caseId}/evidence`, { token: await t.token('cases:read') })).body;
    assert.equal(hold.decision, 'keep_until', 'the referred case is held');
    await t.drain();
    assert.equal(reportsOf(caseId).length, 1, 'draining again sends nothing');
    assert.equal((await createAuditLog(t.deps.database).verify()).ok, true);
  });

  test('a report the authority refuses is abandoned, not retried', async () => {
    const { caseId } = await confirmedCase(3);
    let clock = Date.now();
    const d = { ...deps(() => clock), endpoint: { ...t.deps.config.cybertipline!, password: 'wrong-password' } };
    await assert.rejects(sendReferral(d, caseId, cara), { code: 'cybertipline_refused' });
    const queue = createReferralQueue(t.deps.database);
    assert.deepEqual([(await queue.get(referralIdOf(caseId)))!.status], ['abandoned']);
    clock += 10 * retry.capMs;
    assert.deepEqual((await queue.due(clock, 10)).filter((r) => r.caseId === caseId), []);
    assert.equal(reportsOf(caseId).length, 0);
  });
});
