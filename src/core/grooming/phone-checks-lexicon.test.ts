// Session 12's lexicon additions, in the five languages: whether a parent goes through the child's phone (with a
// pronoun or a word in between), the app "where she won't look", cover stories and "don't bring anyone", a picture
// of "just you" asked without a picture noun, the camera pointed at the child, a lift home in dialect, and the
// drive-by asks of a stream pile-on (which town, which camp, into the tent or room). Each phrase alone is one
// signal; look-alikes with the same words stay quiet. Short synthetic phrases written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation, detectSignals, type SignalCategory } from './index.ts';

const rulesOnly = { shortChatModel: { version: 'off', threshold: 2, bias: 0, weights: {} } };
const weight = (text: string, category: SignalCategory) => Math.max(0, ...detectSignals(text).filter((s) => s.category === category).map((s) => s.weight));

const found: [string, SignalCategory, number][] = [
  ['does your dad ever look through your phone', 'supervision_check', 0.8],
  ['are the coaches checking your messages', 'supervision_check', 0.8],
  ['tell her you are at a friends tonight, say ur at the library', 'secrecy', 0.7],
  ['get telegram, they cant see it there', 'secrecy', 0.7],
  ["don't bring your sister", 'secrecy', 0.6],
  ["i'll pick you up at six", 'meeting', 0.7],
  ['snap one of just you by the window', 'image_request', 0.7],
  ['point the camera at you', 'image_request', 0.7],
  ['which village are you from', 'personal_info', 0.4],
  ['go in your bedroom so we can see', 'stream_pressure', 0.5],
  ['come outside after dinner on your own', 'meeting', 0.5],
  ['checkt er eigentlich dein handy', 'supervision_check', 0.8],
  ['dort schaut er bestimmt nicht rein', 'secrecy', 0.6],
  ['sag es nicht deiner oma', 'secrecy', 0.8],
  ['i kunnt di hoambringa', 'meeting', 0.6],
  ['in welchem dorf wohnst du', 'personal_info', 0.4],
  ['leest je vader soms mee in je berichten', 'supervision_check', 0.8],
  ['daar ziet hij het niet', 'secrecy', 0.6],
  ['niet aan je zus vertellen', 'secrecy', 0.8],
  ['zaterdag kom ik je ophalen', 'meeting', 0.6],
  ['werkt je moeder vannacht nachtdienst', 'supervision_check', 0.7],
  ['ta mère regarde tes messages ?', 'supervision_check', 0.8],
  ['là-bas il verra rien', 'secrecy', 0.6],
  ['installe telegram', 'platform_move', 0.5],
  ['tus padres te revisan el móvil?', 'supervision_check', 0.8],
  ['allí no lo ve tu madre', 'secrecy', 0.6],
  ['entra a tu habitación sola', 'stream_pressure', 0.6],
];

test('each addition reaches its category', () => {
  for (const [text, category, min] of found) assert.ok(weight(text, category) >= min, `${text} → ${category} ${weight(text, category)}`);
});

test('the same words in ordinary talk stay quiet', () => {
  const quiet: [string, SignalCategory][] = [
    ['my dad looks at the weather on his phone', 'supervision_check'],
    ['schaut sie mit uns den film', 'secrecy'],
    ['dan kijkt je moeder even mee', 'secrecy'],
    ['get into your room and tidy it before dinner', 'stream_pressure'],
    ['what team do you support', 'personal_info'],
    ['attention, la piscine ferme à 18h', 'secrecy'],
  ];
  for (const [text, category] of quiet) assert.equal(weight(text, category), 0, `${text} → ${category}`);
});

test('a word added to the lexicons does not split an ordinary word that holds it ("attention" is not "at tent i on")', () => {
  // Read as a warning that reports someone else's question, the age question weighs little.
  assert.ok(weight('attention il y a un mec qui demande à tout le monde quel âge on a', 'age_probe') < 0.5);
});

test('a child answering who is home names the parent, not the asker ("papa ja, mama schaut fern")', () => {
  const chat = [
    ['x', 'schlafen deine eltern schon?'],
    ['k', 'papa ja, mama schaut noch fern'],
    ['x', 'checkt sie dein handy?'],
    ['k', 'manchmal mama'],
    ['x', 'dann lad dir discord runter, dort schaut sie nicht rein'],
  ].map(([author, text]) => ({ author: author!, text: text! }));
  const a = assessConversation(chat, rulesOnly);
  assert.ok(a.rules.some((r) => r.rule === 'supervision_and_contact' && r.author === 'x'), JSON.stringify(a.rules.map((r) => r.rule)));
  // The same child saying "ok papa" to an ordinary question does make the asker family.
  const family = assessConversation(
    [
      ['x', 'bist du schon zu hause?'],
      ['k', 'ok papa'],
      ['x', 'schick mir ein foto vom zeugnis, sag es nicht deiner oma, das ist ihre überraschung'],
    ].map(([author, text]) => ({ author: author!, text: text! })),
    rulesOnly,
  );
  assert.equal(family.rules.length, 0, JSON.stringify(family.rules.map((r) => r.rule)));
});
