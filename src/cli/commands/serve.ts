/** `lifeguard serve`: run the HTTP service (embedded SQLite by default) until SIGINT/SIGTERM. */
import { readEnv, type ConfigFlags } from '../../config/read-env.ts';
import { createLogger } from '../../server/logger.ts';
import { startService } from '../../server/start-service.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { parseFlags } from '../parse-flags.ts';

const usage = `usage: lifeguard serve [--host ADDR] [--port N] [--data-dir DIR] [--database-url URL] [--policy FILE] [--no-workers]

Runs the Lifeguard HTTP API on http://127.0.0.1:8787 with an embedded SQLite database under the data
directory (default ./data). On the first start it creates an admin API key and prints it once.

  --host ADDR          listen address (LIFEGUARD_HOST, default 127.0.0.1)
  --port N             port, 0 for any free one (LIFEGUARD_PORT, default 8787)
  --data-dir DIR       data directory (LIFEGUARD_DATA_DIR, default ./data)
  --database-url URL   postgres://… or a SQLite path (LIFEGUARD_DATABASE_URL)
  --policy FILE        policy file (LIFEGUARD_POLICY_FILE, default policy/default-policy.json)
  --no-workers         API only: leave event processing and webhooks to worker processes
                       (LIFEGUARD_WORKERS=false)

Other settings come from LIFEGUARD_* environment variables (see the README's config table).
Logs are JSON lines on stderr. Stop with Ctrl-C (graceful).`;

/** Parses serve/keys flags shared with the config into ConfigFlags. */
export function parseServeFlags(args: string[]): ConfigFlags {
  const parsed = parseFlags({
    args,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      policy: { type: 'string' },
      workers: { type: 'boolean' },
      'no-workers': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const v = parsed.values;
  return {
    host: v.host,
    port: v.port,
    dataDir: v['data-dir'],
    databaseUrl: v['database-url'],
    policyFile: v.policy,
    workers: v['no-workers'] ? false : v.workers,
  };
}

export const command: Command = {
  summary: 'run the HTTP service (SQLite by default, PostgreSQL via LIFEGUARD_DATABASE_URL)',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const config = readEnv(io.env, parseServeFlags(args));
    const logger = createLogger(io.stderr, config.logLevel);
    const service = await startService(config, logger);
    const out = (s = '') => io.stdout.write(s + '\n');
    return await new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) {
          io.stderr.write(`lifeguard serve: ${signal} again, exiting now\n`);
          process.exit(exitCodes.failure);
        }
        stopping = true;
        logger.info('shutting down', { signal });
        service.close().then(
          () => resolve(exitCodes.ok),
          (e: unknown) => {
            logger.error('shutdown failed', { err: e });
            resolve(exitCodes.failure);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
      // Announced only once a signal stops it gracefully: a supervisor may send SIGTERM the moment it reads this.
      out(`Lifeguard is running at ${service.url}`);
      out(`  database: ${config.databaseKind === 'postgres' ? 'PostgreSQL' : `SQLite at ${config.databaseUrl}`}`);
      out(`  workers:  ${service.workers.length > 0 ? service.workers.join(', ') + ' (in this process)' : 'none in this process (--no-workers): run `lifeguard worker`'}`);
      out(`  event bus: ${service.bus === 'nats' ? `NATS JetStream (${config.natsUrl})` : 'in-process'}`);
      if (service.media) {
        const m = service.media;
        out(`  media:    images (${m.images.join(', ')}); video ${m.video ? 'enabled (ffmpeg)' : `disabled — ${m.videoUnavailable ?? 'ffmpeg not found'}`}`);
      }
      if (service.createdMediaKeyPath) out(`  media key: generated at ${service.createdMediaKeyPath} (back it up; retained media cannot be read without it)`);
      if (service.adminToken) {
        out();
        out('First start: an admin API key was created. It is shown only this once; store it now:');
        out();
        out(`  LIFEGUARD_ADMIN_KEY=${service.adminToken}`);
      }
      out();
      out('Next:');
      out(`  curl ${service.url}/healthz`);
      out(`  curl -H "Authorization: Bearer $LIFEGUARD_ADMIN_KEY" ${service.url}/v1/banks`);
      out(`  API reference (OpenAPI 3.1): ${service.url}/openapi.json`);
      out('  Narrower keys for your platform: lifeguard keys create --name uploads --scope content');
      out('Stop with Ctrl-C.');
    });
  },
};
