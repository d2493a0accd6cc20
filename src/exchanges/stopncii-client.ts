/**
 * StopNCII.org's hash API: `GET /v1/FetchHashes?startTimestamp=&pageSize=&nextPageToken=` with the
 * `Ocp-Apim-Subscription-Key` and a per-endpoint `x-functions-key`. Each record is the current state of one
 * (signalType, hashValue): ImagePDQ → pdq, VideoMD5 → md5; a `Withdrawn` or `Deleted` status removes it.
 * Incremental: the checkpoint is `nextSetTimestamp` after a complete fetch (and the page token part-way).
 * Reviewers' opinions go back through `POST /v1/SubmitFeedback` (NotBlocked for a false positive, Blocked
 * for a confirmed one) when a feedback function key is configured.
 */
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { signalTypeFor } from '../core/signal-types.ts';
import type { SignalTypeName } from '../core/banks/types.ts';
import type { ExchangeClient, FetchPage } from './exchange-client.ts';
import { exchangeError, httpGet } from './http-get.ts';

export interface StopNciiSettings {
  /** Default https://api.stopncii.org/v1. */
  baseUrl?: string;
  pageSize?: number;
  timeoutMs?: number;
  backoffMs?: number;
}

export interface StopNciiCredentials {
  subscriptionKey: string;
  fetchFunctionKey: string;
  feedbackFunctionKey?: string;
}

const types: Record<string, SignalTypeName> = { ImagePDQ: 'pdq', VideoMD5: 'md5' };
const removed = new Set(['Withdrawn', 'Deleted']);

export function createStopNciiClient(settings: StopNciiSettings, credentials: StopNciiCredentials): ExchangeClient {
  const base = (settings.baseUrl ?? 'https://api.stopncii.org/v1').replace(/\/$/, '');
  const common = {
    ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
    ...(settings.backoffMs !== undefined ? { backoffMs: settings.backoffMs } : {}),
  };
  const client: ExchangeClient = {
    kind: 'stopncii',
    mode: 'incremental',
    async *fetch(checkpoint, signal) {
      let cp: { since: number; next?: string } = { since: 10 };
      try {
        if (checkpoint) cp = JSON.parse(checkpoint) as typeof cp;
      } catch {
        // unreadable: start over (records are idempotent upserts)
      }
      let token = cp.next;
      for (let page = 0; ; page++) {
        if (page > 100_000) throw exchangeError('exchange_bad_paging', 'StopNCII paging does not end');
        const q = new URLSearchParams({ startTimestamp: String(cp.since), pageSize: String(settings.pageSize ?? 800) });
        if (token) q.set('nextPageToken', token);
        const { text } = await httpGet(`${base}/FetchHashes?${q}`, {
          signal,
          headers: { 'x-functions-key': credentials.fetchFunctionKey, 'Ocp-Apim-Subscription-Key': credentials.subscriptionKey },
          ...common,
        });
        let body: { hashRecords?: unknown; hasMoreRecords?: unknown; nextPageToken?: unknown; nextSetTimestamp?: unknown };
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          throw exchangeError('exchange_bad_response', 'FetchHashes answered with invalid JSON');
        }
        if (!Array.isArray(body.hashRecords)) throw exchangeError('exchange_bad_response', 'FetchHashes answer has no hashRecords');
        const out: FetchPage = { upserts: [], deletes: [], invalid: 0 };
        for (const r of body.hashRecords as Record<string, unknown>[]) {
          const type = typeof r?.signalType === 'string' ? types[r.signalType] : undefined;
          if (type === undefined || typeof r.hashValue !== 'string') {
            out.invalid++;
            continue;
          }
          try {
            const value = signalTypeFor(type).normalize(r.hashValue);
            const externalId = `${r.signalType}:${value}`;
            if (typeof r.hashStatus === 'string' && removed.has(r.hashStatus)) out.deletes.push(externalId);
            else out.upserts.push({ signalType: type, value, externalId, category: null });
          } catch (e) {
            if (!isLifeguardError(e)) throw e;
            out.invalid++;
          }
        }
        const more = body.hasMoreRecords === true && typeof body.nextPageToken === 'string' && body.nextPageToken !== '';
        const nextSet = typeof body.nextSetTimestamp === 'number' ? body.nextSetTimestamp : cp.since;
        out.checkpoint = JSON.stringify(more ? { since: cp.since, next: body.nextPageToken } : { since: nextSet });
        yield out;
        if (!more) return;
        token = body.nextPageToken as string;
      }
    },
  };
  if (credentials.feedbackFunctionKey) {
    const key = credentials.feedbackFunctionKey;
    client.reportOpinion = async (entry, opinion, signal) => {
      const body = JSON.stringify({ count: 1, hashFeedbacks: [{ hashValue: entry.value, feedbackValue: opinion === 'false_positive' ? 'NotBlocked' : 'Blocked', tags: [] }] });
      await httpGet(`${base}/SubmitFeedback`, {
        signal,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-functions-key': key, 'Ocp-Apim-Subscription-Key': credentials.subscriptionKey },
        ...common,
      });
    };
  }
  return client;
}
