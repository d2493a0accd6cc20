// Evidence through the API on every database: confirming abuse holds the case's media for the policy's
// period (dismissing does not); the hold can be extended and put on legal hold; destruction on a
// law-enforcement request needs two different supervisors; an item's chain of custody runs from intake
// through reveal and hold to destruction, verified against the audit hash chain, and a tampered entry shows.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { TestApp } from '../src/server/test-app.ts';
import { openTestApp } from './support/open-test-app.ts';
import { testDatabases } from './support/databases.ts';

const day = 86_400_000;
const as = (id: string, roles = 'reviewer,child_safety_reviewer') => ({ 'x-lifeguard-reviewer': id, 'x-lifeguard-reviewer-roles': roles });
const benign = (seed: number) => sharp({ create: { width: 72, height: 72, channels: 3, background: { r: 20 + seed * 40, g: 140, b: 200 - seed * 20 } } }).png().toBuffer();

for (const target of testDatabases()) describe(`${target.name}: evidence API`, () => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-evidence-policy-'));
  let tokens: { write: string; read: string; content: string; audit: string };
  before(async () => {
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ evidence: { retentionDays: 400 } }));
    ({ t, cleanup } = await openTestApp(target, { env: { LIFEGUARD_API_REVIEWERS: 'vouched', LIFEGUARD_POLICY_FILE: policy } }));
    tokens = { write: await t.token('cases:write'), read: await t.token('cases:read'), content: await t.token('content'), audit: await t.token('audit') };
  });
  after(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (seed: number) => {
    const r = await t.call('POST', '/v1/content?reported=true', { token: tokens.content, body: await benign(seed), headers: { 'content-type': 'image/png' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body as { id: string; caseId: string; hashes: { sha256: string; md5: string } };
  };
  const act = async (caseId: string, who: string, json: unknown) => {
    assert.equal((await t.call('POST', `/v1/cases/${caseId}/claim`, { token: tokens.write, headers: as(who) })).status, 200);
    const r = await t.call('POST', `/v1/cases/${caseId}/actions`, { token: tokens.write, headers: as(who), json });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };
  const hold = (caseId: string) => t.call('GET', `/v1/cases/${caseId}/evidence`, { token: tokens.read });

  test('confirming abuse holds the media for the policy period; dismissing does not; extend and legal hold', async () => {
    const kept = await upload(1);
    const dismissed = await upload(2);
    assert.equal((await hold(kept.caseId)).status, 404, 'no hold before a decision');
    const before = Date.now();
    await act(kept.caseId, 'cara', { kind: 'remove_content' });
    await act(dismissed.caseId, 'cara', { kind: 'dismiss', reason: 'not_violating' });
    const h = await hold(kept.caseId);
    assert.equal(h.status, 200, JSON.stringify(h.body));
    assert.ok(h.body.until >= before + 400 * day && h.body.until <= Date.now() + 400 * day, 'policy evidence.retentionDays (400)');
    assert.deepEqual([h.body.legalHold, h.body.decision], [false, 'keep_until']);
    const nohold = await hold(dismissed.caseId);
    assert.deepEqual([nohold.status, nohold.body.error.code], [404, 'no_hold']);

    const log = (await t.call('GET', `/v1/audit?action=evidence_held&limit=100`, { token: tokens.audit })).body.items;
    const mine = log.filter((e: { subject: { id: string } }) => e.subject.id === kept.caseId);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].actor, 'cara');
    assert.match(mine[0].detail.reason, /abuse confirmed \(remove_content\)/);

    const path = `/v1/cases/${kept.caseId}/evidence/hold`;
    assert.equal((await t.call('POST', path, { token: tokens.write, headers: as('pat', 'reviewer'), json: { days: 730 } })).status, 403, 'a plain reviewer cannot hold');
    assert.equal((await t.call('POST', path, { token: tokens.read, headers: as('cara'), json: { days: 730 } })).status, 403, 'cases:read cannot hold');
    const short = await t.call('POST', path, { token: tokens.write, headers: as('cara'), json: { days: 30 } });
    assert.equal(short.status, 400);
    const ext = await t.call('POST', path, { token: tokens.write, headers: as('cara'), json: { days: 730 } });
    assert.equal(ext.status, 200, JSON.stringify(ext.body));
    assert.ok(ext.body.until >= before + 730 * day);
    const noReason = await t.call('POST', path, { token: tokens.write, headers: as('cara'), json: { legalHold: true } });
    assert.deepEqual([noReason.status, noReason.body.error.code], [400, 'reason_required']);
    const legal = await t.call('POST', path, { token: tokens.write, headers: as('cara'), json: { legalHold: true, reason: 'preservation letter 7' } });
    assert.deepEqual([legal.status, legal.body.legalHold, legal.body.decision], [200, true, 'keep_legal_hold']);
    assert.equal((await t.call('POST', '/v1/cases/case_nope/evidence/hold', { token: tokens.write, headers: as('cara'), json: {} })).status, 404);
  });

  test('destruction on a law-enforcement request: two different supervisors; custody from intake to destruction, verified', async () => {
    const item = await upload(3);
    await act(item.caseId, 'cara', { kind: 'remove_content' });
    assert.equal((await t.call('POST', `/v1/cases/${item.caseId}/reveals`, { token: tokens.write, headers: as('cara'), json: { contentId: item.id, fullView: true } })).status, 200);
    const req = `/v1/cases/${item.caseId}/evidence/destruction`;
    assert.equal((await t.call('POST', req, { token: tokens.write, headers: as('cara'), json: { requestRef: 'LE-99' } })).status, 403, 'not a supervisor');
    const asked = await t.call('POST', req, { token: tokens.write, headers: as('sam', 'supervisor'), json: { requestRef: 'LE-99' } });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    assert.deepEqual(asked.body.destruction.requestedBy, 'sam');
    const same = await t.call('POST', `${req}/confirm`, { token: tokens.write, headers: as('sam', 'supervisor') });
    assert.equal(same.status, 403, 'the requester cannot confirm');
    assert.equal((await t.call('POST', `${req}/confirm`, { token: tokens.write, headers: as('cara') })).status, 403, 'a second person without the role cannot');
    assert.ok((await t.deps.content.getSealedMedia(item.id)) !== undefined, 'nothing removed yet');
    const done = await t.call('POST', `${req}/confirm`, { token: tokens.write, headers: as('lee', 'supervisor') });
    assert.deepEqual([done.status, done.body.removed], [200, 1]);
    assert.equal(await t.deps.content.getSealedMedia(item.id), undefined);
    assert.equal((await t.call('POST', `${req}/confirm`, { token: tokens.write, headers: as('max', 'supervisor') })).body.error.code, 'no_destruction_request');

    const custody = await t.call('GET', `/v1/content/${item.id}/custody`, { token: tokens.audit });
    assert.equal(custody.status, 200, JSON.stringify(custody.body));
    const c = custody.body;
    assert.equal(c.verified, true);
    assert.deepEqual(c.cases, [item.caseId]);
    assert.deepEqual([c.item.sha256, c.item.md5, c.item.mediaKept], [item.hashes.sha256, item.hashes.md5, false]);
    const links = c.links.map((l: { actor: string; action: string }) => `${l.actor.startsWith('api:') ? 'api' : l.actor} ${l.action}`);
    assert.deepEqual(links, ['api evidence_kept', 'cara evidence_held', 'cara media_revealed', 'sam evidence_destruction_requested', 'lee evidence_destroyed']);
    assert.equal(c.links[0].detail.sha256, item.hashes.sha256, 'intake records what (its hashes)');
    assert.equal((await t.call('GET', `/v1/content/${item.id}/custody`, { token: tokens.read })).status, 403, 'custody needs the audit scope');
    assert.equal((await t.call('GET', '/v1/content/cnt_nope/custody', { token: tokens.audit })).status, 404);

    // Someone edits the reveal in the database: the link and the chain say so.
    const reveal = c.links.find((l: { action: string }) => l.action === 'media_revealed');
    await sql`update audit_log set actor = 'someone-else' where seq = ${reveal.seq}`.execute(t.deps.database.db);
    const after = (await t.call('GET', `/v1/content/${item.id}/custody`, { token: tokens.audit })).body;
    assert.equal(after.verified, false);
    assert.equal(after.chain.ok, false);
    assert.deepEqual(after.links.filter((l: { intact: boolean }) => !l.intact).map((l: { seq: number }) => l.seq), [reveal.seq]);
  });
});
