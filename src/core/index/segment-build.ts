// Building blocks of a segment: the CSR posting lists of one chunk, and id-ordered entry arrays.
import { chunkValue } from './chunk-plan.ts';

/** Entries as flat arrays: ids[i] owns words[8i..8i+8]. */
export interface EntryArrays {
  ids: Uint32Array;
  words: Uint32Array;
}

/** Scratch reused across the chunks of one build: three uint32 arrays of n. */
export interface BuildScratch {
  keys: Uint32Array;
  tmpKeys: Uint32Array;
  tmpSlots: Uint32Array;
}

export const buildScratch = (n: number): BuildScratch => ({
  keys: new Uint32Array(n),
  tmpKeys: new Uint32Array(n),
  tmpSlots: new Uint32Array(n),
});

/**
 * Posting lists of one chunk in CSR form: the slots whose chunk value is v are
 * postings[offsets[v] .. offsets[v + 1]), in ascending slot order. Two stable counting-sort passes over
 * half-width digits keep every histogram in cache, which is several times faster than scattering straight
 * into 2^bits buckets.
 */
export function buildChunkPostings(
  words: Uint32Array,
  n: number,
  bits: number,
  chunk: number,
  scratch: BuildScratch,
): { offsets: Uint32Array; postings: Uint32Array } {
  const { keys, tmpKeys, tmpSlots } = scratch;
  const lowBits = bits >>> 1;
  const lowMask = (1 << lowBits) - 1;
  const low = new Uint32Array(1 << lowBits);
  const high = new Uint32Array(1 << (bits - lowBits));
  // Both digit histograms in the same pass that extracts the keys.
  for (let i = 0; i < n; i++) {
    const k = chunkValue(words, i * 8, bits, chunk);
    keys[i] = k;
    low[k & lowMask]++;
    high[k >>> lowBits]++;
  }
  prefixToStarts(low);
  prefixToStarts(high);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const p = low[k & lowMask]++;
    tmpKeys[p] = k;
    tmpSlots[p] = i;
  }
  const postings = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = tmpKeys[i]!;
    const p = high[k >>> lowBits]++;
    keys[p] = k;
    postings[p] = tmpSlots[i]!;
  }

  const size = 2 ** bits;
  const offsets = new Uint32Array(size + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    while (k <= key) offsets[k++] = i;
  }
  while (k <= size) offsets[k++] = n;
  return { offsets, postings };
}

function prefixToStarts(counts: Uint32Array): void {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    counts[i] = sum;
    sum += c;
  }
}

/** The same entries ordered by ascending id (ids must be distinct): LSD radix sort, two 16-bit passes. */
export function sortById(entries: EntryArrays): EntryArrays {
  const { ids, words } = entries;
  const n = ids.length;
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65536);
    for (let i = 0; i < n; i++) counts[(ids[i]! >>> shift) & 0xffff]++;
    prefixToStarts(counts);
    for (let i = 0; i < n; i++) {
      const from = order[i]!;
      next[counts[(ids[from]! >>> shift) & 0xffff]++] = from;
    }
    [order, next] = [next, order];
  }
  const sortedIds = next; // reuse the spare array
  const sortedWords = new Uint32Array(n * 8);
  for (let i = 0; i < n; i++) {
    const from = order[i]!;
    sortedIds[i] = ids[from]!;
    copyHash(words, from * 8, sortedWords, i * 8);
  }
  return { ids: sortedIds, words: sortedWords };
}

/** Merges two id-ordered entry lists with disjoint ids into one id-ordered list. */
export function mergeById(a: EntryArrays, b: EntryArrays): EntryArrays {
  const na = a.ids.length;
  const nb = b.ids.length;
  const ids = new Uint32Array(na + nb);
  const words = new Uint32Array((na + nb) * 8);
  let i = 0;
  let j = 0;
  for (let k = 0; k < na + nb; k++) {
    if (j >= nb || (i < na && a.ids[i]! < b.ids[j]!)) {
      ids[k] = a.ids[i]!;
      copyHash(a.words, i * 8, words, k * 8);
      i++;
    } else {
      ids[k] = b.ids[j]!;
      copyHash(b.words, j * 8, words, k * 8);
      j++;
    }
  }
  return { ids, words };
}

/** Copies the 8 words of one hash (a loop: subarray views would allocate per entry). */
export function copyHash(from: Uint32Array, fromOffset: number, to: Uint32Array, toOffset: number): void {
  for (let w = 0; w < 8; w++) to[toOffset + w] = from[fromOffset + w]!;
}
