/** Per-key token buckets: `burst` tokens, refilled at `rps` per second. In memory, so limits are per process. */

export interface RateLimiter {
  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string): number;
}

/** A token-bucket limiter; `rps` 0 disables limiting. `now` is injectable for tests. */
export function createRateLimiter(opts: { rps: number; burst: number; now?: () => number; maxKeys?: number }): RateLimiter {
  const now = opts.now ?? (() => performance.now());
  const maxKeys = opts.maxKeys ?? 100_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      if (opts.rps <= 0) return 0;
      const t = now();
      let b = buckets.get(key);
      if (b === undefined) {
        // Bounded memory: forget the oldest bucket (a forgotten key just starts full again).
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
        b = { tokens: opts.burst, at: t };
        buckets.set(key, b);
      } else {
        b.tokens = Math.min(opts.burst, b.tokens + ((t - b.at) / 1000) * opts.rps);
        b.at = t;
      }
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / opts.rps));
    },
  };
}
