import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation, detectSignals } from './index.ts';

const has = (text: string, category: string) => detectSignals(text).some((s) => s.category === category && s.weight >= 0.8);
const request = (t: string) => detectSignals(t).some((s) => s.category === 'image_request');

test('sextortion frame: audience + material + condition + exposure in any word order and language', () => {
  for (const text of [
    'block me and the video goes online',
    'ignore me and your pics get posted everywhere',
    'unblock me or the screenshots go to all your followers',
    'its going to your whole class unless you pay',
    'wenn du mich blockst landet das video im internet',
    'zahlst du nicht, schick ich die bilder deinem vater',
    'stuur er nog een anders gaat die foto naar je hele school',
    'als je me blokt komt de video online',
    'si tu me bloques la vidéo part sur internet',
    'si me bloqueas el video sale en internet',
  ]) {
    assert.ok(has(text, 'sextortion'), text);
    assert.ok(has(text, 'threat'), `${text} (threat)`);
  }
});

test('sextortion frame needs every part, close together', () => {
  for (const text of [
    'if you dont come tonight im telling everyone you cried at the movie',
    'send me the video of your serve and ill give feedback',
    'do you want me to send the video to your mum or your dad',
    'or ' + 'word '.repeat(30) + 'your school ' + 'word '.repeat(30) + 'video goes',
  ]) {
    assert.ok(!has(text, 'sextortion'), text);
  }
});

test('picture and camera requests: verb-final, "of you", in exchange; not pictures of things', () => {
  for (const text of ['kannst du mir n foto schicken', 'kun je me ff een foto sturen', 'just one pic of u', 'für ein foto von dir', 'pour une photo', 'doe je je camera even aan', 'machst du mal deine kamera an']) {
    assert.ok(detectSignals(text).some((s) => s.category === 'image_request'), text);
  }
  for (const text of ['send me that pic of us at the beach', 'send me a pic of the hamster pls', 'schick mir das foto vom kuchen', 'that photo of you asleep on the bus']) {
    assert.ok(!detectSignals(text).some((s) => s.category === 'image_request'), text);
  }
});

test('banter: a joking threat to expose, asking only for something owed, is not flagged; coercion still is', () => {
  const chat = (a: string) => assessConversation([{ author: 'a', text: a }, { author: 'b', text: 'haha ok ok' }]).flagged;
  for (const text of [
    'give me my hoodie back or the video of you singing goes in the group chat lol',
    'gib mir mein geld zurück oder ich zeig allen das video von dir beim singen haha',
    'rembourse moi ou je montre la photo de toi endormi à toute la classe mdr',
  ]) assert.equal(chat(text), false, text);
  for (const text of [
    'send more pics or im posting the ones you sent lol',
    'pay me 50 or im posting your pics lol',
    'pay me back or i send your nudes to everyone lol',
    'do what i say or your mum gets the video lmao',
    'block me and the video goes online',
    'you owe me. pay or your pics go to your school lol',
  ]) assert.equal(chat(text), true, text);
  // The damped threat stays visible as evidence.
  const s = detectSignals('give me my hoodie back or the video of you singing goes in the group chat lol');
  assert.ok(s.some((x) => x.category === 'sextortion' && x.weight < 0.5));
});

test('banter: an ordinary favour as the demand, or laughter just before the threat; pictures, money and intimacy still flag', () => {
  const flagged = (...texts: [string, string][]) => assessConversation(texts.map(([author, text]) => ({ author, text }))).flagged;
  // A favour, laughing in the same message.
  assert.equal(flagged(['a', 'buy me fries or the video of you singing goes in the group chat 😂'], ['b', 'fine']), false);
  assert.equal(flagged(['a', 'kauf mir pommes oder das video geht in die klassengruppe haha'], ['b', 'ok']), false);
  // Laughter in the author's own message before, or in the message just before.
  assert.equal(flagged(['a', 'i have the video of you falling off the bike haha'], ['b', 'noo'], ['a', 'help me with the french homework or it goes to the whole class']), false);
  assert.equal(flagged(['b', 'lol that clip of me is so bad'], ['a', 'give me my charger back or everyone sees it']), false);
  // Still sextortion: pictures or money demanded, material intimate, or no laughter anywhere near.
  assert.equal(flagged(['a', 'haha'], ['a', 'send me one more pic or im posting the video to your school']), true);
  assert.equal(flagged(['b', 'lol'], ['a', 'pay 50 or the video goes to all your followers']), true);
  assert.equal(flagged(['a', 'buy me fries or your nudes go to your whole school lol'], ['b', 'what']), true);
  assert.equal(flagged(['a', 'help me with homework or the video of you goes to your whole school'], ['b', 'ok']), true);
});

test('an offer of currency or modelling kept secret flags on its own', () => {
  const a = assessConversation([{ author: 'a', text: 'want a free steam card?' }, { author: 'a', text: 'keep it quiet and ill send it' }]);
  assert.ok(a.flagged);
  assert.ok(a.rules.some((r) => r.rule === 'secret_offer'));
});

test('banter: a threat to expose ordinary embarrassing material needs no laughter; intimate material or a picture asked for still flags', () => {
  const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
  const flagged = (...texts: [string, string][]) => assessConversation(texts.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly }).flagged;
  for (const text of [
    'delete that or i post the video of you falling off the skateboard',
    'return my switch or i post the pic of your christmas jumper in the group chat',
    'lösch das oder ich poste das video wo du vom fahrrad gefallen bist in der klassengruppe',
    'geef mijn oplader terug of iedereen ziet het filmpje waar je van de fiets valt',
    'rends-moi mon chargeur ou j\'envoie à toute la classe la vidéo où tu tombes du vélo',
    'devuélveme el cargador o mando a todos el video donde te caes de la bici',
  ]) assert.equal(flagged(['a', text], ['b', 'ok ok']), false, text);
  assert.equal(flagged(['a', 'send one more pic or i post the video of you falling to your whole school'], ['b', 'ok']), true);
  assert.equal(flagged(['a', 'pay or i send the pics you sent me to your whole school, the ones after the skateboard park'], ['b', 'no']), true);
});

test('banter: a picture is asked for only by a request verb close to it, not the speaker\'s own "i show" or a "give me back" for something else', () => {
  const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
  const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly }).flagged;
  assert.equal(chat(['a', 'give me back my charger or i show everyone the video of you tripping on stage'], ['b', 'ok ok']), false);
  assert.equal(chat(['a', 'pay me back the tenner or your pic goes in the class chat'], ['b', 'tomorrow i swear']), false);
  // A picture asked for close to the threat is not banter.
  assert.equal(chat(['a', 'send me a pic now or i show everyone the video of you'], ['b', 'no']), true);
});

test('sextortion frame: an exposure told before a new sentence that opens with the condition is news, not a threat', () => {
  assert.equal(has("we share the approved photos on the class page. If you don't want your child in them, tell us", 'sextortion'), false);
  // The exposure after its condition, across sentences, or in one sentence, still is.
  assert.ok(has('i have screenshots of everything. if you stop answering, your parents will receive them', 'sextortion'));
  assert.ok(has('we post your photos to the school page if you dont pay', 'sextortion'));
});

test('a picture word before the speaker\'s own verb is no request: "ze willen fotos. ik stuur zelf nooit iets"', () => {
  assert.equal(request('ze willen fotos. ik stuur zelf nooit iets'), false);
  assert.ok(request('fotos? stuur ze nu'));
});

test('"everyone else", "someone else" are no condition; "else i post them" still is', () => {
  assert.equal(has("you'll see at 3 like everyone else 😄 and rehearsal photos go only on the school page", 'sextortion'), false);
  assert.ok(has('send more pics else i post them to everyone', 'sextortion'));
});

test('banter about ordinary material in every language: crying, falling; a demand for more pictures still flags', () => {
  for (const t of ['wenn du mich nochmal in fortnite rushst schick ich deiner mama das video wie du beim konzert geheult hast', 'deal, anders stuur ik je moeder die foto van jou met je beugel']) assert.equal(has(t, 'sextortion'), false, t);
  assert.ok(has('schick mir noch ein bild sonst schick ich deiner mama das video', 'sextortion'));
  assert.ok(has('stuur nog een foto anders stuur ik je moeder de video', 'sextortion'));
});

test('no picture request: the speaker\'s own "schick ich", "stuur ik" (German and Dutch word order), a camera told as it was, a picture of him', () => {
  for (const t of [
    'anders stuur ik je moeder die foto van jou met je beugel',
    'sonst schick ich deiner mama das video',
    'die kamera war noch an und der akku leer',
    'ur cam was on the whole time lol',
    'stuur eens een foto van hem, dan laat ik het haar zien',
  ])
    assert.equal(request(t), false, t);
  for (const t of ['schick mir noch ein bild', 'stuur nog een foto', 'mach die kamera an', 'turn ur cam on', 'stuur eens een foto van jou']) assert.ok(request(t), t);
});
