import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeywordAutomaton, type KeywordHit } from './keyword-automaton.ts';
import { KeywordListIndex } from './keyword-list-index.ts';
import { normaliseTerm } from './keyword-text.ts';

const scan = (a: KeywordAutomaton, words: string) => {
  const hits: KeywordHit[] = [];
  a.scan(words.split(' '), (h) => hits.push(h));
  return hits.map((h) => [h.id, h.start, h.end]);
};

test('Aho–Corasick over words finds overlapping and nested phrases, whole words only', () => {
  const a = new KeywordAutomaton([
    { id: 1, words: ['he'] },
    { id: 2, words: ['she'] },
    { id: 3, words: ['his'] },
    { id: 4, words: ['hers'] },
    { id: 5, words: ['a', 'b', 'c'] },
    { id: 6, words: ['b', 'c', 'd'] },
    { id: 7, words: ['b'] },
  ]);
  assert.deepEqual(scan(a, 'ushers she hers'), [[2, 1, 2], [4, 2, 3]]);
  assert.deepEqual(scan(a, 'x a b c d'), [[7, 2, 3], [5, 1, 4], [6, 2, 5]]);
  assert.deepEqual(scan(a, 'a b x c'), [[7, 1, 2]]);
  assert.deepEqual(scan(a, 'a a b c'), [[7, 2, 3], [5, 1, 4]]);
  assert.equal(a.terms, 7);
});

test('the automaton agrees with a naive scan on random word lists', () => {
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  const vocab = ['a', 'b', 'c', 'd', 'e'];
  const terms = Array.from({ length: 60 }, (_, id) => ({ id, words: Array.from({ length: 1 + rnd(3) }, () => vocab[rnd(5)]!) }));
  const a = new KeywordAutomaton(terms);
  for (let round = 0; round < 50; round++) {
    const text = Array.from({ length: 20 }, () => vocab[rnd(5)]!);
    const got = new Set<string>();
    a.scan(text, (h) => got.add(`${h.id}@${h.start}`));
    const want = new Set<string>();
    for (const t of terms) for (let i = 0; i + t.words.length <= text.length; i++) if (t.words.every((w, k) => text[i + k] === w)) want.add(`${t.id}@${i}`);
    assert.deepEqual([...got].sort(), [...want].sort());
  }
});

test('terms and messages meet after the grooming normaliser: case, accents, leetspeak, letter runs, spacing', () => {
  assert.equal(normaliseTerm('  Purple   LANTERN '), 'purple lantern');
  assert.equal(normaliseTerm('Café'), 'cafe');
  assert.throws(() => normaliseTerm('  '), { code: 'invalid_value' });
  const idx = new KeywordListIndex();
  idx.add(10, normaliseTerm('purple lantern'));
  idx.add(11, normaliseTerm('moonfish'));
  const ids = (t: string) => idx.match(t).map((h) => h.entryId);
  assert.deepEqual(ids('the Purple Lantern is open'), [10]);
  assert.deepEqual(ids('PURPL3 L4NTERN'), [10]);
  assert.deepEqual(ids('purple laaaantern'), [10]);
  assert.deepEqual(ids('m o o n f i s h tonight'), [11]);
  assert.deepEqual(ids('m.o.o.n.f.i.s.h'), [11]);
  assert.deepEqual(ids('purple lanterns and moonfishes'), [], 'whole words only');
  assert.deepEqual(ids('purple, lantern'), [10], 'punctuation between words of a phrase is ignored');
  const [hit] = idx.match('Look: the PURPLE  lantern!');
  assert.equal(hit!.text, 'PURPLE  lantern', 'the span as written, for evidence');
  idx.remove(10);
  assert.deepEqual(ids('purple lantern moonfish'), [11]);
});
