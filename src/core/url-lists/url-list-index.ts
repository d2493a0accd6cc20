/**
 * An in-memory index of URL list entries (see url-pattern.ts): a map from canonical pattern (or digest) to the
 * entries holding it. A URL is checked by looking up each of its candidate patterns, and their digests for
 * the hash algorithms some entry uses — a handful of map lookups per URL, whatever the size of the list.
 */
import { urlCandidates, urlHashAlgorithms, type UrlDigest, type UrlHashAlgorithm } from './url-pattern.ts';
import type { FoundUrl } from './extract-urls.ts';

export interface UrlListHit {
  entryId: number;
  /** The stored entry value (canonical pattern or `alg:hex`). */
  value: string;
  /** The URL as found in the text. */
  written: string;
  /** Canonical form of the URL that matched. */
  canonical: string;
}

export class UrlListIndex {
  readonly #byValue = new Map<string, number | number[]>();
  readonly #byId = new Map<number, string>();
  readonly #algorithms = new Map<UrlHashAlgorithm, number>();

  /** Number of entries. */
  get size(): number {
    return this.#byId.size;
  }

  /** Adds (or re-adds) an entry with a normalised value. */
  add(entryId: number, value: string): void {
    if (this.#byId.has(entryId)) this.remove(entryId);
    this.#byId.set(entryId, value);
    const prev = this.#byValue.get(value);
    this.#byValue.set(value, prev === undefined ? entryId : Array.isArray(prev) ? [...prev, entryId] : [prev, entryId]);
    const alg = algorithmOf(value);
    if (alg) this.#algorithms.set(alg, (this.#algorithms.get(alg) ?? 0) + 1);
  }

  /** Removes an entry; unknown ids are ignored. */
  remove(entryId: number): void {
    const value = this.#byId.get(entryId);
    if (value === undefined) return;
    this.#byId.delete(entryId);
    const prev = this.#byValue.get(value);
    if (Array.isArray(prev)) {
      const rest = prev.filter((id) => id !== entryId);
      this.#byValue.set(value, rest.length === 1 ? rest[0]! : rest);
    } else this.#byValue.delete(value);
    const alg = algorithmOf(value);
    if (alg) {
      const n = (this.#algorithms.get(alg) ?? 1) - 1;
      if (n === 0) this.#algorithms.delete(alg);
      else this.#algorithms.set(alg, n);
    }
  }

  /** Every entry matching one of the URLs. `digest` is needed only when the index holds hashed entries. */
  match(urls: readonly FoundUrl[], digest?: UrlDigest): UrlListHit[] {
    const hits: UrlListHit[] = [];
    if (this.#byId.size === 0) return hits;
    const seen = new Set<number>();
    for (const f of urls) {
      for (const c of urlCandidates(f.url)) {
        this.#collect(c, f, hits, seen);
        if (digest) for (const alg of urlHashAlgorithms) if (this.#algorithms.has(alg)) this.#collect(`${alg}:${digest(alg, c)}`, f, hits, seen);
      }
    }
    return hits;
  }

  #collect(key: string, f: FoundUrl, hits: UrlListHit[], seen: Set<number>): void {
    const ids = this.#byValue.get(key);
    if (ids === undefined) return;
    for (const id of Array.isArray(ids) ? ids : [ids]) {
      if (seen.has(id)) continue;
      seen.add(id);
      hits.push({ entryId: id, value: key, written: f.written, canonical: f.url.canonical });
    }
  }
}

function algorithmOf(value: string): UrlHashAlgorithm | undefined {
  const colon = value.indexOf(':');
  if (colon < 3 || colon > 6) return undefined;
  const alg = value.slice(0, colon);
  return (urlHashAlgorithms as readonly string[]).includes(alg) && !value.includes('/') ? (alg as UrlHashAlgorithm) : undefined;
}
