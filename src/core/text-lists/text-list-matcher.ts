/**
 * URL and keyword lists together, as the pipeline and the checks use them: one call finds every listed URL
 * (with obfuscated forms undone) and every listed term in a piece of text, and reports shorteners it cannot
 * see through. Pure: the digest for hashed URL lists is injected.
 */
import type { SignalTypeName } from '../banks/types.ts';
import { KeywordListIndex } from '../keyword-lists/keyword-list-index.ts';
import { extractUrls, type FoundUrl } from '../url-lists/extract-urls.ts';
import { UrlListIndex } from '../url-lists/url-list-index.ts';
import type { UrlDigest } from '../url-lists/url-pattern.ts';

/** One listed entry found in text. */
export interface TextListHit {
  entryId: number;
  bankId: number;
  signalType: 'url' | 'keyword';
  /** The stored value (canonical URL pattern, `alg:hex`, or normalised term). */
  value: string;
  /** What the text said: the URL as found, or the matched words as written. */
  found: string;
  /** The URL was hidden ("example[.]com", "hxxp", spaced dots). */
  obfuscated?: boolean;
}

export interface TextListResult {
  hits: TextListHit[];
  /** Every URL found in the text (canonical form). */
  urls: FoundUrl[];
  /** URLs through a shortener: unresolvable, so not checkable against a list. */
  unresolvable: string[];
}

/** The text signal types this matcher serves. */
export const textListTypes: readonly SignalTypeName[] = ['url', 'keyword'];

export class TextListMatcher {
  readonly urls = new UrlListIndex();
  readonly keywords = new KeywordListIndex();
  readonly #bankOf = new Map<number, number>();
  readonly #digest: UrlDigest | undefined;

  constructor(opts: { digest?: UrlDigest } = {}) {
    this.#digest = opts.digest;
  }

  get size(): number {
    return this.urls.size + this.keywords.size;
  }

  /** Adds or replaces an entry of a text type (other types are ignored). */
  add(entryId: number, signalType: string, value: string, bankId = 0): void {
    if (signalType === 'url') this.urls.add(entryId, value);
    else if (signalType === 'keyword') this.keywords.add(entryId, value);
    else return;
    this.#bankOf.set(entryId, bankId);
  }

  remove(entryId: number): void {
    this.urls.remove(entryId);
    this.keywords.remove(entryId);
    this.#bankOf.delete(entryId);
  }

  /** Listed URLs and terms in `text`. `only` restricts to one kind (a link preview checks URLs only). */
  match(text: string, only?: 'url' | 'keyword'): TextListResult {
    const hits: TextListHit[] = [];
    let urls: FoundUrl[] = [];
    if (only !== 'keyword') {
      urls = extractUrls(text);
      const byCanonical = new Map(urls.map((u) => [u.url.canonical, u]));
      for (const h of this.urls.match(urls, this.#digest)) {
        const hit: TextListHit = { entryId: h.entryId, bankId: this.#bankOf.get(h.entryId) ?? 0, signalType: 'url', value: h.value, found: h.written };
        if (byCanonical.get(h.canonical)?.obfuscated) hit.obfuscated = true;
        hits.push(hit);
      }
    }
    if (only !== 'url') {
      for (const h of this.keywords.match(text)) {
        hits.push({ entryId: h.entryId, bankId: this.#bankOf.get(h.entryId) ?? 0, signalType: 'keyword', value: h.value, found: h.text });
      }
    }
    return { hits, urls, unresolvable: urls.filter((u) => u.shortener).map((u) => u.written) };
  }
}
