/**
 * NCMEC's hash sharing API (v2): `GET /v2/entries?from=&to=` with HTTP Basic credentials answers an XML
 * `queryResult` of images and videos (`<id>`, `<timestamp>`, `<classification>`, `<fingerprints>` with md5,
 * sha1, pdq, pdna), deletions as `<deletedImage>`/`<deletedVideo>`, and `<paging><next>` for the next page.
 * Incremental: the checkpoint is the time the last complete fetch reached (and the page URL part-way).
 * Each fingerprint becomes one entry with external id `<entry id>:<type>`: md5, pdq, and PhotoDNA as an
 * `opaque` value `pdna:<value>` (match it by sending the platform's own PhotoDNA the same way). SHA-1 has no
 * signal type and is skipped.
 */
import { isLifeguardError } from '../core/lifeguard-error.ts';
import { signalTypeFor } from '../core/signal-types.ts';
import type { SignalTypeName } from '../core/banks/types.ts';
import type { ExchangeClient, FetchPage } from './exchange-client.ts';
import { exchangeError, httpGet } from './http-get.ts';

export interface NcmecSettings {
  /** Default https://hashsharing.ncmec.org/npo (tests point it at a local server). */
  baseUrl?: string;
  /** First fetch starts here (ISO time), default the Unix epoch. */
  startAt?: string;
  timeoutMs?: number;
  backoffMs?: number;
}

export interface NcmecCredentials {
  username: string;
  password: string;
}

const fingerprintTypes: Record<string, { type: SignalTypeName; prefix?: string }> = { md5: { type: 'md5' }, pdq: { type: 'pdq' }, pdna: { type: 'opaque', prefix: 'pdna:' } };
/** Every external-id suffix an entry may have (a deletion removes them all). */
const suffixes = Object.values(fingerprintTypes).map((f) => f.type);

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const tag = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? unescape(m[1]!.trim()) : undefined;
};

interface Checkpoint {
  from: string;
  /** Page URL (path and query) of a fetch that stopped part-way, and the `to` it was bounded by. */
  next?: string;
  to?: string;
}

export function createNcmecClient(settings: NcmecSettings, credentials: NcmecCredentials): ExchangeClient {
  const base = (settings.baseUrl ?? 'https://hashsharing.ncmec.org/npo').replace(/\/$/, '');
  const auth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const get = (url: string, signal: AbortSignal) =>
    httpGet(url, {
      signal,
      headers: { authorization: auth, accept: 'application/xml' },
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      ...(settings.backoffMs !== undefined ? { backoffMs: settings.backoffMs } : {}),
    });
  return {
    kind: 'ncmec',
    mode: 'incremental',
    async *fetch(checkpoint, signal) {
      let cp: Checkpoint = { from: settings.startAt ?? new Date(0).toISOString() };
      try {
        if (checkpoint) cp = JSON.parse(checkpoint) as Checkpoint;
      } catch {
        // An unreadable checkpoint: start again from the configured start (upserts are idempotent).
      }
      const to = cp.to ?? new Date().toISOString();
      let url: string | undefined = cp.next ? `${base}${cp.next}` : `${base}/v2/entries?${new URLSearchParams({ from: cp.from, to })}`;
      const seen = new Set<string>();
      while (url !== undefined) {
        if (seen.has(url)) throw exchangeError('exchange_bad_paging', 'NCMEC paging repeats a page');
        seen.add(url);
        const { text } = await get(url, signal);
        if (!/<queryResult[\s>]/.test(text) || !/<\/queryResult>\s*$/.test(text.trim())) throw exchangeError('exchange_bad_response', 'NCMEC answered without a complete queryResult');
        const page: FetchPage = { upserts: [], deletes: [], invalid: 0 };
        for (const m of text.matchAll(/<(image|video)>([\s\S]*?)<\/\1>/g)) {
          const body = m[2]!;
          const id = tag(body, 'id');
          const fingerprints = tag(body, 'fingerprints');
          if (!id || fingerprints === undefined) {
            page.invalid++;
            continue;
          }
          const category = tag(body, 'classification') ?? null;
          let any = false;
          for (const [name, f] of Object.entries(fingerprintTypes)) {
            const raw = tag(fingerprints, name);
            if (raw === undefined) continue;
            try {
              page.upserts.push({ signalType: f.type, value: signalTypeFor(f.type).normalize((f.prefix ?? '') + raw), externalId: `${id}:${f.type}`, category });
              any = true;
            } catch (e) {
              if (!isLifeguardError(e)) throw e;
              page.invalid++;
            }
          }
          if (!any && !/<sha1>/.test(fingerprints)) page.invalid++;
        }
        for (const m of text.matchAll(/<deleted(?:Image|Video)>([\s\S]*?)<\/deleted(?:Image|Video)>/g)) {
          const id = tag(m[1]!, 'id');
          if (id) page.deletes.push(...suffixes.map((s) => `${id}:${s}`));
          else page.invalid++;
        }
        const next = tag(tag(text, 'paging') ?? '', 'next');
        page.checkpoint = JSON.stringify(next ? { from: cp.from, to, next } : { from: to });
        yield page;
        url = next ? `${base}${next}` : undefined;
      }
    },
  };
}
