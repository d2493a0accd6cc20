/**
 * Service pipeline benchmark: events/s and event-to-decision latency (event accepted = appendEvents resolved
 * after its commit → the event's detector results and effects committed by a worker), with the real
 * detectors, loopback only, bounded in time. Cases:
 *   sqlite         embedded SQLite (intake and worker share the process's one connection, as `serve` does);
 *   postgres       LIFEGUARD_BENCH_DATABASE_URL, else LIFEGUARD_TEST_DATABASE_URL, else the local test server
 *                  (a note is printed when unreachable).
 * Each case: open-loop (a steady offered load, LIFEGUARD_BENCH_RATE events/s, default 5000, sent every 10 ms;
 * latency p50/p99/max of every event), then saturation (batches of 500 as fast as intake goes; end-to-end
 * events/s). Mix: 70% chat messages over 500 conversations, 25% comments over 40 live streams, 5% reports.
 *   http-sqlite, http-postgres  the whole service: `lifeguard serve` in a child process (its in-process
 *                  worker), events POSTed to /v1/events; latency = 202 received → the report's review effect
 *                  received by a loopback webhook (so it includes the webhook delivery);
 *   http-sqlite-worker  the same with `serve --no-workers` plus one `lifeguard worker` process (two cores).
 * Run: npm run bench -- service   (LIFEGUARD_BENCH_CASES=sqlite,postgres,http-sqlite,http-postgres)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { PlatformEvent } from '../src/core/events.ts';
import { createDefaultDetectors } from '../src/pipeline/default-detectors.ts';
import { createPipeline, type Pipeline } from '../src/pipeline/pipeline.ts';
import { defaultPolicy } from '../src/core/safety-policy/policy-schema.ts';
import { createPipelineCaseIntake } from '../src/review/pipeline-case-intake.ts';
import { createLocalBus } from '../src/queue/event-bus.ts';
import { openDatabase, type Database } from '../src/store/database.ts';

const rate = Number(process.env.LIFEGUARD_BENCH_RATE ?? 5000);
const openLoopSeconds = Number(process.env.LIFEGUARD_BENCH_SECONDS ?? 6);
const saturationSeconds = 4;
const cases = (process.env.LIFEGUARD_BENCH_CASES ?? 'sqlite,postgres,http-sqlite,http-postgres').split(',');
const pgUrl = process.env.LIFEGUARD_BENCH_DATABASE_URL ?? process.env.LIFEGUARD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const texts = ['hi, how was school today?', 'that game was fun', 'see you at practice', 'what homework did we get?', 'nice stream!', 'lol that was great', 'how old are you?', 'can you share the link'];
const clock = () => performance.timeOrigin + performance.now();

function emit(figures: Record<string, unknown>): void {
  console.log(JSON.stringify({ bench: 'service', ...figures }));
}

function event(run: string, n: number): PlatformEvent {
  const r = n % 20;
  const ts = 1_700_000_000_000 + n;
  const id = `${run}-${n}`;
  if (r === 0) return { id, type: 'report.filed', streamId: `s${n % 40}`, subject: { type: 'stream', id: `s${n % 40}` }, reason: 'other', ts };
  if (r <= 5) return { id, type: 'stream.comment', streamId: `s${n % 40}`, author: { id: `v${n % 97}` }, text: texts[n % texts.length]!, ts };
  return { id, type: 'chat.message', conversationId: `c${n % 500}`, author: { id: `u${n % 2}-${n % 500}`, tier: 'teen' }, text: texts[n % texts.length]!, ts };
}

const pct = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Open loop: every 10 ms `send` what the schedule of `rate` events/s owes, at most `maxBatch` at a time (a late
 * tick catches up), for openLoopSeconds. Returns when sending started, how many were sent and for how long.
 */
async function openLoop(send: (count: number) => Promise<number>, maxBatch: number): Promise<{ start: number; sent: number; sendSeconds: number }> {
  const start = performance.now();
  let sent = 0;
  while (performance.now() - start < openLoopSeconds * 1000) {
    const owed = Math.floor(((performance.now() - start) / 1000) * rate) - sent;
    if (owed >= 1) sent += await send(Math.min(owed, maxBatch));
    const next = start + ((sent + rate / 100) / rate) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  return { start, sent, sendSeconds: (performance.now() - start) / 1000 };
}

/** The figures every open-loop case prints first, in this order (sorts `latencies`). */
function openLoopFigures(name: string, loop: { sent: number; sendSeconds: number }, processedEps: number | null, latencies: number[]) {
  latencies.sort((a, b) => a - b);
  return {
    case: name,
    mode: 'open-loop',
    offered_eps: rate,
    events: loop.sent,
    accepted_eps: Math.round(loop.sent / loop.sendSeconds),
    processed_eps: processedEps,
    p50_ms: r2(pct(latencies, 50)),
    p99_ms: r2(pct(latencies, 99)),
    max_ms: r2(latencies.at(-1) ?? NaN),
  };
}

async function runCase(name: string, database: Database): Promise<void> {
  const accepted = new Map<number, number>();
  const latencies: number[] = [];
  const work = { batches: 0, ms: 0, appends: 0, appendMs: 0, processed: 0 };
  const onBatch = (seqs: number[], committedAt: number, durationMs: number) => {
    work.batches++;
    work.ms += durationMs;
    work.processed += seqs.length;
    for (const s of seqs) {
      const a = accepted.get(s);
      if (a !== undefined) {
        latencies.push(committedAt - a);
        accepted.delete(s);
      }
    }
  };
  const bus = createLocalBus();
  const pipeline: Pipeline = createPipeline({ database, bus, detectors: [] });
  // As `serve` runs it: review effects (the 5% reports) open or join review cases in the worker's transaction.
  const caseIntake = createPipelineCaseIntake(database, defaultPolicy().review);
  const runner = createPipeline({ database, bus, detectors: createDefaultDetectors(), caseIntake }).createWorker({
    batchSize: 512,
    onBatch: (o) => onBatch(o.events.map((e) => e.seq), clock(), o.durationMs),
  });
  await runner.start();

  const append = async (batch: PlatformEvent[]) => {
    const a0 = performance.now();
    const res = await pipeline.appendEvents('bench', batch);
    const t = clock();
    work.appends++;
    work.appendMs += performance.now() - a0;
    for (const a of res.accepted) accepted.set(a.seq, t);
    return res.accepted.length;
  };

  // Warm-up to a steady state (JIT, lexicons, detector states of every conversation and stream): 10,000 events.
  let n = 0;
  for (let i = 0; i < 200; i++) await append(Array.from({ length: 50 }, () => event('w', n++)));
  await runner.drain();
  latencies.length = 0;
  Object.assign(work, { batches: 0, ms: 0, appends: 0, appendMs: 0, processed: 0 });

  const loop = await openLoop((count) => append(Array.from({ length: count }, () => event('o', n++))), rate / 10);
  await runner.drain();
  const total = (performance.now() - loop.start) / 1000;
  emit({
    ...openLoopFigures(name, loop, Math.round(loop.sent / total), latencies),
    intake_batch_ms: r2(work.appendMs / work.appends),
    intake_batch_events: Math.round(loop.sent / work.appends),
    worker_batch_ms: r2(work.ms / work.batches),
    worker_batch_events: Math.round(work.processed / work.batches),
  });

  // Saturation: append as fast as intake goes while the worker drains concurrently.
  latencies.length = 0;
  const before = work.processed;
  const s0 = performance.now();
  let appended = 0;
  while (performance.now() - s0 < saturationSeconds * 1000) {
    appended += await append(Array.from({ length: 500 }, () => event('s', n++)));
    await new Promise((r) => setImmediate(r));
  }
  const appendSeconds = (performance.now() - s0) / 1000;
  await runner.drain();
  const seconds = (performance.now() - s0) / 1000;
  latencies.sort((a, b) => a - b);
  emit({
    case: name,
    mode: 'saturation',
    events: appended,
    intake_eps: Math.round(appended / appendSeconds),
    end_to_end_eps: Math.round((work.processed - before) / seconds),
    p50_ms: r2(pct(latencies, 50)),
    p99_ms: r2(pct(latencies, 99)),
  });
  await runner.stop();
  await bus.close();
}

for (const name of cases.filter((c) => c === 'sqlite')) {
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-bench-'));
  const url = join(dir, 'bench.sqlite');
  const database = await openDatabase({ url });
  try {
    await runCase(name, database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (cases.includes('postgres')) {
  const url = pgUrl;
  const pgSchema = `bench_${process.pid}`;
  let database: Database | undefined;
  try {
    database = await openDatabase({ url, pgSchema });
  } catch (e) {
    emit({ case: 'postgres', skipped: `PostgreSQL not reachable: ${(e as Error).message}` });
  }
  if (database) {
    try {
      await runCase('postgres', database);
    } finally {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`);
      await c.end();
    }
  }
}

/** Drives `lifeguard serve` over HTTP and measures 202 → webhook latency of report events. */
async function runHttpCase(name: string, env: Record<string, string>, workerProcess = false): Promise<void> {
  const secret = 'bench-webhook-secret-0123456789';
  const acceptedAt = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  const receiver = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const t = clock();
    res.writeHead(200).end();
    const key = (JSON.parse(raw) as { effect: { dedupeKey: string } }).effect.dedupeKey;
    const m = /^enqueue_review:report:(.+)$/.exec(key);
    if (!m) return;
    received++;
    const a = acceptedAt.get(m[1]!);
    if (a !== undefined) latencies.push(t - a);
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-bench-http-'));
  const childEnv = {
      ...process.env,
      LIFEGUARD_DATA_DIR: dir,
      LIFEGUARD_RATE_LIMIT_RPS: '0',
      LIFEGUARD_LOG_LEVEL: 'error',
      LIFEGUARD_NATS_URL: '',
      LIFEGUARD_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      LIFEGUARD_WEBHOOK_SECRET: secret,
      ...env,
  };
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, ['bin/lifeguard.js', 'serve', '--port', '0', ...(workerProcess ? ['--no-workers'] : [])], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  const worker = workerProcess ? spawn(process.execPath, ['bin/lifeguard.js', 'worker', '--poll-ms', '20'], { cwd, env: childEnv, stdio: ['ignore', 'ignore', 'inherit'] }) : undefined;
  try {
    let out = '';
    child.stdout!.setEncoding('utf8');
    const banner = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d: string) => {
        out += d;
        if (out.includes('Stop with Ctrl-C')) resolve(out);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
    });
    const base = /running at (http:\/\/\S+)/.exec(banner)![1]!;
    const token = /LIFEGUARD_ADMIN_KEY=(\S+)/.exec(banner)![1]!;
    let n = 0;
    const post = async (events: PlatformEvent[]) => {
      const res = await fetch(`${base}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      const t = clock();
      if (res.status !== 202) throw new Error(`POST /v1/events answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      for (const e of events) if (e.type === 'report.filed') acceptedAt.set(e.id, t);
      return events.length;
    };
    for (let i = 0; i < 20; i++) await post(Array.from({ length: 50 }, () => event('hw', n++)));
    const reportsBefore = () => Array.from(acceptedAt.keys()).length;
    await new Promise((r) => setTimeout(r, 1000));
    latencies.length = 0;
    acceptedAt.clear();
    received = 0;

    const loop = await openLoop((count) => post(Array.from({ length: count }, () => event('h', n++))), 1000);
    const reports = reportsBefore();
    const deadline = performance.now() + 30_000;
    while (received < reports && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const total = (performance.now() - loop.start) / 1000;
    emit({
      ...openLoopFigures(name, loop, received >= reports ? Math.round(loop.sent / total) : null, latencies),
      samples: latencies.length,
      missing_effects: reports - received,
    });
  } finally {
    for (const c of [child, worker]) {
      if (!c) continue;
      c.kill('SIGTERM');
      await new Promise((r) => c.once('exit', r));
    }
    receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (cases.includes('http-sqlite')) await runHttpCase('http-sqlite', {});
if (cases.includes('http-sqlite-worker')) await runHttpCase('http-sqlite-worker', {}, true);
if (cases.includes('http-postgres')) {
  const pgSchema = `bench_http_${process.pid}`;
  try {
    await runHttpCase('http-postgres', { LIFEGUARD_DATABASE_URL: pgUrl, LIFEGUARD_PG_SCHEMA: pgSchema });
  } catch (e) {
    emit({ case: 'http-postgres', skipped: (e as Error).message.slice(0, 300) });
  } finally {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect().then(() => c.query(`DROP SCHEMA IF EXISTS ${pgSchema} CASCADE`)).catch(() => undefined);
    await c.end().catch(() => undefined);
  }
}
