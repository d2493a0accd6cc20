/**
 * How well the language detector reads the research sets: the share of messages (alone, and in the context
 * of their conversation) and of conversations detected as the set's language. Figures only; no text leaves.
 */
import { defaultMatcher } from '../src/core/grooming/detector.ts';
import { detectLanguage, LanguageTally } from '../src/core/grooming/detect-language.ts';
import { messagesOf } from './grooming-learn.ts';
import type { Segment } from './grooming-data.ts';

export interface LanguageCheck {
  language: string;
  messages: number;
  /** Share of messages detected as the set's language from their own words; "other" counted apart. */
  messageAlone: number;
  messageUndecided: number;
  /** Share read in the set's language with the conversation's tally (what the gloss uses). */
  messageInContext: number;
  conversations: number;
  conversation: number;
}

/** Detection accuracy per data-set language. English segments are read in 8-word pieces (no boundaries). */
export function languageCheck(segments: readonly Segment[]): LanguageCheck[] {
  const n = defaultMatcher().normaliser;
  const by = new Map<string, { m: number; alone: number; undecided: number; ctx: number; c: number; conv: number }>();
  for (const s of segments) {
    const lang = s.language ?? 'en';
    const t = by.get(lang) ?? { m: 0, alone: 0, undecided: 0, ctx: 0, c: 0, conv: 0 };
    by.set(lang, t);
    const tally = new LanguageTally();
    const pieces = s.messages ? messagesOf(s).map((m) => n.normalise(m).words) : chunk(n.normalise(s.text).words, 8);
    for (const words of pieces) {
      const d = detectLanguage(words).language;
      t.m++;
      if (d === lang) t.alone++;
      if (d === 'other') t.undecided++;
      if (tally.push(words) === lang) t.ctx++;
    }
    t.c++;
    if (tally.current() === lang) t.conv++;
  }
  return [...by].map(([language, t]) => ({
    language,
    messages: t.m,
    messageAlone: t.alone / t.m,
    messageUndecided: t.undecided / t.m,
    messageInContext: t.ctx / t.m,
    conversations: t.c,
    conversation: t.conv / t.c,
  }));
}

function chunk(words: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size));
  return out;
}
