// Session 13's lexicon additions, in the five languages: hiding the chat or the app from a parent's device (the
// family cloud, the family tablet, an app in a folder, logging out of dad's iPad), a cover story for when a
// parent asks, "before your mum comes in", not telling the parents "about me", a lift in someone's car, a place
// and a time to meet, gifts counted on a stream, the camera carried into the bathroom, and the southern German
// dialect forms of the same (aufgnomma, wennst, klassngruppn, rosn, nachtgwand, mäld … ab); then, from the second
// round, telling nobody and deleting the chat in Dutch, "your mum will know which photos", "before i send them to
// your class", gifts offered in German and Dutch, the camera set so "i see all of you", "turning what 13?", a lift
// from the bus stop, "es cosa nuestra" and Austrian threats (sunst, kriagn, olle); from the third, Spanish threats
// with "pongo", "is anyone with you" in French, "she doesn't need to know", a Swiss family iPad. Each phrase alone is
// one signal; look-alikes with the same words stay quiet. Short synthetic phrases written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation, detectSignals, type SignalCategory } from './index.ts';

const rulesOnly = { shortChatModel: { version: 'off', threshold: 2, bias: 0, weights: {} } };
const weight = (text: string, category: SignalCategory) => Math.max(0, ...detectSignals(text).filter((s) => s.category === category).map((s) => s.weight));

const found: [string, SignalCategory, number][] = [
  ["don't back them up to the family cloud", 'supervision_check', 0.7],
  ['put the app in a hidden folder', 'supervision_check', 0.7],
  ["log out on your dad's ipad", 'supervision_check', 0.7],
  ['if she ever asks, im just a friend from school', 'supervision_check', 0.7],
  ['do it before your mum comes in', 'supervision_check', 0.7],
  ["don't show her what i sent", 'secrecy', 0.7],
  ['delete it from the recently deleted folder too', 'secrecy', 0.7],
  ['dm it to me not on stream', 'image_request', 0.7],
  ["i'll send 20 roses", 'gifts', 0.5],
  ['cache lappli dans un dossier', 'supervision_check', 0.7],
  ['jamais sur la tablette familiale', 'supervision_check', 0.7],
  ['avant que ta mère vérifie ton téléphone', 'supervision_check', 0.7],
  ['lösch bitte alles', 'secrecy', 0.8],
  ['versteck die app', 'supervision_check', 0.7],
  ['meld die app auf dem ipad von deinem papa ab', 'supervision_check', 0.7],
  ['geh mal mit der kamera ins bad', 'image_request', 0.7],
  ['zeig mir eins wo nur du drauf bist', 'image_request', 0.7],
  ['du bist auch 12 oder', 'age_probe', 0.5],
  ['bin letzte woche 12 geworden', 'age_disclosure', 0.6],
  ['dann schick ich dir 20 rosen', 'gifts', 0.5],
  ['noch eins im schlafanzug', 'stream_pressure', 0.7],
  ['no les digas nada de mí a tus padres', 'secrecy', 0.8],
  ['no le digas nada', 'secrecy', 0.7],
  ['luego te llevo en coche', 'meeting', 0.7],
  ['en el centro comercial, viernes a las 5?', 'meeting', 0.5],
  // Dialect: folded to standard German before the patterns read it.
  ['i hob dei ganze cam aufgnomma. wennst ma ned mehr schickst, stell is in dei klassngruppn', 'sextortion', 0.9],
  ['mäld d app ufem ipad vo dim papi ab', 'supervision_check', 0.7],
  // Read on the second blind round of the session (held-out 47–49).
  ['niks tegen je moeder zeggen he', 'secrecy', 0.8],
  ['en verwijder dit gesprek even', 'secrecy', 0.8],
  ['dan weet je moeder straks ook welke fotos je mij gestuurd hebt', 'sextortion', 0.85],
  ['ik heb screenshots. stuur me een bericht voordat ik ze naar je klas stuur', 'sextortion', 0.9],
  ['ik kan je v-bucks geven', 'gifts', 0.5],
  ['ich kann dir robux kaufen', 'gifts', 0.5],
  ['stell die kamera so, dass ich dich ganz sehe', 'image_request', 0.7],
  ['i hob de screenshots vo deim stream. gib ma an videocall, sunst kriagn des olle in deiner schul', 'sextortion', 0.9],
  ['u said ur bday is next month, turning what 13?', 'age_probe', 0.7],
  ['i can grab you from the bus stop on tuesdays', 'meeting', 0.6],
  ['no se lo enseñes a tu madre, es cosa nuestra', 'secrecy', 0.8],
  // Read on the third blind round of the session (held-out 50–52).
  ['las guardé. quiero 3 más mañana o las pongo en el grupo de tu clase', 'sextortion', 0.9],
  ["y a quelqu'un avec toi là ?", 'supervision_check', 0.7],
  ['thought we could finally meet', 'meeting', 0.7],
  ["which is why she doesn't need to know", 'secrecy', 0.8],
  ['kannst du mir ein richtiges schicken? nur von dir', 'image_request', 0.7],
  ["lösch das grad wieder gäll, au d'fotene", 'secrecy', 0.8],
  ["und mach d'app uf em familie-ipad weg, dini mami luegt da sicher drii", 'supervision_check', 0.7],
  ['josh how old', 'age_probe', 0.5],
  ['schick ma moi oans wo nur du drauf bist', 'image_request', 0.7],
  ['und nachad no oan im nachtgwand', 'stream_pressure', 0.7],
];

test('each addition reaches its category', () => {
  for (const [text, category, min] of found) assert.ok(weight(text, category) >= min, `${text} → ${category} ${weight(text, category)}`);
});

test('the same words in ordinary talk stay quiet', () => {
  const quiet: [string, SignalCategory][] = [
    ['the family cloud is full again', 'supervision_check'],
    ['i put my notes in a folder', 'supervision_check'],
    ['du bist 34 oder?', 'age_probe'],
    ["i'll send you his homework after", 'gifts'],
    ['we go to the mall on friday', 'meeting'],
    ['no te preocupes, nada grave', 'secrecy'],
    ['ik stuur je de fotos van het kamp voordat ik ga slapen', 'sextortion'],
    ['turning the page now', 'age_probe'],
    ['ich kann dir bei mathe helfen', 'gifts'],
    ['how old is the game', 'age_probe'],
    ['schaut sie da mal nach dem essen', 'supervision_check'],
  ];
  for (const [text, category] of quiet) assert.equal(weight(text, category), 0, `${text} → ${category}`);
});

test('deleting the pictures and keeping them off the family cloud is a candidate for review; a tidy-up among family is not', () => {
  const chat = (lines: [string, string][]) => assessConversation(lines.map(([author, text]) => ({ author, text })), rulesOnly);
  const hiding = chat([
    ['x', 'delete the pictures from your gallery'],
    ['k', 'ok done'],
    ['x', "and don't back up to the family cloud"],
  ]);
  assert.ok(hiding.rules.some((r) => r.rule === 'supervision_and_contact' && r.author === 'x'), JSON.stringify(hiding.rules));
  const tidy = chat([
    ['m', 'can you delete the blurry pictures from the holiday folder'],
    ['k', 'ok done'],
    ['m', 'thanks, the family cloud is full again'],
  ]);
  assert.equal(tidy.flagged, false);
});

test('a threat to post an ordinary embarrassing photo (braces, sunburn) is banter; the same threat about "your pics" is not', () => {
  for (const t of ["SUPPRIME. sinon je montre à tout le monde ta photo de 6e avec l'appareil dentaire", 'du hast 5 min bis es weg ist, sonst kommt dein sonnenbrand-foto von der klassenfahrt in die klassengruppe'])
    assert.ok(weight(t, 'sextortion') < 0.5, `${t} → ${weight(t, 'sextortion')}`);
  assert.ok(weight('paie, sinon je montre à tout le monde tes photos', 'sextortion') >= 0.9);
});

test('asking for an embarrassing post to be taken down, with a threat to post one back, is banter; a demand for money is not', () => {
  for (const t of ['verwijder hem wel daarna, anders komt ie nog in de klassenapp', 'delete it or your singing video goes in the group chat'])
    assert.ok(weight(t, 'sextortion') < 0.5, `${t} → ${weight(t, 'sextortion')}`);
  assert.ok(weight('pay me 50 or your video goes in the group chat', 'sextortion') >= 0.9);
});
