// Short asks in German, Dutch, French and Spanish as people type them: a temporal word inside a supervision check,
// parental controls and passwords, a newer picture, deleting the chat or the call list, cover stories for home,
// isolation from friends, a pick-up at the stop, gifts in inverted word order, dares for likes. Each phrase alone
// is one signal; a pair of them from one author is a rule. Look-alikes with one of the same words stay quiet.
// Short synthetic phrases written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation, type SignalCategory } from './index.ts';
import { strongestWeight as weight } from './strongest-weight.ts';

const rulesOnly = { shortChatModel: { version: 'off', threshold: 2, bias: 0, weights: {} } };

const asks: [string, SignalCategory][] = [
  ['wer ist jetzt noch bei dir daheim', 'supervision_check'],
  ['liest dein vater bei dir mit', 'supervision_check'],
  ['hast du eine kindersicherung auf dem tablet', 'supervision_check'],
  ['gibst du mir mal deine handynummer', 'platform_move'],
  ['hast du ein neues foto', 'image_request'],
  ['wie alt wirst du', 'age_probe'],
  ['lösch den anrufverlauf', 'secrecy'],
  ['keiner versteht dich so wie ich', 'trust_building'],
  ['komm aber alleine', 'meeting'],
  ['bei 300 likes tanzt du im schlafanzug', 'stream_pressure'],
  ['heb jij een slot op je deur', 'supervision_check'],
  ['heeft je vader je wachtwoord', 'supervision_check'],
  ['heb je het gesprek al verwijderd', 'secrecy'],
  ['je ouders snappen niks van jou', 'trust_building'],
  ['dan haal ik je donderdag op', 'meeting'],
  ['bel me even met video', 'image_request'],
  ['bij 400 likes gaat je trui uit', 'stream_pressure'],
  ['ta porte elle ferme à clé', 'supervision_check'],
  ["t'as tout supprimé ?", 'secrecy'],
  ['viens seule', 'meeting'],
  ['on se fait un facetime', 'image_request'],
  ['parle qu’à moi', 'trust_building'],
  ['tu cuarto tiene pestillo', 'supervision_check'],
  ['están tus papás en casa', 'supervision_check'],
  ['bájate telegram', 'platform_move'],
  ['activa los mensajes temporales', 'secrecy'],
  ['te espero a la salida', 'meeting'],
  ['enséñame tu habitación', 'image_request'],
];

test('short asks in de/nl/fr/es reach their category strongly enough to count', () => {
  for (const [text, category] of asks) assert.ok(weight(text, category) >= 0.5, `${text} → ${category}`);
});

test('two kinds of ask from one author make a rule in each language', () => {
  const pairs: [string, string, string][] = [
    ['liest deine mutter mit?', 'lad dir telegram im browser runter', 'supervision_and_contact'],
    ['wie alt wirst du?', 'hast du ein aktuelles foto', 'minor_and_image'],
    ['hay alguien contigo?', 'pasa a telegram', 'supervision_and_contact'],
    ['heeft je moeder je wachtwoord?', 'maak dan een discord', 'supervision_and_contact'],
    ['on fait un facetime ?', 'ça reste entre nous', 'secrecy_and_image'],
  ];
  for (const [first, second, rule] of pairs) {
    const a = assessConversation([{ author: 'a', text: first }, { author: 'b', text: 'hm' }, { author: 'a', text: second }], rulesOnly);
    assert.ok(a.rules.some((r) => r.rule === rule), `${first} / ${second}: ${JSON.stringify(a.rules.map((r) => r.rule))}`);
  }
});

test('look-alikes with one of the same words make no rule', () => {
  const quiet: { author: string; text: string }[][] = [
    [{ author: 'a', text: 'wer ist grad bei dir im team' }, { author: 'b', text: 'lena und ich' }, { author: 'a', text: 'gut, bringt die trikots mit' }],
    [{ author: 'a', text: 'hast du ein neues foto für den schülerausweis' }, { author: 'b', text: 'ja' }, { author: 'a', text: 'gib es morgen im sekretariat ab' }],
    [{ author: 'a', text: 'heb je de chat al gewist? er stonden spoilers in' }, { author: 'b', text: 'ja sorry' }],
    [{ author: 'a', text: 'viens seule ou avec ta sœur, ça commence à 15h' }, { author: 'b', text: 'ok on arrive' }],
    [{ author: 'a', text: 'te espero a la salida con la mochila' }, { author: 'b', text: 'vale mamá' }],
  ];
  for (const chat of quiet) assert.equal(assessConversation(chat, rulesOnly).rules.length, 0, chat.map((m) => m.text).join(' / '));
});
