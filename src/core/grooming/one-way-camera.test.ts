import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMatcher } from './detector.ts';
import { asksTheirsInstead, hidesOwnCamera } from './one-way-camera.ts';
import { assessConversation } from './index.ts';

const nt = (text: string) => defaultMatcher().normaliser.normalise(text);
const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly });

test('the own camera hidden and the other\'s asked for, in five languages', () => {
  for (const t of ['my cam is broken', 'meine cam ist kaputt', 'mn camera doet het niet', 'ma cam marche pas', 'mi camara no va', 'cant send face pics']) assert.equal(hidesOwnCamera(nt(t)), true, t);
  for (const t of ['turn urs on', 'mach du ruhig an', 'kan jij de jouwe aanzetten', 'allume la tienne', 'enciende la tuya', 'u can send me ones of u']) assert.ok(asksTheirsInstead(nt(t)), t);
  assert.equal(hidesOwnCamera(nt('my mum is broke lol')), false);
  assert.equal(asksTheirsInstead(nt('turn the oven on')), undefined);
});

test('"my cam is broken, but turn urs on" flags; a pupil telling the teacher their camera is broken does not', () => {
  for (const t of ['my cam is broken lol but u turn urs on', 'meine cam is kaputt 😔 mach du ruhig an', 'mi cam no va pero enciende la tuya']) {
    const r = chat(['b', 'can we video call'], ['a', t]);
    assert.equal(r.flagged, true, t);
    assert.ok(r.rules.some((x) => x.rule === 'one_way_camera'), t);
  }
  // Across messages: the excuse first, the ask later.
  assert.equal(chat(['a', 'my cam is broken'], ['b', 'again?'], ['a', 'yeah. u turn urs on, ill just listen']).flagged, true);
  assert.equal(chat(['b', 'cameras on for the lesson please'], ['a', 'my cam is broken can i just use the chat'], ['b', 'that is fine']).flagged, false);
  assert.equal(chat(['a', 'ma cam marche pas mdr on fait en audio'], ['b', 'ok vers 20h']).flagged, false);
});
