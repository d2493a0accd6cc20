// Scale-out: two `lifeguard worker` processes share PostgreSQL and a NATS JetStream stream. Every event is
// processed once in effect, events of one stream are handled in order, every effect is delivered, and every
// bus notice is acked. Needs LIFEGUARD_TEST_DATABASE_URL and LIFEGUARD_TEST_NATS_URL (set by .ci/run).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { connect } from 'nats';
import type { PlatformEvent } from '../src/core/events.ts';
import { appendEvents } from '../src/pipeline/event-intake.ts';
import { queueDepth } from '../src/queue/event-queue.ts';
import { createNatsBus, dropNatsStream } from '../src/queue/nats-bus.ts';
import { outboxStats } from '../src/store/outbox-store.ts';
import { countProcessedEvents } from '../src/store/state-store.ts';
import { postgresTestUrl, testDatabases } from './support/databases.ts';
import { startChild, startReceiver, waitUntil, webhookSecret, type ChildHandle } from './pipeline-processes.ts';

const natsUrl = process.env.LIFEGUARD_TEST_NATS_URL;
const skip = !postgresTestUrl ? 'LIFEGUARD_TEST_DATABASE_URL is not set' : !natsUrl ? 'LIFEGUARD_TEST_NATS_URL is not set' : false;

test('two worker processes on PostgreSQL + NATS: once in effect, in order per stream, all delivered', { skip, timeout: 90_000 }, async () => {
  const pgTarget = testDatabases().find((t) => t.name === 'postgres')!;
  const { database, pgSchema, cleanup } = await pgTarget.open();
  const stream = `LG_TEST_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'lifeguard-scaleout-'));
  const receiver = await startReceiver();
  const bus = await createNatsBus({ url: natsUrl!, stream });
  const workers: ChildHandle[] = [];
  try {
    const env = {
      LIFEGUARD_DATABASE_URL: postgresTestUrl!,
      LIFEGUARD_PG_SCHEMA: pgSchema!,
      LIFEGUARD_NATS_URL: natsUrl!,
      LIFEGUARD_DATA_DIR: dataDir,
      LIFEGUARD_WEBHOOK_URL: receiver.url,
      LIFEGUARD_WEBHOOK_SECRET: webhookSecret,
    };
    // A long poll interval: work must arrive through the NATS notices, not the fallback poll.
    for (let i = 0; i < 2; i++) workers.push(startChild(['bin/lifeguard.js', 'worker', '--nats-stream', stream, '--poll-ms', '3000', '--batch-size', '64'], env));
    await Promise.all(workers.map((w) => w.waitFor('worker ready', 30_000)));

    const streams = 24;
    const rounds = 40;
    let reports = 0;
    let total = 0;
    for (let r = 0; r < rounds; r++) {
      const batch: PlatformEvent[] = [];
      for (let s = 0; s < streams; s++) {
        if (r === 0) batch.push({ id: `start-${s}`, type: 'stream.started', streamId: `st${s}`, streamer: { id: `streamer${s}`, tier: 'adult' }, audience: 'public', ts: 1_700_000_000_000 });
        batch.push({ id: `c-${s}-${r}`, type: 'stream.comment', streamId: `st${s}`, author: { id: `viewer${r % 5}` }, text: `nice stream ${r}`, ts: 1_700_000_000_000 + r * 1000 });
        if (r % 4 === 1) {
          batch.push({ id: `rep-${s}-${r}`, type: 'report.filed', streamId: `st${s}`, subject: { type: 'stream', id: `st${s}` }, reason: 'other' });
          reports++;
        }
      }
      total += batch.length;
      const res = await appendEvents(database, 'scaleout', batch, { bus });
      assert.equal(res.accepted.length, batch.length);
      await new Promise((res) => setTimeout(res, 15));
    }
    await bus.flush();

    await waitUntil('every event is processed', async () => (await queueDepth(database)).pending === 0, 45_000);
    await waitUntil('every effect is delivered', async () => (await outboxStats(database)).pending === 0, 30_000);
    assert.equal(await countProcessedEvents(database), total);

    // One review per report, each delivered (at least once) with a valid signature.
    const rows = await database.db
      .selectFrom('effects as e')
      .innerJoin('events as ev', 'ev.seq', 'e.event_seq')
      .innerJoin('outbox as o', 'o.effect_seq', 'e.seq')
      .select(['e.seq', 'e.event_seq', 'e.dedupe_key', 'ev.stream_key', 'o.delivery_id', 'o.status'])
      .orderBy('e.seq')
      .execute();
    const reviewRows = rows.filter((r) => r.dedupe_key.startsWith('enqueue_review:report:'));
    assert.equal(reviewRows.length, reports);
    assert.equal(new Set(rows.map((r) => r.dedupe_key)).size, rows.length);
    for (const r of rows) {
      assert.equal(r.status, 'delivered');
      assert.ok((receiver.deliveries.get(r.delivery_id) ?? 0) >= 1, `delivery ${r.delivery_id} reached the receiver`);
    }
    assert.equal(receiver.badSignatures(), 0);

    // Order per stream: effects were committed in the order of their events.
    const lastByStream = new Map<string, number>();
    for (const r of reviewRows) {
      const prev = lastByStream.get(r.stream_key) ?? 0;
      assert.ok(Number(r.event_seq) > prev, `effects of ${r.stream_key} follow event order`);
      lastByStream.set(r.stream_key, Number(r.event_seq));
    }

    // Every notice was acked (work-queue retention drops acked messages).
    const nc = await connect({ servers: natsUrl! });
    try {
      const jsm = await nc.jetstreamManager();
      await waitUntil('every notice is acked', async () => (await jsm.streams.info(stream)).state.messages === 0, 20_000);
    } finally {
      await nc.close();
    }

    for (const w of workers) w.child.kill('SIGTERM');
    const codes = await Promise.all(workers.map((w) => w.exited));
    assert.deepEqual(codes, [0, 0]);
    const stopped = workers.map((w) => w.logs.find((l) => l.msg === 'worker stopped') as { events: number } | undefined);
    assert.equal(stopped.reduce((s, x) => s + (x?.events ?? 0), 0), total);
    assert.ok(stopped.every((x) => (x?.events ?? 0) > 0), `both workers processed events: ${stopped.map((x) => x?.events).join(', ')}`);
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await bus.close();
    await receiver.close();
    await dropNatsStream(natsUrl!, stream).catch(() => undefined);
    await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
