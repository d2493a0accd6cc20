/**
 * Memory under allowed images, bounded: a real `lifeguard serve` (defaults) on 127.0.0.1 receives 12 uploads
 * of a 7000×7000 PNG (49 Mpx decoded, under the 50 Mpx limit, ~55 KB on the wire) at once, then a batch of 38
 * such frames as image bytes. Every request must be answered with 2xx/4xx/429/503 (never a reset or another
 * 5xx) and the server's peak RSS stay under 1 GB. Speed is the benchmark's business
 * (`npm run bench -- image-load`), not this test's.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { patternPng } from './support/pattern-png.ts';
import { startServeChild, type ServeChild } from './support/serve-child.ts';

let serve: ServeChild;
let png: Buffer;
before(async () => {
  [serve, png] = await Promise.all([startServeChild(), patternPng(7000, 7000, 2)]);
});
after(() => serve?.stop());

const acceptable = (status: number) => (status >= 200 && status < 300) || (status >= 400 && status < 500) || status === 503;

async function send(path: string, init: RequestInit): Promise<{ status: number | string; code?: string; retryAfter: string | null }> {
  try {
    const res = await fetch(`${serve.base}${path}`, init);
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
    return { status: res.status, ...(body.error?.code ? { code: body.error.code } : {}), retryAfter: res.headers.get('retry-after') };
  } catch (e) {
    return { status: `no answer: ${(e as Error).message}`, retryAfter: null };
  }
}

test('12 concurrent 49-megapixel uploads and a 38-frame batch: all answered, bounded memory', async (t) => {
  const auth = { authorization: `Bearer ${serve.adminToken}` };
  const uploads = await Promise.all(
    Array.from({ length: 12 }, (_, i) => send(`/v1/content?clientId=big-${i}`, { method: 'POST', headers: { ...auth, 'content-type': 'image/png' }, body: png })),
  );
  const b64 = png.toString('base64');
  const batch = await send('/v1/events', {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ events: Array.from({ length: 38 }, (_, i) => ({ id: `big-f${i}`, type: 'stream.frame', streamId: 'big-s', imageBase64: b64 })) }),
  });
  const all = [...uploads, batch];
  t.diagnostic(`statuses ${JSON.stringify(all.map((r) => r.code ?? r.status))}; peak RSS ${Math.round(serve.peakRssMb())} MB`);
  for (const r of all) {
    assert.equal(typeof r.status, 'number', String(r.status));
    assert.ok(acceptable(r.status as number), `status ${r.status} ${r.code ?? ''}`);
    if (r.status === 503 || r.status === 429) assert.ok(r.retryAfter !== null, 'a refusal under load says when to retry');
  }
  assert.ok(uploads.some((r) => r.status === 200), 'large images are served, not only refused');
  assert.equal(batch.status, 413, 'the batch is over the per-batch pixel budget');
  assert.equal(batch.code, 'batch_pixels_too_large');
  assert.ok(serve.alive());
  assert.ok(serve.handle.lines.some((l) => /^ {2}media: +images \(jpeg, png/.test(l)), 'the start-up banner says which media types are on');
  const peak = serve.peakRssMb();
  if (!Number.isNaN(peak)) assert.ok(peak < 1024, `peak RSS ${Math.round(peak)} MB`);
});
