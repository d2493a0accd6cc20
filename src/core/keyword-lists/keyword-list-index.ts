/**
 * The keyword entries of the banks in memory: entry id → normalised term, and the Aho–Corasick automaton
 * over them, rebuilt on the first scan after a change (entries change rarely; messages arrive all the time).
 */
import { KeywordAutomaton } from './keyword-automaton.ts';
import { keywordWords } from './keyword-text.ts';

export interface KeywordListHit {
  entryId: number;
  /** The stored (normalised) term. */
  value: string;
  /** Span of the original text that matched, for evidence. */
  text: string;
}

export class KeywordListIndex {
  readonly #terms = new Map<number, string>();
  #automaton: KeywordAutomaton | undefined;

  get size(): number {
    return this.#terms.size;
  }

  add(entryId: number, value: string): void {
    this.#terms.set(entryId, value);
    this.#automaton = undefined;
  }

  remove(entryId: number): void {
    if (this.#terms.delete(entryId)) this.#automaton = undefined;
  }

  /** Builds the automaton now (otherwise the next scan does). */
  build(): KeywordAutomaton {
    this.#automaton ??= new KeywordAutomaton((function* (terms) {
      for (const [id, value] of terms) yield { id, words: value.split(' ') };
    })(this.#terms));
    return this.#automaton;
  }

  /** Every listed term in `text`, each entry once. */
  match(text: string): KeywordListHit[] {
    if (this.#terms.size === 0) return [];
    const automaton = this.build();
    const { normalised, joined } = keywordWords(text);
    const hits: KeywordListHit[] = [];
    const seen = new Set<number>();
    automaton.scan(normalised.words, (h) => {
      if (seen.has(h.id)) return;
      seen.add(h.id);
      hits.push({ entryId: h.id, value: this.#terms.get(h.id)!, text: text.slice(normalised.origStarts[h.start]!, normalised.origEnds[h.end - 1]!) });
    });
    if (joined) {
      automaton.scan(joined, (h) => {
        if (seen.has(h.id)) return;
        seen.add(h.id);
        hits.push({ entryId: h.id, value: this.#terms.get(h.id)!, text: joined.slice(h.start, h.end).join(' ') });
      });
    }
    return hits;
  }
}
