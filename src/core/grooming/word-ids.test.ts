import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectInNormalised } from './detect-signals.ts';
import { languageVotes } from './detect-language.ts';
import { defaultCueIndex, defaultMatcher } from './detector.ts';
import { findFrames } from './frames.ts';
import { anchorById, rulesBefore } from './lexicon.ts';
import type { NormalisedText } from './normalise.ts';
import { NO_ID, wordId, WordTable } from './word-ids.ts';

test('a word keeps one id, and different words get different ones', () => {
  const a = wordId('lantern');
  assert.ok(a >= 0);
  assert.equal(wordId('lantern'), a);
  assert.equal(wordId(['lan', 'tern'].join('')), a, 'by the text, not the string object');
  assert.notEqual(wordId('lanterns'), a);
});

test('a word table computes once per id, and every time for a word without one', () => {
  const calls: string[] = [];
  const table = new WordTable((w: string) => {
    calls.push(w);
    return w.length;
  });
  const id = wordId('kettle');
  assert.equal(table.get(id, 'kettle'), 6);
  assert.equal(table.get(id, 'kettle'), 6);
  assert.deepEqual(calls, ['kettle']);
  assert.equal(table.get(NO_ID, 'pot'), 3);
  assert.equal(table.get(NO_ID, 'pot'), 3);
  assert.deepEqual(calls, ['kettle', 'pot', 'pot']);
  // A far id first, then a near one: both read back (the table grows without holes).
  const far = wordId('teapot');
  assert.equal(table.get(far, 'teapot'), 6);
  assert.equal(table.get(wordId('cup'), 'cup'), 3);
  assert.equal(table.get(far, 'teapot'), 6);
});

const phrases = [
  'are your parents home? dont tell anyone',
  'S N A P me later 😂',
  's.e.n.d a p*c',
  'sendmeapic tonight',
  'wie alt bist du',
  'h0w 0ld r u',
  'see you at practice tomorrow, bring the ball',
  'gg that was a fun game lol',
];

const noIds = (nt: NormalisedText): NormalisedText => ({ ...nt, ids: nt.ids.map(() => NO_ID) });

test('the normaliser gives each word its id, also to words split apart or read from emoji', () => {
  const n = defaultMatcher().normaliser;
  for (const p of phrases) {
    const nt = n.normalise(p);
    assert.equal(nt.ids.length, nt.words.length, p);
    nt.words.forEach((w, i) => assert.equal(nt.ids[i], wordId(w), `${p}: ${w}`));
    const split = n.splitRunTogether(nt);
    if (split) split.words.forEach((w, i) => assert.equal(split.ids[i], wordId(w), `${p} (split): ${w}`));
  }
  assert.ok(n.splitRunTogether(n.normalise('sendmeapic tonight')), 'one phrase has words run together');
});

test('reading by id finds what reading by text finds: signals, frames, language votes, cues', () => {
  const m = defaultMatcher();
  const cues = defaultCueIndex();
  for (const p of phrases) {
    const nt = m.normaliser.normalise(p);
    const plain = noIds(nt);
    assert.deepEqual(detectInNormalised(m, p, nt, { messageIndex: 2, author: 'x' }), detectInNormalised(m, p, plain, { messageIndex: 2, author: 'x' }), p);
    assert.deepEqual(findFrames(m.frames, nt), findFrames(m.frames, plain), p);
    const byId = new Float32Array(5);
    const byText = new Float32Array(5);
    assert.equal(languageVotes(nt.words, byId, nt.ids), languageVotes(nt.words, byText), p);
    assert.deepEqual(byId, byText, p);
    assert.equal(cues.mask(nt.words, nt.words, nt.ids), cues.mask(nt.words, nt.words), p);
  }
});

test('an anchor reads the rules its next word allows by id as by text', () => {
  const m = defaultMatcher();
  let checked = 0;
  for (const [word, rules] of m.byAnchor) {
    const a = anchorById(rules);
    assert.equal(m.anchors.get(wordId(word), word)?.free, rules.free);
    for (const [next, list] of rules.next) {
      assert.equal(rulesBefore(a, wordId(next), next), list, `${word} ${next}`);
      checked++;
    }
    assert.equal(rulesBefore(a, wordId('zzqx'), 'zzqx'), undefined);
    assert.equal(rulesBefore(a, NO_ID, 'zzqx'), undefined);
  }
  assert.ok(checked > 100);
});
