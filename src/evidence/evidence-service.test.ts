// Retention on every database: expiry purges the media and keeps hashes and the audit log; a legal hold
// blocks it; a dry run changes nothing; law-enforcement destruction needs a second person.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { testDatabases } from '../../test/support/databases.ts';
import { openTestApp } from '../../test/support/open-test-app.ts';
import { reduceHold } from '../core/evidence/preservation.ts';
import { createEvidenceHoldStore } from '../store/evidence-hold-store.ts';
import { createEvidenceService } from './evidence-service.ts';

const day = 86_400_000;
const benign = (seed: number) => sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 30 * seed, g: 90, b: 160 } } }).png().toBuffer();

for (const target of testDatabases()) describe(`${target.name}: evidence preservation`, () => {
  test('expiry purges media only; legal hold blocks; dry run; two-person destruction', async () => {
    const { t, cleanup } = await openTestApp(target);
    try {
      const content = await t.token('content');
      const review = await t.token('review');
      const up = async (seed: number) => (await t.call('POST', '/v1/content?reported=true', { token: content, body: await benign(seed), headers: { 'content-type': 'image/png' } })).body as { id: string; caseId: string };
      const [a, b, c] = [await up(1), await up(2), await up(3)];
      const cases = t.deps.services.cases!;
      let clock = Date.UTC(2026, 0, 1);
      const svc = createEvidenceService({
        holds: createEvidenceHoldStore(t.deps.database),
        contentIdsOf: async (id) => (await cases.get(id))!.state.evidence.filter((e) => e.kind === 'content').map((e) => e.id),
        now: () => clock,
      });
      await assert.rejects(svc.hold(a.caseId, 'kim', 30), { code: 'hold_too_short' });
      for (const x of [a, b, c]) await svc.hold(x.caseId, 'kim');
      const extended = await svc.hold(c.caseId, 'kim', 730);
      assert.equal(extended.until, clock + 730 * day);
      await svc.legalHold(b.caseId, 'kim', true, 'preservation request 42');
      const auditBefore = (await t.call('GET', '/v1/audit?limit=1000', { token: await t.token('audit') })).body;
      const auditCount = (auditBefore.entries ?? auditBefore.items).length;

      clock += 200 * day;
      assert.deepEqual((await svc.purge({ actor: 'system', dryRun: false })).map((r) => r.decision), ['keep_until', 'keep_legal_hold', 'keep_until'].slice(0, 3));
      clock += 200 * day; // past a year: a expires, b is on legal hold, c was extended
      const dry = await svc.purge({ actor: 'system', dryRun: true });
      assert.deepEqual(Object.fromEntries(dry.map((r) => [r.caseId, r.decision])), { [a.caseId]: 'purge', [b.caseId]: 'keep_legal_hold', [c.caseId]: 'keep_until' });
      assert.ok((await t.deps.content.getSealedMedia(a.id)) !== undefined, 'a dry run removes nothing');
      const done = await svc.purge({ actor: 'system', dryRun: false });
      assert.equal(done.find((r) => r.caseId === a.caseId)!.removed, 1);
      assert.equal(await t.deps.content.getSealedMedia(a.id), undefined, 'media gone');
      const rec = await t.call('GET', `/v1/content/${a.id}`, { token: review });
      assert.equal(rec.status, 200, 'the record stays');
      assert.match(rec.body.hashes.sha256, /^[0-9a-f]{64}$/, 'hashes kept');
      assert.equal(rec.body.retained, false);
      assert.ok((await t.deps.content.getSealedMedia(b.id)) !== undefined, 'legal hold blocks expiry');
      const auditAfter = (await t.call('GET', '/v1/audit?limit=1000', { token: await t.token('audit') })).body;
      assert.ok((auditAfter.entries ?? auditAfter.items).length >= auditCount, 'the audit log is never purged');
      const aState = reduceHold(await createEvidenceHoldStore(t.deps.database).events(a.caseId))!;
      assert.equal(aState.purgedAt, clock, 'the purge is recorded');
      assert.equal((await svc.purge({ actor: 'system', dryRun: false })).find((r) => r.caseId === a.caseId)!.decision, 'already_purged');

      // Law-enforcement destruction of c (held for two years): requested by one person, confirmed by another.
      await svc.requestDestruction(c.caseId, 'kim', 'LE-2026-0042');
      await assert.rejects(svc.confirmDestruction(c.caseId, 'kim'), { code: 'forbidden' });
      assert.equal((await svc.confirmDestruction(c.caseId, 'lee')).removed, 1);
      assert.equal(await t.deps.content.getSealedMedia(c.id), undefined);
      await assert.rejects(svc.confirmDestruction(c.caseId, 'lee'), { code: 'no_destruction_request' });
      await assert.rejects(svc.legalHold('case_404', 'kim', true, 'x'), { code: 'no_hold' });
    } finally {
      await cleanup();
    }
  });
});
