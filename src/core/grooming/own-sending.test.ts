import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSignals } from './index.ts';
import { OWN_SENDING_FACTOR } from './own-sending.ts';

const requests = (text: string) => detectSignals(text).filter((s) => s.category === 'image_request').map((s) => s.weight);

test('"je vous envoie une photo" is the speaker\'s own sending: the picture request weighs little', () => {
  const w = requests('Je vous envoie une photo quand ils dorment pour vous rassurer ?');
  assert.ok(w.length > 0 && Math.max(...w) <= 0.8 * OWN_SENDING_FACTOR + 1e-9, String(w));
});

test('"envoie une photo de toi" and "tu m\'envoies une photo" still ask the reader', () => {
  for (const t of ['envoie une photo de toi', "tu m'envoies une photo ?"]) assert.ok(Math.max(...requests(t)) >= 0.7, t);
});
