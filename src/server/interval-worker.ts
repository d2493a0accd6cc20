/**
 * A background job run every `intervalMs` (the evidence purge, referral resends): one pass at a time, never
 * overlapping; `stop` waits for the pass in hand; `drain` runs passes until one reports nothing left (tests).
 */
import type { Logger } from './logger.ts';

export interface IntervalWorker {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  drain(): Promise<void>;
}

/** `pass` resolves true when it did something (so `drain` runs it again). */
export function createIntervalWorker(name: string, intervalMs: number, pass: () => Promise<boolean>, logger: Logger): IntervalWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  const once = (): Promise<boolean> => {
    running ??= pass()
      .catch((err: unknown) => {
        logger.error(`${name} failed`, { err });
        return false;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  return {
    name,
    async start() {
      if (timer) return;
      timer = setInterval(() => void once(), intervalMs);
      timer.unref();
      // A first pass at start, so a process restarted more often than the interval still does the work.
      void once();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    async drain() {
      await running;
      for (let i = 0; i < 100 && (await once()); i++);
    },
  };
}
