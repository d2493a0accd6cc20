/**
 * Starting the service marks import jobs left `running` by a process that died as failed (`interrupted`), so
 * pollers of GET /v1/jobs/:id stop waiting. On PostgreSQL (several processes may share the database) only jobs
 * silent for 10 minutes count; on SQLite (one process) every running job does. SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readEnv } from '../src/config/read-env.ts';
import { silentLogger } from '../src/server/logger.ts';
import { startService } from '../src/server/start-service.ts';
import { completeJob, createJob, getJob } from '../src/store/job-store.ts';
import { testDatabases } from './support/databases.ts';

for (const target of testDatabases()) {
  test(`${target.name}: serve fails jobs a dead process left running, and leaves finished (and, on PostgreSQL, live) jobs alone`, async () => {
    const opened = await target.open();
    const dataDir = mkdtempSync(join(tmpdir(), 'lifeguard-jobs-'));
    try {
      const { database } = opened;
      const stale = await createJob(database, { kind: 'bank.import', total: 10, now: Date.now() - 3_600_000 });
      const recent = await createJob(database, { kind: 'bank.import', total: 10 });
      const done = await createJob(database, { kind: 'bank.import', now: Date.now() - 3_600_000 });
      await completeJob(database, done.id, { imported: 1 }, Date.now() - 3_500_000);
      assert.equal((await getJob(database, stale.id))?.status, 'running');

      const config = readEnv({
        LIFEGUARD_DATABASE_URL: opened.url,
        ...(opened.pgSchema !== undefined ? { LIFEGUARD_PG_SCHEMA: opened.pgSchema } : {}),
        LIFEGUARD_PORT: '0',
        LIFEGUARD_DATA_DIR: dataDir,
        LIFEGUARD_WORKERS: 'false',
        LIFEGUARD_LOG_LEVEL: 'silent',
      });
      const service = await startService(config, silentLogger);
      await service.close();

      const staleAfter = await getJob(database, stale.id);
      assert.equal(staleAfter?.status, 'failed');
      assert.equal(staleAfter?.error?.code, 'interrupted');
      assert.ok(staleAfter?.finishedAt !== null);
      assert.equal((await getJob(database, done.id))?.status, 'succeeded', 'a finished job is not touched');
      // One process per SQLite file: anything still running is orphaned. PostgreSQL: a live job of another process stays.
      assert.equal((await getJob(database, recent.id))?.status, target.name === 'sqlite' ? 'failed' : 'running');
    } finally {
      await opened.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
