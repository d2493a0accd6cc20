/**
 * An app over a fresh test database (SQLite, or PostgreSQL via test/support/databases.ts) with real stores,
 * for tests that call `app.request()`: no socket, no process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { readEnv, type Config } from '../config/read-env.ts';
import { createMediaCipher } from '../crypto/media-cipher.ts';
import { loadOrCreateMediaKey } from '../crypto/media-key-file.ts';
import { createApiKeyStore, type ApiScope } from '../store/api-key-store.ts';
import { createContentStore } from '../store/content-store.ts';
import type { Database } from '../store/database.ts';
import type { AppDeps } from './app-deps.ts';
import type { AppEnv } from './app-env.ts';
import { buildRuntime, type Runtime } from './build-runtime.ts';
import { createBackgroundTasks } from './background-tasks.ts';
import { createApp } from './create-app.ts';
import { silentLogger, type Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import type { Services } from './services.ts';

export interface TestApp {
  app: Hono<AppEnv>;
  deps: AppDeps;
  /** The real runtime (services and unstarted workers); undefined when `services` was given. */
  runtime?: Runtime;
  /** Runs the workers until no event is waiting. */
  drain(): Promise<void>;
  close(): Promise<void>;
  /** Creates a key with `scopes` and returns its token. */
  token(...scopes: ApiScope[]): Promise<string>;
  /** `fetch`-like helper: JSON body in, parsed JSON (or text) out. */
  call(method: string, path: string, opts?: { token?: string; json?: unknown; body?: string | Uint8Array | Blob | FormData | ReadableStream; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
}

/** Builds an app over `database`; `env` adjusts config (e.g. limits), `services` replaces the real modules. */
export async function createTestApp(database: Database, opts: { env?: Record<string, string>; services?: Services; dataDir?: string; logger?: Logger } = {}): Promise<TestApp> {
  const logger = opts.logger ?? silentLogger;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'lifeguard-app-'));
  const config: Config = readEnv({ LIFEGUARD_RATE_LIMIT_RPS: '0', LIFEGUARD_LOG_LEVEL: 'silent', LIFEGUARD_EVIDENCE_PURGE_SECONDS: '0', LIFEGUARD_REFERRAL_RETRY_SECONDS: '0', ...opts.env }, { dataDir });
  const keys = createApiKeyStore(database);
  const metrics = createMetrics(async () => (runtime?.services.events ? runtime.services.events.queueDepth() : {}));
  // A test's own key when it sets LIFEGUARD_MEDIA_KEY (so a CLI run can open what the app sealed), else a random one.
  const cipher = createMediaCipher(config.mediaKey !== undefined ? loadOrCreateMediaKey(config.mediaKey, dataDir).key : randomBytes(32));
  const runtime = opts.services ? undefined : await buildRuntime({ database, config, logger, metrics, cipher });
  const deps: AppDeps = {
    config,
    database,
    keys,
    content: createContentStore(database),
    cipher,
    logger,
    metrics,
    services: opts.services ?? runtime!.services,
  };
  deps.tasks = createBackgroundTasks(logger);
  const app = createApp(deps);
  return {
    app,
    deps,
    ...(runtime ? { runtime } : {}),
    async drain() {
      for (const w of runtime?.workers ?? []) await w.drain();
    },
    async close() {
      await deps.tasks?.drain();
      await runtime?.close();
      if (opts.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
    async token(...scopes) {
      return (await keys.create({ name: `test ${scopes.join('+')}`, scopes })).token;
    },
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
      let body = o.body;
      if (o.json !== undefined) {
        body = JSON.stringify(o.json);
        headers['content-type'] ??= 'application/json';
      }
      const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON (e.g. /metrics)
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
  };
}
