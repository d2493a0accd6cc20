import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation } from './index.ts';

// The lexicons and rules alone (the short-chat model switched off).
const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
const sextortion = (...m: [string, string][]) =>
  assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly }).rules.some((r) => r.rule === 'sextortion');

test('a claim to hold material and leverage from the same author, in one message or several, is sextortion', () => {
  // A demand for more.
  assert.ok(sextortion(['a', 'i kept the video from our call'], ['b', 'what'], ['a', 'two more like that one, tonight']));
  // A payment demand and a deadline.
  assert.ok(sextortion(['a', 'ich hab den call aufgenommen'], ['b', 'lösch das'], ['a', '40 euro paysafe bis morgen']));
  // A hint at an audience, before the claim.
  assert.ok(sextortion(['a', 'je moeder zit toch op facebook. zou zonde zijn als ze iets ziet'], ['b', 'wat'], ['a', 'ik heb alles opgenomen']));
  assert.ok(sextortion(['a', "j'ai tout enregistré"], ['b', 'quoi'], ['a', "t'as jusqu'à demain"]));
  assert.ok(sextortion(['a', 'lo tengo todo guardado'], ['b', 'bórralo'], ['a', 'me mandas otro y lo borro']));
  assert.ok(sextortion(['a', 'i still have the one you sent'], ['a', 'be a shame if your class saw it']));
  assert.ok(sextortion(['a', 'du weißt was ich hab'], ['b', 'ja'], ['a', 'dann weißt du was passiert wenn du mich blockst']));
});

test('either part alone, or the parts from two people, is not sextortion', () => {
  assert.ok(!sextortion(['a', 'i saved the pics from the trip'], ['b', 'nice send them']));
  assert.ok(!sextortion(['a', 'you have till sunday to hand in the essay']));
  // The claim is one person's, the deadline another's.
  assert.ok(!sextortion(['a', 'i recorded the call for the project'], ['b', 'ok you have till friday to edit it']));
});

test('banter, a retold scam and an ordinary debt stay quiet', () => {
  assert.ok(!sextortion(['a', 'i have the video of you falling off the bike lol'], ['b', 'delete it'], ['a', 'buy me fries and maybe']));
  assert.ok(!sextortion(['a', 'i kept a copy of that karaoke clip haha'], ['a', 'would be a shame if your sister saw it']));
  assert.ok(!sextortion(['a', 'look what my cousin received: "i have your video, 50 on paysafe by tonight". its a scam right'], ['b', 'yes block and report']));
  assert.ok(!sextortion(['a', 'you still owe me 20 for the tickets'], ['b', 'i know'], ['a', 'pay me back by friday pls']));
  assert.ok(!sextortion(['a', 'i have a screenshot of you saying you love that boy band'], ['b', 'so'], ['a', '2 bucks or the group chat knows']));
});
