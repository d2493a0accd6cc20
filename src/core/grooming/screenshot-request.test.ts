import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from './index.ts';

const request = (t: string) => Math.max(0, ...detectSignals(t).filter((s) => s.category === 'image_request').map((s) => s.weight));

test('a screenshot asked for (a score, a trade, a payment) is no picture of the person', () => {
  for (const t of ['ok aber schick screenshot als beweis dass du die coins hast', 'stuur een screenshot van je score']) assert.ok(request(t) < 0.5, t);
});

test('a picture of the person asked for stands', () => {
  for (const t of ['send me a pic', 'schick mir ein bild von dir', 'stuur een foto van jou']) assert.ok(request(t) >= 0.7, t);
});
