/**
 * A seeded fuzzer of hostile requests against a real `lifeguard serve` on 127.0.0.1: every operation of
 * /openapi.json with broken, oversized, mistyped and malicious paths, queries, headers and bodies (JSON,
 * images, multipart, hash lists). Bounded: LIFEGUARD_FUZZ_REQUESTS (default 3000) or 150 s, whichever comes
 * first; LIFEGUARD_FUZZ_SEED picks the sequence. Every request must be answered, none with 5xx (a busy 503
 * with Retry-After is allowed), the process must survive and its peak RSS stay under 1 GB.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { seededRandom } from '../src/core/seeded-random.ts';
import { blackPng, pngWithHeader } from '../src/media/crafted-png.ts';
import { apiScopes } from '../src/store/api-key-store.ts';
import { startServeChild, type ServeChild } from './support/serve-child.ts';

const total = Number(process.env.LIFEGUARD_FUZZ_REQUESTS ?? 3000);
const seed = Number(process.env.LIFEGUARD_FUZZ_SEED ?? 20261204);
const budgetMs = 150_000;
const concurrency = 8;

let serve: ServeChild;
before(async () => {
  serve = await startServeChild();
});
after(() => serve?.stop());

type Op = { path: string; method: string; contentTypes: string[] };

test(`seeded fuzzing (seed ${seed}): no 5xx, every request answered, bounded memory`, async (t) => {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (n: number) => Math.floor(rnd() * n);
  const doc = (await (await fetch(`${serve.base}/openapi.json`)).json()) as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> };
  const ops: Op[] = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({ path, method: method.toUpperCase(), contentTypes: Object.keys(op.requestBody?.content ?? {}) })),
  );

  const admin = serve.adminToken;
  const scoped: string[] = [];
  for (const scope of apiScopes) {
    const res = await fetch(`${serve.base}/v1/keys`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `fuzz ${scope}`, scopes: [scope] }) });
    scoped.push(((await res.json()) as { token: string }).token);
  }
  // Something to find: a bank with an entry, so some requests reach deeper code.
  await fetch(`${serve.base}/v1/banks`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'fuzz-bank' }) });

  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 30, g: 160, b: 90 } } }).png().toBuffer();
  const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 60, b: 90 } } }).jpeg().toBuffer();
  const images = [png, jpeg, blackPng(8, 8), pngWithHeader(70_000, 70_000), pngWithHeader(0, 5), pngWithHeader(2 ** 31 - 1, 1)];
  const damaged = () => {
    const b = Buffer.from(pick(images));
    for (let i = 0, n = 1 + int(8); i < n; i++) b[int(b.length)] = int(256);
    return rnd() < 0.3 ? b.subarray(0, int(b.length)) : b;
  };
  const svg = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>&b;</text></svg>';
  const strings = ['', ' ', 'a', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '%', '%00', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '../../etc/passwd', "'; drop table events; --", '\u0000', '\ud800', '😀'.repeat(50), 'x'.repeat(5000), '__proto__', 'constructor', 'cnt_' + 'f'.repeat(32), 'key_0123abcd', 'fuzz-bank', '999999999999999999999', '-0', '0x10', ' 1 '];
  const values: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, '', 'x', 'x'.repeat(100_000), [], {}, [1, 2, 3], { a: 1 }, { __proto__: { admin: true } }, { constructor: { prototype: { polluted: 1 } } }, '😀', '\ud800', 'a'.repeat(64), 'f'.repeat(64)];
  const eventTypes = ['chat.message', 'stream.started', 'stream.ended', 'stream.viewer_joined', 'stream.comment', 'stream.gift', 'stream.frame', 'report.filed', 'age.signal', 'age.appeal', 'nope', ''];
  const fields = ['id', 'type', 'ts', 'conversationId', 'streamId', 'author', 'text', 'recipients', 'streamer', 'audience', 'viewer', 'connection', 'from', 'amount', 'pdq', 'imageBase64', 'subject', 'reason', 'account', 'method', 'age', 'dateOfBirth', 'contentId', 'name', 'scopes', 'type', 'value', 'banks', 'entries', 'hash', 'category', 'streamerTier', 'accountId', 'events'];
  const randomObject = (depth: number): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (let i = 0, n = int(6); i < n; i++) o[pick(fields)] = depth > 0 && rnd() < 0.3 ? randomObject(depth - 1) : pick(values);
    return o;
  };
  const randomEvent = () => {
    const e = randomObject(2);
    if (rnd() < 0.8) e.type = pick(eventTypes);
    if (rnd() < 0.8) e.id = `fz-${int(200)}`;
    if (e.type === 'stream.frame' && rnd() < 0.6) e.imageBase64 = rnd() < 0.5 ? damaged().toString('base64') : pick(['AAAA', '!!!', '', '====', png.toString('base64')]);
    if (rnd() < 0.3) e.author = { id: pick(strings), tier: pick(['child', 'adult', 'teen', 'x', '']) };
    return e;
  };
  // A lone surrogate cannot be URI-encoded: send its raw UTF-8-ish bytes percent-encoded instead.
  const enc = (v: string) => {
    try {
      return encodeURIComponent(v);
    } catch {
      return '%ED%A0%80';
    }
  };
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const jsonBody = (): string => {
    const r = rnd();
    if (r < 0.35) return JSON.stringify({ events: Array.from({ length: int(12) }, randomEvent) });
    if (r < 0.55) return JSON.stringify(randomObject(3));
    if (r < 0.62) return nested(1 + int(5000));
    if (r < 0.7) return JSON.stringify(randomObject(2)).slice(0, int(40));
    if (r < 0.76) return JSON.stringify({ events: Array.from({ length: 1001 + int(50) }, () => ({ id: 'x', type: 'chat.message' })) });
    if (r < 0.8) return '{"a":' + '1'.repeat(5000) + '}';
    if (r < 0.85) return JSON.stringify(pick(values));
    return Buffer.from(Array.from({ length: int(300) }, () => int(256))).toString('latin1');
  };
  const csv = () => ['type,hash,id', ...Array.from({ length: int(20) }, () => `${pick(['pdq', 'md5', 'sha256', 'x', ''])},${pick(strings)},${pick(strings)}`)].join(pick(['\n', '\r\n', '\r', '\u2028']));
  const multipart = (): { body: Buffer; type: string } => {
    const boundary = pick(['zz', 'x'.repeat(80), '', '--', 'a b']);
    const part = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${pick(['file', 'clientId', 'x', ''])}"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), rnd() < 0.5 ? damaged() : png, Buffer.from(rnd() < 0.7 ? `\r\n--${boundary}--\r\n` : '')]);
    return { body: part, type: `multipart/form-data; boundary=${boundary}` };
  };

  const request = (): { method: string; path: string; headers: Record<string, string>; body?: Buffer | string; label: string } => {
    const op = pick(ops);
    const method = rnd() < 0.85 ? op.method : pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
    let path = op.path.replace(/\{[^}]+\}/g, () => enc(pick(strings)).slice(0, 3000) || 'x');
    if (rnd() < 0.1) path = pick(['/', '/v1', '/v1/', '//v1//events', '/v1/events/', '/v1/%2e%2e/keys', '/v1/banks/..', '/v2/events', '/V1/EVENTS', '/help/' + 'G'.repeat(2000), '/openapi.json/..']);
    if (rnd() < 0.3) path += '?' + Array.from({ length: 1 + int(4) }, () => `${pick(['after', 'limit', 'kind', 'target', 'banks', 'clientId', 'reported', 'age', '__proto__[x]', 'a'])}=${enc(pick(strings)).slice(0, 2000)}`).join('&');
    const headers: Record<string, string> = {};
    const auth = rnd();
    if (auth < 0.65) headers.authorization = `Bearer ${admin}`;
    else if (auth < 0.85) headers.authorization = `Bearer ${pick(scoped)}`;
    else if (auth < 0.92) headers['x-api-key'] = pick(strings).replace(/[^\x20-\x7e]/g, '');
    if (rnd() < 0.1) headers['x-request-id'] = pick(strings).replace(/[^\x20-\x7e]/g, '');
    let body: Buffer | string | undefined;
    if (method === 'POST' || method === 'PUT' || method === 'PATCH' || (method === 'DELETE' && rnd() < 0.1)) {
      const type = op.contentTypes.length > 0 && rnd() < 0.85 ? pick(op.contentTypes) : pick(['application/json', 'text/plain', 'image/png', 'application/x-www-form-urlencoded', '', 'multipart/form-data']);
      if (type === 'multipart/form-data') {
        const m = multipart();
        body = m.body;
        headers['content-type'] = m.type;
      } else {
        if (type !== '') headers['content-type'] = type;
        if (type.startsWith('image/') || type === 'application/octet-stream') body = pick([damaged, () => pick(images), () => Buffer.from(svg)])();
        else if (type.startsWith('video/')) body = Buffer.from('not a video '.repeat(1 + int(50)));
        else if (type.startsWith('text/')) body = csv();
        else body = jsonBody();
      }
    }
    return { method, path, headers, ...(body !== undefined ? { body } : {}), label: `${method} ${path.slice(0, 80)} ${headers['content-type'] ?? ''}` };
  };

  const started = Date.now();
  let sent = 0;
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < total && Date.now() - started < budgetMs) {
        sent++;
        const r = request();
        try {
          const res = await fetch(`${serve.base}${r.path}`, { method: r.method, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const busy = res.status === 503 && res.headers.get('retry-after') !== null;
          if (res.status >= 500 && !busy) failures.push(`${res.status} ${r.label}: ${text.slice(0, 200)}`);
        } catch (e) {
          failures.push(`no answer: ${r.label}: ${(e as Error).message} ${(e as { cause?: Error }).cause?.message ?? ''}`);
        }
      }
    }),
  );
  const peak = serve.peakRssMb();
  t.diagnostic(`${sent} requests in ${Math.round((Date.now() - started) / 1000)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; peak RSS ${Math.round(peak)} MB`);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} requests failed`);
  assert.ok(sent >= Math.min(total, 500), `only ${sent} requests were sent in the time budget`);
  assert.ok(serve.alive(), 'the server is still running');
  assert.equal((await fetch(`${serve.base}/healthz`)).status, 200);
  if (!Number.isNaN(peak)) assert.ok(peak < 1024, `peak RSS ${Math.round(peak)} MB`);
});
