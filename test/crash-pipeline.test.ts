// Crash test: while events stream in, `kill -9` the worker process and, separately, the intake process,
// again and again, restarting each. Afterwards: every acknowledged event is stored and was processed exactly
// once in effect, every effect exists once per dedupeKey, and every effect reached the webhook receiver.
// Runs on SQLite, and on PostgreSQL when LIFEGUARD_TEST_DATABASE_URL is set. Loopback only, bounded in time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { queueDepth } from '../src/queue/event-queue.ts';
import { outboxStats } from '../src/store/outbox-store.ts';
import { countProcessedEvents } from '../src/store/state-store.ts';
import { testDatabases } from './support/databases.ts';
import { crashEvent } from './pipeline-intake-loop.ts';
import { startChild, startReceiver, waitUntil, webhookSecret, type ChildHandle } from './pipeline-processes.ts';

const totalEvents = 2_400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const target of testDatabases()) {
  test(`${target.name}: kill -9 of workers and of intake loses no acknowledged event and no effect`, { timeout: 90_000 }, async () => {
    const { database, url, pgSchema, cleanup } = await target.open();
    const dataDir = mkdtempSync(join(tmpdir(), 'lifeguard-crash-'));
    const receiver = await startReceiver();
    const env: Record<string, string> = {
      LIFEGUARD_DATABASE_URL: url,
      LIFEGUARD_DATA_DIR: dataDir,
      LIFEGUARD_WEBHOOK_URL: receiver.url,
      LIFEGUARD_WEBHOOK_SECRET: webhookSecret,
      ...(pgSchema ? { LIFEGUARD_PG_SCHEMA: pgSchema } : {}),
    };
    const acked = new Set<number>();
    let nextStart = 0;
    let intakeDone = false;
    let worker: ChildHandle | undefined;
    let intake: ChildHandle | undefined;
    const kills = { worker: 0, intake: 0 };

    const startWorker = () => {
      worker = startChild(['bin/lifeguard.js', 'worker', '--poll-ms', '50', '--batch-size', '64', '--webhook-timeout-ms', '2000'], { ...env, LIFEGUARD_NATS_URL: '' });
      return worker.waitFor('worker ready', 30_000);
    };
    const startIntake = () => {
      const h = startChild(['--import', 'tsx', 'test/pipeline-intake-loop.ts', url, String(nextStart), String(totalEvents), pgSchema ?? ''], {});
      createInterface({ input: h.child.stdout! }).on('line', (line) => {
        const m = /^ack (\d+) (\d+)$/.exec(line);
        if (m) {
          for (let n = Number(m[1]); n <= Number(m[2]); n++) acked.add(n);
          nextStart = Math.max(nextStart, Number(m[2]) + 1);
        } else if (line === 'done') intakeDone = true;
      });
      intake = h;
    };
    const kill9 = async (h: ChildHandle | undefined) => {
      if (!h || h.child.exitCode !== null) return false;
      h.child.kill('SIGKILL');
      await h.exited;
      return true;
    };

    try {
      await startWorker();
      startIntake();
      // Each round kills the intake process (while it still has events to send), then the worker, and restarts
      // it. The worker is killed in every round even when the intake has finished: it may still be working
      // through the queue, and a fast intake must not leave the test with fewer kills than it asserts.
      for (let round = 0; round < 3; round++) {
        await sleep(300 + Math.random() * 400);
        if (!intakeDone && (await kill9(intake))) {
          kills.intake++;
          startIntake();
        }
        await sleep(300 + Math.random() * 400);
        if (await kill9(worker)) kills.worker++;
        await startWorker();
      }
      await waitUntil('the intake loop finished', async () => {
        if (intake!.child.exitCode !== null && !intakeDone) startIntake();
        return intakeDone;
      }, 45_000);
      await waitUntil('every event is processed', async () => (await queueDepth(database)).pending === 0, 30_000);
      await waitUntil('every effect is delivered', async () => (await outboxStats(database)).pending === 0, 30_000);
      worker!.child.kill('SIGTERM');
      assert.equal(await worker!.exited, 0);

      assert.ok(kills.worker >= 2 && kills.intake >= 1, `processes were killed (${JSON.stringify(kills)})`);
      assert.equal(acked.size, totalEvents);

      // Every acknowledged event is stored (once), and was applied exactly once.
      const stored = await database.db.selectFrom('events').select(['id', 'seq']).execute();
      assert.equal(stored.length, totalEvents);
      assert.equal(new Set(stored.map((r) => r.id)).size, totalEvents);
      assert.equal(await countProcessedEvents(database), totalEvents);

      // Exactly one review effect per report, unique dedupe keys, all delivered and received.
      const effects = await database.db
        .selectFrom('effects as e')
        .innerJoin('outbox as o', 'o.effect_seq', 'e.seq')
        .select(['e.dedupe_key', 'o.delivery_id', 'o.status'])
        .execute();
      const reports = Array.from({ length: totalEvents }, (_, n) => crashEvent(n)).filter((e) => e.type === 'report.filed');
      const reviewKeys = new Set(effects.filter((e) => e.dedupe_key.startsWith('enqueue_review:report:')).map((e) => e.dedupe_key));
      assert.equal(reviewKeys.size, reports.length);
      for (const r of reports) assert.ok(reviewKeys.has(`enqueue_review:report:${r.id}`), `review for ${r.id}`);
      assert.equal(new Set(effects.map((e) => e.dedupe_key)).size, effects.length);
      for (const e of effects) {
        assert.equal(e.status, 'delivered');
        assert.ok((receiver.deliveries.get(e.delivery_id) ?? 0) >= 1, `delivery ${e.delivery_id} received`);
      }
      const known = new Set(effects.map((e) => e.delivery_id));
      assert.ok([...receiver.deliveries.keys()].every((id) => known.has(id)));
      assert.equal(receiver.badSignatures(), 0);
    } finally {
      for (const h of [worker, intake]) if (h && h.child.exitCode === null) h.child.kill('SIGKILL');
      await Promise.all([worker?.exited, intake?.exited]);
      await receiver.close();
      await cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
