/**
 * The background workers of one process, wired together: the event worker (queue → detectors → effects) and,
 * when a webhook is configured, the delivery worker, woken as soon as a batch commits new effects.
 * Used by `lifeguard worker` and by the in-process workers of `lifeguard serve`.
 */
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from '../delivery/delivery-worker.ts';
import type { EventBus } from '../queue/event-bus.ts';
import type { Database } from '../store/database.ts';
import type { EventProcessor } from './event-processor.ts';
import { createWorker, type Worker, type WorkerOptions } from './pipeline.ts';
import type { BatchOutcome } from './process-batch.ts';
import type { CaseIntakeHook } from '../review/pipeline-case-intake.ts';

export interface PipelineWorkersOptions {
  database: Database;
  bus?: EventBus;
  detectors: EventProcessor[];
  webhook?: { url: string; secret: string };
  /**
   * Queue deliveries in the outbox for new effects. The service passes whether the deployment has a webhook URL
   * (a `--no-webhooks` worker still queues them for the process that delivers). Default true.
   */
  queueDeliveries?: boolean;
  now?: () => number;
  worker?: Partial<Pick<WorkerOptions, 'batchSize' | 'maxPartitions' | 'pollIntervalMs' | 'noticeTimeoutMs' | 'cacheSize'>>;
  delivery?: Partial<Pick<DeliveryWorkerOptions, 'maxAttempts' | 'backoff' | 'concurrency' | 'timeoutMs' | 'pollIntervalMs' | 'fetch'>>;
  onBatch?: (outcome: BatchOutcome) => void;
  /** Opens review cases from review effects (src/review/pipeline-case-intake.ts). */
  caseIntake?: CaseIntakeHook;
  /** Errors of detectors, batches and deliveries (the process logs them). */
  onError?: (error: unknown, context: { where: 'detector' | 'batch' | 'delivery'; processor?: string; eventId?: string }) => void;
}

export interface PipelineWorkers {
  events: Worker;
  delivery: DeliveryWorker | undefined;
  start(): Promise<void>;
  /** Stops taking new work, finishes what is in hand, then returns. */
  stop(): Promise<void>;
  /** Processes every queued event and delivers everything due (tests). */
  drain(): Promise<void>;
}

/** Creates (without starting) the event worker and the optional delivery worker. */
export function createPipelineWorkers(opts: PipelineWorkersOptions): PipelineWorkers {
  const onError = opts.onError ?? (() => undefined);
  let delivery: DeliveryWorker | undefined;
  if (opts.webhook) {
    delivery = createDeliveryWorker({
      ...opts.delivery,
      database: opts.database,
      webhookUrl: opts.webhook.url,
      secret: opts.webhook.secret,
      ...(opts.now ? { now: opts.now } : {}),
      onError: (e) => onError(e, { where: 'delivery' }),
    });
  }
  const events = createWorker({
    ...opts.worker,
    database: opts.database,
    detectors: opts.detectors,
    ...(opts.bus ? { bus: opts.bus } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.queueDeliveries === false ? { queueDeliveries: false } : {}),
    ...(opts.caseIntake ? { caseIntake: opts.caseIntake } : {}),
    onBatch: (outcome) => {
      if (outcome.effects.length > 0) delivery?.wake();
      opts.onBatch?.(outcome);
    },
    onError: (e, c) => onError(e, c.processor ? { where: 'detector', processor: c.processor, ...(c.event ? { eventId: c.event.id } : {}) } : { where: 'batch' }),
  });
  return {
    events,
    delivery,
    async start() {
      await events.start();
      delivery?.start();
    },
    async stop() {
      await events.stop();
      await delivery?.stop();
    },
    async drain() {
      await events.drain();
      await delivery?.drain();
    },
  };
}
