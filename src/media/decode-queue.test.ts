import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { decodeCostBytes, DecodeQueue } from './decode-queue.ts';

/** A job that finishes when `release()` is called, recording when it started. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { job: async () => (log.push(`start ${name}`), await done, log.push(`end ${name}`), name), release: () => release() };
}

const tick = () => new Promise((r) => setImmediate(r));

test('runs at most `concurrency` jobs at once, the rest in arrival order', async () => {
  const q = new DecodeQueue({ concurrency: 2, memoryBytes: 1000 });
  const log: string[] = [];
  const jobs = ['a', 'b', 'c', 'd'].map((n) => gate(log, n));
  const results = jobs.map((j) => q.run(10, j.job));
  await tick();
  assert.deepEqual(log, ['start a', 'start b']);
  assert.equal(q.stats().queued, 2);
  jobs[1]!.release();
  await tick();
  await tick();
  assert.deepEqual(log, ['start a', 'start b', 'end b', 'start c']);
  for (const j of jobs) j.release();
  assert.deepEqual(await Promise.all(results), ['a', 'b', 'c', 'd']);
  assert.equal(q.stats().running, 0);
  assert.equal(q.stats().reservedBytes, 0);
});

test('the memory budget holds back a job whose estimate does not fit; a job over the whole budget runs alone', async () => {
  const q = new DecodeQueue({ concurrency: 4, memoryBytes: 100 });
  const log: string[] = [];
  const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(log, n));
  const ra = q.run(60, a!.job);
  const rb = q.run(60, b!.job); // 120 > 100: waits although a slot is free
  await tick();
  assert.deepEqual(log, ['start a']);
  a!.release();
  await ra;
  await tick();
  assert.deepEqual(log, ['start a', 'end a', 'start b']);
  const rc = q.run(500, c!.job); // over the budget: waits for b, then runs alone
  await tick();
  assert.equal(log.includes('start c'), false);
  b!.release();
  await rb;
  await tick();
  assert.ok(log.includes('start c'));
  assert.ok(q.stats().peakReservedBytes <= 100, `peak ${q.stats().peakReservedBytes}`);
  c!.release();
  await rc;
});

test('a full queue or a long wait is refused with 503 decoder_busy and a Retry-After estimate', async () => {
  const q = new DecodeQueue({ concurrency: 1, memoryBytes: 100, maxQueued: 1, maxWaitMs: 50 });
  const log: string[] = [];
  const a = gate(log, 'a');
  const ra = q.run(10, a.job);
  const waiting = q.run(10, async () => 'w');
  const refusedNow = await q.run(10, async () => 'x').catch((e: unknown) => e);
  assert.ok(isLifeguardError(refusedNow) && refusedNow.status === 503 && refusedNow.code === 'decoder_busy');
  assert.ok(Number(refusedNow.detail?.retryAfterSeconds) >= 1);
  const timedOut = await waiting.catch((e: unknown) => e);
  assert.ok(isLifeguardError(timedOut) && timedOut.code === 'decoder_busy', 'the waiting job gave up after maxWaitMs');
  assert.equal(q.stats().refused, 2);
  a.release();
  assert.equal(await ra, 'a');
  assert.equal(await q.run(10, async () => 'after'), 'after', 'the queue works on afterwards');
});

test('a failing job frees its slot and budget', async () => {
  const q = new DecodeQueue({ concurrency: 1, memoryBytes: 100 });
  await assert.rejects(q.run(100, async () => Promise.reject(new Error('bad image'))), /bad image/);
  assert.deepEqual([q.stats().running, q.stats().reservedBytes], [0, 0]);
  assert.equal(await q.run(100, async () => 1), 1);
});

test('the cost estimate grows with the decoded pixels', () => {
  assert.ok(decodeCostBytes(16_000_000, 3) > decodeCostBytes(1_000_000, 3));
  assert.ok(decodeCostBytes(1_000_000, 3) > decodeCostBytes(1_000_000, 1));
});
