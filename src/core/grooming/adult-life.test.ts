import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMatcher } from './detector.ts';
import { confessesAdultAge, tellsAdultLife } from './adult-life.ts';
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

test('a confessed age: an adult age told against a denied child age, with owning up or after the child age was given', () => {
  for (const t of ["i lied, i'm not 15 im 24", 'sorry ich war nicht ehrlich, bin 23 nicht 15', 'ik was niet eerlijk, ik ben 22 niet 14', "je t'ai menti, j'ai pas 15 ans j'ai 24 ans", 'te menti, no tengo 14 tengo 25'])
    assert.equal(confessesAdultAge(nt(t), false), true, t);
  // An adult's ordinary answer to "you look 15" owns up to nothing; after "im 14" earlier it does.
  assert.equal(confessesAdultAge(nt('im 24 not 15 lol'), false), false);
  assert.equal(confessesAdultAge(nt('im 24 not 15 lol'), true), true);
  // Two child ages, or an adult age alone, are no confession.
  for (const t of ['i lied, im not 13 im 14', 'i lied about being 24']) assert.equal(confessesAdultAge(nt(t), true), false, t);
});

test('"i lied, im not 15 im 24" flags on its own in every language; a grown-up correcting a guess does not', () => {
  for (const t of ['ngl i lied. im not 15 im 24 but that doesnt change anything right', 'sorry ich war nicht ehrlich, bin 23 nicht 15. aber wir verstehen uns doch gut', 'ik was niet eerlijk, ik ben 22 niet 14. maar we hebben een klik toch']) {
    const r = chat(['a', t], ['a', 'u still there?']);
    assert.equal(r.flagged, true, t);
    assert.ok(r.rules.some((x) => x.rule === 'confessed_age'), t);
  }
  assert.equal(chat(['b', 'you look 15 in that pic lol'], ['a', 'haha im 24 not 15, everyone says that']).flagged, false);
});

test("work and a card of one's own tell adult life in five languages; a parent's work or card does not", () => {
  for (const t of ['just got back from work lol i mean school', 'i can buy it, ill use my credit card', 'ich zahl mit meiner kreditkarte', 'ik betaal met mijn creditcard', 'die pas is van mijn werk', "j'étais au boulot", 'perdona, estaba en el curro', 'pago con mi tarjeta de crédito'])
    assert.equal(tellsAdultLife(nt(t)), true, t);
  for (const t of ['my mum just got back from work', 'my dad got back from work late', 'mi madre estaba en el trabajo', 'mama hat ihre kreditkarte vergessen'])
    assert.equal(tellsAdultLife(nt(t)), false, t);
});

test('"bin auch 12", then a credit card of his own: gifts for a picture are read as an adult\'s offer', () => {
  const fake = chat(['a', 'bin auch 12, wir können ja zusammen zocken'], ['b', 'ok'], ['a', 'ich kann dir robux kaufen, ich zahl mit meiner kreditkarte'], ['a', 'schick mir ein foto von dir und ich kauf sie dir']);
  assert.ok(fake.rules.some((r) => r.rule === 'offer_for_images'), JSON.stringify(fake.rules.map((r) => r.rule)));
  // Without the card, the same words stay a 12-year-old's (damped as a peer's).
  const peer = chat(['a', 'bin auch 12, wir können ja zusammen zocken'], ['b', 'ok'], ['a', 'ich kann dir robux kaufen, hab noch guthaben'], ['a', 'schick mir ein foto von dir und ich kauf sie dir']);
  assert.ok(!peer.rules.some((r) => r.rule === 'offer_for_images'), JSON.stringify(peer.rules.map((r) => r.rule)));
});
