/**
 * The generic "list at a URL" exchange: a JSON or CSV list served over HTTP(S), fetched whole on every run
 * (snapshot mode), page by page when the server pages it.
 *
 * - JSON: `{"entries": [{"type", "value" (or "hash"), "id"?, "category"?}, ...], "next"?: url}` or a bare array.
 * - CSV/TSV: a hash list as `bank import` reads it (header row; `type` optional with the `type` setting);
 *   the next page, if any, in a `Link: <url>; rel="next"` header.
 * A record that does not validate is counted as invalid and left out; it never stops the fetch.
 *
 * Sharing (optional, with the `pushUrl` setting): each confirmed hash is POSTed alone as
 * `{"type", "value", "category"}` (JSON) with an `Idempotency-Key` header that stays the same for every attempt
 * at the same hash; the server answers 2xx with `{"id"?}` and must treat a repeated key as the same share.
 */
import { HashListParser } from '../core/hash-list/hash-list-parser.ts';
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { computedSignalTypeNames, signalTypeFor } from '../core/signal-types.ts';
import type { SignalTypeName } from '../core/banks/types.ts';
import type { ExchangeClient, FetchedEntry, FetchPage } from './exchange-client.ts';
import { exchangeError, httpGet, safeUrl } from './http-get.ts';

export interface HttpListSettings {
  url: string;
  format: 'json' | 'csv';
  /** Signal type of records that name none. */
  type?: string;
  /** Where confirmed hashes are POSTed (sharing off when absent). */
  pushUrl?: string;
  /** Types to share (default pdq, md5, sha256). */
  pushTypes?: SignalTypeName[];
  /** Most pages followed in one fetch (a loop guard). */
  maxPages?: number;
  timeoutMs?: number;
}

export interface HttpListCredentials {
  /** Sent as `Authorization: Bearer <token>`. */
  bearerToken?: string;
  /** Extra headers (e.g. an API key header). */
  headers?: Record<string, string>;
}

export function createHttpListClient(settings: HttpListSettings, credentials: HttpListCredentials = {}): ExchangeClient {
  const headers: Record<string, string> = { accept: settings.format === 'json' ? 'application/json' : 'text/csv, text/plain', ...(credentials.headers ?? {}) };
  if (credentials.bearerToken) headers.authorization = `Bearer ${credentials.bearerToken}`;
  const pushUrl = settings.pushUrl;
  return {
    kind: 'http_list',
    mode: 'snapshot',
    ...(pushUrl !== undefined
      ? {
          shareTypes: settings.pushTypes ?? [...computedSignalTypeNames],
          async share(item, idempotencyKey, signal) {
            const res = await httpGet(pushUrl, {
              signal,
              method: 'POST',
              attempts: 1,
              headers: { ...headers, accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
              body: JSON.stringify({ type: item.signalType, value: item.value, category: item.category }),
              ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
            });
            let id: unknown;
            try {
              id = (JSON.parse(res.text || '{}') as { id?: unknown }).id;
            } catch {
              id = undefined;
            }
            return { remoteId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
          },
        }
      : {}),
    async *fetch(_checkpoint, signal) {
      let url: string | undefined = settings.url;
      const seen = new Set<string>();
      for (let page = 0; url !== undefined; page++) {
        if (page >= (settings.maxPages ?? 10_000) || seen.has(url)) throw exchangeError('exchange_bad_paging', `${safeUrl(settings.url)}: paging does not end`);
        seen.add(url);
        const res = await httpGet(url, { signal, headers, ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}) });
        const parsed: { entries: FetchedEntry[]; invalid: number; next?: string } =
          settings.format === 'json' ? parseJsonPage(res.text, settings.type) : parseCsvPage(res.text, settings.type);
        yield { upserts: parsed.entries, deletes: [], invalid: parsed.invalid } satisfies FetchPage;
        const next = settings.format === 'json' ? parsed.next : nextLink(res.headers.get('link'));
        url = next === undefined ? undefined : new URL(next, url).toString();
      }
    },
  };
}

function parseJsonPage(text: string, defaultType: string | undefined): { entries: FetchedEntry[]; invalid: number; next?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw exchangeError('exchange_bad_response', 'the list is not valid JSON');
  }
  const records = Array.isArray(body) ? body : (body as { entries?: unknown })?.entries;
  if (!Array.isArray(records)) throw exchangeError('exchange_bad_response', 'the JSON list has no "entries" array');
  const entries: FetchedEntry[] = [];
  let invalid = 0;
  for (const r of records) {
    const e = toEntry(r, defaultType);
    if (e) entries.push(e);
    else invalid++;
  }
  const next = Array.isArray(body) ? undefined : (body as { next?: unknown }).next;
  return { entries, invalid, ...(typeof next === 'string' && next !== '' ? { next } : {}) };
}

function toEntry(r: unknown, defaultType: string | undefined): FetchedEntry | undefined {
  if (typeof r !== 'object' || r === null) return undefined;
  const o = r as Record<string, unknown>;
  const type = typeof o.type === 'string' ? o.type.toLowerCase() : defaultType;
  const raw = typeof o.value === 'string' ? o.value : typeof o.hash === 'string' ? o.hash : undefined;
  if (type === undefined || raw === undefined) return undefined;
  try {
    const t = signalTypeFor(type);
    const value = t.normalize(raw);
    const id = typeof o.id === 'string' || typeof o.id === 'number' ? String(o.id) : `${t.name}:${value}`;
    const category = typeof o.category === 'string' ? o.category : null;
    return { signalType: t.name as FetchedEntry['signalType'], value, externalId: id, category };
  } catch (e) {
    if (isLifeguardError(e)) return undefined;
    throw e;
  }
}

function parseCsvPage(text: string, defaultType: string | undefined): { entries: FetchedEntry[]; invalid: number } {
  const parser = new HashListParser(defaultType !== undefined ? { defaultType } : {});
  const entries: FetchedEntry[] = [];
  let invalid = 0;
  const encoder = new TextEncoder();
  text.split(/\r?\n/).forEach((line, i) => {
    const r = parser.line({ number: i + 1, bytes: encoder.encode(line), tooLong: false });
    if (r.kind === 'entry') {
      const e = r.entry;
      entries.push({ signalType: e.signalType, value: e.value, externalId: e.externalId ?? `${e.signalType}:${e.value}`, category: e.category ?? null });
    } else if (r.kind === 'error') invalid++;
  });
  return { entries, invalid };
}

function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (m) return m[1];
  }
  return undefined;
}
