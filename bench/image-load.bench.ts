/**
 * Memory under allowed images: `lifeguard serve` in a child process (defaults, SQLite, 127.0.0.1, port 0)
 * receives (1) LIFEGUARD_BENCH_UPLOADS (default 32) uploads of a 7000×7000 PNG (49 Mpx decoded, under the
 * default 50 Mpx limit) to POST /v1/content at concurrency LIFEGUARD_BENCH_CONCURRENCY (16), then (2) one
 * POST /v1/events with LIFEGUARD_BENCH_FRAMES (38) such pictures as `stream.frame` imageBase64.
 * Prints every request's status (or the transport error, e.g. a reset) and time, and the server's peak RSS
 * (VmHWM from /proc, Linux). Extra environment (e.g. LIFEGUARD_DECODE_MEMORY_MB) is passed to serve.
 * Run: npm run bench -- image-load
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { patternPng } from '../test/support/pattern-png.ts';

const uploads = Number(process.env.LIFEGUARD_BENCH_UPLOADS ?? 32);
const concurrency = Number(process.env.LIFEGUARD_BENCH_CONCURRENCY ?? 16);
const frames = Number(process.env.LIFEGUARD_BENCH_FRAMES ?? 38);
const side = Number(process.env.LIFEGUARD_BENCH_SIDE ?? 7000);

const emit = (figures: Record<string, unknown>) => console.log(JSON.stringify({ bench: 'image-load', ...figures }));
const mb = (kb: number) => Math.round(kb / 1024);

/** Peak and current resident set size of `pid` in kB (Linux). */
function rss(pid: number): { peakKb: number; nowKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { peakKb: field('VmHWM'), nowKb: field('VmRSS') };
}

/** One request's outcome: the status, or the transport error (a reset is `fetch failed`), and its time. */
async function send(url: string, init: RequestInit): Promise<{ status: number | string; ms: number; code?: string; retryAfter?: string }> {
  const t = performance.now();
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    } catch {
      // not JSON
    }
    const retryAfter = res.headers.get('retry-after') ?? undefined;
    return { status: res.status, ms: Math.round(performance.now() - t), ...(code ? { code } : {}), ...(retryAfter ? { retryAfter } : {}) };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return { status: `error: ${(e as Error).message}${cause ? ` (${cause})` : ''}`, ms: Math.round(performance.now() - t) };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'lifeguard-bench-image-load-'));
const cwd = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(process.execPath, ['bin/lifeguard.js', 'serve', '--host', '127.0.0.1', '--port', '0'], {
  cwd,
  env: { ...process.env, LIFEGUARD_DATA_DIR: dir, LIFEGUARD_LOG_LEVEL: 'warn', LIFEGUARD_WEBHOOK_URL: '', LIFEGUARD_DATABASE_URL: '', LIFEGUARD_NATS_URL: '' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let stderr = '';
child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
try {
  let out = '';
  child.stdout!.setEncoding('utf8');
  const banner = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: string) => {
      out += d;
      if (out.includes('Stop with Ctrl-C')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}${stderr}`)));
    setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
  });
  const base = /running at (http:\/\/\S+)/.exec(banner)![1]!;
  const token = /LIFEGUARD_ADMIN_KEY=(\S+)/.exec(banner)![1]!;
  const auth = { authorization: `Bearer ${token}` };
  const png = await patternPng(side, side, 1);
  const idle = rss(child.pid!);
  emit({ case: 'setup', image: `${side}x${side} PNG`, image_bytes: png.length, decoded_mpx: Math.round((side * side) / 1e5) / 10, idle_rss_mb: mb(idle.nowKb) });

  // (1) uploads at a fixed concurrency.
  const results: Awaited<ReturnType<typeof send>>[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < uploads) {
        const i = next++;
        results[i] = await send(`${base}/v1/content?clientId=u${i}`, { method: 'POST', headers: { ...auth, 'content-type': 'image/png' }, body: png });
      }
    }),
  );
  const afterUploads = rss(child.pid!);
  const count = (rs: typeof results) => rs.reduce<Record<string, number>>((m, r) => ((m[String(r.status)] = (m[String(r.status)] ?? 0) + 1), m), {});
  emit({
    case: 'uploads',
    requests: uploads,
    concurrency,
    seconds: Math.round(performance.now() - t0) / 1000,
    statuses: count(results),
    answered: results.filter((r) => typeof r.status === 'number').length,
    peak_rss_mb: mb(afterUploads.peakKb),
    each: results.map((r, i) => ({ i, ...r })),
  });

  // (2) one batch of `frames` frames sent as image bytes, then (3) one of 4 (196 Mpx: within the default
  // per-batch budget of 200 Mpx, so it is decoded and hashed).
  const b64 = png.toString('base64');
  const batchOf = (n: number, tag: string) =>
    JSON.stringify({
      events: [
        { id: `bench-${tag}-start`, type: 'stream.started', streamId: `bench-${tag}`, streamer: { id: 'bench-streamer', tier: 'adult' }, audience: 'public' },
        ...Array.from({ length: n }, (_, i) => ({ id: `bench-${tag}-f${i}`, type: 'stream.frame', streamId: `bench-${tag}`, imageBase64: b64 })),
      ],
    });
  const batches: Awaited<ReturnType<typeof send>>[] = [];
  for (const [n, tag] of [[frames, 'big'], [4, 'small']] as const) {
    const body = batchOf(n, tag);
    const batch = await send(`${base}/v1/events`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
    batches.push(batch);
    emit({ case: `frames-batch-${n}`, frames: n, body_mb: Math.round(body.length / 1e5) / 10, ...batch, peak_rss_mb: mb(rss(child.pid!).peakKb) });
  }
  const end = rss(child.pid!);
  emit({
    case: 'summary',
    peak_rss_mb: mb(end.peakKb),
    target_mb: 1024,
    every_request_answered: results.every((r) => typeof r.status === 'number') && batches.every((b) => typeof b.status === 'number'),
    server_alive: child.exitCode === null,
  });
} finally {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  if (stderr.trim() !== '') console.error(stderr.trim().split('\n').slice(-5).join('\n'));
  rmSync(dir, { recursive: true, force: true });
}
