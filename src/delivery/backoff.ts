/** Retry delays for webhook deliveries: exponential with "equal jitter" (half fixed, half random). */

export interface BackoffOptions {
  /** Delay before the 2nd attempt (ms); doubles each attempt. */
  baseMs: number;
  /** Longest delay (ms). */
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 10 * 60_000 };

/** Delay after the `attempt`-th failed attempt (1-based). `random` in [0, 1). */
export function backoffDelay(attempt: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
