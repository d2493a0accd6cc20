/** Work that outlives its request (a hash-list import): tracked so shutdown and tests can wait for it. */
import type { Logger } from './logger.ts';

export interface BackgroundTasks {
  /** Runs `task` in the background; failures are logged (the task records its own outcome). */
  run(name: string, task: () => Promise<void>): void;
  /** Resolves when every task started so far has finished. */
  drain(): Promise<void>;
}

/** A task tracker logging failures to `logger`. */
export function createBackgroundTasks(logger: Logger): BackgroundTasks {
  const running = new Set<Promise<void>>();
  return {
    run(name, task) {
      const p = task()
        .catch((err: unknown) => logger.error('background task failed', { task: name, err }))
        .finally(() => running.delete(p));
      running.add(p);
    },
    async drain() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
