/**
 * Glossing German, Dutch, French and Spanish chat into English features for the learned model, which was
 * built on English. Each word goes through a hand-written map of general vocabulary (gloss-maps/*.ts); a
 * word not in the map is tried by its Snowball stem (so "schickst", "fotootjes" and "envoyez" reach their
 * entries), then — for German and Dutch — as a compound of two known parts ("handynummer" → phone number);
 * anything else passes through unchanged (names, numbers, English words inside a German chat).
 * The gloss feeds the model only: signals, evidence spans and reviewers always see the original words.
 */
import * as snowball from 'snowball-stemmers';
import { de } from './gloss-maps/de.ts';
import { es } from './gloss-maps/es.ts';
import { fr } from './gloss-maps/fr.ts';
import { nl } from './gloss-maps/nl.ts';
import type { GlossLanguage } from './detect-language.ts';
import { defaultMatcher } from './detector.ts';
import { wordMapEntries } from './word-map-entries.ts';

type Foreign = Exclude<GlossLanguage, 'en'>;

const sources: Record<Foreign, { map: string; stemmer: string; compounds: boolean }> = {
  de: { map: de, stemmer: 'german', compounds: true },
  nl: { map: nl, stemmer: 'dutch', compounds: true },
  fr: { map: fr, stemmer: 'french', compounds: false },
  es: { map: es, stemmer: 'spanish', compounds: false },
};

/** Turns a phrase into the words the model sees (the grooming normaliser's `words`). */
export type WordNormaliser = (text: string) => readonly string[];

interface LanguageGloss {
  exact: Map<string, readonly string[]>;
  stems: Map<string, readonly string[]>;
  stem: (w: string) => string;
  compounds: boolean;
  /** Results for words already seen (bounded: cleared when full). */
  cache: Map<string, readonly string[]>;
}

const cacheLimit = 50_000;

/** Parses a gloss map ("key english… | key english…") into normalised key → English words. */
export function parseGlossMap(source: string, normalise: WordNormaliser): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const [raw, value] of wordMapEntries(source)) {
    const key = normalise(raw);
    if (key.length !== 1) continue; // hyphenated or elided forms: their parts have entries of their own
    out.set(key[0]!, normalise(value.join(' ')));
  }
  return out;
}

/** Glosses words of the four foreign languages into English-like words; built once per normaliser. */
export class Glosser {
  private readonly langs = new Map<Foreign, LanguageGloss>();

  constructor(normalise: WordNormaliser) {
    for (const [lang, src] of Object.entries(sources) as [Foreign, (typeof sources)[Foreign]][]) {
      const stemmer = snowball.newStemmer(src.stemmer);
      const stem = (w: string) => stemmer.stem(w);
      const exact = parseGlossMap(src.map, normalise);
      const stems = new Map<string, readonly string[]>();
      for (const [k, v] of exact) {
        const s = stem(k);
        if (!stems.has(s)) stems.set(s, v);
      }
      this.langs.set(lang, { exact, stems, stem, compounds: src.compounds, cache: new Map() });
    }
  }

  /** The words as the model should see them: English unchanged, other languages glossed word by word. */
  gloss(words: readonly string[], language: GlossLanguage): readonly string[] {
    if (language === 'en') return words;
    const g = this.langs.get(language)!;
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const r = this.cached(g, words[i]!);
      for (let k = 0; k < r.length; k++) out.push(r[k]!);
    }
    return out;
  }

  /** `gloss([word], language)` without the arrays: the cached gloss of one word (shared, read-only). */
  glossWordCached(word: string, language: Foreign): readonly string[] {
    return this.cached(this.langs.get(language)!, word);
  }

  private cached(g: LanguageGloss, w: string): readonly string[] {
    let r = g.cache.get(w);
    if (r === undefined) {
      r = this.lookup(g, w);
      if (g.cache.size >= cacheLimit) g.cache.clear();
      g.cache.set(w, r);
    }
    return r;
  }

  /** One word's gloss (see the file comment for the order of attempts). */
  glossWord(word: string, language: Foreign): readonly string[] {
    return this.lookup(this.langs.get(language)!, word);
  }

  private lookup(g: LanguageGloss, w: string): readonly string[] {
    const direct = g.exact.get(w) ?? (w.length > 3 ? g.stems.get(g.stem(w)) : undefined);
    if (direct) return direct;
    if (g.compounds && w.length >= 8) {
      // Longest known head first: "nacktfotos" → nackt + fotos.
      for (let i = w.length - 4; i >= 4; i--) {
        const head = this.known(g, w.slice(0, i));
        if (!head) continue;
        const tail = this.known(g, w.slice(i)) ?? (w[i] === 's' ? this.known(g, w.slice(i + 1)) : undefined);
        if (tail) return [...head, ...tail];
      }
    }
    return [w];
  }

  private known(g: LanguageGloss, part: string): readonly string[] | undefined {
    if (part.length < 3) return undefined;
    return g.exact.get(part) ?? (part.length > 3 ? g.stems.get(g.stem(part)) : undefined);
  }
}

let shared: Glosser | undefined;

/** The glosser over the shipped normaliser, built once per process on first use. */
export function defaultGlosser(): Glosser {
  if (!shared) {
    const n = defaultMatcher().normaliser;
    shared = new Glosser((t) => n.normalise(t).words);
  }
  return shared;
}
