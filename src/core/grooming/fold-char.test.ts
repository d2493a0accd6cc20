// Character folding: NFKC forms, look-alike letters, invisible characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldChar, INVISIBLE, readableText } from './fold-char.ts';

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

test('readableText folds code unit for code unit: fullwidth to ASCII, look-alikes to Latin; spans stay; surrogates and ASCII stay', () => {
  assert.equal(readableText('plain text'), 'plain text');
  assert.equal(readableText('ｓｃａｍ＂\u3000ok'), 'scam" ok');
  assert.equal(readableText('ѕcаm'), 'scam');
  const math = '𝐬cam';
  assert.equal(readableText(math), math);
  for (const t of ['ｓｃａｍ＂\u3000ok', 'ѕcаm', math, 'café ß']) assert.equal(readableText(t).length, t.length, t);
});
