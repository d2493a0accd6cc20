/**
 * Hashed text features of the learned component: word unigrams and bigrams of the normalised text — glossed
 * to English first when the chat is German, Dutch, French or Spanish — hashed into 2^bits buckets (no
 * vocabulary is stored, so no training text ends up in the model file).
 *
 * Each feature counts once per conversation (presence, not frequency): a small bitset remembers which
 * buckets were seen. So a conversation that repeats itself ("hello there 52", "hello there 53", …) adds
 * almost nothing after its first round, and the model's evidence grows with what was said, not with how
 * long or how often. Numbers above 25 are read by their length only ("93" → "#2", "2024" → "#4"): ages of
 * children and teenagers stay as they are, while counters, times and prices cannot add a new feature with
 * every message. Training (scripts/grooming-learn.ts) featurises through this same class, so what the model
 * learned and what it scores are the same thing.
 *
 * A second filter restarts every `epoch` messages, so the scorer can also read the recent part of a long
 * conversation as a segment of its own (features new to the epoch, not just new to the conversation).
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
 * Called for each feature new to the conversation or to the epoch: its bucket, the words the model saw
 * (`read`) and the index of the feature's last word in them, whether it is a bigram (its first word is
 * `read[i-1]`, or the previous message's last word when i is 0), and whether it is new to the conversation
 * and to the epoch.
 */
export type FeatureVisitor = (bucket: number, read: readonly string[], i: number, bigram: boolean, newToConversation: boolean, newToEpoch: boolean) => void;

/** A number token as the model reads it: 0–25 as written, larger ones by their number of digits. */
function numberShape(w: string): string {
  const c = w.charCodeAt(0);
  if (c < 48 || c > 57) return w;
  for (let i = 1; i < w.length; i++) {
    const d = w.charCodeAt(i);
    if (d < 48 || d > 57) return w;
  }
  if (w.length === 1 || (w.length === 2 && (c < 50 || (c === 50 && w.charCodeAt(1) <= 53)))) return w;
  return `#${Math.min(w.length, 9)}`;
}

const filterWords = (1 << SEEN_BITS) >>> 5;

/**
 * A bitset of seen buckets that starts afresh when half full, in a buffer its owner may share with a second
 * filter: word i of this filter is at `offset + i * stride`, so with the two filters interleaved (stride 2) a
 * feature's two bits are read from one cache line, not two a kilobyte apart — with thousands of conversations
 * the filters are not in cache, and these reads were the costliest part of the text score.
 */
class SeenFilter {
  private set = 0;

  constructor(
    private readonly bits: Uint32Array,
    private readonly offset: number,
    private readonly stride: number,
  ) {}

  /** True the first time a bucket is offered (since the last restart). */
  add(bucket: number): boolean {
    const slot = bucket & ((1 << SEEN_BITS) - 1);
    const word = this.offset + (slot >>> 5) * this.stride;
    const bit = 1 << (slot & 31);
    if (this.bits[word]! & bit) return false;
    if (this.set >= SEEN_RESET) this.clear();
    this.bits[word]! |= bit;
    this.set++;
    return true;
  }

  clear(): void {
    for (let i = 0; i < filterWords; i++) this.bits[this.offset + i * this.stride] = 0;
    this.set = 0;
  }

  /** Counts from zero again, once the owner has zeroed the whole buffer. */
  restart(): void {
    this.set = 0;
  }
}

/** One conversation's feature stream: language, gloss, hashing and first-seen filtering, message by message. */
export class FeatureStream {
  private readonly mask: number;
  private readonly seen: SeenFilter;
  private readonly epochSeen: SeenFilter | undefined;
  /** The filters' bits (both filters, interleaved). */
  private readonly buffer: Uint32Array;
  private prev = START_HASH;
  private messages = 0;
  /** The last word the model read (for describing a bigram that spans two messages). */
  prevWord = '';
  private readonly tally = new LanguageTally();
  /** Features seen for the first time so far (the denominator of the learned score). */
  distinct = 0;
  /** Words read so far (after glossing). */
  words = 0;
  /** Features new to the current epoch; the epoch restarts every `epoch` messages. */
  epochDistinct = 0;

  constructor(
    readonly bits: number,
    private readonly glosser?: Glosser,
    private readonly epoch = 0,
  ) {
    this.mask = (1 << bits) - 1;
    // One allocation for both filters: a typed array costs about 200 bytes of its own besides its data.
    const stride = epoch > 0 ? 2 : 1;
    const buffer = (this.buffer = new Uint32Array(filterWords * stride));
    this.seen = new SeenFilter(buffer, 0, stride);
    if (epoch > 0) this.epochSeen = new SeenFilter(buffer, 1, stride);
  }

  /** The conversation's language so far. */
  language(): GlossLanguage {
    return this.tally.current();
  }

  /** True when the next message starts a new epoch (the caller resets its epoch sums). */
  epochStarts(): boolean {
    return this.epoch > 0 && this.messages > 0 && this.messages % this.epoch === 0;
  }

  /**
   * Reads one message's normalised words (and their ids, when known: word-ids.ts); returns the number of
   * features new to the conversation.
   */
  push(words: readonly string[], visit?: FeatureVisitor, ids?: readonly number[]): number {
    if (this.epochSeen && this.epochStarts()) {
      this.epochSeen.clear();
      this.epochDistinct = 0;
    }
    this.messages++;
    const lang = this.tally.push(words, ids);
    const glossed = this.glosser && lang !== 'en' ? this.glosser.gloss(words, lang) : words;
    let read: string[] | undefined;
    for (let i = 0; i < glossed.length; i++) {
      const w = glossed[i]!;
      const shaped = numberShape(w);
      if (shaped !== w) (read ??= glossed.slice())[i] = shaped;
    }
    const seq = read ?? glossed;
    let added = 0;
    let prev = this.prev;
    for (let i = 0; i < seq.length; i++) {
      const h = hashWord(seq[i]!);
      const uni = mix(h) & this.mask;
      const bi = mix(Math.imul(prev, 0x9e3779b1) ^ h ^ 0x68e31da4) & this.mask;
      added += this.offer(uni, seq, i, false, visit);
      added += this.offer(bi, seq, i, true, visit);
      prev = h;
    }
    this.prev = prev;
    if (seq.length > 0) this.prevWord = seq[seq.length - 1]!;
    this.words += seq.length;
    this.distinct += added;
    return added;
  }

  private offer(bucket: number, seq: readonly string[], i: number, bigram: boolean, visit: FeatureVisitor | undefined): number {
    const conv = this.seen.add(bucket);
    const epoch = this.epochSeen ? this.epochSeen.add(bucket) : false;
    if (epoch) this.epochDistinct++;
    if ((conv || epoch) && visit) visit(bucket, seq, i, bigram, conv, epoch);
    return conv ? 1 : 0;
  }

  /** Starts over, as a new stream with the same settings (reusing the filters' buffer). */
  reset(): void {
    // Both filters at once (one fill, not a strided loop per filter).
    this.buffer.fill(0);
    this.seen.restart();
    this.epochSeen?.restart();
    this.prev = START_HASH;
    this.messages = 0;
    this.prevWord = '';
    this.tally.reset();
    this.distinct = 0;
    this.words = 0;
    this.epochDistinct = 0;
  }
}
