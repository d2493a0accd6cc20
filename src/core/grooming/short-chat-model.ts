/**
 * The short-chat model: a logistic model over one author's cue words (cue-words.ts), the cue pairs inside
 * one message, the lexicon categories the author reached, pairs of those at the author level, the author's
 * words, and the cues and categories of the others in the chat (partner features). It is
 * fitted on the project's own synthetic short chats (`npm run train:short-chats`, test/fixtures/short-chats)
 * and speaks only while a conversation is too short for the learned text model. An author needs a lexicon
 * signal a reviewer can read, or at least three of the model's own words shown as evidence with their spans
 * (conversation-state.ts); cue classes alone never flag.
 */
import { cues, cueWords, type Cue } from './cue-words.ts';
import type { WordNormaliser } from './gloss.ts';
import { signalCategories, type SignalCategory } from './types.ts';
import { WordTable } from './word-ids.ts';

export interface ShortChatModel {
  version: string;
  /** Score at or above which the model counts (chosen across writers for a low false-positive rate; train-short-chats.ts). */
  threshold: number;
  /**
   * In a short chat a rule that is not strong (flag-rules.ts) counts only for an author the model scores at or
   * above this (chosen with the threshold, across writers); absent, every rule counts.
   */
  ruleGate?: number;
  bias: number;
  weights: Readonly<Record<string, number>>;
}


/** Word → cue bit mask, over the same normalisation as messages. */
export class CueIndex {
  private readonly bits = new Map<string, number>();
  /** `bits` by word id (word-ids.ts). */
  private readonly bitsById = new WordTable((w: string) => this.bits.get(w) ?? 0);

  constructor(normalise: WordNormaliser) {
    cues.forEach((cue, i) => {
      for (const raw of cueWords[cue].split(/\s+/)) {
        for (const w of normalise(raw)) this.bits.set(w, (this.bits.get(w) ?? 0) | (1 << i));
      }
    });
  }

  /** The cues of one message, from its words as written (with their ids, when known) and as glossed to English. */
  mask(words: readonly string[], glossed: readonly string[], ids?: readonly number[]): number {
    let m = 0;
    if (ids === undefined) for (let i = 0; i < words.length; i++) m |= this.bits.get(words[i]!) ?? 0;
    else for (let i = 0; i < words.length; i++) m |= this.bitsById.get(ids[i]!, words[i]!);
    if (glossed !== words) for (let i = 0; i < glossed.length; i++) m |= this.bits.get(glossed[i]!) ?? 0;
    return m;
  }
}

/** Read once: an imported binding read in a hot loop costs a property lookup each time. */
const CUE_NAMES: readonly Cue[] = [...cues];
const CUE_COUNT = CUE_NAMES.length;
const cueName = (i: number): Cue => CUE_NAMES[i]!;

/** A word pair the model weighs: its feature word ("a b", made once, so reading a message builds no string) and weight. */
interface PairEntry {
  key: string;
  weight: number;
  /** Its number among the model's words and pairs (after the words' ids): what an author's kept words are searched by. */
  id: number;
}

/**
 * A word the model knows, alone or in a pair: what addWords needs of it, from one lookup per word of a message
 * (not one for the word, one for it as a pair's first word and one as a pair's second).
 */
interface VocabularyWord {
  /** Its index among the model's words: a pair's second word is looked up by it. */
  id: number;
  /** Its `w:` weight, or undefined when the model has none, or when the word is never kept (shorter than two letters, or with a digit). */
  single: number | undefined;
  /** Its `pw:` weight (the word said by someone else in the chat), or undefined, kept or not as `single`. */
  partner: number | undefined;
  /** Whether it starts any pair (only pairs of words both kept): the others are passed over without a lookup. */
  startsPairs: boolean;
}

/**
 * Every pair of a model's vocabulary in one open-addressed table keyed by its two words' indices (first × 2^21 +
 * second, exact in a double): a pair is found by one probe or a few, where a search of the first word's sorted
 * list read a dozen scattered slots for a common word ("the" starts thousands of pairs).
 */
interface PairTable {
  keys: Float64Array;
  entries: (PairEntry | undefined)[];
  mask: number;
}

const PAIR_SHIFT = 2 ** 21;
const pairSlot = (first: number, second: number, mask: number): number => (Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 1, 0x85ebca6b)) & mask;

function pairTable(list: readonly { first: number; second: number; pair: PairEntry }[]): PairTable {
  let size = 1;
  while (size < list.length * 2) size *= 2;
  const keys = new Float64Array(size).fill(-1);
  const entries = new Array<PairEntry | undefined>(size).fill(undefined);
  const mask = size - 1;
  for (const { first, second, pair } of list) {
    let slot = pairSlot(first, second, mask);
    while (keys[slot] !== -1) slot = (slot + 1) & mask;
    keys[slot] = first * PAIR_SHIFT + second;
    entries[slot] = pair;
  }
  return { keys, entries, mask };
}

/** The pair the word of index `first` starts with the word of index `second`, or undefined. */
function pairWith(t: PairTable, first: number, second: number): PairEntry | undefined {
  const key = first * PAIR_SHIFT + second;
  let slot = pairSlot(first, second, t.mask);
  for (;;) {
    const k = t.keys[slot]!;
    if (k === key) return t.entries[slot];
    if (k === -1) return undefined;
    slot = (slot + 1) & t.mask;
  }
}

/** The model's words (`w:` features, and the words of its pairs `w:a b`), and how many `w:` single words it weighs. */
interface Vocabulary {
  words: Map<string, VocabularyWord>;
  pairs: PairTable;
  /** `words` by word id (word-ids.ts; null: not a model word). */
  byId: WordTable<VocabularyWord | null>;
  singles: number;
}

/** The model's vocabulary, built once per model. */
const vocabularyCache = new WeakMap<ShortChatModel, Vocabulary>();
function vocabulary(model: ShortChatModel): Vocabulary {
  let m = vocabularyCache.get(model);
  if (!m) {
    const words = new Map<string, VocabularyWord>();
    let singles = 0;
    const entry = (w: string): VocabularyWord => {
      let e = words.get(w);
      if (!e) words.set(w, (e = { id: words.size, single: undefined, partner: undefined, startsPairs: false }));
      return e;
    };
    /** The pairs each word starts, with their second word's id. */
    const pairs = new Map<VocabularyWord, { second: number; pair: PairEntry }[]>();
    const kept = (w: string) => w.length >= 2 && !hasDigit(w);
    for (const [k, v] of Object.entries(model.weights)) {
      if (k.startsWith('pw:')) {
        const e = entry(k.slice(3));
        if (kept(k.slice(3))) e.partner = v;
        continue;
      }
      if (!k.startsWith('w:')) continue;
      const sp = k.indexOf(' ');
      if (sp < 0) {
        singles++;
        const e = entry(k.slice(2));
        if (kept(k.slice(2))) e.single = v;
        continue;
      }
      const first = k.slice(2, sp);
      const second = k.slice(sp + 1);
      const a = entry(first);
      const b = entry(second);
      if (!kept(first) || !kept(second)) continue;
      const list = pairs.get(a);
      const pair = { second: b.id, pair: { key: k.slice(2), weight: v, id: -1 } };
      if (list) list.push(pair);
      else pairs.set(a, [pair]);
    }
    // Pairs are numbered after the words, so a word and a pair never share a number (AuthorCues.keys).
    if (words.size > PAIR_SHIFT) throw new Error(`short-chat model: ${words.size} words, more than a pair key holds`);
    let id = words.size;
    const all: { first: number; second: number; pair: PairEntry }[] = [];
    for (const [a, list] of pairs) {
      for (const p of list) {
        p.pair.id = id++;
        all.push({ first: a.id, second: p.second, pair: p.pair });
      }
      a.startsPairs = true;
    }
    vocabularyCache.set(model, (m = { words, pairs: pairTable(all), byId: new WordTable((w: string) => words.get(w) ?? null), singles }));
  }
  return m;
}

/** Scratch of addWords: the vocabulary entry of each word of the message (null: not a model word). */
const vocabularyScratch: (VocabularyWord | null)[] = [];

/**
 * The model's cue, category and pair weights in arrays, built once per model, so a score reads numbers by index
 * instead of building a feature name per weight. Index i < CUE_COUNT is cue i, CUE_COUNT + j is modelCategories[j]
 * (the order in which scoreWith lists an author's features); a missing weight is 0.
 */
interface WeightTables {
  /** `c:` and `s:` weights. */
  single: Float64Array;
  /** `a:` weights of a pair of those, at [i * size + j] (i < j). */
  pair: Float64Array;
  /** `m:` weights of a pair of cues in one message, at [i * CUE_COUNT + j] (i < j). */
  inMessage: Float64Array;
  /** `pc:` and `ps:` weights (the others' cues and categories), indexed as `single`. */
  partner: Float64Array;
  size: number;
}
const tableCache = new WeakMap<ShortChatModel, WeightTables>();
function weightTables(model: ShortChatModel): WeightTables {
  let t = tableCache.get(model);
  if (!t) {
    const names = [...CUE_NAMES.map((c) => `c:${c}`), ...modelCategories.map((c) => `s:${c}`)];
    const size = names.length;
    const w = (f: string) => model.weights[f] ?? 0;
    t = { single: new Float64Array(size), pair: new Float64Array(size * size), inMessage: new Float64Array(CUE_COUNT * CUE_COUNT), partner: new Float64Array(size), size };
    for (let i = 0; i < size; i++) {
      t.single[i] = w(names[i]!);
      t.partner[i] = w(`p${names[i]}`);
      for (let j = i + 1; j < size; j++) t.pair[i * size + j] = w(`a:${names[i]}+${names[j]}`);
    }
    for (let i = 0; i < CUE_COUNT; i++) for (let j = i + 1; j < CUE_COUNT; j++) t.inMessage[i * CUE_COUNT + j] = w(`m:${cueName(i)}+${cueName(j)}`);
    tableCache.set(model, t);
  }
  return t;
}

/** Scratch of scoreWith: the indices (see WeightTables) of one author's features (scoring is synchronous). */
const featureScratch: number[] = [];

/** A word's first position packed in one number: message index and word index within the message. */
export const packPosition = (messageIndex: number, wordIndex: number): number => messageIndex * 4096 + Math.min(wordIndex, 4095);
export const unpackPosition = (p: number): { messageIndex: number; wordIndex: number } => ({ messageIndex: Math.floor(p / 4096), wordIndex: p % 4096 });

/** Whether a word has an ASCII digit (as /\d/ tests, without a regular expression). */
export function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}


/**
 * One author's cue evidence: every cue seen, every pair of cues seen in one message, and the distinct words.
 * With a model, the score is kept as running sums as evidence is added (a stream viewer's state is short for
 * ever, so it is scored on every comment): only the small author-level part is recomputed, and only when the
 * author's cues or categories change. `shortChatScore(model, shortChatFeatures(...))` gives the same number.
 */
export class AuthorCues {
  any = 0;
  /** Pairs of cues seen in one message (i * 64 + j), in the order first seen; made at the first pair (most authors have none). */
  private pairSet: Set<number> | undefined;
  /** Distinct words and word pairs ("a b", as glossed to English), at most WORDS_KEPT, in the order first seen. */
  readonly words: string[] = [];
  /**
   * The same words as a set, made once there are more than WORD_LIST_SEARCHED: a short list is searched faster
   * than a set is made (a stream viewer says a few words), a long one is not.
   */
  private wordSet: Set<string> | undefined;
  /**
   * With a fitted model, the kept words' numbers (a word's id or a pair's, in the model's vocabulary), searched
   * instead of their text: a list of small integers is searched faster, and needs a set only when much longer.
   */
  private readonly keys: number[] | undefined;
  private keySet: Set<number> | undefined;
  /**
   * The words and word pairs that raise the score most (weight > 0), strongest first, at most TOP_WORDS: the
   * model's evidence. The first `topCount` slots of these arrays hold each word, its weight, its first position
   * (packPosition), the position of its last word (a pair's second) and the message it was written in: plain
   * values in fixed slots, not an object per word, so an author reused for a stream's next viewer (reset) leaves
   * nothing for the garbage collector.
   */
  topCount = 0;
  readonly topWord: string[] = new Array<string>(TOP_WORDS).fill('');
  readonly topWeight: number[] = new Array<number>(TOP_WORDS).fill(0);
  readonly topPosition: number[] = new Array<number>(TOP_WORDS).fill(0);
  readonly topEnd: number[] = new Array<number>(TOP_WORDS).fill(0);
  readonly topText: string[] = new Array<string>(TOP_WORDS).fill('');
  /** The model's vocabulary (undefined without a model, or with one that weighs no single word: fitting). */
  private readonly vocabulary: Vocabulary | undefined;
  private zWords = 0;
  private zPairs = 0;
  /** The `pw:` weights of this author's distinct words: what they add to everyone else's score (Partner.words). */
  partnerZ = 0;
  private baseCues = -1;
  private baseCats = -1;
  private basePartnerCues = -1;
  private basePartnerCats = -1;
  private zBase = 0;

  constructor(readonly model?: ShortChatModel) {
    const v = model === undefined ? undefined : vocabulary(model);
    this.vocabulary = v === undefined || v.singles === 0 ? undefined : v;
    // Only a fitted model's words have numbers (cues without a model, as a long chat's authors get, need none).
    if (this.vocabulary !== undefined) this.keys = [];
  }

  /** Cue pairs seen in one message (i * 64 + j), in the order first seen. */
  get pairs(): ReadonlySet<number> {
    return this.pairSet ?? noPairs;
  }

  /** Starts over, as new cues of the same model (reusing the memory). */
  reset(): void {
    this.any = 0;
    this.pairSet = undefined;
    // Popped, not length = 0 (a call into the runtime, which also frees the array's room).
    while (this.words.length > 0) this.words.pop();
    this.wordSet = undefined;
    if (this.keys !== undefined) while (this.keys.length > 0) this.keys.pop();
    this.keySet = undefined;
    for (let k = 0; k < this.topCount; k++) {
      this.topWord[k] = '';
      this.topWeight[k] = 0;
      this.topPosition[k] = 0;
      this.topEnd[k] = 0;
      this.topText[k] = '';
    }
    this.topCount = 0;
    this.zWords = 0;
    this.zPairs = 0;
    this.partnerZ = 0;
    this.baseCues = -1;
    this.baseCats = -1;
    this.basePartnerCues = -1;
    this.basePartnerCats = -1;
    this.zBase = 0;
  }

  /** The model's score for this author, given the author's category strengths (after context). */
  score(strength: (c: SignalCategory) => number, partner: Partner = noPartner): number {
    return this.scoreWith(categoryMask(strength), partner.cues, partner.cats, partner.words);
  }

  /**
   * The same, given the categories at or above the floor as a mask (categoryMask), and the cues and categories
   * of everyone else in the chat (the partner features: what the other side says shapes what this author's
   * words mean — a reply that pleads or names a parent, a friend who laughs), and the sum of the others' words'
   * `pw:` weights (each other author's partnerZ: "12 grandad lol", "who is this", "ok coach").
   */
  scoreWith(cats: number, partnerCues = 0, partnerCats = 0, partnerWords = 0): number {
    const m = this.model;
    if (m === undefined) return 0;
    if (cats !== this.baseCats || this.any !== this.baseCues || partnerCues !== this.basePartnerCues || partnerCats !== this.basePartnerCats) {
      this.baseCats = cats;
      this.baseCues = this.any;
      this.basePartnerCues = partnerCues;
      this.basePartnerCats = partnerCats;
      // The features c:… then s:…, and their pairs, summed in that order (as shortChatScore over shortChatFeatures),
      // then the partner features pc:… and ps:….
      const t = weightTables(m);
      const base = featureScratch;
      let n = 0;
      for (let i = 0; i < CUE_COUNT; i++) if (this.any & (1 << i)) base[n++] = i;
      for (let i = 0; i < modelCategories.length; i++) if (cats & (1 << i)) base[n++] = CUE_COUNT + i;
      let z = 0;
      for (let i = 0; i < n; i++) z += t.single[base[i]!]!;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) z += t.pair[base[i]! * t.size + base[j]!]!;
      if (partnerCues !== 0) for (let i = 0; i < CUE_COUNT; i++) if (partnerCues & (1 << i)) z += t.partner[i]!;
      if (partnerCats !== 0) for (let i = 0; i < modelCategories.length; i++) if (partnerCats & (1 << i)) z += t.partner[CUE_COUNT + i]!;
      this.zBase = z;
    }
    return 1 / (1 + Math.exp(-(m.bias + this.zBase + this.zPairs + this.zWords + partnerWords)));
  }

  /**
   * Adds one message's words; `position(i)` gives the i-th word's packed first position (message and word
   * index as written), and `text` is the message as written (kept only with an evidence word, to show it).
   * True when a new word was kept.
   */
  addWords(glossed: readonly string[], position: (i: number) => number, text = '', ids?: readonly number[]): boolean {
    const known = this.vocabulary;
    // Without a fitted model (fitting) every word and pair is kept; with one only its own words matter (the rest
    // weigh 0), each found by its id (or one lookup by text), its pairs by the second word's index: a message
    // builds no string.
    if (known === undefined) return this.addAllWords(glossed, position, text);
    const seen = vocabularyScratch;
    let changed = false;
    let read = 0;
    for (; read < glossed.length; read++) {
      if (this.words.length >= WORDS_KEPT) break;
      const w = glossed[read]!;
      const e = ids === undefined ? (known.words.get(w) ?? null) : known.byId.get(ids[read]!, w);
      seen[read] = e;
      if (e === null || (e.single === undefined && e.partner === undefined)) continue;
      if (this.keepWord(w, e.id, e.single ?? 0, position, read, read, text, e.partner ?? 0)) changed = true;
    }
    // Word pairs within the message ("your parents", "send one"), after every single word (their order of
    // first sight is the order of the features). Once WORDS_KEPT is reached nothing more is kept.
    for (let i = 1; i < read; i++) {
      if (this.words.length >= WORDS_KEPT) break;
      const first = seen[i - 1]!;
      if (first === null || !first.startsPairs) continue;
      const second = seen[i]!;
      if (second === null) continue;
      const entry = pairWith(known.pairs, first.id, second.id);
      if (entry === undefined) continue;
      if (this.keepWord(entry.key, entry.id, entry.weight, position, i - 1, i, text)) changed = true;
    }
    return changed;
  }

  /** addWords while fitting: every word and word pair (of two letters or more, without digits) is kept, weighing 0. */
  private addAllWords(glossed: readonly string[], position: (i: number) => number, text: string): boolean {
    let changed = false;
    for (let i = 0; i < glossed.length; i++) {
      const w = glossed[i]!;
      if (this.words.length >= WORDS_KEPT) break;
      if (w.length < 2 || hasDigit(w)) continue;
      if (this.keepWord(w, -1, 0, position, i, i, text)) changed = true;
    }
    for (let i = 1; i < glossed.length; i++) {
      if (this.words.length >= WORDS_KEPT) break;
      const a = glossed[i - 1]!;
      const b = glossed[i]!;
      if (a.length < 2 || b.length < 2 || hasDigit(a) || hasDigit(b)) continue;
      if (this.keepWord(`${a} ${b}`, -1, 0, position, i - 1, i, text)) changed = true;
    }
    return changed;
  }

  /**
   * Keeps a word (or word pair) not seen before: its weight joins the score, and it may become evidence.
   * `position` gives the packed positions of its first and last word (indices `first`, `last`), read only then.
   */
  private keepWord(w: string, key: number, weight: number, position: (i: number) => number, first: number, last: number, text: string, partnerWeight = 0): boolean {
    if (key >= 0) {
      // A model word: known by its number (the same word, the same number).
      const keys = this.keys!;
      if (this.keySet === undefined ? keys.includes(key) : this.keySet.has(key)) return false;
      keys.push(key);
      if (this.keySet !== undefined) this.keySet.add(key);
      else if (keys.length > KEYS_SEARCHED) this.keySet = new Set(keys);
    } else if (this.wordSet === undefined ? this.words.includes(w) : this.wordSet.has(w)) return false;
    this.words.push(w);
    if (key < 0) {
      if (this.wordSet !== undefined) this.wordSet.add(w);
      else if (this.words.length > WORD_LIST_SEARCHED) this.wordSet = new Set(this.words);
    }
    this.zWords += weight;
    this.partnerZ += partnerWeight;
    if (weight > 0) this.keepTop(w, weight, position(first), text, position(last));
    return true;
  }

  private keepTop(word: string, weight: number, position: number, text: string, end: number): void {
    const n = this.topCount;
    if (n === TOP_WORDS && this.topWeight[n - 1]! >= weight) return;
    // After the last at least as strong; the weakest falls off when full.
    let i = n;
    while (i > 0 && this.topWeight[i - 1]! < weight) i--;
    for (let k = n < TOP_WORDS ? n : TOP_WORDS - 1; k > i; k--) {
      this.topWord[k] = this.topWord[k - 1]!;
      this.topWeight[k] = this.topWeight[k - 1]!;
      this.topPosition[k] = this.topPosition[k - 1]!;
      this.topEnd[k] = this.topEnd[k - 1]!;
      this.topText[k] = this.topText[k - 1]!;
    }
    this.topWord[i] = word;
    this.topWeight[i] = weight;
    this.topPosition[i] = position;
    this.topEnd[i] = end;
    this.topText[i] = text;
    if (n < TOP_WORDS) this.topCount = n + 1;
  }

  /** Adds one message's mask; true when something new was seen. */
  add(mask: number): boolean {
    if (mask === 0) return false;
    let changed = (this.any | mask) !== this.any;
    this.any |= mask;
    if ((mask & (mask - 1)) === 0) return changed; // one cue: no pair
    for (let i = 0; i < CUE_COUNT; i++) {
      if (!(mask & (1 << i))) continue;
      for (let j = i + 1; j < CUE_COUNT; j++) {
        if (!(mask & (1 << j))) continue;
        const k = i * 64 + j;
        const pairs = (this.pairSet ??= new Set());
        if (!pairs.has(k)) {
          pairs.add(k);
          if (this.model) this.zPairs += weightTables(this.model).inMessage[i * CUE_COUNT + j]!;
          changed = true;
        }
      }
    }
    return changed;
  }
}

const noPairs: ReadonlySet<number> = new Set();

/** Evidence words kept per author. */
export const TOP_WORDS = 5;

/** Words of an author searched as a list; beyond, as a set (AuthorCues.wordSet). */
const WORD_LIST_SEARCHED = 16;
/** The same for a fitted model's words, searched by number (AuthorCues.keys). */
const KEYS_SEARCHED = 64;

/** Words one author's model features keep (the model only speaks on short chats). */
export const WORDS_KEPT = 256;

/** Categories the model reads (at least this strong after context). */
export const CATEGORY_FLOOR = 0.5;
const modelCategories = signalCategories.filter((c) => c !== 'learned_phrase' && c !== 'age_disclosure');

/** The categories at or above the floor, as a mask over the model's categories. */
export function categoryMask(strength: (c: SignalCategory) => number): number {
  let cats = 0;
  for (let i = 0; i < modelCategories.length; i++) if (strength(modelCategories[i]!) >= CATEGORY_FLOOR) cats |= 1 << i;
  return cats;
}

/** The cues and categories (masks) of everyone else in the chat. */
export interface Partner {
  cues: number;
  cats: number;
  /** The sum of the others' partnerZ (AuthorCues): their words as `pw:` features. */
  words: number;
}
const noPartner: Partner = { cues: 0, cats: 0, words: 0 };

/** The model's feature names for one author (stable order). */
export function shortChatFeatures(ac: AuthorCues, strength: (c: SignalCategory) => number, partner: Partner = noPartner, others: readonly AuthorCues[] = []): string[] {
  const base: string[] = [];
  for (let i = 0; i < CUE_COUNT; i++) if (ac.any & (1 << i)) base.push(`c:${cueName(i)}`);
  for (const c of modelCategories) if (strength(c) >= CATEGORY_FLOOR) base.push(`s:${c}`);
  const out = [...base];
  for (const k of ac.pairs) out.push(`m:${cueName(Math.floor(k / 64))}+${cueName(k % 64)}`);
  for (let i = 0; i < base.length; i++) for (let j = i + 1; j < base.length; j++) out.push(`a:${base[i]}+${base[j]}`);
  for (const w of ac.words) out.push(`w:${w}`);
  for (let i = 0; i < CUE_COUNT; i++) if (partner.cues & (1 << i)) out.push(`pc:${cueName(i)}`);
  for (let i = 0; i < modelCategories.length; i++) if (partner.cats & (1 << i)) out.push(`ps:${modelCategories[i]!}`);
  // The others' single words, each other author's once (as Partner.words sums them).
  for (const o of others) for (const w of o.words) if (w.indexOf(' ') < 0) out.push(`pw:${w}`);
  return out;
}

/** The model's score for a feature list, in [0, 1]. */
export function shortChatScore(model: ShortChatModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}
