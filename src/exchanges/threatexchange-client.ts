/**
 * Meta's ThreatExchange, through the Graph API's `/<privacy group>/threat_updates` (the API that reproduces a
 * privacy group's contents exactly, deletions included): PDQ and MD5 hashes, paged with `paging.next`, resumed
 * from a stored checkpoint (the last update time seen, plus the page cursor while a fetch is under way), rate
 * limits (HTTP 429, or Graph error codes 4, 17, 32, 613) retried with backoff. Reviewers' opinions go back as
 * reactions on the indicator.
 */
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { signalTypeFor } from '../core/signal-types.ts';
import type { SignalTypeName } from '../core/banks/types.ts';
import type { ExchangeClient, FetchedEntry, FetchPage } from './exchange-client.ts';
import { exchangeError, httpGet } from './http-get.ts';

export interface ThreatExchangeSettings {
  privacyGroup: string;
  /** Default https://graph.facebook.com (tests point it at a local server). */
  baseUrl?: string;
  apiVersion?: string;
  /** Records per page (default 500). */
  pageSize?: number;
  timeoutMs?: number;
  backoffMs?: number;
}

export interface ThreatExchangeCredentials {
  /** `<app id>|<app secret>` or a user access token. */
  accessToken: string;
}

/** ThreatExchange indicator types → Lifeguard signal types. */
const indicatorTypes: Record<string, SignalTypeName> = { HASH_PDQ: 'pdq', HASH_MD5: 'md5', HASH_SHA256: 'sha256' };
/** Graph API error codes meaning "too many calls": retried, not failed. */
const rateLimitCodes = new Set([4, 17, 32, 613]);

interface Checkpoint {
  /** Unix seconds: fetch updates from here. */
  since: number;
  /** Page cursor of a fetch that stopped part-way. */
  after?: string;
}

const readCheckpoint = (c: string | null): Checkpoint => {
  try {
    const v = c ? (JSON.parse(c) as Partial<Checkpoint>) : {};
    return { since: typeof v.since === 'number' ? v.since : 0, ...(typeof v.after === 'string' ? { after: v.after } : {}) };
  } catch {
    return { since: 0 };
  }
};

const toSeconds = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v !== '') {
    if (/^\d+$/.test(v)) return Number(v);
    const t = Date.parse(v);
    if (Number.isFinite(t)) return Math.floor(t / 1000);
  }
  return undefined;
};

export function createThreatExchangeClient(settings: ThreatExchangeSettings, credentials: ThreatExchangeCredentials): ExchangeClient {
  const base = `${(settings.baseUrl ?? 'https://graph.facebook.com').replace(/\/$/, '')}/${settings.apiVersion ?? 'v18.0'}`;
  const retryableBody = (_status: number, text: string) => {
    try {
      return rateLimitCodes.has(Number((JSON.parse(text) as { error?: { code?: unknown } }).error?.code));
    } catch {
      return false;
    }
  };
  const get = (url: string, signal: AbortSignal) =>
    httpGet(url, {
      signal,
      retryableBody,
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      ...(settings.backoffMs !== undefined ? { backoffMs: settings.backoffMs } : {}),
    });

  return {
    kind: 'threatexchange',
    mode: 'incremental',
    async *fetch(checkpoint, signal) {
      const cp = readCheckpoint(checkpoint);
      const q = new URLSearchParams({
        access_token: credentials.accessToken,
        fields: 'id,indicator,type,last_updated,should_delete,tags',
        types: Object.keys(indicatorTypes).join(','),
        start_time: String(cp.since),
        limit: String(settings.pageSize ?? 500),
      });
      if (cp.after) q.set('after', cp.after);
      let url: string | undefined = `${base}/${encodeURIComponent(settings.privacyGroup)}/threat_updates?${q}`;
      let maxUpdated = cp.since;
      const seen = new Set<string>();
      while (url !== undefined) {
        if (seen.has(url)) throw exchangeError('exchange_bad_paging', 'threat_updates paging repeats a page');
        seen.add(url);
        const res = await get(url, signal);
        let body: { data?: unknown; paging?: { next?: unknown; cursors?: { after?: unknown } } };
        try {
          body = JSON.parse(res.text) as typeof body;
        } catch {
          throw exchangeError('exchange_bad_response', 'threat_updates answered with invalid JSON');
        }
        if (!Array.isArray(body.data)) throw exchangeError('exchange_bad_response', 'threat_updates answer has no data array');
        const page: FetchPage = { upserts: [], deletes: [], invalid: 0 };
        for (const r of body.data as Record<string, unknown>[]) {
          const id = typeof r?.id === 'string' || typeof r?.id === 'number' ? String(r.id) : undefined;
          const type = typeof r?.type === 'string' ? indicatorTypes[r.type] : undefined;
          const updated = toSeconds(r?.last_updated);
          if (updated !== undefined && updated > maxUpdated) maxUpdated = updated;
          if (id === undefined) {
            page.invalid++;
            continue;
          }
          if (r.should_delete === true) {
            page.deletes.push(id);
            continue;
          }
          if (type === undefined || typeof r.indicator !== 'string') {
            page.invalid++;
            continue;
          }
          try {
            const tags = Array.isArray(r.tags) ? r.tags.filter((t): t is string => typeof t === 'string') : [];
            const entry: FetchedEntry = { signalType: type, value: signalTypeFor(type).normalize(r.indicator), externalId: id, category: tags[0] ?? null };
            page.upserts.push(entry);
          } catch (e) {
            if (!isLifeguardError(e)) throw e;
            page.invalid++;
          }
        }
        const next = typeof body.paging?.next === 'string' && body.data.length > 0 ? body.paging.next : undefined;
        const after = typeof body.paging?.cursors?.after === 'string' ? body.paging.cursors.after : undefined;
        // Mid-fetch, resume from this page's cursor; after the last page, from the newest update seen.
        page.checkpoint = JSON.stringify(next !== undefined && after !== undefined ? { since: cp.since, after } : { since: maxUpdated });
        yield page;
        url = next;
      }
    },
    async reportOpinion(entry, opinion, signal) {
      const q = new URLSearchParams({ access_token: credentials.accessToken, reactions: opinion === 'false_positive' ? 'DISAGREE_WITH_ALL' : 'SAW_THIS_TOO' });
      await httpGet(`${base}/${encodeURIComponent(entry.externalId)}/reactions?${q}`, { signal, method: 'POST', retryableBody, attempts: 3 });
    },
  };
}
