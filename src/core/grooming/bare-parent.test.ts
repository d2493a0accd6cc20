import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BARE_PARENT_WEIGHT } from './bare-parent.ts';
import { detectSignals } from './index.ts';

const secrecy = (t: string) => Math.max(0, ...detectSignals(t).filter((s) => s.category === 'secrecy').map((s) => s.weight));

test('a secret kept from a parent named bare is a shared parent\'s, in every language: it weighs at most BARE_PARENT_WEIGHT', () => {
  for (const t of ['niet tegen mama zeggen', 'sag mama nichts', 'dont tell mum i broke it']) assert.equal(secrecy(t), BARE_PARENT_WEIGHT, t);
});

test('"your mum" keeps its weight: a stranger names the child\'s parent as theirs', () => {
  for (const t of ['niet tegen je moeder zeggen', 'sag deiner mama nichts', 'no le digas a tu mamá', 'dont tell your mum', 'zeg niks tegen je mama, ok?']) assert.ok(secrecy(t) >= 0.8, t);
});
