import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMatcher } from './detector.ts';
import { saysEveryoneDoesIt } from './everyone-does-it.ts';
import { assessConversation } from './index.ts';

const nt = (text: string) => defaultMatcher().normaliser.normalise(text);
const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly });

test('"everyone does it" in five languages, and not "everyone does their homework"', () => {
  for (const t of ['all the girls in my class do it', 'its a boys thing', 'machen doch alle', 'iedereen doet het', 'tout le monde le fait', 'todas lo hacen']) assert.equal(saysEveryoneDoesIt(nt(t)), true, t);
  for (const t of ['everyone does their homework', 'iedereen komt', 'tout le monde est là']) assert.equal(saysEveryoneDoesIt(nt(t)), false, t);
});

test('a peer\'s picture trade pushed as what everyone does flags; the same trade without the push, or the push alone, does not', () => {
  const pushed = chat(['a', 'same im 13'], ['b', 'cool'], ['a', 'wanna trade pics? all the girls in my grade do it']);
  assert.equal(pushed.flagged, true);
  assert.ok(pushed.rules.some((x) => x.rule === 'everyone_does_it'));
  assert.equal(chat(['a', 'same im 13'], ['b', 'cool'], ['a', 'wanna trade pics of our outfits for the party']).flagged, false);
  assert.equal(chat(['a', 'same im 13'], ['b', 'cool'], ['a', 'everyone does it the night before, dont stress about the essay']).flagged, false);
});
