// Terse asks as they are typed in very short chats (found missing by session 15's first blind round): a bare
// "dad around?", "move 2 telegram", a gift card offered on its own, pictures "just for me", "nobody gets you like
// me", "do what i say or it goes in every gc", checking the recently-deleted folder, cover stories ("say you're at
// a friend's") and "your mother doesn't need to see this" in French, Spanish, German and Dutch, who checks the
// phone, turning or propping the camera, a pick-up by car. Each phrase alone is one signal; a threat with a
// demand flags alone, and two kinds of ask from one author make a rule. Look-alikes that share a word stay
// quiet. Short synthetic phrases written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation, detectSignals, type SignalCategory } from './index.ts';
import { strongestWeight as weight } from './strongest-weight.ts';
import { defaultMatcher } from './detector.ts';

const rulesOnly = { shortChatModel: { version: 'off', threshold: 2, bias: 0, weights: {} } };

const asks: [string, SignalCategory][] = [
  ['dad around?', 'supervision_check'],
  ['r u usually home alone after school', 'supervision_check'],
  ['lets go 2 telegram', 'platform_move'],
  ['want a £20 steam card', 'gifts'],
  ['a few selfies, nothing crazy, just for me', 'image_request'],
  ['facetime me later', 'image_request'],
  ['no one gets u like i do', 'trust_building'],
  ['do as i say or else everyone at your school sees', 'sextortion'],
  ['empty the recently deleted folder as well', 'secrecy'],
  ["dis-lui que t'es chez ta copine", 'secrecy'],
  ['tu as quoi 12 ?', 'age_probe'],
  ['on se retrouve demain ?', 'meeting'],
  ['dile que te quedas con una amiga', 'secrecy'],
  ['deine mama muss davon nichts mitkriegen', 'secrecy'],
  ['wer liest eigentlich deine nachrichten', 'supervision_check'],
  ['dreh mal die kamera um', 'image_request'],
  ['schick ein selfie, nur für mich', 'image_request'],
  ['je vader hoeft dit niet te weten', 'secrecy'],
  ['zeg maar dat je bij een vriendin slaapt', 'secrecy'],
  ['zet de chat op 7 dagen', 'secrecy'],
  ['ik haal je op bij het station', 'meeting'],
  ['zet je telefoon zo dat ik je kan zien', 'image_request'],
  ['ben je vaak alleen thuis', 'supervision_check'],
];

test('terse asks reach their category strongly enough to count', () => {
  for (const [text, category] of asks) assert.ok(weight(text, category) >= 0.5, `${text} → ${category}`);
});

test('a threat with a demand and an audience flags a two-message chat alone, without the short-chat model', () => {
  const a = assessConversation(
    [
      { author: 'x', text: 'do what i say or its in every gc' },
      { author: 'y', text: 'please no' },
    ],
    rulesOnly,
  );
  assert.equal(a.flagged, true);
  assert.ok(a.rules.some((r) => r.rule === 'sextortion' && r.author === 'x'), JSON.stringify(a.rules));
});

test('two kinds of terse ask from one author make a rule', () => {
  const pairs: [string, string, string][] = [
    ['r u usually home alone after school', 'lets go 2 telegram', 'supervision_and_contact'],
    ['want a £20 steam card', 'a few selfies, nothing crazy, just for me', 'offer_for_images'],
    ['je vader hoeft dit niet te weten', 'ik haal je op bij het station', 'secrecy_and_contact'],
    ['deine mama muss davon nichts mitkriegen', 'schick ein selfie, nur für mich', 'secrecy_and_image'],
  ];
  for (const [first, second, rule] of pairs) {
    const a = assessConversation(
      [
        { author: 'x', text: first },
        { author: 'y', text: 'ok' },
        { author: 'x', text: second },
      ],
      rulesOnly,
    );
    assert.ok(a.rules.some((r) => r.rule === rule && r.author === 'x'), `${first} / ${second} → ${rule}: ${JSON.stringify(a.rules.map((r) => r.rule))}`);
  }
});

test('look-alikes that share a word stay quiet', () => {
  const quiet = [
    'my dad around the corner fixing the car',
    'i need a new phone card for my trip',
    'check the weather before we go',
    'do what i say and bring snacks lol',
    'ik haal het op bij de bakker',
    'dreh die musik leiser',
    'zet de tafel klaar',
  ];
  for (const text of quiet) {
    const signals = detectSignals(text).filter((s) => s.weight >= 0.5 && ['supervision_check', 'gifts', 'secrecy', 'sextortion', 'meeting', 'image_request'].includes(s.category));
    assert.deepEqual(signals.map((s) => s.category), [], text);
  }
});

test('ordinary words are not split into short lexicon words', () => {
  // A two-letter lexicon word lets an unknown word split into pieces ("mortgage" into "mort ga ge" once "ge"
  // was one), which changes what the short-chat model reads; these additions keep to longer words.
  const n = defaultMatcher().normaliser;
  for (const w of ['mortgage', 'garage', 'message', 'average']) assert.equal(n.splitRunTogether(n.normalise(w)), null, w);
  assert.ok(n.splitRunTogether(n.normalise('sendmeapic')), 'a real run-together phrase still splits');
});
