// `lifeguard worker` runs the evidence purge beside the pipeline (SQLite and PostgreSQL): started on a
// database with one expired hold and one live one, its first pass removes the expired case's media, keeps
// the other, and records the purge in the audit log; it stops cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { defaultPolicy } from '../src/core/safety-policy/policy-schema.ts';
import { createCaseService } from '../src/review/create-case-service.ts';
import { createAuditLog } from '../src/store/audit-log.ts';
import { createContentStore } from '../src/store/content-store.ts';
import type { Database } from '../src/store/database.ts';
import { createEvidenceHoldStore } from '../src/store/evidence-hold-store.ts';
import { testDatabases } from './support/databases.ts';
import { startChild } from './pipeline-processes.ts';

const day = 86_400_000;

async function heldCase(database: Database, i: number, heldAt: number): Promise<{ caseId: string; contentId: string }> {
  const bytes = Buffer.alloc(1024, i);
  const id = `cnt_worker_${i}`;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await createContentStore(database).insert(
    { id, keyId: 'k', clientId: null, mediaType: 'image/png', byteLength: bytes.length, width: 1, height: 1, md5: createHash('md5').update(bytes).digest('hex'), sha256, pdq: null, pdqQuality: null, decision: 'hold_for_review', reasons: [], matches: [], reported: true, retained: true, createdAt: heldAt },
    bytes, // stands in for sealed bytes: the purge never opens them
  );
  const r = await createCaseService({ database, policy: defaultPolicy().review }).intake({ source: 'reported_upload', severity: 'medium', subjects: [{ type: 'content', id }], evidence: [{ kind: 'content', id, summary: 'upload' }], reasons: ['reported'] });
  await createEvidenceHoldStore(database).append({ caseId: r.caseId, kind: 'held', at: heldAt, actor: 'kim', data: { until: heldAt + 365 * day } }, 1);
  return { caseId: r.caseId, contentId: id };
}

for (const target of testDatabases()) describe(`${target.name}: lifeguard worker evidence jobs`, () => {
  test('the worker purges the expired hold at start and keeps the live one', async () => {
    const { database, url, pgSchema, cleanup } = await target.open();
    const dataDir = mkdtempSync(join(tmpdir(), 'lifeguard-worker-evidence-'));
    try {
      const expired = await heldCase(database, 1, Date.now() - 400 * day);
      const live = await heldCase(database, 2, Date.now());
      const worker = startChild(['bin/lifeguard.js', 'worker', '--data-dir', dataDir, '--poll-ms', '100'], {
        LIFEGUARD_DATABASE_URL: url,
        ...(pgSchema ? { LIFEGUARD_PG_SCHEMA: pgSchema } : {}),
        LIFEGUARD_NATS_URL: '',
        LIFEGUARD_WEBHOOK_URL: '',
        LIFEGUARD_LOG_LEVEL: 'info',
      });
      const ready = await worker.waitFor('worker ready', 30_000);
      assert.deepEqual(ready.jobs, ['evidence-purge'], 'the purge runs; no resends without a CyberTipline');
      const done = await worker.waitFor('evidence purge', 30_000);
      assert.deepEqual([done.purged, done.removed, done.failed], [1, 1, 0]);
      worker.child.kill('SIGTERM');
      assert.equal(await worker.exited, 0);
      const content = createContentStore(database);
      assert.equal(await content.getSealedMedia(expired.contentId), undefined);
      assert.ok((await content.getSealedMedia(live.contentId)) !== undefined);
      const log = (await createAuditLog(database).list({ action: 'evidence_purged', limit: 10 })).entries;
      assert.deepEqual(log.map((e) => [e.actor, e.subject!.id]), [['system', expired.caseId]]);
      assert.equal((await createAuditLog(database).verify()).ok, true);
    } finally {
      await cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
