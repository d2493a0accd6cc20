/**
 * The event pipeline: intake (append to the durable log) and workers (log → detectors → effects).
 *
 * Delivery is at-least-once and effects are idempotent, so processing is exactly-once in effect: an event
 * leaves the queue in the transaction that commits its effects, and effects are unique by dedupeKey. Events of
 * one conversation/stream are processed in seq order by one worker at a time (partition locks, see
 * src/queue/event-queue.ts). Detector state lives in worker memory and is rebuilt from a snapshot or by
 * replaying the key's log whenever it is missing or stale, so workers are stateless and can crash at any time.
 *
 * Workers find work by polling the queue, woken early by the bus: in-process (local bus) or across processes
 * (NATS JetStream: a notice is acked only once its events are processed, by this worker or another).
 */
import type { PlatformEvent } from '../core/events.ts';
import type { EventBus, PartitionNotice } from '../queue/event-bus.ts';
import { queueDepth, stillQueued } from '../queue/event-queue.ts';
import { partitionCount } from '../queue/partition.ts';
import type { Database } from '../store/database.ts';
import type { StoredEvent } from '../store/event-store.ts';
import { appendEvents, type AppendOptions, type AppendResult } from './event-intake.ts';
import type { EventProcessor } from './event-processor.ts';
import { processBatch, type BatchOutcome } from './process-batch.ts';
import { StateCache } from './state-cache.ts';
import type { CaseIntakeHook } from '../review/pipeline-case-intake.ts';

export interface WorkerOptions {
  database: Database;
  /** Wakes the worker when events arrive (local or NATS); without one the worker only polls. */
  bus?: EventBus;
  detectors: EventProcessor[];
  /** Clock (epoch ms). */
  now?: () => number;
  /** Most events per transaction. */
  batchSize?: number;
  /**
   * PostgreSQL: most partitions one batch locks, oldest pending first (the rest stay free for other workers).
   * Default: all 32, best for a single worker; with N workers about 32/N spreads the load.
   */
  maxPartitions?: number;
  /** Poll interval when idle (the bus usually wakes the worker sooner). */
  pollIntervalMs?: number;
  /** NATS: how long a notice may wait for its events before it is handed back for redelivery. */
  noticeTimeoutMs?: number;
  /** Detector states kept in memory (least recently used are dropped and rebuilt on demand). */
  cacheSize?: number;
  /** Events applied to a key between two stored snapshots of its detector state (default 64). */
  snapshotEvery?: number;
  /** Called after every committed batch (metrics, waking the delivery worker, benchmarks). */
  onBatch?: (outcome: BatchOutcome) => void;
  onError?: (error: unknown, context: { processor?: string; event?: StoredEvent }) => void;
  /** Queue a webhook delivery (outbox row) for each new effect; false when no webhook URL is configured. Default true. */
  queueDeliveries?: boolean;
  /** Opens review cases for review effects in each batch's transaction (see src/review/pipeline-case-intake.ts). */
  caseIntake?: CaseIntakeHook;
}

export interface WorkerStats {
  batches: number;
  events: number;
  effects: number;
  rebuilt: number;
  errors: number;
}

export interface Worker {
  start(): Promise<void>;
  /** Finishes the batch in flight, then stops (unacked notices are redelivered to other workers). */
  stop(): Promise<void>;
  /** Processes until the queue is empty (waits for batches other workers hold). Works started or not. */
  drain(): Promise<void>;
  /** Wakes the worker now (e.g. after events were appended without a bus). */
  wake(): void;
  stats(): WorkerStats;
}

interface Waiter {
  seqs: Set<number>;
  deadline: number;
  resolve: (ok: boolean) => void;
}

/** Creates a worker that processes queued events through `detectors`. */
export function createWorker(opts: WorkerOptions): Worker {
  const now = opts.now ?? Date.now;
  const pollIntervalMs = opts.pollIntervalMs ?? 200;
  const noticeTimeoutMs = opts.noticeTimeoutMs ?? 10_000;
  const cache = new StateCache(opts.cacheSize ?? 20_000);
  const stats: WorkerStats = { batches: 0, events: 0, effects: 0, rebuilt: 0, errors: 0 };
  const onError = opts.onError ?? (() => undefined);
  const batchContext = {
    database: opts.database,
    processors: opts.detectors,
    cache,
    claim: { batchSize: opts.batchSize ?? 256, maxPartitions: opts.maxPartitions ?? partitionCount },
    now,
    ...(opts.snapshotEvery !== undefined ? { snapshotEvery: opts.snapshotEvery } : {}),
    ...(opts.queueDeliveries === false ? { queueDeliveries: false } : {}),
    ...(opts.caseIntake ? { caseIntake: opts.caseIntake } : {}),
    onProcessorError: (processor: string, event: StoredEvent, error: unknown) => {
      stats.errors++;
      onError(error, { processor, event });
    },
  };

  let running = false;
  let loop: Promise<void> | undefined;
  let subscription: { close(): Promise<void> } | undefined;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  let chain: Promise<unknown> = Promise.resolve();
  let lastSettle = 0;
  const waiters = new Set<Waiter>();

  const wake = () => {
    woken = true;
    wakeUp?.();
  };

  // One batch at a time per worker, whether from the loop or drain().
  const step = (): Promise<BatchOutcome | null> => {
    const next = chain.then(() => processBatch(batchContext));
    chain = next.catch(() => undefined);
    return next.then((outcome) => {
      if (outcome) {
        stats.batches++;
        stats.events += outcome.events.length;
        stats.effects += outcome.effects.length;
        stats.rebuilt += outcome.rebuilt;
        releaseWaiters(outcome.events.map((e) => e.seq));
        opts.onBatch?.(outcome);
      }
      return outcome;
    });
  };

  function releaseWaiters(processed: number[]): void {
    if (waiters.size === 0) return;
    for (const w of waiters) {
      for (const s of processed) w.seqs.delete(s);
      if (w.seqs.size === 0) {
        waiters.delete(w);
        w.resolve(true);
      }
    }
  }

  /** Resolves notices whose events other workers processed; hands back the ones that waited too long. */
  async function settleWaiters(): Promise<void> {
    lastSettle = now();
    if (waiters.size === 0) return;
    const all = [...new Set([...waiters].flatMap((w) => [...w.seqs]))];
    const queued = await stillQueued(opts.database, all);
    const t = now();
    for (const w of waiters) {
      for (const s of [...w.seqs]) if (!queued.has(s)) w.seqs.delete(s);
      if (w.seqs.size === 0 || t >= w.deadline) {
        waiters.delete(w);
        w.resolve(w.seqs.size === 0);
      }
    }
  }

  async function run(): Promise<void> {
    while (running) {
      let did = 0;
      try {
        did = (await step())?.events.length ?? 0;
        if (did === 0 || now() - lastSettle > 500) await settleWaiters();
      } catch (e) {
        stats.errors++;
        onError(e, {});
        await sleep(250);
      }
      if (did > 0 || !running) continue;
      if (!woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollIntervalMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = undefined;
      }
      woken = false;
    }
  }

  const onNotice = (notice: PartitionNotice): Promise<boolean> => {
    if (!running) return Promise.resolve(false);
    if (opts.bus?.kind !== 'nats') {
      wake();
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve) => {
      waiters.add({ seqs: new Set(notice.seqs), deadline: now() + noticeTimeoutMs, resolve });
      wake();
    });
  };

  return {
    async start() {
      if (running) return;
      running = true;
      if (opts.bus) subscription = await opts.bus.subscribe(onNotice);
      loop = run();
    },
    async stop() {
      if (!running) return;
      running = false;
      wake();
      await loop;
      for (const w of waiters) w.resolve(false);
      waiters.clear();
      await subscription?.close();
      subscription = undefined;
    },
    async drain() {
      for (;;) {
        const outcome = await step();
        if (outcome) continue;
        if ((await queueDepth(opts.database)).pending === 0) return;
        await sleep(10);
      }
    },
    wake,
    stats: () => ({ ...stats }),
  };
}

export interface PipelineOptions {
  database: Database;
  bus?: EventBus;
  detectors: EventProcessor[];
  now?: () => number;
  /** Hashes frames sent as image bytes (see appendEvents). */
  hashFrame?: AppendOptions['hashFrame'];
  /** Opens review cases from review effects (see WorkerOptions). */
  caseIntake?: CaseIntakeHook;
}

export interface Pipeline {
  readonly database: Database;
  readonly bus: EventBus | undefined;
  /** appendEvents bound to this pipeline's database, bus and clock. */
  appendEvents(tenantOrKeyId: string | null, events: PlatformEvent[]): Promise<AppendResult>;
  /** A worker on this pipeline's database, bus and detectors. */
  createWorker(options?: Omit<WorkerOptions, 'database' | 'bus' | 'detectors' | 'now'>): Worker;
}

/** Binds a database, an optional bus and the detectors into intake + workers. */
export function createPipeline(opts: PipelineOptions): Pipeline {
  const appendOptions: AppendOptions = {
    ...(opts.bus ? { bus: opts.bus } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.hashFrame ? { hashFrame: opts.hashFrame } : {}),
  };
  return {
    database: opts.database,
    bus: opts.bus,
    appendEvents: (scope, events) => appendEvents(opts.database, scope, events, appendOptions),
    createWorker: (options = {}) =>
      createWorker({
        ...options,
        database: opts.database,
        detectors: opts.detectors,
        ...(opts.bus ? { bus: opts.bus } : {}),
        ...(opts.now ? { now: opts.now } : {}),
        ...(opts.caseIntake ? { caseIntake: opts.caseIntake } : {}),
      }),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
