import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from './index.ts';
import { ID_PHOTO_FACTOR } from './id-photo.ts';

const image = (text: string) => detectSignals(text).find((s) => s.category === 'image_request')?.weight ?? 0;

test('a request for a passport or ID photo for a form weighs less, in five languages', () => {
  for (const [plain, id] of [
    ['send me a photo', 'please send me a passport photo for the club form'],
    ['schick mir ein foto', 'schick mir ein passbild für den vereinsausweis'],
    ['stuur me een foto', 'stuur me een pasfoto voor de clubkaart'],
    ['envoie-moi une photo', "envoie-moi une photo d'identité pour la licence"],
    ['mándame una foto', 'mándame una foto de carnet para la ficha'],
  ] as const) {
    const w = image(plain);
    assert.ok(w >= 0.7, plain);
    assert.ok(image(id) > 0 && image(id) <= w * ID_PHOTO_FACTOR + 1e-9, `${id}: ${image(id)}`);
  }
});

test('a picture request with no passport or ID photo named stays', () => {
  assert.ok(image('send me a photo of you for the club') >= 0.7);
  assert.ok(image('stuur me een foto van jezelf') >= 0.7);
});
