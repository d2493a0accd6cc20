import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from './index.ts';
import { THING_PHOTO_FACTOR } from './thing-photo.ts';

const requests = (text: string) => detectSignals(text).filter((s) => s.category === 'image_request').map((s) => s.weight);

test('a picture of a thing asked with a plain request phrase weighs little, in German, Dutch and dialect', () => {
  for (const t of ['schick mir ein foto von deinen schuhen, ich brauch die größe', 'stuur een foto van je huiswerk', 'schick ma a foto vo deine schuach']) {
    const w = requests(t);
    assert.ok(w.length > 0 && Math.max(...w) <= 0.8 * THING_PHOTO_FACTOR + 1e-9, `${t}: ${w}`);
  }
});

test('a picture of the person keeps its weight', () => {
  for (const t of ['schick mir ein foto von dir', 'stuur een foto van jezelf', 'send me a pic of you']) assert.ok(Math.max(...requests(t)) >= 0.7, t);
});
