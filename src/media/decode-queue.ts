/**
 * Bounds the work of decoding images and videos in one process: at most `concurrency` decodes run at once,
 * and the decoded pixels they hold together stay within `memoryBytes` (each job states its estimate up front,
 * from the image header). Others wait in arrival order; a job that would wait longer than `maxWaitMs`, or
 * finds `maxQueued` jobs already waiting, is refused with 503 `decoder_busy` and a Retry-After estimate, so a
 * flood of large images is answered, never left to exhaust memory or time out.
 */
import { unavailable, type LifeguardError } from '../core/lifeguard-error.ts';

export interface DecodeQueueOptions {
  concurrency: number;
  memoryBytes: number;
  /** Longest wait for a turn (default 30 s). */
  maxWaitMs?: number;
  /** Most jobs waiting (default 64 per concurrent slot). */
  maxQueued?: number;
}

export interface DecodeQueueStats {
  running: number;
  queued: number;
  /** Bytes reserved by the running jobs. */
  reservedBytes: number;
  /** Most bytes ever reserved at once. */
  peakReservedBytes: number;
  refused: number;
}

interface Waiter {
  cost: number;
  start: () => void;
  timer: NodeJS.Timeout;
}

/** The process's decode queue. */
export class DecodeQueue {
  readonly #concurrency: number;
  readonly #memory: number;
  readonly #maxWaitMs: number;
  readonly #maxQueued: number;
  readonly #waiting: Waiter[] = [];
  #running = 0;
  #reserved = 0;
  #peak = 0;
  #refused = 0;
  /** Smoothed job duration (ms), for Retry-After. */
  #avgMs = 500;

  constructor(opts: DecodeQueueOptions) {
    this.#concurrency = Math.max(1, Math.floor(opts.concurrency));
    this.#memory = Math.max(1, opts.memoryBytes);
    this.#maxWaitMs = opts.maxWaitMs ?? 30_000;
    this.#maxQueued = opts.maxQueued ?? 64 * this.#concurrency;
  }

  /**
   * Runs `job` when a slot and `costBytes` of the memory budget are free. A cost above the whole budget runs
   * alone (it was allowed by the pixel limit, so it is served, just never beside another).
   */
  async run<T>(costBytes: number, job: () => Promise<T>): Promise<T> {
    const cost = Math.min(Math.max(0, costBytes), this.#memory);
    if (this.#waiting.length === 0 && this.#fits(cost)) return this.#go(cost, job);
    if (this.#waiting.length >= this.#maxQueued) throw this.#busy('the decode queue is full');
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        cost,
        start: resolve,
        timer: setTimeout(() => {
          const i = this.#waiting.indexOf(waiter);
          if (i >= 0) this.#waiting.splice(i, 1);
          reject(this.#busy(`no decode slot came free within ${Math.round(this.#maxWaitMs / 1000)} s`));
          this.#pump();
        }, this.#maxWaitMs),
      };
      this.#waiting.push(waiter);
    });
    return this.#go(cost, job, true);
  }

  stats(): DecodeQueueStats {
    return { running: this.#running, queued: this.#waiting.length, reservedBytes: this.#reserved, peakReservedBytes: this.#peak, refused: this.#refused };
  }

  #fits(cost: number): boolean {
    return this.#running < this.#concurrency && (this.#running === 0 || this.#reserved + cost <= this.#memory);
  }

  async #go<T>(cost: number, job: () => Promise<T>, reserved = false): Promise<T> {
    if (!reserved) this.#reserve(cost);
    const started = performance.now();
    try {
      return await job();
    } finally {
      this.#avgMs = this.#avgMs * 0.8 + (performance.now() - started) * 0.2;
      this.#running--;
      this.#reserved -= cost;
      this.#pump();
    }
  }

  #reserve(cost: number): void {
    this.#running++;
    this.#reserved += cost;
    this.#peak = Math.max(this.#peak, this.#reserved);
  }

  /** Starts waiting jobs in arrival order while the head fits (no overtaking: large jobs are not starved). */
  #pump(): void {
    while (this.#waiting.length > 0 && this.#fits(this.#waiting[0]!.cost)) {
      const w = this.#waiting.shift()!;
      clearTimeout(w.timer);
      this.#reserve(w.cost);
      w.start();
    }
  }

  #busy(why: string): LifeguardError {
    this.#refused++;
    const ahead = this.#waiting.length + this.#running;
    const retryAfterSeconds = Math.min(60, Math.max(1, Math.ceil((ahead * this.#avgMs) / this.#concurrency / 1000)));
    return unavailable('decoder_busy', `the server is busy decoding other images (${why}); retry after ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * Estimated bytes a decode holds: the decoded output (kept once by libvips and once as the buffer handed to
 * the hasher) plus a fixed allowance for the decoder's own working memory.
 */
export function decodeCostBytes(outputPixels: number, channels: number): number {
  return outputPixels * channels * 2 + 8 * 1024 * 1024;
}
