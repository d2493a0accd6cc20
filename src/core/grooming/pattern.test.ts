import assert from 'node:assert/strict';
import test from 'node:test';
import { defaultMatcher } from './detector.ts';
import { compilePattern } from './pattern.ts';

const compile = (src: string) => compilePattern(src, defaultMatcher().normaliser);

test('second word: fixed when the pattern fixes it, null when anything may follow', () => {
  assert.deepEqual(compile('how old are you').second, ['old']);
  assert.deepEqual(compile('send (me|us) a pic').second, ['me', 'us']);
  assert.deepEqual(compile('wanna meet').second, ['to'], 'an abbreviation expands to two words');
  assert.equal(compile('send ~2 pic').second, null, 'a gap');
  assert.equal(compile('send (me)? pic').second, null, 'an optional part');
  assert.equal(compile('send (me|~1 pic)').second, null, 'an alternative that starts with a gap');
  assert.equal(compile('(send|show) me').second, null, 'the first item is a group');
  assert.equal(compile('secret*').second, null, 'a prefix');
  assert.equal(compile('snapchat').second, null, 'one word');
});

test('the pre-check never hides a match: where the second word differs, the pattern cannot match', () => {
  const n = defaultMatcher().normaliser;
  for (const [src, text, matches] of [
    ['send (me|us) a pic', 'send me a pic', true],
    ['send (me|us) a pic', 'send them a pic', false],
    ['how old are you', 'how old are you', true],
    ['how old are you', 'how are you', false],
  ] as const) {
    const p = compilePattern(src, n);
    const nt = n.normalise(text);
    p.regex.lastIndex = 0;
    assert.equal(p.regex.test(nt.text), matches, `${src} on "${text}"`);
    assert.equal(p.second!.includes(nt.words[1]!), matches, `pre-check agrees for "${text}"`);
  }
});
