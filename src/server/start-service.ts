/**
 * Starts the whole service from a Config: database (migrated), first admin key, media key, HTTP server,
 * and — unless disabled — the in-process workers. `close()` shuts down in order: stop accepting, finish
 * requests in flight, stop workers, close the database.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Config } from '../config/read-env.ts';
import { createMediaCipher } from '../crypto/media-cipher.ts';
import { loadOrCreateMediaKey } from '../crypto/media-key-file.ts';
import { createApiKeyStore } from '../store/api-key-store.ts';
import { createContentStore } from '../store/content-store.ts';
import { openDatabase, redactUrl } from '../store/database.ts';
import { failInterruptedJobs } from '../store/job-store.ts';
import { createBackgroundTasks } from './background-tasks.ts';
import { buildRuntime, type Runtime } from './build-runtime.ts';
import { createApp } from './create-app.ts';
import type { Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';

export interface RunningService {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  /** The admin token, only on the very first start of this database. */
  adminToken?: string;
  /** Where a generated media key was written (first start without LIFEGUARD_MEDIA_KEY). */
  createdMediaKeyPath?: string;
  workers: string[];
  /** `local` or `nats`. */
  bus: string;
  /** Media types enabled in this process. */
  media?: import('./services.ts').MediaSupport;
  close(): Promise<void>;
}

/** Starts the service described by `config`, logging to `logger`. */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const database = await openDatabase({ url: config.databaseUrl, ...(config.pgSchema !== undefined ? { pgSchema: config.pgSchema } : {}) });
  let runtime: Runtime | undefined;
  try {
    const keys = createApiKeyStore(database);
    const admin = await keys.ensureAdminKey();
    const media = loadOrCreateMediaKey(config.mediaKey, config.dataDir);
    if (config.mediaKey === undefined && database.kind === 'postgres') {
      logger.warn('LIFEGUARD_MEDIA_KEY is not set: this process uses its own generated key, so media it retains can only be read with that file', { path: media.path });
    }
    const metrics = createMetrics(async () => (runtime?.services.events ? runtime.services.events.queueDepth() : {}));
    const cipher = createMediaCipher(media.key);
    runtime = await buildRuntime({ database, config, logger, metrics, cipher });
    const { services, workers } = runtime;
    const rt = runtime;
    // Imports left running by a process that died are marked failed so pollers stop waiting. With several
    // processes on one database only jobs silent for 10 minutes count (live imports report every 250 ms).
    const interrupted = await failInterruptedJobs(database, config.databaseKind === 'sqlite' ? {} : { olderThanMs: 600_000 });
    if (interrupted > 0) logger.warn('marked interrupted jobs failed', { count: interrupted });
    const tasks = createBackgroundTasks(logger);
    const app = createApp({ config, database, keys, content: createContentStore(database), cipher, logger, metrics, services, tasks });
    const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    for (const w of workers) await w.start();
    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const mediaTypes = services.media;
    if (mediaTypes) {
      const m = mediaTypes;
      logger.info('media types', { images: m.images, video: m.video ? 'enabled' : 'disabled', ...(m.ffmpeg ? { ffmpeg: m.ffmpeg } : {}), ...(m.videoUnavailable ? { reason: m.videoUnavailable } : {}) });
    }
    logger.info('listening', { url: `http://${host}:${port}`, database: database.kind === 'postgres' ? redactUrl(config.databaseUrl) : config.databaseUrl, workers: workers.map((w) => w.name) });

    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      ...(admin ? { adminToken: admin.token } : {}),
      ...(media.created && media.path ? { createdMediaKeyPath: media.path } : {}),
      workers: workers.map((w) => w.name),
      bus: rt.bus,
      ...(mediaTypes ? { media: mediaTypes } : {}),
      close() {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Idle keep-alive sockets would hold close() open; requests in flight still finish.
            (server as import('node:http').Server).closeIdleConnections?.();
          });
          await tasks.drain();
          for (const w of [...workers].reverse()) {
            await w.stop().catch((e: unknown) => logger.error('worker stop failed', { worker: w.name, err: e }));
          }
          await rt.close();
          await database.close();
          logger.info('stopped');
        })();
        return closing;
      },
    };
  } catch (e) {
    await runtime?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw e;
  }
}
