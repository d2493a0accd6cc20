/**
 * POST /v1/content and /v1/content/match-hash through the real hasher, bank store and matcher: decisions,
 * encrypted retention only for matched or reported media, and every kind of bad upload (image bombs too).
 * Pictures are generated benign patterns.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../src/server/test-app.ts';
import { testDatabases } from './support/databases.ts';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0; // the test app's default LIFEGUARD_FFMPEG

/** A benign test picture: a diagonal gradient with a few circles, as PNG (or JPEG). */
async function picture(seed: number, format: 'png' | 'jpeg' = 'png', size = 256): Promise<Buffer> {
  const circles = [0, 1, 2]
    .map((i) => `<circle cx="${(seed * 37 + i * 71) % size}" cy="${(seed * 53 + i * 29) % size}" r="${20 + ((seed + i) % 5) * 9}" fill="rgb(${(seed * 40) % 255},${(i * 90) % 255},200)"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><defs><linearGradient id="g"><stop offset="0" stop-color="#${(seed * 1234567) % 0xffffff}"/><stop offset="1" stop-color="#f0e0a0"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${circles}</svg>`;
  const img = sharp(Buffer.from(svg));
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 80 }).toBuffer();
}

/** A PNG whose header claims 20000x20000 pixels (400 megapixels) around a tiny real image: an image bomb. */
async function imageBomb(): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } }).png().toBuffer());
  png.writeUInt32BE(20000, 16);
  png.writeUInt32BE(20000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)) >>> 0, 29);
  return png;
}

for (const target of testDatabases()) describe(`${target.name}: content API`, () => {
  let t: TestApp;
  let strict: TestApp;
  let content: string;
  let banks: string;
  let review: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    const opened = await target.open();
    t = await createTestApp(opened.database);
    strict = await createTestApp(opened.database, { env: { LIFEGUARD_MAX_IMAGE_PIXELS: '10000', LIFEGUARD_MAX_UPLOAD_BYTES: '60000' } });
    cleanup = async () => {
      await t.close();
      await strict.close();
      await opened.cleanup();
    };
    [content, banks, review] = [await t.token('content'), await t.token('banks'), await t.token('review')];
    assert.equal((await t.call('POST', '/v1/banks', { token: banks, json: { name: 'known-test', description: 'test bank of generated patterns' } })).status, 201);
  });
  after(() => cleanup());

  const upload = (bytes: Buffer, query = '', type = 'image/png', app = t) =>
    app.call('POST', `/v1/content${query}`, { token: content, body: bytes, headers: { 'content-type': type } });

  test('no match: allow, hashes returned, only hashes kept', async () => {
    const img = await picture(1);
    const res = await upload(img, '?clientId=upload-1');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.decision, 'allow');
    assert.match(res.body.hashes.pdq, /^[0-9a-f]{64}$/);
    assert.match(res.body.hashes.md5, /^[0-9a-f]{32}$/);
    assert.equal(res.body.retained, false);
    assert.deepEqual([res.body.width, res.body.height], [256, 256]);
    const rec = await t.call('GET', `/v1/content/${res.body.id}`, { token: review });
    assert.equal(rec.status, 200);
    assert.equal(rec.body.clientId, 'upload-1');
    assert.equal(rec.body.retained, false);
    assert.equal(await t.deps.content.getSealedMedia(res.body.id), undefined, 'no media stored');
  });

  test('exact match: block, media retained encrypted (AES-256-GCM, bound to the record)', async () => {
    const img = await picture(2);
    const first = await upload(img);
    const add = await t.call('POST', '/v1/banks/known-test/entries', { token: banks, json: { entries: [{ type: 'md5', value: first.body.hashes.md5.toUpperCase(), category: 'test' }] } });
    assert.deepEqual(add.body, { added: 1, merged: 0, flagged: 0 });
    const res = await upload(img);
    assert.equal(res.body.decision, 'block');
    assert.equal(res.body.matches[0].bank, 'known-test');
    assert.equal(res.body.matches[0].signalType, 'md5');
    assert.match(res.body.reasons[0], /exact md5 match in bank 'known-test'/);
    assert.equal(res.body.retained, true);
    const sealed = await t.deps.content.getSealedMedia(res.body.id);
    assert.ok(sealed);
    assert.equal(sealed.includes(img.subarray(100, 164)), false, 'stored bytes are ciphertext');
    assert.deepEqual(t.deps.cipher.open(sealed, res.body.id), img);
    assert.throws(() => t.deps.cipher.open(sealed, first.body.id), { code: 'media_decrypt_failed' });
  });

  test('PDQ: a re-encoded copy of a banked picture is caught; a different picture is not', async () => {
    const original = await picture(3);
    const h = (await upload(original)).body.hashes;
    await t.call('POST', '/v1/banks/known-test/entries', { token: banks, json: { entries: [{ type: 'pdq', value: h.pdq, quality: h.quality }] } });
    const copy = await upload(await picture(3, 'jpeg'), '', 'image/jpeg');
    assert.notEqual(copy.body.decision, 'allow', JSON.stringify(copy.body));
    assert.equal(copy.body.matches[0].signalType, 'pdq');
    assert.ok(copy.body.matches[0].distance <= 31);
    assert.equal(copy.body.retained, true);
    assert.equal((await upload(await picture(40))).body.decision, 'allow');
  });

  test('multipart upload; reported content is retained without a match', async () => {
    const img = await picture(5);
    const form = new FormData();
    form.set('clientId', 'reported-1');
    form.set('reported', 'true');
    form.set('file', new Blob([img], { type: 'image/png' }), 'x.png');
    const res = await t.call('POST', '/v1/content', { token: content, body: form });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.decision, 'allow');
    assert.equal(res.body.clientId, 'reported-1');
    assert.equal(res.body.retained, true);
    assert.deepEqual(t.deps.cipher.open((await t.deps.content.getSealedMedia(res.body.id))!, res.body.id), img);
  });

  test('match by hash value', async () => {
    const img = await picture(2);
    const md5 = (await upload(img)).body.hashes.md5;
    const hit = await t.call('POST', '/v1/content/match-hash', { token: content, json: { type: 'md5', value: md5 } });
    assert.deepEqual([hit.status, hit.body.decision], [200, 'block']);
    const miss = await t.call('POST', '/v1/content/match-hash', { token: content, json: { type: 'sha256', value: 'a'.repeat(64) } });
    assert.deepEqual([miss.body.decision, miss.body.matches], ['allow', []]);
    const bad = await t.call('POST', '/v1/content/match-hash', { token: content, json: { type: 'pdq', value: 'xyz' } });
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'invalid_body']);
    const unknownBank = await t.call('POST', '/v1/content/match-hash', { token: content, json: { type: 'md5', value: md5, banks: ['no-such-bank'] } });
    assert.equal(unknownBank.status, 404);
  });

  test('bad uploads get a clear 4xx with a stable code, and the service keeps working', async () => {
    const png = await picture(6);
    const cases: [string, () => ReturnType<TestApp['call']>, number, string][] = [
      ['empty body', () => upload(Buffer.alloc(0)), 400, 'empty_body'],
      ['not an image', () => upload(Buffer.from('just some text, not a picture'), '', 'application/octet-stream'), 415, 'image_unsupported_format'],
      ['truncated image', () => upload(png.subarray(0, 200)), 400, 'image_truncated'],
      ['text content type', () => upload(png, '', 'text/plain'), 415, 'unsupported_media_type'],
      // With ffmpeg a broken video is 400; without it video is off and any video is the documented 415.
      hasFfmpeg
        ? ['broken video', () => upload(Buffer.from('not a video at all '.repeat(20)), '', 'video/mp4'), 400, 'invalid_video']
        : ['video without ffmpeg', () => upload(Buffer.from('not a video at all '.repeat(20)), '', 'video/mp4'), 415, 'video_unsupported'],
      ['bad option', () => upload(png, '?reported=maybe'), 400, 'invalid_query'],
      ['multipart without a file', () => t.call('POST', '/v1/content', { token: content, body: (() => { const f = new FormData(); f.set('clientId', 'x'); return f; })() }), 400, 'missing_file'],
      ['broken multipart', () => upload(Buffer.from('--zz\r\nnonsense'), '', 'multipart/form-data; boundary=zz'), 400, 'malformed_multipart'],
      ['image bomb (20000x20000 header)', async () => upload(await imageBomb()), 413, 'image_too_large'],
      ['over the pixel limit', () => upload(png, '', 'image/png', strict), 413, 'image_too_large'],
      ['over the byte limit', async () => upload(Buffer.concat([png, Buffer.alloc(70_000)]), '', 'image/png', strict), 413, 'body_too_large'],
      ['unknown content id', () => t.call('GET', '/v1/content/cnt_nope', { token: review }), 404, 'not_found'],
    ];
    for (const [name, run, status, code] of cases) {
      const res = await run();
      assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code, name);
    }
    assert.equal((await upload(png)).status, 200, 'still serving');
  });

  test('a video upload is sampled and matched frame by frame; an exact file match blocks it', async (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'lg-video-'));
    try {
      const path = join(dir, 'pattern.mp4');
      const made = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=96x64:rate=5:duration=2', '-pix_fmt', 'yuv420p', path]);
      if (made.error || made.status !== 0) return ctx.skip('ffmpeg is not available');
      const bytes = readFileSync(path);
      const first = await upload(bytes, '', 'video/mp4');
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.decision, 'allow');
      assert.equal(first.body.video.frameCount, 2);
      assert.equal(first.body.retained, false);
      await t.call('POST', '/v1/banks/known-test/entries', { token: banks, json: { entries: [{ type: 'sha256', value: first.body.hashes.sha256 }] } });
      const again = await upload(bytes, '', 'video/mp4');
      assert.deepEqual([again.body.decision, again.body.retained], ['block', true]);
      assert.deepEqual(readdirSync(join(t.deps.config.dataDir, 'tmp')), [], 'the temporary video file is gone');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('content decisions are counted in /metrics', async () => {
    const admin = await t.token('admin');
    const m = await t.call('GET', '/metrics', { token: admin });
    assert.match(m.body, /lifeguard_decisions_total\{kind="block",source="content"\} [1-9]/);
    assert.match(m.body, /lifeguard_decisions_total\{kind="allow",source="content"\} [1-9]/);
  });
});
