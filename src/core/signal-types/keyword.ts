/** Keyword terms and phrases, matched as whole words in text after evasion-aware normalisation. */
import { KeywordAutomaton } from '../keyword-lists/keyword-automaton.ts';
import { keywordWords, maxTermLength, normaliseTerm } from '../keyword-lists/keyword-text.ts';
import { defineSignalType } from './signal-type.ts';

export const keyword = defineSignalType<'keyword'>({
  name: 'keyword',
  description: 'Keyword term or phrase, matched as whole words after normalising spelling, spacing and leetspeak',
  valueFormat: 'a word or phrase',
  contentKind: 'text',
  indexKind: 'keyword',
  matchKind: 'exact',
  defaultThreshold: 0,
  maxLength: maxTermLength,
  normalize: normaliseTerm,
  // `query` is free text; it matches when the listed term occurs in it as whole words.
  matches(listed: string, query: string): boolean {
    const a = new KeywordAutomaton([{ id: 1, words: listed.split(' ') }]);
    const { normalised, joined } = keywordWords(query);
    let hit = false;
    a.scan(normalised.words, () => (hit = true));
    if (!hit && joined) a.scan(joined, () => (hit = true));
    return hit;
  },
  examples: {
    valid: [
      ['  Blue   Lantern ', 'blue lantern'],
      ['CAFÉ', 'cafe'],
    ],
    invalid: ['', '   ', '!!!', 'x'.repeat(maxTermLength + 1)],
    matching: [
      ['blue lantern', 'have you seen the BLUE lantern?'],
      ['blue lantern', 'the BLU3 lant3rn again'],
      ['lantern', 'l a n t e r n'],
    ],
    notMatching: [
      ['blue lantern', 'blue lanterns everywhere'],
      ['lantern', 'lanternfish'],
    ],
  },
});
