/**
 * Authentication and scope checks: a key from `Authorization: Bearer <key>` (or `X-Api-Key`), verified
 * against the stored hashes (cached briefly), then the route's scope. `admin` may call every route.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { forbidden, unauthorized } from '../core/lifeguard-error.ts';
import type { ApiKey, ApiKeyStore } from '../store/api-key-store.ts';
import type { RouteAccess } from './route.ts';

/** The bearer token of a request, if any. */
export function tokenOf(headers: Headers): string | undefined {
  const auth = headers.get('authorization');
  if (auth !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m ? m[1] : undefined;
  }
  return headers.get('x-api-key')?.trim() || undefined;
}

export interface Authenticator {
  /** The key allowed to call a route with `access`; throws 401 (no or bad key) or 403 (wrong scope). */
  check(headers: Headers, access: Exclude<RouteAccess, 'public'>): Promise<ApiKey | undefined>;
  /** Drops cached verifications (after a revocation in this process). */
  forget(): void;
}

const sha = (s: string) => createHash('sha256').update(s).digest();

/**
 * An authenticator over `keys`. Verified keys are cached for `cacheMs` so a hot path does not hit the
 * database per request; a revocation made in another process therefore takes effect within `cacheMs`.
 */
export function createAuthenticator(keys: ApiKeyStore, opts: { metricsToken?: string; cacheMs?: number; now?: () => number } = {}): Authenticator {
  const cacheMs = opts.cacheMs ?? 5000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { key: ApiKey | undefined; until: number }>();
  const metricsDigest = opts.metricsToken === undefined ? undefined : sha(opts.metricsToken);

  async function verify(token: string): Promise<ApiKey | undefined> {
    const hit = cache.get(token);
    if (hit !== undefined && hit.until > now()) return hit.key;
    const key = await keys.verify(token);
    if (cache.size > 10_000) cache.clear();
    // Unknown tokens are cached too, so a flood of bad keys costs one lookup each per window.
    cache.set(token, { key, until: now() + cacheMs });
    return key;
  }

  return {
    async check(headers, access) {
      const token = tokenOf(headers);
      if (token === undefined) throw unauthorized('an API key is required: send `Authorization: Bearer <key>`');
      if (access === 'metrics' && metricsDigest !== undefined && timingSafeEqual(sha(token), metricsDigest)) return undefined;
      const key = await verify(token);
      if (key === undefined) throw unauthorized('the API key is not recognised or has been revoked');
      const needed = access === 'metrics' ? 'admin' : access;
      if (!key.scopes.includes(needed) && !key.scopes.includes('admin')) {
        throw forbidden(`this route needs the '${needed}' scope; the key has: ${key.scopes.join(', ')}`, { required: needed });
      }
      return key;
    },
    forget() {
      cache.clear();
    },
  };
}
