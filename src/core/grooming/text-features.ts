/**
 * Hashed text features of the learned component: word unigrams and bigrams of the normalised text — glossed
 * to English first when the chat is German, Dutch, French or Spanish — hashed into 2^bits buckets (no
 * vocabulary is stored, so no training text ends up in the model file).
 *
 * Each feature counts once per conversation (presence, not frequency): a small bitset remembers which
 * buckets were seen. So a conversation that repeats itself ("hello there 52", "hello there 53", …) adds
 * almost nothing after its first round, and the model's evidence grows with what was said, not with how
 * long or how often. Training (scripts/grooming-learn.ts) featurises through this same class, so what the
 * model learned and what it scores are the same thing.
 */
import { LanguageTally, type GlossLanguage } from './detect-language.ts';
import type { Glosser } from './gloss.ts';

/** FNV-1a over UTF-16 code units, 32-bit. */
export function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3 finaliser: spreads the bits of a combined hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Marks "no previous word" (start of the text), so the first bigram is start+word. */
export const START_HASH = 0x2545f491;

/** Bits of the seen-feature filter (1 KiB per conversation). */
export const SEEN_BITS = 13;
/** When this many filter bits are set, the filter starts afresh (a months-long chat keeps adding evidence). */
const SEEN_RESET = 1 << (SEEN_BITS - 1);

/**
 * Called for each feature seen for the first time: its bucket, the words the model saw (`read`) and the
 * index of the feature's last word in them, and whether it is a bigram (its first word is `read[i-1]`, or
 * the previous message's last word when i is 0).
 */
export type FeatureVisitor = (bucket: number, read: readonly string[], i: number, bigram: boolean) => void;

/** One conversation's feature stream: language, gloss, hashing and first-seen filtering, message by message. */
export class FeatureStream {
  private readonly mask: number;
  private readonly seen = new Uint32Array((1 << SEEN_BITS) >>> 5);
  private seenSet = 0;
  private prev = START_HASH;
  /** The last word the model read (for describing a bigram that spans two messages). */
  prevWord = '';
  private readonly tally = new LanguageTally();
  /** Features seen for the first time so far (the denominator of the learned score). */
  distinct = 0;
  /** Words read so far (after glossing). */
  words = 0;

  constructor(
    readonly bits: number,
    private readonly glosser?: Glosser,
  ) {
    this.mask = (1 << bits) - 1;
  }

  /** The conversation's language so far. */
  language(): GlossLanguage {
    return this.tally.current();
  }

  /** Reads one message's normalised words; returns the number of new features. */
  push(words: readonly string[], visit?: FeatureVisitor): number {
    const lang = this.tally.push(words);
    const read = this.glosser && lang !== 'en' ? this.glosser.gloss(words, lang) : words;
    let added = 0;
    let prev = this.prev;
    for (let i = 0; i < read.length; i++) {
      const h = hashWord(read[i]!);
      const uni = mix(h) & this.mask;
      const bi = mix(Math.imul(prev, 0x9e3779b1) ^ h ^ 0x68e31da4) & this.mask;
      if (this.firstSeen(uni)) {
        added++;
        visit?.(uni, read, i, false);
      }
      if (this.firstSeen(bi)) {
        added++;
        visit?.(bi, read, i, true);
      }
      prev = h;
    }
    this.prev = prev;
    if (read.length > 0) this.prevWord = read[read.length - 1]!;
    this.words += read.length;
    this.distinct += added;
    return added;
  }

  private firstSeen(bucket: number): boolean {
    const slot = bucket & ((1 << SEEN_BITS) - 1);
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    if (this.seen[word]! & bit) return false;
    if (this.seenSet >= SEEN_RESET) {
      this.seen.fill(0);
      this.seenSet = 0;
    }
    this.seen[word]! |= bit;
    this.seenSet++;
    return true;
  }
}
