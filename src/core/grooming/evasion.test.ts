// The evasion generator is deterministic and each evasion really disguises the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evade, evasions, seededRandom } from './evasion.ts';

const text = 'are your parents home tonight';

test('the same text, evasion and seed always give the same output', () => {
  for (const e of evasions) assert.equal(evade(text, e, 7), evade(text, e, 7), e);
  const r1 = seededRandom(3);
  const r2 = seededRandom(3);
  for (let i = 0; i < 5; i++) assert.equal(r1(), r2());
});

test('every evasion but none changes the text, and none leaves it alone', () => {
  assert.equal(evade(text, 'none', 1), text);
  for (const e of evasions.filter((x) => x !== 'none')) {
    for (let seed = 1; seed <= 5; seed++) assert.notEqual(evade(text, e, seed), text, `${e} seed ${seed}`);
  }
});

test('each evasion disguises in its own way', () => {
  assert.match(evade(text, 'spaced', 1), /\b\w \w \w/);
  assert.match(evade(text, 'dotted', 1), /\w\.\w\.\w/);
  assert.match(evade(text, 'zero_width', 1), /[\u200b-\u200d\u2060\ufeff]/);
  assert.match(evade(text, 'soft_hyphen', 1), /\u00ad/);
  assert.match(evade(text, 'confusables', 2), /[\u0370-\u04ff]/);
  assert.match(evade(text, 'fullwidth', 1), /^[\uff01-\uff5e\u3000]+$/);
  assert.match(evade(text, 'math', 1), /[\u{1d400}-\u{1d7ff}]/u);
  assert.match(evade(text, 'asterisk', 1), /\w\*\w|\*/);
  assert.match(evade(text, 'repeated', 1), /(\w)\1\1/);
  assert.ok(evade(text, 'run_together', 1).split(' ').length < text.split(' ').length);
});
