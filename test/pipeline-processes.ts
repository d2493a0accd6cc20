/**
 * Test helpers for multi-process pipeline tests: a loopback webhook receiver that records deliveries, and
 * `lifeguard worker` child processes whose JSON log lines can be awaited. Loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { verifyWebhookSignature } from '../src/delivery/webhook-signature.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const webhookSecret = 'scaleout-test-secret-0123456789';

/** Records every delivery; answers 200 (or what `status()` says). */
export async function startReceiver(status: () => number = () => 200) {
  const deliveries = new Map<string, number>();
  const bodies = new Map<string, { effect: { dedupeKey: string; kind: string } }>();
  let badSignatures = 0;
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (!verifyWebhookSignature(webhookSecret, req.headers['lifeguard-signature'] as string, raw)) badSignatures++;
    const id = String(req.headers['lifeguard-delivery']);
    deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
    bodies.set(id, JSON.parse(raw));
    res.writeHead(status()).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    deliveries,
    bodies,
    badSignatures: () => badSignatures,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

export interface ChildHandle {
  child: ChildProcess;
  /** Parsed JSON log lines so far (stderr). */
  logs: Record<string, unknown>[];
  /** Lines printed on stdout so far. */
  lines: string[];
  /** Resolves with the first stdout line matching `re`. */
  waitForLine(re: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the first log line whose msg is `msg` (rejects on exit or timeout). */
  waitFor(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** Starts `node bin/lifeguard.js <args>` (or a script) with `env`, collecting its JSON log lines. */
export function startChild(args: string[], env: Record<string, string>): ChildHandle {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Record<string, unknown>[] = [];
  const listeners = new Set<() => void>();
  let buf = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: 'raw', line });
      }
      for (const l of listeners) l();
    }
  });
  const lines: string[] = [];
  let outBuf = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (d: string) => {
    outBuf += d;
    let i;
    while ((i = outBuf.indexOf('\n')) >= 0) {
      lines.push(outBuf.slice(0, i));
      outBuf = outBuf.slice(i + 1);
      for (const l of listeners) l();
    }
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const waitFor = <T>(what: string, find: () => T | undefined, timeoutMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const hit = find();
        if (hit !== undefined) {
          cleanup();
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; logs: ${JSON.stringify(logs.slice(-8))}`));
      }, timeoutMs);
      const onExit = () => {
        cleanup();
        reject(new Error(`process exited before ${what}; logs: ${JSON.stringify(logs.slice(-12))}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', onExit);
      };
      listeners.add(check);
      child.once('exit', onExit);
      check();
    });
  return {
    child,
    logs,
    lines,
    exited,
    waitForLine: (re, timeoutMs = 20_000) =>
      waitFor(String(re), () => {
        for (const l of lines) {
          const m = re.exec(l);
          if (m) return m;
        }
        return undefined;
      }, timeoutMs),
    waitFor: (msg, timeoutMs = 20_000) => waitFor(`"${msg}"`, () => logs.find((l) => l.msg === msg), timeoutMs),
  };
}

/** Polls `check` until it returns true or `timeoutMs` passes (then throws with `what`). */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
