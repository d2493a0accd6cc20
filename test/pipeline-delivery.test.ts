// Webhook outbox on SQLite and PostgreSQL: signed deliveries, retries with backoff, dead letters that stay
// listed and can be re-queued, stable delivery ids; plus the signature helper itself.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { backoffDelay } from '../src/delivery/backoff.ts';
import { createDeliveryWorker } from '../src/delivery/delivery-worker.ts';
import { signWebhook, verifyWebhookSignature } from '../src/delivery/webhook-signature.ts';
import { createPipeline } from '../src/pipeline/pipeline.ts';
import { createReportProcessor } from '../src/pipeline/report-processor.ts';
import { listEffects } from '../src/store/effect-store.ts';
import { outboxStats, requeueDeadDeliveries } from '../src/store/outbox-store.ts';
import { testDatabases } from './support/databases.ts';
import { report } from './pipeline-fixtures.ts';

const secret = 'test-secret-0123456789';

interface Received {
  deliveryId: string;
  attempt: number;
  valid: boolean;
  body: { deliveryId: string; effect: { dedupeKey: string } };
}

/** A loopback receiver that answers with `statusFor(n)` for its n-th request. */
async function receiver(statusFor: (n: number) => number) {
  const received: Received[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    received.push({
      deliveryId: String(req.headers['lifeguard-delivery']),
      attempt: Number(req.headers['lifeguard-attempt']),
      valid: verifyWebhookSignature(secret, req.headers['lifeguard-signature'] as string, raw),
      body: JSON.parse(raw),
    });
    res.writeHead(statusFor(received.length)).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

for (const target of testDatabases()) {
  test(`${target.name}: effects are delivered signed, retried after failures, and marked delivered`, async () => {
    const { database, cleanup } = await target.open();
    const hook = await receiver((n) => (n <= 2 ? 503 : 200));
    try {
      const pipeline = createPipeline({ database, detectors: [createReportProcessor()] });
      await pipeline.appendEvents(null, [report('r1', 's1'), report('r2', 's1')]);
      await pipeline.createWorker().drain();
      let clock = Date.now();
      const delivery = createDeliveryWorker({ database, webhookUrl: hook.url, secret, maxAttempts: 5, backoff: { baseMs: 1000, maxMs: 4000 }, now: () => clock, concurrency: 1 });
      await delivery.drain();
      assert.equal(hook.received.length, 2);
      assert.deepEqual(await outboxStats(database), { pending: 2, delivered: 0, dead: 0 });
      await delivery.drain(); // retries are not due yet
      assert.equal(hook.received.length, 2);
      clock += 5000;
      await delivery.drain();
      assert.equal(hook.received.length, 4);
      assert.deepEqual(await outboxStats(database), { pending: 0, delivered: 2, dead: 0 });
      assert.ok(hook.received.every((r) => r.valid));
      assert.deepEqual(hook.received.map((r) => r.attempt), [1, 1, 2, 2]);
      // Same effect → same delivery id on every attempt, and the id matches the body and the effect listing.
      const ids = new Set(hook.received.map((r) => r.deliveryId));
      assert.equal(ids.size, 2);
      const { effects } = await listEffects(database, { limit: 10 });
      assert.deepEqual(new Set(effects.map((e) => e.delivery?.id)), ids);
      assert.ok(effects.every((e) => e.delivery?.status === 'delivered' && e.delivery.attempts === 2));
      assert.ok(hook.received.every((r) => r.body.deliveryId === r.deliveryId));
    } finally {
      await hook.close();
      await cleanup();
    }
  });

  test(`${target.name}: a delivery that keeps failing goes dead, stays listed, and can be re-queued`, async () => {
    const { database, cleanup } = await target.open();
    let fail = true;
    const hook = await receiver(() => (fail ? 500 : 204));
    try {
      const pipeline = createPipeline({ database, detectors: [createReportProcessor()] });
      await pipeline.appendEvents(null, [report('r1', 's1')]);
      await pipeline.createWorker().drain();
      let clock = Date.now();
      const delivery = createDeliveryWorker({ database, webhookUrl: hook.url, secret, maxAttempts: 3, backoff: { baseMs: 10, maxMs: 10 }, now: () => clock });
      for (let i = 0; i < 4; i++) {
        await delivery.drain();
        clock += 1000;
      }
      assert.equal(hook.received.length, 3);
      assert.deepEqual(await outboxStats(database), { pending: 0, delivered: 0, dead: 1 });
      const [dead] = (await listEffects(database, { limit: 10 })).effects;
      assert.equal(dead?.delivery?.status, 'dead');
      assert.equal(dead?.delivery?.lastError, 'HTTP 500');
      assert.equal(await requeueDeadDeliveries(database, { now: clock }), 1);
      fail = false;
      await delivery.drain();
      assert.deepEqual(await outboxStats(database), { pending: 0, delivered: 1, dead: 0 });
      assert.equal(hook.received.at(-1)?.deliveryId, hook.received[0]?.deliveryId);
    } finally {
      await hook.close();
      await cleanup();
    }
  });

  test(`${target.name}: network errors are retried like failed answers`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const pipeline = createPipeline({ database, detectors: [createReportProcessor()] });
      await pipeline.appendEvents(null, [report('r1', 's1')]);
      await pipeline.createWorker().drain();
      let calls = 0;
      const flaky: typeof fetch = async () => {
        calls++;
        if (calls === 1) throw new TypeError('fetch failed: connection refused');
        return new Response(null, { status: 200 });
      };
      let clock = Date.now();
      const delivery = createDeliveryWorker({ database, webhookUrl: 'http://127.0.0.1:9/none', secret, fetch: flaky, backoff: { baseMs: 100, maxMs: 100 }, now: () => clock });
      await delivery.drain();
      const [e] = (await listEffects(database, { limit: 1 })).effects;
      assert.equal(e?.delivery?.status, 'pending');
      assert.match(e?.delivery?.lastError ?? '', /connection refused/);
      clock += 200;
      await delivery.drain();
      assert.equal(calls, 2);
      assert.deepEqual(await outboxStats(database), { pending: 0, delivered: 1, dead: 0 });
    } finally {
      await cleanup();
    }
  });
}

test('webhook signatures verify only for the right secret, body and time window', () => {
  const body = '{"a":1}';
  const header = signWebhook(secret, body, 1_700_000_000);
  assert.match(header, /^t=1700000000,v1=[0-9a-f]{64}$/);
  assert.equal(verifyWebhookSignature(secret, header, body, 300, 1_700_000_100), true);
  assert.equal(verifyWebhookSignature(secret, header, '{"a":2}', 300, 1_700_000_100), false);
  assert.equal(verifyWebhookSignature('another-secret-012345', header, body, 300, 1_700_000_100), false);
  assert.equal(verifyWebhookSignature(secret, header, body, 300, 1_700_001_000), false);
  assert.equal(verifyWebhookSignature(secret, 'garbage', body), false);
  assert.equal(verifyWebhookSignature(secret, undefined, body), false);
  // Rotation: a header with an old and a new signature passes with either secret.
  const rotated = `${header},v1=${signWebhook('old-secret-0123456789', body, 1_700_000_000).split('v1=')[1]}`;
  assert.equal(verifyWebhookSignature('old-secret-0123456789', rotated, body, 300, 1_700_000_000), true);
});

test('backoff grows exponentially, is capped, and keeps half of it as jitter', () => {
  const opts = { baseMs: 1000, maxMs: 8000 };
  assert.equal(backoffDelay(1, opts, () => 0), 500);
  assert.equal(backoffDelay(1, opts, () => 0.999999), 1000);
  assert.equal(backoffDelay(3, opts, () => 0), 2000);
  assert.equal(backoffDelay(10, opts, () => 0), 4000);
  assert.equal(backoffDelay(10, opts, () => 0.999999), 8000);
});
