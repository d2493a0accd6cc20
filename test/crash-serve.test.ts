// Crash test through the real HTTP service: a client posts batches to `lifeguard serve --no-workers` while the
// server is `kill -9`ed and restarted (and a `lifeguard worker` too). The client resends a batch until it is
// answered 202, as a platform would. Afterwards every acknowledged event is stored, processed exactly once in
// effect, and every effect reached the webhook receiver. SQLite, loopback only, bounded in time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { queueDepth } from '../src/queue/event-queue.ts';
import { openDatabase } from '../src/store/database.ts';
import { outboxStats } from '../src/store/outbox-store.ts';
import { countProcessedEvents } from '../src/store/state-store.ts';
import { crashEvent } from './pipeline-intake-loop.ts';
import { startChild, startReceiver, waitUntil, webhookSecret, type ChildHandle } from './pipeline-processes.ts';

const batches = 150;
const perBatch = 16;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('kill -9 of the HTTP service under load loses no acknowledged event and no effect', { timeout: 90_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lifeguard-crash-serve-'));
  const receiver = await startReceiver();
  const env = {
    LIFEGUARD_DATA_DIR: dataDir,
    LIFEGUARD_RATE_LIMIT_RPS: '0',
    LIFEGUARD_LOG_LEVEL: 'warn',
    LIFEGUARD_WEBHOOK_URL: receiver.url,
    LIFEGUARD_WEBHOOK_SECRET: webhookSecret,
    LIFEGUARD_NATS_URL: '',
    LIFEGUARD_DATABASE_URL: '',
  };
  let server: ChildHandle | undefined;
  let worker: ChildHandle | undefined;
  let base = '';
  let token = '';
  const kills = { server: 0, worker: 0 };
  const acked = new Set<string>();

  const startServer = async () => {
    server = startChild(['bin/lifeguard.js', 'serve', '--port', '0', '--no-workers'], env);
    await server.waitForLine(/^Stop with Ctrl-C/, 30_000); // the last line of the start-up banner
    base = (await server.waitForLine(/running at (http:\/\/\S+)/))[1]!;
    const key = server.lines.map((l) => /LIFEGUARD_ADMIN_KEY=(\S+)/.exec(l)).find(Boolean);
    if (key) token = key[1]!;
  };
  const startWorker = async () => {
    worker = startChild(['bin/lifeguard.js', 'worker', '--poll-ms', '50', '--webhook-timeout-ms', '2000'], { ...env, LIFEGUARD_LOG_LEVEL: 'info' });
    await worker.waitFor('worker ready', 30_000);
  };

  try {
    await Promise.all([startServer(), startWorker()]);
    assert.ok(token, 'the first start printed an admin key');
    let done = false;
    const client = (async () => {
      for (let b = 0; b < batches; b++) {
        const events = Array.from({ length: perBatch }, (_, i) => crashEvent(b * perBatch + i));
        for (;;) {
          try {
            const res = await fetch(`${base}/v1/events`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ events }),
              signal: AbortSignal.timeout(5_000),
            });
            const body = (await res.json()) as { accepted?: { id: string }[]; duplicates?: { id: string }[] };
            if (res.status === 202) {
              for (const e of [...(body.accepted ?? []), ...(body.duplicates ?? [])]) acked.add(e.id);
              break;
            }
            throw new Error(`unexpected ${res.status}: ${JSON.stringify(body)}`);
          } catch (e) {
            if ((e as Error).message.startsWith('unexpected')) throw e;
            await sleep(100); // server down: retry the same batch against the (new) address
          }
        }
        await sleep(10);
      }
      done = true;
    })();

    for (let round = 0; round < 3 && !done; round++) {
      await sleep(700 + Math.random() * 500);
      server!.child.kill('SIGKILL');
      await server!.exited;
      kills.server++;
      await startServer();
      if (round === 1) {
        worker!.child.kill('SIGKILL');
        await worker!.exited;
        kills.worker++;
        await startWorker();
      }
    }
    await client;

    const database = await openDatabase({ url: join(dataDir, 'lifeguard.sqlite') });
    try {
      await waitUntil('every event is processed', async () => (await queueDepth(database)).pending === 0, 30_000);
      await waitUntil('every effect is delivered', async () => (await outboxStats(database)).pending === 0, 30_000);
      assert.ok(kills.server >= 2 && kills.worker >= 1, `processes were killed (${JSON.stringify(kills)})`);
      const total = batches * perBatch;
      assert.equal(acked.size, total);
      const stored = await database.db.selectFrom('events').select('id').execute();
      assert.equal(stored.length, total);
      assert.ok(stored.every((r) => acked.has(r.id)));
      assert.equal(await countProcessedEvents(database), total);
      const effects = await database.db.selectFrom('effects as e').innerJoin('outbox as o', 'o.effect_seq', 'e.seq').select(['e.dedupe_key', 'o.delivery_id', 'o.status']).execute();
      const reports = Array.from({ length: total }, (_, n) => crashEvent(n)).filter((e) => e.type === 'report.filed');
      assert.equal(effects.filter((e) => e.dedupe_key.startsWith('enqueue_review:report:')).length, reports.length);
      for (const e of effects) {
        assert.equal(e.status, 'delivered');
        assert.ok((receiver.deliveries.get(e.delivery_id) ?? 0) >= 1);
      }
      assert.equal(receiver.badSignatures(), 0);
    } finally {
      await database.close();
    }
  } finally {
    for (const h of [server, worker]) if (h && h.child.exitCode === null) h.child.kill('SIGKILL');
    await Promise.all([server?.exited, worker?.exited]);
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
