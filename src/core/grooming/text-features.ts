/**
 * Hashed text features of the learned component: word unigrams and bigrams of the normalised text, hashed
 * into 2^bits buckets (no vocabulary is stored, so no training text ends up in the model file).
 * The model sees counts divided by the number of words, so a longer conversation does not score higher
 * just for being longer.
 */

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

/**
 * Calls `visit(bucket)` for every feature of `words` and returns the hash of the last word, to be passed as
 * `prevHash` for the next message so bigrams run across message boundaries as in a flattened segment.
 */
export function forEachFeature(words: readonly string[], prevHash: number, bits: number, visit: (bucket: number) => void): number {
  const mask = (1 << bits) - 1;
  let prev = prevHash;
  for (let i = 0; i < words.length; i++) {
    const h = hashWord(words[i]!);
    visit(mix(h) & mask);
    visit(mix(Math.imul(prev, 0x9e3779b1) ^ h ^ 0x68e31da4) & mask);
    prev = h;
  }
  return prev;
}
