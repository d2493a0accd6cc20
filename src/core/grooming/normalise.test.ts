import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMatcher } from './detector.ts';
import { wordsInSpan } from './normalise.ts';

test('wordsInSpan: the words that start inside a span of the message as written, or null', () => {
  const text = 'ok, niet tegen mama zeggen!';
  const nt = defaultMatcher().normaliser.normalise(text);
  const at = (w: string) => text.indexOf(w);
  const words = (span: [number, number] | null) => (span === null ? null : nt.words.slice(span[0], span[1] + 1));
  assert.deepEqual(words(wordsInSpan(nt, at('niet'), at('zeggen') + 'zeggen'.length)), ['niet', 'tegen', 'mama', 'zeggen']);
  // A span that starts inside a word takes the next word; one that holds no word start is null.
  assert.deepEqual(words(wordsInSpan(nt, at('niet') + 1, at('mama') + 1)), ['tegen', 'mama']);
  assert.equal(wordsInSpan(nt, at('mama') + 1, at('mama') + 3), null);
  assert.equal(wordsInSpan(nt, text.length, text.length + 5), null);
});
