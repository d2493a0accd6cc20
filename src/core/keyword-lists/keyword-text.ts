/**
 * Keyword text normalisation: the grooming detector's evasion-aware normaliser (case, accents, look-alike
 * letters, leetspeak, letter runs, chat abbreviations), so a listed term and a message written to slip past a
 * filter meet in one spelling. Spaced-out words ("b a d w o r d") are joined as well.
 */
import { defaultMatcher } from '../grooming/detector.ts';
import type { NormalisedText } from '../grooming/normalise.ts';
import { invalidInput } from '../lifeguard-error.ts';

/** Longest keyword term accepted (characters as written). */
export const maxTermLength = 200;

/** The message's normalised words, and those of a variant with spaced-out letters joined, when it has one. */
export function keywordWords(text: string): { normalised: NormalisedText; joined?: string[] } {
  const normaliser = defaultMatcher().normaliser;
  const normalised = normaliser.normalise(text);
  const closed = joinSpacedLetters(text);
  return closed === undefined ? { normalised } : { normalised, joined: normaliser.normalise(closed).words };
}

// Three or more single letters or digits separated by one space, dot, dash, underscore or star: "l a n t e r n".
const spacedRun = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[ .\-_*][\p{L}\p{N}]){2,}(?![\p{L}\p{N}])/gu;

/** `text` with each spaced-out word written together, or undefined when it has none. */
export function joinSpacedLetters(text: string): string | undefined {
  let found = false;
  const out = text.replace(spacedRun, (run) => {
    found = true;
    return run.replace(/[ .\-_*]/g, '');
  });
  return found ? out : undefined;
}

/** Canonical form of a keyword term: its normalised words joined by one space. Throws invalid_value. */
export function normaliseTerm(written: string): string {
  const v = typeof written === 'string' ? written.trim() : '';
  if (v === '') throw invalidInput('invalid_value', 'a keyword term is empty');
  if (v.length > maxTermLength) throw invalidInput('invalid_value', `a keyword term is at most ${maxTermLength} characters`);
  const joined = defaultMatcher().normaliser.normalise(joinSpacedLetters(v) ?? v).words;
  if (joined.length === 0) throw invalidInput('invalid_value', `keyword term ${JSON.stringify(v.slice(0, 40))} has no letters or digits`);
  return joined.join(' ');
}
