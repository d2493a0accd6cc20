// Live-stream coercion in the lexicons: stream gifts offered as currency for a dare, camera and body
// instructions, and the asks strangers pile up on a child streamer (school year, street, who is home, the door,
// the camera), in every language. Look-alikes from ordinary streams must stay quiet. Short synthetic phrases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation, type SignalCategory } from './index.ts';
import { strongestWeight as weight } from './strongest-weight.ts';

const rulesOnly = { shortChatModel: { version: 'off', threshold: 2, bias: 0, weights: {} } };

const asks: [string, SignalCategory][] = [
  ['r u in year 6', 'age_probe'],
  ['whats the name of ur street', 'personal_info'],
  ['whos watching u tonight', 'supervision_check'],
  ['turn the cam around', 'image_request'],
  ['show us around', 'image_request'],
  ['bist du noch in der grundschule', 'age_probe'],
  ['wie heißt deine straße', 'personal_info'],
  ['wer ist alles zuhause', 'supervision_check'],
  ['kamera näher ran', 'image_request'],
  ['in welk jaar zit je', 'age_probe'],
  ['welke wijk', 'personal_info'],
  ['hoe laat gaan je ouders slapen', 'supervision_check'],
  ['camera dichterbij', 'image_request'],
  ["t'es en cm2 ?", 'age_probe'],
  ['tu habites dans quel quartier', 'personal_info'],
  ['tes parents rentrent à quelle heure', 'supervision_check'],
  ['mets la cam sur le lit', 'image_request'],
  ['tienes 11 o 12', 'age_probe'],
  ['de qué barrio eres', 'personal_info'],
  ['a qué hora llegan tus padres', 'supervision_check'],
  ['enséñanos tu cuarto', 'image_request'],
];

test('what strangers ask a child streamer reaches an ask category strongly enough to count as an ask', () => {
  for (const [text, category] of asks) assert.ok(weight(text, category) >= 0.5, `${text} → ${category}`);
});

test('stream gifts offered for a dare are gifts; a gift name alone is weak', () => {
  for (const text of ['ill send a galaxy if u do it', 'ich schick dir ein universum', 'ik stuur een leeuw als je het doet', "je t'envoie une galaxie", 'te mando un león', '🌹 if u do it']) {
    assert.ok(weight(text, 'gifts') >= 0.5, text);
  }
  for (const text of ['the galaxy is huge', 'der löwe im zoo', 'mijn universum', 'el universo']) assert.ok(weight(text, 'gifts') < 0.5, text);
});

test('dare instructions on stream are stream pressure', () => {
  for (const text of ['take the hoodie off', 'do a bridge on the bed', 'bei 500 likes ziehst du die jacke aus', 'doe je vest uit', "à 500 likes t'enlèves ton sweat", 'si llegamos a 1000 te quitas la sudadera']) {
    assert.ok(weight(text, 'stream_pressure') >= 0.6, text);
  }
});

test('a gift offered for a camera instruction flags; several strangers each asking one thing flag', () => {
  const dare = assessConversation([{ author: 'a', text: 'spin slowly for the cam' }, { author: 'b', text: 'lol ok' }, { author: 'a', text: 'ill send a galaxy if u do it' }], rulesOnly);
  assert.ok(dare.rules.some((r) => r.rule === 'offer_for_images'), JSON.stringify(dare.rules));
  const viewers = assessConversation(
    [
      { author: 'c', text: 'wat grade r u in' },
      { author: 'd', text: 'whats the name of ur street' },
      { author: 'e', text: 'whos watching u tonight' },
      { author: 'b', text: 'why' },
    ],
    rulesOnly,
  );
  assert.ok(viewers.rules.some((r) => r.rule === 'coordinated_asks'), JSON.stringify(viewers.rules));
});

test('look-alikes stay quiet: a streamer turning their own camera, a team bench, a charity goal, a grandmother’s roses', () => {
  const quiet: { author: string; text: string }[][] = [
    [{ author: 'c', text: 'how old is ur dog now' }, { author: 'd', text: 'show us the new setup' }, { author: 'a', text: 'ok turning the cam around sec' }],
    [{ author: 'b', text: 'kamera auf die bank stellen sonst wackelt das' }, { author: 'd', text: '10 likes und sie macht den spagat' }],
    [{ author: 'c', text: 'wat gebeurt er bij 500' }, { author: 'a', text: 'dan verf ik mn haar blauw, mn moeder heeft al ja gezegd' }],
    [{ author: 'b', text: 'hab ich jetzt 10 rosen geschickt? das war nicht absicht' }, { author: 'a', text: 'ich geb dir die zurück oma versprochen' }],
    [{ author: 'b', text: 'el chat te reta a jugar con los ojos cerrados' }, { author: 'a', text: 'si llegamos a 300 likes' }],
  ];
  for (const chat of quiet) assert.equal(assessConversation(chat, rulesOnly).rules.length, 0, chat.map((m) => m.text).join(' / '));
});
