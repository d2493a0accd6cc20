import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from './index.ts';
import { GROUP_FACTOR } from './group-address.ts';

const image = (text: string) => Math.max(0, ...detectSignals(text).filter((s) => s.category === 'image_request').map((s) => s.weight));

test('a picture request made of a whole team or class weighs less, in five languages', () => {
  for (const [group, one] of [
    ['team chat: everyone send me a pic of your player card', 'send me a pic of you'],
    ['stuur allemaal een foto van je spelerspas', 'stuur me een foto van jou'],
    ['jungs schick mir mal ein foto', 'schick mir mal ein foto'],
    ['tout le monde envoie moi une photo', 'envoie moi une photo'],
    ['chicos mandame una foto', 'mandame una foto'],
  ]) {
    assert.ok(image(one) >= 0.6, one);
    assert.ok(image(group) > 0 && image(group) <= 0.8 * GROUP_FACTOR + 1e-9, group);
  }
});

test('"all" as the amount asked for is not a group: "send all your pics" stays', () => {
  assert.ok(image('send all your pics') >= 0.7);
  assert.ok(image('schick alle bilder') >= 0.6);
});
