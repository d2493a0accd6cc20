/**
 * Everything a worker needs besides its trigger: the database, the banks' in-memory PDQ index (kept fresh, for
 * frames), the detectors and the pipeline workers (events → effects → webhooks). Shared by `lifeguard worker`
 * and the worker thread of `lifeguard serve`.
 */
import type { Config } from '../config/read-env.ts';
import { createDefaultDetectors } from '../pipeline/default-detectors.ts';
import { createPipelineCaseIntake } from '../review/pipeline-case-intake.ts';
import { createPipelineWorkers, type PipelineWorkers, type PipelineWorkersOptions } from '../pipeline/pipeline-workers.ts';
import { loadPolicy } from '../policy/load-policy.ts';
import type { EventBus } from '../queue/event-bus.ts';
import { openDatabase, type Database } from '../store/database.ts';
import type { Logger } from './logger.ts';
import { createMediaCipher } from '../crypto/media-cipher.ts';
import { loadOrCreateMediaKey } from '../crypto/media-key-file.ts';
import { createCaseService } from '../review/create-case-service.ts';
import { createAuditLog } from '../store/audit-log.ts';
import { createContentStore } from '../store/content-store.ts';
import { evidenceJobs } from './evidence-jobs.ts';
import type { IntervalWorker } from './interval-worker.ts';
import { createMatchingServices } from './matching-services.ts';

export interface WorkerRuntime {
  database: Database;
  workers: PipelineWorkers;
  /** The evidence jobs (expiry purge, referral resends) this process runs; start and stop them with the workers. */
  jobs: IntervalWorker[];
  /** Stops the index refresher and closes matching and the database (stop the workers first). */
  close(): Promise<void>;
}

export interface WorkerRuntimeOptions {
  config: Config;
  logger: Logger;
  /** Builds the bus once the database is open (closed by the caller). */
  bus: () => Promise<EventBus>;
  webhooks: boolean;
  worker?: PipelineWorkersOptions['worker'];
  delivery?: PipelineWorkersOptions['delivery'];
  onBatch?: PipelineWorkersOptions['onBatch'];
}

/** Opens the database and matching and builds (unstarted) pipeline workers for `config`. */
export async function openWorkerRuntime(opts: WorkerRuntimeOptions): Promise<WorkerRuntime & { bus: EventBus }> {
  const { config, logger } = opts;
  const policy = await loadPolicy(config.policyFile);
  const database = await openDatabase({ url: config.databaseUrl, ...(config.pgSchema !== undefined ? { pgSchema: config.pgSchema } : {}) });
  // Frames are matched against the banks' in-memory PDQ index, kept fresh like the API's.
  const matching = await createMatchingServices(database, config, logger, { videoThresholds: policy.matching.video }).catch(async (e: unknown) => {
    await database.close();
    throw e;
  });
  const refresher = setInterval(() => void matching.refresh().catch((err: unknown) => logger.warn('pdq index refresh failed', { err })), 2000);
  refresher.unref();
  const closeAll = async () => {
    clearInterval(refresher);
    await matching.close();
    await database.close();
  };
  const bus = await opts.bus().catch(async (e: unknown) => {
    await closeAll();
    throw e;
  });
  const frameMatcher = matching.frameMatcher;
  const webhook = opts.webhooks ? config.webhook : undefined;
  const workers = createPipelineWorkers({
    database,
    bus,
    detectors: createDefaultDetectors({ policy, frameMatcher, textLists: (text) => matching.textLists.matcher.match(text).hits }),
    caseIntake: createPipelineCaseIntake(database, policy.review),
    ...(webhook ? { webhook: { url: webhook.url, secret: webhook.secret } } : {}),
    queueDeliveries: config.webhook !== undefined,
    ...(opts.worker ? { worker: opts.worker } : {}),
    ...(opts.delivery ? { delivery: opts.delivery } : {}),
    ...(opts.onBatch ? { onBatch: opts.onBatch } : {}),
    onError: (err, ctx) => logger.error(ctx.where === 'detector' ? 'detector failed' : `${ctx.where} failed`, { ...ctx, err }),
  });
  // Referral resends open kept media: only with the deployment's media key (or SQLite's shared data directory).
  const cipher = config.cybertipline && (config.mediaKey !== undefined || database.kind === 'sqlite') ? createMediaCipher(loadOrCreateMediaKey(config.mediaKey, config.dataDir).key) : undefined;
  const jobs = evidenceJobs({
    database,
    config,
    logger,
    cases: createCaseService({ database, policy: policy.review, evidence: policy.evidence, content: createContentStore(database) }),
    audit: createAuditLog(database),
    ...(cipher ? { cipher } : {}),
    now: Date.now,
  });
  return { database, workers, jobs, bus, close: closeAll };
}
