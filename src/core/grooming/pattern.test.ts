import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { defaultMatcher } from './detector.ts';
import { rulesAt } from './lexicon.ts';
import { compilePattern, NUMBER_NEXT, startsWithDigit } from './pattern.ts';

const compile = (src: string) => compilePattern(src, defaultMatcher().normaliser);

test('next word: fixed when the pattern fixes it, null when anything may follow', () => {
  assert.deepEqual(compile('how old are you').follows.get('how'), ['old']);
  assert.deepEqual(compile('send (me|us) a pic').follows.get('send'), ['me', 'us']);
  assert.deepEqual(compile('wanna meet').follows.get('want'), ['to'], 'an abbreviation expands to two words');
  assert.deepEqual(compile('send (me)? pic').follows.get('send'), ['me', 'pic'], 'an optional part');
  assert.equal(compile('secret* pic').follows.size, 0, 'a prefix is no anchor word');
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
    assert.equal(p.follows.get(nt.words[0]!)!.includes(nt.words[1]!), matches, `pre-check agrees for "${text}"`);
  }
});

test('follows: per anchor, the words that can come next, or null when anything may', () => {
  assert.deepEqual(compile('(send|show) me a pic').follows, new Map([['send', ['me']], ['show', ['me']]]));
  assert.deepEqual(compile('(do it|show) for #').follows, new Map([['do', ['it']], ['show', ['for']]]));
  assert.deepEqual(compile('(so|then) (your )?(mom|dad) know').follows, new Map([['so', ['your', 'mom', 'dad']], ['then', ['your', 'mom', 'dad']]]));
  assert.deepEqual(compile('send ~2 pic').follows, new Map([['send', null]]), 'a gap');
  assert.deepEqual(compile('i am #').follows, new Map([['i', ['am']]]));
  assert.deepEqual(compile('i #').follows, new Map([['i', [NUMBER_NEXT]]]), 'a number');
  assert.deepEqual(compile('(a|#) rose').follows, new Map([['a', ['rose']]]), 'a match that starts with a number does not start at "a"');
  assert.deepEqual(compile('(18|#) rose').follows, new Map([['18', null]]), 'but may start at a word of digits');
  assert.deepEqual(compile('snapchat').follows, new Map([['snapchat', null]]), 'the pattern may end');
  assert.deepEqual(compile('send (me|~1 pic)').follows, new Map([['send', null]]), 'an alternative that starts with a gap');
  assert.deepEqual(compile('send !(it) me').follows, new Map([['send', ['me']]]), 'a lookahead consumes nothing');
});

test('the anchor index never hides a match: every pattern that matches at an anchor is in the list run there', () => {
  const m = defaultMatcher();
  const texts = readFileSync(new URL('../../../test/fixtures/short-chats/short-chats.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => (JSON.parse(l) as { messages: { text: string }[] }).messages.map((x) => x.text));
  let matched = 0;
  let numbered = 0;
  for (const text of texts) {
    const nt = m.normaliser.normalise(text);
    for (let k = 0; k < nt.words.length; k++) {
      const entry = m.anchors.get(nt.ids[k]!, nt.words[k]!);
      if (!entry) continue;
      const next = nt.words[k + 1];
      // What the scan runs there (detect-signals.ts), against every rule the anchor has.
      const run = new Set(rulesAt(entry, nt.ids[k + 1] ?? -1, next));
      const all = new Set([...entry.free, ...entry.number, ...[...entry.next.values()].flat()]);
      for (const id of all) {
        const re = m.rules[id]!.regex;
        re.lastIndex = nt.wordStarts[k]! - 1;
        if (!re.test(nt.text)) continue;
        matched++;
        if (next !== undefined && startsWithDigit(next) && !entry.free.includes(id)) numbered++;
        assert.ok(run.has(id), `${m.rules[id]!.source} matches "${text}" at word ${k} but is not run there`);
      }
    }
  }
  assert.ok(matched > 100, `the fixtures exercise the index (${matched} matches)`);
  assert.ok(numbered > 0, `and its rules that take a number after the anchor (${numbered} matches)`);
});
