/**
 * Meta's ThreatExchange, through the Graph API's `/<privacy group>/threat_updates` (the API that reproduces a
 * privacy group's contents exactly, deletions included): PDQ and MD5 hashes, paged with `paging.next`, resumed
 * from a stored checkpoint (the last update time seen, plus the page cursor while a fetch is under way), rate
 * limits (HTTP 429, or Graph error codes 4, 17, 32, 613) retried with backoff. Reviewers' opinions go back as
 * reactions (NON_MALICIOUS for a false positive, SAW_THIS_TOO for a confirmed one) on the indicator's descriptors
 * in the group: GET /<indicator id>?fields=descriptors, then POST /<descriptor id> with `reactions=`. Confirmed
 * hashes are shared (when `push` is set) as new descriptors: POST /threat_descriptors with type, indicator,
 * status, share_level, privacy_type=HAS_PRIVACY_GROUP and privacy_members=<group>; after a lost answer,
 * GET /threat_descriptors?text=<hash>&type=<type>&owner=<app id> says whether the share already exists.
 * Field names as in Meta's ThreatExchange reference (threat_updates, threat-descriptor, reacting, privacy).
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
  /** Share confirmed hashes into the group (off when absent). */
  push?: { shareLevel?: 'WHITE' | 'GREEN' | 'AMBER' | 'RED'; status?: 'MALICIOUS' | 'SUSPICIOUS'; appId?: string; types?: SignalTypeName[] };
}

export interface ThreatExchangeCredentials {
  /** `<app id>|<app secret>` or a user access token. */
  accessToken: string;
}

/** ThreatExchange indicator types → Lifeguard signal types. */
const indicatorTypes: Record<string, SignalTypeName> = { HASH_PDQ: 'pdq', HASH_MD5: 'md5', HASH_SHA256: 'sha256' };
const typeNames: Partial<Record<SignalTypeName, string>> = { pdq: 'HASH_PDQ', md5: 'HASH_MD5', sha256: 'HASH_SHA256' };
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

  const appIdOf = (p: NonNullable<ThreatExchangeSettings['push']>) => p.appId ?? (/^(\d+)\|/.exec(credentials.accessToken)?.[1] ?? null);
  const sharing = (p: NonNullable<ThreatExchangeSettings['push']>): Pick<ExchangeClient, 'shareTypes' | 'share' | 'findShared'> => ({
    shareTypes: p.types ?? ['pdq', 'md5'],
    async share(item, _idempotencyKey, signal) {
      const type = typeNames[item.signalType];
      if (type === undefined) throw exchangeError('exchange_unsupported_type', `ThreatExchange takes no ${item.signalType} descriptors`);
      const form = new URLSearchParams({
        access_token: credentials.accessToken,
        type,
        indicator: item.value,
        status: p.status ?? 'MALICIOUS',
        share_level: p.shareLevel ?? 'AMBER',
        privacy_type: 'HAS_PRIVACY_GROUP',
        privacy_members: settings.privacyGroup,
        description: 'Confirmed by a trained reviewer of the sharing platform',
        ...(item.category !== null ? { tags: `uk_category_${item.category.toLowerCase()}` } : {}),
      });
      // One attempt: a lost answer is settled by findShared next round, never by posting again blind.
      const res = await httpGet(`${base}/threat_descriptors`, { signal, method: 'POST', attempts: 1, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), retryableBody });
      let id: unknown;
      try {
        id = (JSON.parse(res.text) as { id?: unknown }).id;
      } catch {
        id = undefined;
      }
      return { remoteId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
    },
    async findShared(item, signal) {
      const type = typeNames[item.signalType];
      const owner = appIdOf(p);
      if (type === undefined || owner === null) throw exchangeError('exchange_cannot_check', 'cannot tell whether the share exists (no app id)');
      const q = new URLSearchParams({ access_token: credentials.accessToken, text: item.value, type, owner, fields: 'id,raw_indicator,indicator,owner', limit: '100' });
      const res = await get(`${base}/threat_descriptors?${q}`, signal);
      let data: { id?: unknown; raw_indicator?: unknown; indicator?: { indicator?: unknown } }[];
      try {
        data = ((JSON.parse(res.text) as { data?: unknown }).data ?? []) as typeof data;
      } catch {
        throw exchangeError('exchange_bad_response', 'threat_descriptors answered with invalid JSON');
      }
      const mine = Array.isArray(data) ? data.find((d) => String(d?.raw_indicator ?? d?.indicator?.indicator ?? '').toLowerCase() === item.value) : undefined;
      return mine && (typeof mine.id === 'string' || typeof mine.id === 'number') ? String(mine.id) : null;
    },
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
      // Reactions go on descriptors; the entry's external id is the indicator's id (as /threat_updates gives it).
      const token = new URLSearchParams({ access_token: credentials.accessToken });
      const res = await get(`${base}/${encodeURIComponent(entry.externalId)}?fields=descriptors&${token}`, signal);
      let ids: string[];
      try {
        const body = JSON.parse(res.text) as { descriptors?: { data?: { id?: unknown }[] } };
        ids = (body.descriptors?.data ?? []).map((d) => d?.id).filter((id): id is string | number => typeof id === 'string' || typeof id === 'number').map(String);
      } catch {
        throw exchangeError('exchange_bad_response', 'the indicator answered with invalid JSON');
      }
      const reactions = opinion === 'false_positive' ? 'NON_MALICIOUS' : 'SAW_THIS_TOO';
      for (const id of ids) {
        await httpGet(`${base}/${encodeURIComponent(id)}?${token}`, {
          signal,
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ reactions }).toString(),
          retryableBody,
          attempts: 3,
        });
      }
    },
    ...(settings.push !== undefined ? sharing(settings.push) : {}),
  };
}

