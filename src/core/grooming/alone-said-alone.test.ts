import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aloneSaidAlone } from './alone-said-alone.ts';
import { assessConversation } from './index.ts';

const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly });

test('"alone" as its own closing sentence, in five languages; not inside a sentence', () => {
  for (const t of ['meet me at the park. alone', 'wel alleen', 'komm zum bahnhof. allein 😉', 'viens au parc. seule', 'ven al parque. sola']) assert.ok(aloneSaidAlone(t), t);
  for (const t of ['i was alone at home all day', 'home alone 2 is on tv', 'sola en casa toda la tarde']) assert.equal(aloneSaidAlone(t), undefined, t);
});

test('a meeting closed by a lone "alone" flags; the same "alone" without a meeting, or a meeting without it, does not', () => {
  assert.equal(chat(['a', 'im near ur school at 3'], ['a', 'come to the car park behind the shop. alone']).flagged, true);
  assert.equal(chat(['a', 'how did u get to practice'], ['b', 'by bus. alone']).flagged, false);
  assert.equal(chat(['a', 'im near ur school at 3'], ['a', 'come to the car park behind the shop']).flagged, false);
});
