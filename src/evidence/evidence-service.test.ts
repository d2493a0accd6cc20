// Retention on every database: expiry purges the media and keeps hashes and the audit log; a legal hold
// blocks it; a dry run changes nothing; every hold, purge and destruction is in the hash-chained audit log;
// a purge that fails or races a legal hold half way removes nothing it should not and the next run finishes;
// law-enforcement destruction needs two different supervisors.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { testDatabases } from '../../test/support/databases.ts';
import { openTestApp } from '../../test/support/open-test-app.ts';
import { reduceHold } from '../core/evidence/preservation.ts';
import type { TestApp } from '../server/test-app.ts';
import { createAuditLog } from '../store/audit-log.ts';
import { createEvidenceHoldStore, type EvidenceHoldStore } from '../store/evidence-hold-store.ts';
import { contentIdsOfCase, createEvidenceService } from './evidence-service.ts';

const day = 86_400_000;
const benign = (seed: number) => sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 30 * seed, g: 90, b: 160 } } }).png().toBuffer();
const kim = { id: 'kim', roles: ['supervisor'] as const };
const lee = { id: 'lee', roles: ['supervisor'] as const };
const pat = { id: 'pat', roles: ['child_safety_reviewer'] as const };

async function uploads(t: TestApp, n: number) {
  const content = await t.token('content');
  const out = [];
  for (let i = 1; i <= n; i++) out.push((await t.call('POST', '/v1/content?reported=true', { token: content, body: await benign(i), headers: { 'content-type': 'image/png' } })).body as { id: string; caseId: string });
  return out;
}

async function actions(t: TestApp) {
  const { entries } = await createAuditLog(t.deps.database).list({ limit: 1000 });
  return entries;
}

for (const target of testDatabases()) describe(`${target.name}: evidence preservation`, () => {
  test('expiry purges media only; legal hold blocks; dry run; two-person destruction; all audited', async () => {
    const { t, cleanup } = await openTestApp(target);
    try {
      const review = await t.token('review');
      const [a, b, c] = await uploads(t, 3);
      const audit = createAuditLog(t.deps.database);
      let clock = Date.UTC(2026, 0, 1);
      const svc = createEvidenceService({ holds: createEvidenceHoldStore(t.deps.database), contentIdsOf: contentIdsOfCase(t.deps.services.cases!), audit, now: () => clock });
      await assert.rejects(svc.hold(a!.caseId, 'kim', 30), { code: 'hold_too_short' });
      for (const x of [a!, b!, c!]) await svc.hold(x.caseId, 'kim');
      const extended = await svc.hold(c!.caseId, 'kim', 730);
      assert.equal(extended.until, clock + 730 * day);
      await svc.legalHold(b!.caseId, 'kim', true, 'preservation request 42');
      const auditCount = (await actions(t)).length;

      clock += 200 * day;
      assert.deepEqual((await svc.purge({ actor: 'system', dryRun: false })).map((r) => r.decision), ['keep_until', 'keep_legal_hold', 'keep_until']);
      clock += 200 * day; // past a year: a expires, b is on legal hold, c was extended
      const dry = await svc.purge({ actor: 'system', dryRun: true });
      assert.deepEqual(Object.fromEntries(dry.map((r) => [r.caseId, r.decision])), { [a!.caseId]: 'purge', [b!.caseId]: 'keep_legal_hold', [c!.caseId]: 'keep_until' });
      assert.ok((await t.deps.content.getSealedMedia(a!.id)) !== undefined, 'a dry run removes nothing');
      assert.equal((await actions(t)).length, auditCount, 'a dry run writes nothing');
      const done = await svc.purge({ actor: 'system', dryRun: false });
      assert.equal(done.find((r) => r.caseId === a!.caseId)!.removed, 1);
      assert.equal(await t.deps.content.getSealedMedia(a!.id), undefined, 'media gone');
      const rec = await t.call('GET', `/v1/content/${a!.id}`, { token: review });
      assert.equal(rec.status, 200, 'the record stays');
      assert.match(rec.body.hashes.sha256, /^[0-9a-f]{64}$/, 'hashes kept');
      assert.equal(rec.body.retained, false);
      assert.ok((await t.deps.content.getSealedMedia(b!.id)) !== undefined, 'legal hold blocks expiry');
      const aState = reduceHold(await createEvidenceHoldStore(t.deps.database).events(a!.caseId))!;
      assert.equal(aState.purgedAt, clock, 'the purge is recorded');
      assert.equal((await svc.purge({ actor: 'system', dryRun: false })).find((r) => r.caseId === a!.caseId)!.decision, 'already_purged');

      // Law-enforcement destruction of c (held for two years): requested by one supervisor, confirmed by another.
      await assert.rejects(svc.requestDestruction(c!.caseId, pat, 'LE-2026-0042'), { code: 'forbidden' }, 'a reviewer cannot ask');
      await svc.requestDestruction(c!.caseId, kim, 'LE-2026-0042');
      await assert.rejects(svc.confirmDestruction(c!.caseId, kim), { code: 'forbidden' }, 'the requester cannot confirm');
      await assert.rejects(svc.confirmDestruction(c!.caseId, pat), { code: 'forbidden' }, 'a second person without the role cannot confirm');
      assert.ok((await t.deps.content.getSealedMedia(c!.id)) !== undefined, 'nothing removed before the second supervisor');
      assert.equal((await svc.confirmDestruction(c!.caseId, lee)).removed, 1);
      assert.equal(await t.deps.content.getSealedMedia(c!.id), undefined);
      await assert.rejects(svc.confirmDestruction(c!.caseId, lee), { code: 'no_destruction_request' });
      await assert.rejects(svc.legalHold('case_404', 'kim', true, 'x'), { code: 'no_hold' });

      // The audit log: every hold event, in order, chained; the media's intake too; and it still verifies.
      const log = await actions(t);
      assert.ok(log.length > auditCount, 'the audit log is never purged, only added to');
      const mine = (caseId: string) => log.filter((e) => e.subject?.type === 'case' && e.subject.id === caseId && e.action.startsWith('evidence_')).map((e) => e.action);
      assert.deepEqual(mine(a!.caseId), ['evidence_held', 'evidence_purged']);
      assert.deepEqual(mine(b!.caseId), ['evidence_held', 'evidence_legal_hold_set']);
      assert.deepEqual(mine(c!.caseId), ['evidence_held', 'evidence_hold_extended', 'evidence_destruction_requested', 'evidence_destroyed']);
      const purged = log.find((e) => e.action === 'evidence_purged')!;
      assert.deepEqual([purged.actor, purged.detail.contentIds, purged.detail.removed], ['system', [a!.id], 1]);
      const destroyed = log.find((e) => e.action === 'evidence_destroyed')!;
      assert.deepEqual([destroyed.actor, destroyed.detail.requestRef], ['lee', 'LE-2026-0042']);
      assert.match(String(destroyed.detail.reason), /asked by kim/);
      const run = log.filter((e) => e.action === 'evidence_purge_run');
      assert.equal(run.length, 1, 'one summary for the run that purged; none for runs that did nothing');
      assert.deepEqual(run[0]!.detail.purged, [{ caseId: a!.caseId, contentIds: [a!.id], removed: 1 }]);
      assert.deepEqual(log.filter((e) => e.action === 'evidence_kept').map((e) => e.subject!.id).sort(), [a!.id, b!.id, c!.id].sort(), 'intake of each kept item');
      assert.equal((await audit.verify()).ok, true);
    } finally {
      await cleanup();
    }
  });

  test('a purge interrupted half way, or racing a legal hold, loses nothing it should not and the next run finishes', async () => {
    const { t, cleanup } = await openTestApp(target);
    try {
      const items = await uploads(t, 3);
      const holds = createEvidenceHoldStore(t.deps.database);
      const contentIdsOf = contentIdsOfCase(t.deps.services.cases!);
      let clock = Date.UTC(2026, 0, 1);
      const base = createEvidenceService({ holds, contentIdsOf, now: () => clock });
      for (const x of items) await base.hold(x.caseId, 'kim');
      clock += 400 * day;
      const [first, second, third] = [...items].sort((x, y) => (x.caseId < y.caseId ? -1 : 1));

      // Dies while working the second case (after the first committed): the second and third are untouched.
      const dying = createEvidenceService({
        holds,
        now: () => clock,
        contentIdsOf: async (id) => {
          if (id === second!.caseId) throw new Error('killed');
          return contentIdsOf(id);
        },
      });
      await assert.rejects(dying.purge({ actor: 'system', dryRun: false }), /killed/);
      const kept = async (id: string) => (await t.deps.content.getSealedMedia(id)) !== undefined;
      assert.deepEqual([await kept(first!.id), await kept(second!.id), await kept(third!.id)], [false, true, true]);
      assert.equal(reduceHold(await holds.events(second!.caseId))!.purgedAt, undefined, 'no purge recorded for media still there');

      // A legal hold set between the purge's read and its write wins: the write is refused, nothing removed.
      const racing: EvidenceHoldStore = {
        ...holds,
        async removeMedia(e, n, ids, a) {
          if (e.caseId === second!.caseId) await holds.append({ caseId: e.caseId, kind: 'legal_hold_set', at: clock, actor: 'kim', data: { reason: 'late preservation letter' } }, n);
          return holds.removeMedia(e, n, ids, a);
        },
      };
      const out = await createEvidenceService({ holds: racing, contentIdsOf, now: () => clock }).purge({ actor: 'system', dryRun: false });
      assert.deepEqual(Object.fromEntries(out.map((o) => [o.caseId, [o.decision, o.error ?? null]])), {
        [first!.caseId]: ['already_purged', null],
        [second!.caseId]: ['failed', 'hold_busy'],
        [third!.caseId]: ['purge', null],
      });
      assert.deepEqual([await kept(second!.id), await kept(third!.id)], [true, false]);

      // The next run: the legal hold keeps the second; nothing is purged twice.
      const again = await createEvidenceService({ holds, contentIdsOf, now: () => clock }).purge({ actor: 'system', dryRun: false });
      assert.deepEqual(again.map((o) => o.decision).sort(), ['already_purged', 'already_purged', 'keep_legal_hold']);
      const log = await actions(t);
      assert.equal(log.filter((e) => e.action === 'evidence_purged').length, 2, 'one purge entry per purged case');
      assert.equal((await createAuditLog(t.deps.database).verify()).ok, true);
    } finally {
      await cleanup();
    }
  });

  test('the service worker purges expired holds on its own (LIFEGUARD_EVIDENCE_PURGE_SECONDS)', async () => {
    const { t, cleanup } = await openTestApp(target, { env: { LIFEGUARD_EVIDENCE_PURGE_SECONDS: '3600' } });
    try {
      assert.ok(t.runtime!.workers.some((w) => w.name === 'evidence-purge'));
      const [old, fresh] = await uploads(t, 2);
      const holds = createEvidenceHoldStore(t.deps.database);
      const past = Date.now() - 400 * day;
      await holds.append({ caseId: old!.caseId, kind: 'held', at: past, actor: 'kim', data: { until: past + 365 * day } }, 1);
      await holds.append({ caseId: fresh!.caseId, kind: 'held', at: Date.now(), actor: 'kim', data: { until: Date.now() + 365 * day } }, 1);
      await t.drain();
      assert.equal(await t.deps.content.getSealedMedia(old!.id), undefined, 'expired: media removed');
      assert.ok((await t.deps.content.getSealedMedia(fresh!.id)) !== undefined, 'still held: media kept');
      const log = await actions(t);
      assert.deepEqual(log.filter((e) => e.action === 'evidence_purged').map((e) => [e.actor, e.subject!.id]), [['system', old!.caseId]]);
      await t.drain();
      assert.equal((await actions(t)).filter((e) => e.action === 'evidence_purged').length, 1, 'idempotent');
    } finally {
      await cleanup();
    }
  });

  test('without the setting no purge worker runs in tests', async () => {
    const { t, cleanup } = await openTestApp(target);
    try {
      assert.equal(t.runtime!.workers.some((w) => w.name === 'evidence-purge' || w.name === 'referral-retry'), false);
    } finally {
      await cleanup();
    }
  });
});
