/**
 * `lifeguard worker`: a process that only processes events and delivers webhooks, for scale-out next to
 * API-only `lifeguard serve --no-workers` processes. Any number may run against one PostgreSQL database;
 * with LIFEGUARD_NATS_URL they are woken through NATS JetStream, otherwise they poll.
 */
import { parseArgs } from 'node:util';
import { readEnv } from '../../config/read-env.ts';
import { createEventBus } from '../../queue/create-bus.ts';
import { partitionCount } from '../../queue/partition.ts';
import { createLogger } from '../../server/logger.ts';
import { openWorkerRuntime } from '../../server/open-worker-runtime.ts';
import { redactUrl } from '../../store/database.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { usageError } from '../usage-error.ts';

const usage = `usage: lifeguard worker [--data-dir DIR] [--database-url URL] [--nats-stream NAME] [--policy FILE]
                        [--batch-size N] [--max-partitions N] [--poll-ms N] [--webhook-timeout-ms N]
                        [--no-webhooks]

Processes queued platform events through the detectors and delivers effects to the webhook, until
SIGINT/SIGTERM (graceful: the batch in hand is finished). Run several against one PostgreSQL database to
scale out; events of one conversation or stream stay in order and each is processed once in effect.

  --data-dir DIR       data directory (LIFEGUARD_DATA_DIR, default ./data)
  --database-url URL   postgres://… or a SQLite path (LIFEGUARD_DATABASE_URL)
  --nats-stream NAME   JetStream stream (LIFEGUARD_NATS_STREAM, default LIFEGUARD_EVENTS); used when
                       LIFEGUARD_NATS_URL is set, and must match the API processes'
  --policy FILE        safety policy JSON (LIFEGUARD_POLICY_FILE, default: policy/default-policy.json)
  --batch-size N       most events per transaction (default 256)
  --max-partitions N   PostgreSQL: most of the 32 partitions one batch locks (default 16, so two
                       workers share the load; about 32 / number of workers)
  --poll-ms N          idle poll interval in ms (default 200)
  --webhook-timeout-ms N  per-request webhook timeout (default 10000); a killed worker's
                       in-flight deliveries are retried by others after 1.5 × this + 1 s
  --no-webhooks        do not deliver webhooks from this process

Webhooks: LIFEGUARD_WEBHOOK_URL and LIFEGUARD_WEBHOOK_SECRET. Evidence jobs: the expiry purge every
LIFEGUARD_EVIDENCE_PURGE_SECONDS (default 3600) and referral resends every LIFEGUARD_REFERRAL_RETRY_SECONDS
(default 60; needs LIFEGUARD_CYBERTIPLINE_URL, and LIFEGUARD_MEDIA_KEY on PostgreSQL); 0 turns one off.
Logs are JSON lines on stderr.`;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'nats-stream': { type: 'string' },
        policy: { type: 'string' },
        'batch-size': { type: 'string' },
        'max-partitions': { type: 'string' },
        'poll-ms': { type: 'string' },
        'webhook-timeout-ms': { type: 'string' },
        'no-webhooks': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw usageError((e as Error).message);
  }
}

function positiveInt(name: string, v: string | undefined, fallback: number, max: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw usageError(`--${name} must be an integer from 1 to ${max}`);
  return n;
}

export const command: Command = {
  summary: 'process events and deliver webhooks (scale-out worker process)',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const flags = parse(args);
    const config = readEnv(io.env, { dataDir: flags['data-dir'], databaseUrl: flags['database-url'], natsStream: flags['nats-stream'], policyFile: flags.policy });
    const batchSize = positiveInt('batch-size', flags['batch-size'], 256, 10_000);
    const maxPartitions = positiveInt('max-partitions', flags['max-partitions'], 16, partitionCount);
    const pollIntervalMs = positiveInt('poll-ms', flags['poll-ms'], 200, 60_000);
    const webhookTimeoutMs = positiveInt('webhook-timeout-ms', flags['webhook-timeout-ms'], 10_000, 300_000);
    const logger = createLogger(io.stderr, config.logLevel, { component: 'worker', pid: process.pid });
    const webhooks = !flags['no-webhooks'];
    const runtime = await openWorkerRuntime({
      config,
      logger,
      bus: () =>
        createEventBus({
          ...(config.natsUrl !== undefined ? { natsUrl: config.natsUrl } : {}),
          natsStream: config.natsStream,
          name: `lifeguard-worker-${process.pid}`,
          onError: (err) => logger.warn('event bus error', { err }),
        }),
      webhooks,
      worker: { batchSize, maxPartitions, pollIntervalMs },
      delivery: { timeoutMs: webhookTimeoutMs },
    });
    const { database, workers, bus, jobs } = runtime;
    const webhook = webhooks ? config.webhook : undefined;
    await workers.start();
    for (const j of jobs) await j.start();
    return await new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) process.exit(exitCodes.failure);
        stopping = true;
        logger.info('worker stopping', { signal });
        (async () => {
          await workers.stop();
          for (const j of jobs) await j.stop();
          await bus.close();
          await runtime.close();
          logger.info('worker stopped', { ...workers.events.stats(), delivered: workers.delivery?.stats().delivered ?? 0 });
        })().then(
          () => resolve(exitCodes.ok),
          (err: unknown) => {
            logger.error('worker shutdown failed', { err });
            resolve(exitCodes.failure);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
      // Ready only once a signal stops it gracefully: a supervisor may send SIGTERM the moment it reads this.
      logger.info('worker ready', {
        database: database.kind === 'postgres' ? redactUrl(config.databaseUrl) : config.databaseUrl,
        bus: bus.kind,
        webhooks: webhook ? 'on' : 'off',
        jobs: jobs.map((j) => j.name),
      });
    });
  },
};
