/**
 * URL normalisation as URL lists need it: one canonical string per page, so a listed URL matches however it
 * was written. Canonical form: `host[:port]/path[?query]` — no scheme (http and https are the same page for a
 * list), host lower-case without `www.` or a trailing dot (IDN as punycode), default ports dropped, dot
 * segments resolved, no trailing slash, percent-encoding in one form (unreserved characters decoded, the rest
 * upper-case hex), no fragment, no credentials.
 */

/** A URL split into the parts list matching needs. */
export interface NormalisedUrl {
  /** `host[:port]/path[?query]`, e.g. `example.com/a/b?x=1`. */
  canonical: string;
  /** Host without `www.`, lower-case, e.g. `example.com`. */
  host: string;
  /** `:port` when not the scheme's default, else ''. */
  port: string;
  /** Path without trailing slash ('' for the root), e.g. `/a/b`. */
  path: string;
  /** Query without `?` ('' when none). */
  query: string;
}

const schemeRe = /^[a-z][a-z0-9+.-]*:\/\//i;
const unreserved = /[A-Za-z0-9\-._~]/;

/** Decodes percent-escapes of unreserved characters and upper-cases the hex of the others. */
export function normalisePercent(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return unreserved.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

/** Canonical parts of a URL, or undefined when `raw` is not an http(s) URL or bare host[/path]. */
export function normaliseUrl(raw: string): NormalisedUrl | undefined {
  let s = raw.trim();
  if (s === '' || s.length > 4096 || /\s/.test(s)) return undefined;
  // Another scheme without '//' (mailto:, javascript:, data:) is no web page; `host:8080/x` is.
  if (!schemeRe.test(s) && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(s)) return undefined;
  if (s.startsWith('//')) s = `http:${s}`;
  else if (!schemeRe.test(s)) s = `http://${s}`;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  let host = u.hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.startsWith('www.')) host = host.slice(4);
  if (host === '' || !(host.includes('.') || host.startsWith('['))) return undefined;
  // URL already drops the scheme's default port; 80 and 443 are defaults for both schemes of a list.
  const port = u.port === '' || u.port === '80' || u.port === '443' ? '' : `:${u.port}`;
  let path = normalisePercent(u.pathname);
  while (path.endsWith('/')) path = path.slice(0, -1);
  const query = normalisePercent(u.search.startsWith('?') ? u.search.slice(1) : u.search);
  const canonical = `${host}${port}${path}${query ? `?${query}` : ''}`;
  return { canonical, host, port, path, query };
}
