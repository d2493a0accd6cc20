/**
 * `lifeguard serve` as a child process on 127.0.0.1 with a random port and a fresh data directory, for tests
 * that attack the real HTTP server: its admin token, its base URL, its peak RSS (Linux /proc) and a stop.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild, type ChildHandle } from '../pipeline-processes.ts';

export interface ServeChild {
  base: string;
  adminToken: string;
  handle: ChildHandle;
  /** Peak resident set size so far (MB), from VmHWM; NaN where /proc is missing. */
  peakRssMb(): number;
  /** True while the process runs. */
  alive(): boolean;
  stop(): Promise<void>;
}

/** Starts serve with `env` (defaults otherwise; rate limit off, no webhook, SQLite in a temp dir). */
export async function startServeChild(env: Record<string, string> = {}): Promise<ServeChild> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-serve-child-'));
  const handle = startChild(['bin/lifeguard.js', 'serve', '--host', '127.0.0.1', '--port', '0'], {
    LIFEGUARD_DATA_DIR: dir,
    LIFEGUARD_RATE_LIMIT_RPS: '0',
    LIFEGUARD_LOG_LEVEL: 'warn',
    LIFEGUARD_DATABASE_URL: '',
    LIFEGUARD_NATS_URL: '',
    LIFEGUARD_WEBHOOK_URL: '',
    ...env,
  });
  try {
    await handle.waitForLine(/^Stop with Ctrl-C/, 60_000);
  } catch (e) {
    handle.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const base = (await handle.waitForLine(/running at (http:\/\/\S+)/))[1]!;
  const adminToken = (await handle.waitForLine(/LIFEGUARD_ADMIN_KEY=(\S+)/))[1]!;
  const pid = handle.child.pid!;
  return {
    base,
    adminToken,
    handle,
    peakRssMb() {
      try {
        const kb = Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
        return kb / 1024;
      } catch {
        return NaN;
      }
    },
    alive: () => handle.child.exitCode === null && handle.child.signalCode === null,
    async stop() {
      if (handle.child.exitCode === null && handle.child.signalCode === null) {
        handle.child.kill('SIGTERM');
        const timer = setTimeout(() => handle.child.kill('SIGKILL'), 15_000);
        await handle.exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
