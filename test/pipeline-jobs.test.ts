// Durable jobs on SQLite and PostgreSQL: progress, results, failures, unknown ids, interrupted jobs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLifeguardError } from '../src/core/lifeguard-error.ts';
import { completeJob, createJob, failInterruptedJobs, failJob, getJob, updateJobProgress } from '../src/store/job-store.ts';
import { testDatabases } from './support/databases.ts';

for (const target of testDatabases()) {
  test(`${target.name}: jobs record progress, result and failure, and unknown ids give null/job_not_found`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const job = await createJob(database, { kind: 'bank.import', scope: 'k1', total: 100, input: { bank: 'b1' }, now: 1000 });
      assert.equal(job.status, 'running');
      await updateJobProgress(database, job.id, { done: 40 }, 2000);
      let got = await getJob(database, job.id);
      assert.deepEqual(got?.progress, { done: 40, total: 100 });
      assert.deepEqual(got?.input, { bank: 'b1' });
      assert.equal(got?.updatedAt, 2000);
      await completeJob(database, job.id, { imported: 100 }, 3000);
      got = await getJob(database, job.id);
      assert.equal(got?.status, 'succeeded');
      assert.deepEqual(got?.result, { imported: 100 });
      assert.equal(got?.finishedAt, 3000);
      await assert.rejects(updateJobProgress(database, job.id, { done: 1 }), (e) => isLifeguardError(e) && e.code === 'job_not_found' && e.status === 404);

      const bad = await createJob(database, { kind: 'bank.import', queued: true });
      assert.equal(bad.status, 'queued');
      await failJob(database, bad.id, { code: 'invalid_hash_list', message: 'line 3 is not a hash' });
      assert.deepEqual((await getJob(database, bad.id))?.error, { code: 'invalid_hash_list', message: 'line 3 is not a hash' });

      assert.equal(await getJob(database, 'job_unknown'), null);
      await assert.rejects(completeJob(database, 'job_unknown', null), (e) => isLifeguardError(e) && e.code === 'job_not_found');
      await assert.rejects(createJob(database, { kind: 'Bad Kind!' }), (e) => isLifeguardError(e) && e.code === 'invalid_job_kind');
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: jobs left running by a dead process are failed as interrupted`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const stale = await createJob(database, { kind: 'bank.import', now: 1_000 });
      const live = await createJob(database, { kind: 'bank.import', now: 100_000 });
      assert.equal(await failInterruptedJobs(database, { olderThanMs: 60_000, now: 100_500 }), 1);
      assert.equal((await getJob(database, stale.id))?.error?.code, 'interrupted');
      assert.equal((await getJob(database, live.id))?.status, 'running');
    } finally {
      await cleanup();
    }
  });
}
