/**
 * Aho–Corasick over words: every listed term is a sequence of normalised words, and one pass over a
 * message's words finds every term in it, whole words only, in time linear in the message (plus the hits),
 * whatever the number of terms. Words are interned to integers; a goto transition is one Map lookup keyed
 * by (state, word). Built once, then read-only (rebuild to change it).
 */

export interface KeywordTerm {
  /** Entry id, returned with each hit. */
  id: number;
  /** Normalised words of the term (at least one). */
  words: readonly string[];
}

export interface KeywordHit {
  id: number;
  /** Index of the first and one past the last matched word in the scanned word list. */
  start: number;
  end: number;
}

// Word ids stay below 2^24 and states below 2^28, so state * 2^24 + word fits a double exactly.
const wordSpace = 2 ** 24;

export class KeywordAutomaton {
  readonly #wordIds = new Map<string, number>();
  readonly #goto = new Map<number, number>();
  #fail: Int32Array = new Int32Array(1);
  /** Nearest state along the fail chain (itself included) that ends a term, or -1. */
  #outLink: Int32Array = new Int32Array(1);
  #depth: Int32Array = new Int32Array(1);
  /** Term ids ending at each state. */
  readonly #outputs = new Map<number, number[]>();
  #states = 1;
  readonly terms: number;

  constructor(terms: Iterable<KeywordTerm>) {
    const depth: number[] = [0];
    let n = 0;
    for (const t of terms) {
      if (t.words.length === 0) continue;
      let s = 0;
      for (const w of t.words) {
        let id = this.#wordIds.get(w);
        if (id === undefined) {
          id = this.#wordIds.size;
          if (id >= wordSpace) throw new Error('keyword list has too many distinct words');
          this.#wordIds.set(w, id);
        }
        const key = s * wordSpace + id;
        let next = this.#goto.get(key);
        if (next === undefined) {
          next = this.#states++;
          this.#goto.set(key, next);
          depth.push(depth[s]! + 1);
        }
        s = next;
      }
      const out = this.#outputs.get(s);
      if (out) out.push(t.id);
      else this.#outputs.set(s, [t.id]);
      n++;
    }
    this.terms = n;
    this.#depth = Int32Array.from(depth);
    this.#buildLinks();
  }

  #buildLinks(): void {
    const states = this.#states;
    this.#fail = new Int32Array(states);
    this.#outLink = new Int32Array(states).fill(-1);
    // Children of each state, for the breadth-first pass.
    const children: [number, number][][] = Array.from({ length: states }, () => []);
    for (const [key, child] of this.#goto) {
      const parent = Math.floor(key / wordSpace);
      children[parent]!.push([key - parent * wordSpace, child]);
    }
    const queue: number[] = [];
    for (const [, child] of children[0]!) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      this.#outLink[s] = this.#outputs.has(s) ? s : this.#outLink[this.#fail[s]!]!;
      for (const [word, child] of children[s]!) {
        let f = this.#fail[s]!;
        let target = this.#goto.get(f * wordSpace + word);
        while (target === undefined && f !== 0) {
          f = this.#fail[f]!;
          target = this.#goto.get(f * wordSpace + word);
        }
        this.#fail[child] = target ?? 0;
        queue.push(child);
      }
    }
  }

  /** Every term found in `words` (a message's normalised words), in order of where they end. */
  scan(words: readonly string[], onHit: (hit: KeywordHit) => void): void {
    let s = 0;
    for (let i = 0; i < words.length; i++) {
      const id = this.#wordIds.get(words[i]!);
      if (id === undefined) {
        // A word no term contains: no match can span it.
        s = 0;
        continue;
      }
      let next = this.#goto.get(s * wordSpace + id);
      while (next === undefined && s !== 0) {
        s = this.#fail[s]!;
        next = this.#goto.get(s * wordSpace + id);
      }
      s = next ?? 0;
      for (let o = this.#outLink[s]!; o > 0; o = this.#outLink[this.#fail[o]!]!) {
        const d = this.#depth[o]!;
        for (const termId of this.#outputs.get(o)!) onHit({ id: termId, start: i + 1 - d, end: i + 1 });
      }
    }
  }
}
