/**
 * Small numbers for normalised words, so that what the detector knows of a word (its lexicon rules, frame
 * classes, language votes, cues, short-chat weights) is read from an array by the word's id instead of a map
 * lookup by its text. A message's words are looked up about ten times each across the detector, and a map
 * lookup costs as much as the rest of reading a word. The normaliser gives each word its id once, with the
 * token it came from (normalise.ts), so the lookups by text happen once per distinct token, not per message.
 *
 * Ids are shared by every normaliser and never change: a word keeps its id for the life of the process. The
 * first MAX_WORD_IDS distinct words get one; later words get NO_ID and are looked up by their text as before,
 * so memory stays bounded whatever is written (frequent words come early).
 */

/** Distinct words given an id, at most (a WordTable of this many slots is half a megabyte). */
export const MAX_WORD_IDS = 1 << 16;
/** The id of a word that has none: readers look it up by its text. */
export const NO_ID = -1;

const ids = new Map<string, number>();

/** The word's id, given on first sight (NO_ID once MAX_WORD_IDS words have one). */
export function wordId(word: string): number {
  const id = ids.get(word);
  if (id !== undefined) return id;
  if (ids.size >= MAX_WORD_IDS) return NO_ID;
  ids.set(word, ids.size);
  return ids.size - 1;
}

/**
 * What a reader derives from a word, computed once per word id (by `compute`, from the word's text) and then
 * read by id. A word without an id is computed each time. `compute` must be a pure function of the word, and
 * never return undefined (null says "nothing").
 */
export class WordTable<T> {
  private readonly values: (T | undefined)[] = [];

  constructor(private readonly compute: (word: string) => T) {}

  /** The value for `word`, whose id is `id` (NO_ID: computed, not kept). */
  get(id: number, word: string): T {
    if (id < 0) return this.compute(word);
    const values = this.values;
    if (id < values.length) {
      const v = values[id];
      if (v !== undefined) return v;
    } else {
      // Filled in order, never with holes: an array with a hole far past its end would become a slow dictionary.
      while (values.length <= id) values.push(undefined);
    }
    const v = this.compute(word);
    values[id] = v;
    return v;
  }
}

/** Whether `table` holds true for any of the words (read by their ids): a reader's cheap look before its pattern. */
export function someWordIn(table: WordTable<boolean>, words: readonly string[], ids: readonly number[]): boolean {
  for (let k = 0; k < words.length; k++) if (table.get(ids[k]!, words[k]!)) return true;
  return false;
}
