/**
 * The URL and keyword entries of every bank, in memory, kept up to date with the store through its change log
 * (like the PDQ index): loaded once, then each refresh applies what was added, removed or disabled since.
 * Matching is synchronous, so pipeline detectors can use it inside their pure `handle`.
 */
import { createHash } from 'node:crypto';
import type { StoreCursor } from '../core/banks/types.ts';
import { TextListMatcher, textListTypes } from '../core/text-lists/text-list-matcher.ts';
import type { UrlDigest } from '../core/url-lists/url-pattern.ts';
import type { BankStore } from '../store/bank-store.ts';

/** Hex digest with Node's crypto (the core takes it injected). */
export const nodeUrlDigest: UrlDigest = (alg, text) => createHash(alg).update(text, 'utf8').digest('hex');

export interface TextListLoadReport {
  entries: number;
  urls: number;
  keywords: number;
  ms: number;
}

export class TextListIndex {
  readonly matcher = new TextListMatcher({ digest: nodeUrlDigest });
  readonly #store: BankStore;
  #cursor: StoreCursor = { entryId: 0, changeSeq: 0 };
  #refreshing: Promise<number> | undefined;

  private constructor(store: BankStore) {
    this.#store = store;
  }

  /** Loads every matchable URL and keyword entry. */
  static async load(store: BankStore): Promise<{ index: TextListIndex; report: TextListLoadReport }> {
    const started = performance.now();
    const index = new TextListIndex(store);
    index.#cursor = await store.cursor();
    const top = index.#cursor.entryId;
    const m = index.matcher;
    for await (const page of store.textEntryPages(textListTypes, 0)) {
      for (const e of page) if (e.id <= top) m.add(e.id, e.signalType, e.value, e.bankId); // later ones: the first refresh brings them
    }
    m.keywords.build();
    return { index, report: { entries: m.size, urls: m.urls.size, keywords: m.keywords.size, ms: Math.round(performance.now() - started) } };
  }

  /** Applies the store's changes since the last load or refresh; returns how many were applied. */
  refresh(): Promise<number> {
    this.#refreshing ??= (async () => {
      try {
        const { cursor, changes } = await this.#store.textDelta(textListTypes, this.#cursor);
        let n = 0;
        for await (const c of changes) {
          if (c.present) this.matcher.add(c.entryId, c.signalType, c.value!, c.bankId ?? 0);
          else this.matcher.remove(c.entryId);
          n++;
        }
        this.#cursor = cursor;
        if (n > 0) this.matcher.keywords.build();
        return n;
      } finally {
        this.#refreshing = undefined;
      }
    })();
    return this.#refreshing;
  }
}
