/**
 * Wires the HTTP services and background workers to the real Lifeguard modules over one database: the
 * event bus (in-process, or NATS JetStream when configured), intake, read models, banks, matching, hashing,
 * the policy's action checks, and the pipeline workers (detectors → effects → webhooks).
 */
import type { Config } from '../config/read-env.ts';
import type { MediaCipher } from '../crypto/media-cipher.ts';
import { createExchangeService } from './exchange-service.ts';
import { createAgeTokenService } from '../age-tokens/age-token-service.ts';
import { createAgeTokenNonceStore } from '../store/age-token-nonce-store.ts';
import type { AgeTier } from '../core/age/age-tiers.ts';
import type { CheckStream } from '../core/safety-policy/safety-checks.ts';
import { createSafetyChecks } from '../core/safety-policy/safety-checks.ts';
import { createDefaultDetectors } from '../pipeline/default-detectors.ts';
import { createPipelineCaseIntake } from '../review/pipeline-case-intake.ts';
import { createCaseService } from '../review/create-case-service.ts';
import { createAuditLog } from '../store/audit-log.ts';
import { createContentStore } from '../store/content-store.ts';
import { appendEvents } from '../pipeline/event-intake.ts';
import { createPipelineWorkers } from '../pipeline/pipeline-workers.ts';
import { getConversationRisk, getStreamRisk } from '../pipeline/risk-read-model.ts';
import { loadPolicy } from '../policy/load-policy.ts';
import { createEventBus } from '../queue/create-bus.ts';
import { queueDepth } from '../queue/event-queue.ts';
import { streamKey } from '../queue/partition.ts';
import type { Database } from '../store/database.ts';
import { listEffects } from '../store/effect-store.ts';
import { outboxStats } from '../store/outbox-store.ts';
import { cached, readAgeDecision } from './age-read-model.ts';
import type { Logger } from './logger.ts';
import { createMatchingServices } from './matching-services.ts';
import type { Metrics } from './metrics.ts';
import type { Services } from './services.ts';
import { evidenceJobs } from './evidence-jobs.ts';

/** A background worker as the service runs it. */
export interface ServiceWorker {
  name: string;
  start(): Promise<void>;
  /** Finishes work in hand, then stops. */
  stop(): Promise<void>;
  /** Processes until nothing is waiting (tests). */
  drain(): Promise<void>;
}

export interface Runtime {
  services: Services;
  /** Workers to run in this process (empty when `config.workers` is false). Not started yet. */
  workers: ServiceWorker[];
  /** The event bus kind: `local` (in-process) or `nats`. */
  bus: 'local' | 'nats';
  close(): Promise<void>;
}

export interface RuntimeOptions {
  database: Database;
  config: Config;
  logger: Logger;
  metrics?: Metrics;
  now?: () => number;
  /** Seals exchange credentials at rest (without it, exchanges that need credentials cannot be created). */
  cipher?: MediaCipher;
}

/** Builds services and (unstarted) workers for `config`. */
export async function buildRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const { database, config, logger } = opts;
  const now = opts.now ?? Date.now;
  const policy = await loadPolicy(config.policyFile);
  const matching = await createMatchingServices(database, config, logger, { now, videoThresholds: policy.matching.video });
  const bus = await createEventBus({
    ...(config.natsUrl !== undefined ? { natsUrl: config.natsUrl } : {}),
    natsStream: config.natsStream,
    name: `lifeguard-serve-${process.pid}`,
    onError: (err) => logger.warn('event bus error', { err }),
  }).catch(async (e: unknown) => {
    await matching.close();
    throw e;
  });
  const limits = { maxPixels: config.limits.maxImagePixels, maxBytes: config.limits.maxUploadBytes };
  // Frames sent as image bytes are hashed at intake; only the hash is stored.
  const hashFrame = async (imageBase64: string) => {
    const h = await matching.hashing.hashImage(Buffer.from(imageBase64, 'base64'), limits);
    return { pdq: h.pdq, quality: h.quality };
  };

  const ageDecision = cached((id) => readAgeDecision(database, policy.age, id), 1000, now);
  const services: Services = {
    banks: matching.banks,
    matching: matching.matching,
    lists: matching.lists,
    hashing: matching.hashing,
    media: matching.media,
    events: {
      // One tenant per deployment: every key shares one event scope, so rotating a key keeps idempotency and state.
      append: (events, opts) => appendEvents(database, null, events, { bus, now, hashFrame, ...(opts?.validated ? { validated: true } : {}) }),
      listEffects: (q) => listEffects(database, q),
      conversationRisk: (id) => getConversationRisk(database, id, null),
      streamRisk: (id) => getStreamRisk(database, id, null),
      async queueDepth() {
        const [q, outbox] = await Promise.all([queueDepth(database, now()), outboxStats(database)]);
        return { events: q.pending, webhooks: outbox.pending, webhooks_dead: outbox.dead };
      },
    },
    safety: {
      checks: createSafetyChecks(policy),
      ageDecision,
      forgetAge: (id) => ageDecision.forget(id),
      tierOf: async (id): Promise<AgeTier | undefined> => (await ageDecision(id))?.tier,
      streamAccess: cached((id) => streamAccessOf(database, id), 250, now),
    },
    support: { policy: policy.support },
    cases: createCaseService({ database, policy: policy.review, evidence: policy.evidence, banks: matching.banks, content: createContentStore(database), now, onAgeChanged: (id) => ageDecision.forget(id) }),
    audit: createAuditLog(database, now),
  };

  services.ageTokens = createAgeTokenService({
    policy: policy.ageTokens,
    nonces: createAgeTokenNonceStore(database, now),
    appendSignal: async (e) => {
      const r = await services.events!.append([e]);
      ageDecision.forget(e.account.id);
      return { duplicate: r.duplicates.length > 0 };
    },
    readDecision: (id) => readAgeDecision(database, policy.age, id),
    now,
  });

  const exchanges = createExchangeService({ database, banks: matching.banks, logger, ...(opts.cipher ? { cipher: opts.cipher } : {}), now });
  services.exchanges = exchanges.service;

  const workers = [];
  if (config.workers) workers.push({ name: 'exchanges', start: () => exchanges.worker.start(), stop: () => exchanges.worker.stop(), drain: () => exchanges.worker.drain() });
  let refresher: NodeJS.Timeout | undefined;
  if (config.workers) {
    // The guardian matches frames synchronously against the in-memory PDQ index, kept fresh by a timer.
    const frameMatcher = matching.frameMatcher;
    refresher = setInterval(() => void matching.refresh().catch((err: unknown) => logger.warn('pdq index refresh failed', { err })), 2000);
    refresher.unref();
    const pipeline = createPipelineWorkers({
      database,
      bus,
      detectors: createDefaultDetectors({ policy, frameMatcher, textLists: (text) => matching.textLists.matcher.match(text).hits }),
      caseIntake: createPipelineCaseIntake(database, policy.review),
      ...(config.webhook ? { webhook: { url: config.webhook.url, secret: config.webhook.secret } } : {}),
      // No receiver, no queue: effects stay pollable (GET /v1/effects) and nothing piles up in the outbox.
      queueDeliveries: config.webhook !== undefined,
      ...(opts.now ? { now: opts.now } : {}),
      onBatch: (outcome) => {
        for (const e of outcome.effects) opts.metrics?.decisions.inc({ source: 'effect', kind: e.effect.kind });
      },
      onError: (err, ctx) => logger.error(ctx.where === 'detector' ? 'detector failed' : `${ctx.where} failed`, { ...ctx, err }),
    });
    workers.push({ name: config.webhook ? 'events+webhooks' : 'events', start: () => pipeline.start(), stop: () => pipeline.stop(), drain: () => pipeline.drain() });
  }

  // The expiry purge and referral resends (LIFEGUARD_EVIDENCE_PURGE_SECONDS, LIFEGUARD_REFERRAL_RETRY_SECONDS).
  if (config.workers) workers.push(...evidenceJobs({ database, config, logger, cases: services.cases!, audit: services.audit!, ...(opts.cipher ? { cipher: opts.cipher } : {}), now }));

  return {
    services,
    workers,
    bus: bus.kind,
    async close() {
      if (refresher) clearInterval(refresher);
      await bus.close();
      await matching.close();
    },
  };
}

type GuardianDetail = {
  streamerTier?: AgeTier;
  audience?: CheckStream['audience'];
  restrictions?: Partial<Record<'connectionsOnly' | 'giftsDisabled' | 'paused' | 'ended', boolean>>;
  removedViewers?: string[];
  heldViewers?: string[];
};

/**
 * The live restrictions of a stream from the guardian's read model, plus whether the log holds its end (the
 * guardian forgets a stream once it ended). Undefined when Lifeguard has never seen the stream.
 */
async function streamAccessOf(database: Database, streamId: string): Promise<CheckStream | undefined> {
  const [risk, endedRow] = await Promise.all([
    getStreamRisk(database, streamId, null),
    database.db
      .selectFrom('events')
      .select('seq')
      .where('scope', '=', '')
      .where('stream_key', '=', streamKey(streamId).key)
      .where('type', '=', 'stream.ended')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const raw = risk?.detail as (GuardianDetail & { guardian?: GuardianDetail }) | undefined;
  // With several detectors summarising a stream, each one's detail sits under its name.
  const d = raw?.guardian ?? raw;
  const r = d?.restrictions ?? {};
  const ended = endedRow !== undefined || r.ended === true;
  if (!d?.streamerTier) return ended ? { streamerTier: 'unknown', audience: 'public', ended: true } : undefined;
  return {
    streamerTier: d.streamerTier,
    audience: d.audience ?? 'public',
    ended,
    paused: r.paused === true,
    connectionsOnly: r.connectionsOnly === true,
    giftsDisabled: r.giftsDisabled === true,
    ...(d.removedViewers ? { removedViewers: new Set(d.removedViewers) } : {}),
    ...(d.heldViewers ? { heldViewers: new Set(d.heldViewers) } : {}),
  };
}
