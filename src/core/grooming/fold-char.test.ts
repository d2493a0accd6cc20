// Character folding: NFKC forms, look-alike letters, invisible characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldChar, INVISIBLE } from './fold-char.ts';

test('fullwidth, mathematical and circled letters fold to ASCII (NFKC)', () => {
  for (const [c, f] of [['ｓ', 's'], ['𝐬', 's'], ['ⓢ', 's'], ['𝟓', '5'], ['ﬁ', 'fi']]) assert.equal(foldChar(c!), f, c);
});

test('Cyrillic and Greek look-alikes fold to the Latin letter they are drawn like; other letters stay', () => {
  for (const [c, f] of [['а', 'a'], ['е', 'e'], ['о', 'o'], ['р', 'p'], ['ѕ', 's'], ['ο', 'o'], ['ρ', 'p'], ['ι', 'i'], ['η', 'n']]) assert.equal(foldChar(c!), f, c);
  assert.equal(foldChar('ж'), 'ж');
  assert.equal(foldChar('ä'), 'a');
  assert.equal(foldChar('ß'), 'ss');
});

test('invisible format characters and combining marks vanish without ending the word; symbols end it', () => {
  for (const c of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\ufe0f', '\u0301']) assert.equal(foldChar(c), INVISIBLE, JSON.stringify(c));
  for (const c of ['…', '→', '\u3164']) assert.equal(foldChar(c), '', JSON.stringify(c));
});
