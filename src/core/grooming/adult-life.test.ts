import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMatcher } from './detector.ts';
import { tellsAdultLife } from './adult-life.ts';
import { assessConversation } from './index.ts';

const nt = (text: string) => defaultMatcher().normaliser.normalise(text);
const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly });

test('adult life told in passing: driving, a car, a spouse or child, overtime', () => {
  for (const t of ["i'll drive over on saturday", 'i have my car', 'long day, overtime again', 'my wife is out', 'ich fahr dich hin', 'ik werk tot 6']) assert.equal(tellsAdultLife(nt(t)), true, t);
  for (const t of ['my mum will drive us', 'my bike is broken', 'work on the project']) assert.equal(tellsAdultLife(nt(t)), false, t);
});

test('"im 13 too" and then driving over: the stated age is not taken as the author\'s, so their secrecy and meeting count', () => {
  const fake = chat(['a', 'im 13 too'], ['b', 'cool'], ['a', "i'll drive over on saturday. dont tell your parents about me"]);
  assert.equal(fake.flagged, true);
  assert.ok(fake.rules.some((r) => r.rule === 'secrecy_and_contact'));
  // The same ask from someone who only said they are 13 stays a peer's.
  const peer = chat(['a', 'im 13 too'], ['b', 'cool'], ['a', 'my mum says i could come over on saturday. dont tell your parents about me']);
  assert.equal(peer.flagged, false);
});
