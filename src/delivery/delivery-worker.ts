/**
 * Webhook delivery from the durable outbox. Each effect is POSTed as JSON to the platform's webhook with
 * `Lifeguard-Signature` (see webhook-signature.ts), `Lifeguard-Delivery` (stable per effect: receivers dedupe
 * on it, since a crash between sending and recording can deliver twice) and `Lifeguard-Attempt`.
 * A 2xx answer marks it delivered; anything else (or a network error/timeout) schedules a retry with
 * exponential backoff and jitter; after `maxAttempts` it is `dead`: kept, listed, and re-queueable, never dropped.
 * Claims are leases, so a worker killed mid-delivery leaves nothing stuck.
 */
import type { Database } from '../store/database.ts';
import { claimDueDeliveries, markAttemptFailed, markDelivered, nextDueAt, type DeliveryTask } from '../store/outbox-store.ts';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff.ts';
import { attemptHeader, deliveryIdHeader, signatureHeader, signWebhook } from './webhook-signature.ts';

export interface DeliveryWorkerOptions {
  database: Database;
  webhookUrl: string;
  secret: string;
  fetch?: typeof fetch;
  /** Attempts before a delivery is dead (default 12). */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** Deliveries in flight at once (default 16). */
  concurrency?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Idle poll interval (default 500 ms; `wake()` starts at once). */
  pollIntervalMs?: number;
  now?: () => number;
  random?: () => number;
  onAttempt?: (task: DeliveryTask, result: { ok: boolean; status: number | null; error?: string; dead: boolean }) => void;
  onError?: (error: unknown) => void;
}

export interface DeliveryStats {
  delivered: number;
  failedAttempts: number;
  dead: number;
}

export interface DeliveryWorker {
  start(): void;
  /** Lets deliveries in flight finish, then stops. */
  stop(): Promise<void>;
  /** Delivers everything due now (retries scheduled later are left for later). */
  drain(): Promise<void>;
  wake(): void;
  stats(): DeliveryStats;
}

/** The JSON body POSTed for one effect. */
export function deliveryBody(task: DeliveryTask): string {
  return JSON.stringify({
    deliveryId: task.deliveryId,
    type: 'effect',
    effectSeq: task.effectSeq,
    eventId: task.eventId,
    scope: task.scope,
    createdAt: new Date(task.createdAt).toISOString(),
    effect: JSON.parse(task.effectJson) as unknown,
  });
}

/** Creates a delivery worker for one webhook endpoint. */
export function createDeliveryWorker(opts: DeliveryWorkerOptions): DeliveryWorker {
  const doFetch = opts.fetch ?? fetch;
  const now = opts.now ?? Date.now;
  const maxAttempts = opts.maxAttempts ?? 12;
  const backoff = opts.backoff ?? defaultBackoff;
  const concurrency = opts.concurrency ?? 16;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const pollIntervalMs = opts.pollIntervalMs ?? 500;
  const stats: DeliveryStats = { delivered: 0, failedAttempts: 0, dead: 0 };
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let woken = false;

  /** Sends one delivery; returns the HTTP status on success (recorded by the caller, batched), else records the failure. */
  async function attempt(task: DeliveryTask): Promise<number | undefined> {
    const body = deliveryBody(task);
    let status: number | null = null;
    let error = '';
    let retryAfterMs = 0;
    try {
      const res = await doFetch(opts.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'lifeguard-webhook/1',
          [signatureHeader]: signWebhook(opts.secret, body, Math.floor(now() / 1000)),
          [deliveryIdHeader]: task.deliveryId,
          [attemptHeader]: String(task.attempts + 1),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      status = res.status;
      const ra = Number(res.headers.get('retry-after'));
      if (Number.isFinite(ra) && ra > 0) retryAfterMs = Math.min(ra * 1000, backoff.maxMs);
      await res.arrayBuffer().catch(() => undefined);
      if (status >= 200 && status < 300) return status;
      error = `HTTP ${status}`;
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : String((e as Error).message ?? e);
    }
    const attempts = task.attempts + 1;
    const dead = attempts >= maxAttempts;
    const t = now();
    await markAttemptFailed(opts.database, task, { httpStatus: status, error, nextAttemptAt: t + Math.max(retryAfterMs, backoffDelay(attempts, backoff, opts.random)), dead, now: t });
    stats.failedAttempts++;
    if (dead) stats.dead++;
    opts.onAttempt?.(task, { ok: false, status, error, dead });
    return undefined;
  }

  /**
   * Claims one round (up to `concurrency`), sends it all at once, and records the successes in one statement:
   * bookkeeping costs a couple of commits per round, not per effect. Returns how many were claimed.
   */
  async function round(): Promise<number> {
    // The lease only has to outlast one request: a killed worker's claims free up soon after.
    const tasks = await claimDueDeliveries(opts.database, { now: now(), limit: concurrency, leaseMs: Math.round(timeoutMs * 1.5) + 1_000 });
    const done: { task: DeliveryTask; httpStatus: number }[] = [];
    await Promise.all(
      tasks.map(async (task) => {
        try {
          const status = await attempt(task);
          if (status !== undefined) done.push({ task, httpStatus: status });
        } catch (e) {
          opts.onError?.(e);
        }
      }),
    );
    if (done.length > 0) {
      await markDelivered(opts.database, done, now());
      stats.delivered += done.length;
      for (const d of done) opts.onAttempt?.(d.task, { ok: true, status: d.httpStatus, dead: false });
    }
    return tasks.length;
  }

  async function run(): Promise<void> {
    while (running) {
      let claimed = 0;
      let waitMs = pollIntervalMs;
      try {
        claimed = await round();
        if (claimed === 0) {
          const due = await nextDueAt(opts.database);
          if (due !== null) waitMs = Math.max(50, Math.min(pollIntervalMs, due - now()));
        }
      } catch (e) {
        opts.onError?.(e);
      }
      if (claimed > 0 || !running) continue;
      if (!woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, waitMs);
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

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      woken = true;
      wakeUp?.();
      await loop;
    },
    async drain() {
      while ((await round()) > 0);
    },
    wake() {
      woken = true;
      wakeUp?.();
    },
    stats: () => ({ ...stats }),
  };
}
