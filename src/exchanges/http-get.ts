/**
 * GET with the failure handling every exchange needs: a timeout per request, a size limit, retries with
 * backoff on 429 and 5xx (honouring Retry-After), and errors as LifeguardError with the status and a short
 * reason, never the credentials in the URL.
 */
import { LifeguardError } from '../core/lifeguard-error.ts';

export interface HttpGetOptions {
  signal: AbortSignal;
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxBytes?: number;
  /** Attempts for a retryable failure (429, 5xx, network error), default 3. */
  attempts?: number;
  /** First backoff delay, doubled each attempt (default 500 ms); Retry-After wins when given (capped at 60 s). */
  backoffMs?: number;
  method?: 'GET' | 'POST';
  body?: string;
  /** For a non-2xx answer other than 429/5xx: true when its body says "slow down" (e.g. Graph API error 4/17/613). */
  retryableBody?: (status: number, text: string) => boolean;
}

export const exchangeError = (code: string, message: string, detail?: Record<string, unknown>) => new LifeguardError(code, 502, message, detail);

/** Strips query strings (which may carry access tokens) from a URL for messages. */
export const safeUrl = (url: string): string => url.replace(/\?.*$/, '');

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

/** The body of a successful response as text; throws exchange_http_error / exchange_timeout / exchange_unreachable. */
export async function httpGet(url: string, opts: HttpGetOptions): Promise<{ text: string; status: number; headers: Headers }> {
  const attempts = opts.attempts ?? 3;
  let delay = opts.backoffMs ?? 500;
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let retryAfterMs: number | undefined;
    try {
      const timeout = AbortSignal.timeout(opts.timeoutMs ?? 30_000);
      const res = await fetch(url, {
        method: opts.method ?? 'GET',
        ...(opts.headers ? { headers: opts.headers } : {}),
        ...(opts.body !== undefined ? { body: opts.body } : {}),
        signal: AbortSignal.any([opts.signal, timeout]),
        redirect: 'follow',
      });
      if (res.ok) return { text: await readLimited(res, opts.maxBytes ?? 64 * 1024 * 1024), status: res.status, headers: res.headers };
      const errorText = opts.retryableBody ? await readLimited(res, 64 * 1024).catch(() => '') : (await res.body?.cancel().catch(() => undefined), '');
      const ra = res.headers.get('retry-after');
      if (ra !== null && Number.isFinite(Number(ra)) && Number(ra) >= 0) retryAfterMs = Math.min(Number(ra) * 1000, 60_000);
      const slowDown = res.status === 429 || (opts.retryableBody?.(res.status, errorText) ?? false);
      last = exchangeError(slowDown ? 'exchange_rate_limited' : 'exchange_http_error', `${safeUrl(url)} answered ${res.status}`, { status: res.status });
      if (!slowDown && res.status < 500) throw last;
    } catch (e) {
      if (opts.signal.aborted) throw opts.signal.reason ?? e;
      if (e instanceof LifeguardError && e.code === 'exchange_http_error' && Number(e.detail?.status) < 500) throw e;
      if (e instanceof LifeguardError && e.code === 'exchange_too_large') throw e;
      last =
        e instanceof LifeguardError
          ? e
          : (e as Error).name === 'TimeoutError'
            ? exchangeError('exchange_timeout', `${safeUrl(url)} did not answer in time`)
            : exchangeError('exchange_unreachable', `${safeUrl(url)}: ${(e as Error).message}`);
    }
    if (attempt < attempts) await sleep(retryAfterMs ?? delay, opts.signal);
    delay *= 2;
  }
  throw last;
}

async function readLimited(res: Response, maxBytes: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw exchangeError('exchange_too_large', `response larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
