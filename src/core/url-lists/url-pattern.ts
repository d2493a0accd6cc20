/**
 * What a URL list entry matches. Three forms, stored canonical:
 * - exact page: `example.com/a/b?x=1` (written as any URL, with or without scheme);
 * - path prefix: `example.com/a/*` — the page `example.com/a` and everything below it;
 * - whole domain: `*.example.com` — the host and every subdomain, any path (written `*.example.com`,
 *   `example.com/*` or `domain:example.com`);
 * - hashed: `sha1:<hex>`, `sha256:<hex>`, `md5:<hex>` — the digest of one of the canonical forms above, for
 *   lists that do not reveal their pages.
 */
import { invalidInput } from '../lifeguard-error.ts';
import { normaliseUrl, type NormalisedUrl } from './normalise-url.ts';

export const urlHashAlgorithms = ['sha1', 'sha256', 'md5'] as const;
export type UrlHashAlgorithm = (typeof urlHashAlgorithms)[number];
const hashHexLength: Record<UrlHashAlgorithm, number> = { sha1: 40, sha256: 64, md5: 32 };

/** Digest of a canonical URL form, as lower-case hex (injected: the core does no I/O or native hashing). */
export type UrlDigest = (algorithm: UrlHashAlgorithm, text: string) => string;

const hashedRe = /^(sha1|sha256|md5):([0-9a-fA-F]+)$/i;

/** Canonical form of a URL list entry; throws invalid_value when it is none of the accepted forms. */
export function normaliseUrlPattern(written: string): string {
  const v = typeof written === 'string' ? written.trim() : '';
  const bad = (why: string) => invalidInput('invalid_value', `not a URL list entry (${why}): ${JSON.stringify(v.slice(0, 60))}`);
  if (v === '') throw bad('empty');
  const hashed = hashedRe.exec(v);
  if (hashed) {
    const alg = hashed[1]!.toLowerCase() as UrlHashAlgorithm;
    const hex = hashed[2]!.toLowerCase();
    if (hex.length !== hashHexLength[alg]) throw bad(`${alg} is ${hashHexLength[alg]} hex digits`);
    return `${alg}:${hex}`;
  }
  let domain: string | undefined;
  if (/^domain:/i.test(v)) domain = v.slice(7);
  else if (v.startsWith('*.')) domain = v.slice(2);
  if (domain !== undefined) {
    const n = normaliseUrl(domain);
    if (!n || n.path !== '' || n.query !== '') throw bad('a domain entry is a host name only');
    return `*.${n.host}${n.port}`;
  }
  const prefix = v.endsWith('*');
  const n = normaliseUrl(prefix ? v.slice(0, -1) : v);
  if (!n) throw bad('no http(s) URL or host name');
  if (prefix) {
    if (n.query !== '') throw bad('a prefix entry ends at a path, not inside a query');
    // `example.com/*` is the whole site: the domain form, so subdomains match too.
    return n.path === '' ? `*.${n.host}${n.port}` : `${n.host}${n.port}${n.path}/*`;
  }
  return n.canonical;
}

/**
 * Every canonical pattern that would match `u`: the page itself, each path prefix, each enclosing domain.
 * A list matches the URL when it holds any of them (or the digest of any of them).
 */
export function urlCandidates(u: NormalisedUrl): string[] {
  const out = [u.canonical];
  const hp = `${u.host}${u.port}`;
  const segs = u.path.split('/').filter(Boolean);
  for (let i = segs.length; i >= 1; i--) out.push(`${hp}/${segs.slice(0, i).join('/')}/*`);
  const labels = u.host.split('.');
  for (let i = 0; i < labels.length - 1; i++) out.push(`*.${labels.slice(i).join('.')}${u.port}`);
  if (labels.length === 1) out.push(`*.${u.host}${u.port}`);
  return [...new Set(out)];
}
