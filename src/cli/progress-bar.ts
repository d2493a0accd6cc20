/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (never in pipes, logs or CI), at
 * most ten times a second.
 */
import type { Writable } from 'node:stream';

export interface ProgressBar {
  /** Sets how much is done (same unit as `total`). */
  update(done: number): void;
  /** Draws the final state and ends the line. */
  finish(): void;
}

export interface ProgressBarOptions {
  label: string;
  /** Total amount (bytes); 0 or unknown shows only the amount done. */
  total?: number;
  /** Draw only when true (the CLI passes io.isTTY). */
  enabled: boolean;
  width?: number;
  /** For tests: the clock. */
  now?: () => number;
}

const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;

/** A progress bar writing to `stream`; a no-op when not enabled. */
export function createProgressBar(stream: Writable, opts: ProgressBarOptions): ProgressBar {
  if (!opts.enabled) return { update() {}, finish() {} };
  const now = opts.now ?? Date.now;
  const width = opts.width ?? 30;
  const total = opts.total ?? 0;
  let last = -Infinity;
  let done = 0;
  let drawn = false;
  const draw = () => {
    drawn = true;
    if (total > 0) {
      const f = Math.min(1, done / total);
      const filled = Math.round(f * width);
      stream.write(`\r${opts.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${mib(done)}/${mib(total)}`);
    } else {
      stream.write(`\r${opts.label} ${mib(done)}`);
    }
  };
  return {
    update(n: number) {
      done = n;
      const t = now();
      if (t - last >= 100) {
        last = t;
        draw();
      }
    },
    finish() {
      draw();
      if (drawn) stream.write('\n');
    },
  };
}
