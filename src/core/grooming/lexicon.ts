/**
 * Lexicons are data: per language, weighted pattern groups per signal category, plus the chat abbreviations
 * and number words of that language. `compileLexicons` turns them into one matcher with an anchor index.
 */
import { createNormaliser, type Normaliser } from './normalise.ts';
import { compileFrames, frameVocabulary, type CompiledFrames, type FrameWords } from './frames.ts';
import { compilePattern, expandMacros, NUMBER_NEXT, startsWithDigit } from './pattern.ts';
import { impliedParts, type ImpliedPart } from './implied-sextortion.ts';
import { signalCategories, type SignalCategory } from './types.ts';
import { NO_ID, wordId, WordTable } from './word-ids.ts';

/**
 * `[weight, ...patterns]`. A pattern starting with `@+N ` adds N to its captured number (school grade → age);
 * one starting with `@minor ` presumes the person addressed is a minor ("mature for your age").
 */
export type LexiconEntry = readonly [weight: number, ...patterns: string[]];

export interface LexiconData {
  language: string;
  /** Chat abbreviations of this language: token → expansion ('' drops the token). */
  abbreviations?: Readonly<Record<string, string>>;
  /** Number words (as written after accent folding) → value, so "thirteen" matches `#`. */
  numberWords?: Readonly<Record<string, number>>;
  /** Named choices usable as `{NAME}` in patterns. */
  macros?: Readonly<Record<string, string>>;
  patterns: { readonly [C in SignalCategory]?: readonly LexiconEntry[] };
  /** Word classes for the frames (frames.ts): sextortion and picture requests in any word order. */
  frames?: FrameWords;
  /** Parts of implied sextortion (implied-sextortion.ts): patterns of a possession claim and of leverage. */
  implied?: { readonly [P in ImpliedPart]: readonly string[] };
}

export interface CompiledRule {
  id: number;
  category: SignalCategory;
  categoryIndex: number;
  weight: number;
  language: string;
  regex: RegExp;
  ageOffset: number;
  impliesMinor: boolean;
  /**
   * For age statements that do not start with a first-person word ("13 yo", "age 13", "14 f"): they state the
   * author's own age only at the start of a message; elsewhere ("nice figure for a 13 yr old") they are about
   * someone else.
   */
  positional: boolean;
  required: string[];
  source: string;
  /** Set for a part of implied sextortion: its matches are collected apart, not reported as signals. */
  part?: ImpliedPart;
}

/**
 * The patterns that can match at one anchor word, by the word after it: `next.get(word)` lists, in rule order,
 * those that allow that word there together with those that allow any (`free`); a word not in `next` runs
 * `free` alone (see `follows` in pattern.ts). One lookup replaces a test per pattern.
 */
export interface AnchorRules {
  free: number[];
  next: Map<string, number[]>;
  /**
   * The rules a number after the anchor allows ("a 100 likes"): `free` and those that take a number there, in
   * rule order. A next word that starts with a digit and is not in `next` runs these; a word of `next` that
   * starts with a digit lists them too.
   */
  number: number[];
}

/**
 * An anchor's rules as the scan reads them, by word id (word-ids.ts): the ids of the words in `next`, sorted,
 * with their lists, searched without a lookup by text. `byId` is false when some word of `next` has no id (then
 * the scan looks the next word up in `next`).
 */
export interface AnchorById {
  free: number[];
  next: Map<string, number[]>;
  number: number[];
  nextIds: Int32Array;
  nextRules: number[][];
  byId: boolean;
}

/** The AnchorById of an anchor's rules. */
export function anchorById(rules: AnchorRules): AnchorById {
  const entries = [...rules.next].map(([w, list]) => ({ id: wordId(w), list }));
  entries.sort((a, b) => a.id - b.id);
  return {
    free: rules.free,
    next: rules.next,
    number: rules.number,
    nextIds: Int32Array.from(entries, (e) => e.id),
    nextRules: entries.map((e) => e.list),
    byId: entries.every((e) => e.id !== NO_ID),
  };
}

/**
 * The rules to run at an anchor followed by the word `next` (its id and text; undefined at the end of a message):
 * those the word allows, those that take a number when it starts with a digit, else those that take any word.
 */
export function rulesAt(a: AnchorById, id: number, next: string | undefined): number[] {
  if (next === undefined) return a.free;
  return rulesBefore(a, id, next) ?? (startsWithDigit(next) ? a.number : a.free);
}

/** The rules of an anchor that the next word (its id, its text) allows, or undefined (see AnchorRules). */
export function rulesBefore(a: AnchorById, id: number, word: string): number[] | undefined {
  if (id < 0 || !a.byId) return a.next.get(word);
  const ids = a.nextIds;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = ids[mid]!;
    if (x === id) return a.nextRules[mid];
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export interface LexiconMatcher {
  normaliser: Normaliser;
  rules: CompiledRule[];
  byAnchor: Map<string, AnchorRules>;
  /** byAnchor by word id (null: the word anchors no rule). */
  anchors: WordTable<AnchorById | null>;
  /** Keyed by the first three letters of a prefix. */
  byPrefix: Map<string, { prefix: string; rule: number }[]>;
  numberRules: number[];
  languages: string[];
  frames: CompiledFrames;
}

function mergeTables(lexicons: readonly LexiconData[]) {
  const abbreviations: Record<string, string> = Object.create(null) as Record<string, string>;
  const numberWords: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const lx of lexicons) {
    for (const [k, v] of Object.entries(lx.abbreviations ?? {})) {
      if (abbreviations[k] !== undefined && abbreviations[k] !== v) {
        throw new Error(`abbreviation "${k}" means "${abbreviations[k]}" and "${v}" in different lexicons`);
      }
      abbreviations[k] = v;
    }
    for (const [k, v] of Object.entries(lx.numberWords ?? {})) {
      if (numberWords[k] !== undefined && numberWords[k] !== v) throw new Error(`number word "${k}" is ambiguous`);
      numberWords[k] = v;
    }
  }
  return { abbreviations, numberWords };
}

/** A pattern that starts with a first-person word: "im #", "ich bin #", "jai #", "tengo #", "my age is #". */
const firstPerson = /^\(?(im|i|iam|ill|ich|bin|ik|jai|j|je|tengo|soy|my|mein|meine|mijn|me|am|yo)\b/;

/** Compiles lexicons into one matcher; throws on a malformed pattern (caught by the unit tests). */
export function compileLexicons(lexicons: readonly LexiconData[]): LexiconMatcher {
  const normaliser = createNormaliser(mergeTables(lexicons));
  const rules: CompiledRule[] = [];
  const byAnchor = new Map<string, AnchorRules>();
  const byPrefix = new Map<string, { prefix: string; rule: number }[]>();
  const numberRules: number[] = [];
  const vocabulary = new Map<string, number>();
  const languageMask = new Map<string, number>();
  for (const lx of lexicons) {
    const macros = lx.macros ?? {};
    const groups: { category: SignalCategory; weight: number; patterns: readonly string[]; part?: ImpliedPart }[] = [];
    for (const category of signalCategories) {
      for (const [weight, ...patterns] of lx.patterns[category] ?? []) groups.push({ category, weight, patterns });
    }
    // A part alone is no signal; its weight only ranks its words in the normaliser's vocabulary.
    for (const part of impliedParts) if (lx.implied) groups.push({ category: 'sextortion', weight: 0.5, patterns: lx.implied[part], part });
    for (const { category, weight, patterns, part } of groups) {
      if (!(weight > 0 && weight <= 1)) throw new Error(`${lx.language}/${category}: weight ${weight} not in (0, 1]`);
      for (const written of patterns) {
        let src = written;
        let ageOffset = 0;
        const off = /^@\+(\d+) /.exec(src);
        if (off) {
          ageOffset = Number(off[1]);
          src = src.slice(off[0].length);
        }
        const impliesMinor = src.startsWith('@minor ');
        if (impliesMinor) src = src.slice('@minor '.length);
        const compiled = compilePattern(expandMacros(src, macros), normaliser);
        // A threat to expose someone is a threat too: the strongest sextortion patterns also signal `threat`,
        // which the guardian treats as imminent (end the stream, escalate). Weaker parts of sextortion
        // ("i have your pics", "pay me") stay sextortion only.
        const categories = category === 'sextortion' && weight >= 0.9 ? (['sextortion', 'threat'] as const) : [category];
        for (const cat of categories) {
          const id = rules.length;
          rules.push({
            id,
            category: cat,
            categoryIndex: signalCategories.indexOf(cat),
            weight,
            language: lx.language,
            regex: compiled.regex,
            ageOffset,
            impliesMinor,
            positional: category === 'age_disclosure' && !firstPerson.test(src),
            required: compiled.required,
            source: written,
            ...(part ? { part } : {}),
          });
          for (const a of compiled.anchors) {
            let entry = byAnchor.get(a);
            if (!entry) byAnchor.set(a, (entry = { free: [], next: new Map(), number: [] }));
            const next = compiled.follows.get(a);
            if (next === null || next === undefined) {
              // Rules are added in id order, so appending keeps every list in rule order.
              entry.free.push(id);
              entry.number.push(id);
              for (const list of entry.next.values()) list.push(id);
            } else {
              for (const w of next) {
                if (w === NUMBER_NEXT) {
                  if (entry.number[entry.number.length - 1] !== id) entry.number.push(id);
                  for (const [key, list] of entry.next) if (startsWithDigit(key) && list[list.length - 1] !== id) list.push(id);
                  continue;
                }
                const list = entry.next.get(w);
                if (list) {
                  if (list[list.length - 1] !== id) list.push(id);
                } else {
                  const seeded = [...(startsWithDigit(w) ? entry.number : entry.free)];
                  if (seeded[seeded.length - 1] !== id) seeded.push(id);
                  entry.next.set(w, seeded);
                }
              }
            }
          }
          for (const p of compiled.prefixes) {
            const key = p.slice(0, 3);
            const list = byPrefix.get(key);
            if (list) list.push({ prefix: p, rule: id });
            else byPrefix.set(key, [{ prefix: p, rule: id }]);
          }
          if (compiled.numberAnchor) numberRules.push(id);
        }
        for (const w of compiled.words) {
          if (!/^[a-z]+$/.test(w)) continue;
          vocabulary.set(w, Math.max(vocabulary.get(w) ?? 0, weight));
          languageMask.set(w, (languageMask.get(w) ?? 0) | (1 << lexicons.indexOf(lx)));
        }
      }
    }
  }
  const frames = compileFrames(lexicons, (phrase) => normaliser.normalise(phrase).words);
  lexicons.forEach((lx, li) => {
    if (!lx.frames) return;
    const one = compileFrames([lx], (phrase) => normaliser.normalise(phrase).words);
    for (const w of frameVocabulary(one)) {
      if (!/^[a-z]+$/.test(w)) continue;
      vocabulary.set(w, Math.max(vocabulary.get(w) ?? 0, 0.5));
      languageMask.set(w, (languageMask.get(w) ?? 0) | (1 << li));
    }
  });
  normaliser.setVocabulary(vocabulary, languageMask);
  const anchors = new WordTable((w: string) => {
    const a = byAnchor.get(w);
    return a === undefined ? null : anchorById(a);
  });
  return { normaliser, rules, byAnchor, anchors, byPrefix, numberRules, languages: lexicons.map((l) => l.language), frames };
}
