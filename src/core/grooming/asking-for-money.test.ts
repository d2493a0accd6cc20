import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ASKING_FACTOR } from './asking-for-money.ts';
import { detectSignals } from './index.ts';

const gifts = (text: string) => Math.max(0, ...detectSignals(text).filter((s) => s.category === 'gifts').map((s) => s.weight));

test('someone asking for money (a hacked account told as a warning) is not an offer of money', () => {
  assert.ok(gifts('someone on your insta is messaging your friends asking for money') <= 0.75 * ASKING_FACTOR + 1e-9);
  assert.ok(gifts('send me pics for money') >= 0.7);
});
