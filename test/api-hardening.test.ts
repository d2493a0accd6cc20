/**
 * Issue 10 through the HTTP app, on SQLite (and PostgreSQL in CI): a bad frame names its index and id and
 * nothing of the batch is stored; the per-batch pixel budget; 405 with Allow; video without ffmpeg is a
 * documented 415 and /readyz says which media types are on; no webhook URL, no outbox rows.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { getEvent } from '../src/store/event-store.ts';
import { testDatabases, type TestDatabase } from './support/databases.ts';
import { startReceiver } from './pipeline-processes.ts';

const chat = (id: string) => ({ id, type: 'chat.message', conversationId: 'hc-1', author: { id: 'acct-a', tier: 'adult' }, text: 'see you at practice' });
const frame = (id: string, bytes: Buffer) => ({ id, type: 'stream.frame', streamId: 'hs-1', imageBase64: bytes.toString('base64') });
const report = (id: string) => ({ id, type: 'report.filed', subject: { type: 'account', id: 'acct-z' }, reason: 'other' });
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

/** A benign 48×32 gradient PNG. */
async function smallPng(seed = 0): Promise<Buffer> {
  const px = Buffer.alloc(48 * 32 * 3);
  for (let i = 0; i < px.length; i++) px[i] = (i * (seed + 3)) & 255;
  return sharp(px, { raw: { width: 48, height: 32, channels: 3 } }).png().toBuffer();
}

async function open(target: TestDatabase, env: Record<string, string> = {}) {
  const opened = await target.open();
  const t = await createTestApp(opened.database, { env });
  return { t, cleanup: async () => (await t.close(), await opened.cleanup()) };
}

for (const target of testDatabases()) {
  describe(`${target.name}: hardening`, () => {
    let t: TestApp;
    let token: string;
    let cleanup: () => Promise<void>;
    before(async () => {
      ({ t, cleanup } = await open(target, { LIFEGUARD_MAX_BATCH_PIXELS: String(3 * 48 * 32) }));
      token = await t.token('events', 'content');
    });
    after(() => cleanup());

    test('a frame that is not an image fails the batch with its index and id; nothing of the batch is stored', async () => {
      const res = await t.call('POST', '/v1/events', { token, json: { events: [chat('hb-1'), frame('hb-bad', Buffer.from('this is not an image at all')), chat('hb-2')] } });
      assert.equal(res.status, 415);
      assert.equal(res.body.error.code, 'image_unsupported_format');
      assert.equal(res.body.error.detail.index, 1);
      assert.equal(res.body.error.detail.id, 'hb-bad');
      assert.match(res.body.error.message, /^event 1 \(hb-bad\) of type stream\.frame: imageBase64: /);
      for (const id of ['hb-1', 'hb-bad', 'hb-2']) assert.equal(await getEvent(t.deps.database, null, id), null, `${id} was not stored`);
      // The same batch without the bad frame goes through.
      const ok = await t.call('POST', '/v1/events', { token, json: { events: [chat('hb-1'), chat('hb-2')] } });
      assert.equal(ok.status, 202);
    });

    test('a truncated frame after good ones names the truncated one', async () => {
      const good = await smallPng(1);
      const res = await t.call('POST', '/v1/events', { token, json: { events: [frame('ht-ok', good), frame('ht-cut', good.subarray(0, good.length - 30))] } });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'image_truncated');
      assert.deepEqual([res.body.error.detail.index, res.body.error.detail.id], [1, 'ht-cut']);
      assert.equal(await getEvent(t.deps.database, null, 'ht-ok'), null, 'the good frame was not stored either');
    });

    test('frames over the per-batch pixel budget get 413 batch_pixels_too_large naming the frame that passed it', async () => {
      const png = await smallPng(2);
      const over = await t.call('POST', '/v1/events', { token, json: { events: [chat('hp-0'), ...[1, 2, 3, 4].map((i) => frame(`hp-${i}`, png))] } });
      assert.equal(over.status, 413);
      assert.equal(over.body.error.code, 'batch_pixels_too_large');
      assert.deepEqual([over.body.error.detail.index, over.body.error.detail.id], [4, 'hp-4']);
      assert.equal(await getEvent(t.deps.database, null, 'hp-0'), null);
      const within = await t.call('POST', '/v1/events', { token, json: { events: [chat('hp-0'), ...[1, 2, 3].map((i) => frame(`hp-${i}`, png))] } });
      assert.equal(within.status, 202);
      assert.equal(within.body.accepted.length, 4);
    });

    test('a known path with another method is 405 with Allow; an unknown path stays 404', async () => {
      const del = await t.call('DELETE', '/v1/events', { token });
      assert.equal(del.status, 405);
      assert.equal(del.body.error.code, 'method_not_allowed');
      assert.equal(del.headers.get('allow'), 'POST');
      const put = await t.call('PUT', '/v1/banks/some-bank', { token });
      assert.equal(put.status, 405);
      assert.equal(put.headers.get('allow'), 'DELETE, GET, HEAD');
      const head = await t.app.request('/healthz', { method: 'HEAD' });
      assert.equal(head.status, 200, 'HEAD, listed in Allow for GET routes, is served');
      const unknown = await t.call('GET', '/v1/no-such-thing', { token });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'route_not_found');
    });

    test('an SVG upload is refused in our words', async () => {
      const svg = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]><svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><text>&x;</text></svg>';
      const res = await t.call('POST', '/v1/content', { token, body: svg, headers: { 'content-type': 'image/svg+xml' } });
      assert.equal(res.status, 415);
      assert.equal(res.body.error.code, 'image_unsupported_format');
      assert.doesNotMatch(JSON.stringify(res.body), /entity|hostname|libxml|parser|line \d/i);
    });

    test('without a webhook URL no delivery is queued: effects stay pollable, the outbox stays empty', async () => {
      const res = await t.call('POST', '/v1/events', { token, json: { events: [report('ho-1'), report('ho-2')] } });
      assert.equal(res.status, 202);
      await t.drain();
      const fx = await t.call('GET', '/v1/effects?after=0&limit=100', { token });
      assert.ok(fx.body.items.length > 0, 'the reports produced effects');
      assert.ok(fx.body.items.every((e: { delivery: unknown }) => e.delivery === null), 'no delivery state: none was queued');
      const rows = await t.deps.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(rows.n), 0);
    });
  });

  describe(`${target.name}: media types`, () => {
    test('without ffmpeg: /readyz says video is disabled and a video upload is 415 video_unsupported (never 5xx)', async () => {
      const { t, cleanup } = await open(target, { LIFEGUARD_FFMPEG: '/nonexistent/bin/ffmpeg' });
      try {
        const token = await t.token('content');
        const ready = await t.call('GET', '/readyz');
        assert.equal(ready.status, 200, 'images-only is ready');
        assert.equal(ready.body.media.video, 'disabled');
        assert.ok(ready.body.media.images.includes('jpeg') && ready.body.media.images.includes('png'));
        for (const type of ['video/mp4', 'video/webm']) {
          const res = await t.call('POST', '/v1/content', { token, body: 'not really a video', headers: { 'content-type': type } });
          assert.equal(res.status, 415, type);
          assert.equal(res.body.error.code, 'video_unsupported');
          assert.match(res.body.error.message, /ffmpeg/);
        }
        const image = await t.call('POST', '/v1/content', { token, body: new Uint8Array(await smallPng(3)), headers: { 'content-type': 'image/png' } });
        assert.equal(image.status, 200, 'images still work');
      } finally {
        await cleanup();
      }
    });

    test('with ffmpeg: /readyz says video is enabled', { skip: hasFfmpeg ? false : 'ffmpeg is not installed (Debian package ffmpeg)' }, async () => {
      const { t, cleanup } = await open(target);
      try {
        const ready = await t.call('GET', '/readyz');
        assert.equal(ready.body.media.video, 'enabled');
      } finally {
        await cleanup();
      }
    });

    test('with a webhook URL every new effect gets an outbox row', async () => {
      const receiver = await startReceiver();
      const { t, cleanup } = await open(target, { LIFEGUARD_WEBHOOK_URL: receiver.url, LIFEGUARD_WEBHOOK_SECRET: 'scaleout-test-secret-0123456789' });
      try {
        const token = await t.token('events');
        assert.equal((await t.call('POST', '/v1/events', { token, json: { events: [report('hw-1')] } })).status, 202);
        await t.drain();
        const fx = await t.call('GET', '/v1/effects?after=0&limit=100', { token });
        assert.ok(fx.body.items.length > 0);
        const rows = await t.deps.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
        assert.equal(Number(rows.n), fx.body.items.length);
        assert.ok(receiver.deliveries.size > 0, 'and they were delivered');
      } finally {
        await cleanup();
        await receiver.close();
      }
    });
  });
}
