import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation } from './index.ts';
import { defaultMatcher } from './detector.ts';
import { plansSurprise } from './surprise.ts';

const words = (text: string) => text.toLowerCase().split(/\s+/);

test('a surprise party, or a surprise for someone else, in five languages', () => {
  assert.equal(plansSurprise(words('we are planning a surprise for mum')), true);
  assert.equal(plansSurprise(words('wir machen ne uberraschungsparty fur sie')), true);
  assert.equal(plansSurprise(words('een verrassingsfeest voor papa')), true);
  assert.equal(plansSurprise(words('on prepare une fete surprise')), true);
  assert.equal(plansSurprise(words('una sorpresa para la abuela')), true);
});

test('a surprise for the reader, or "our little surprise", is not', () => {
  assert.equal(plansSurprise(words('i have a surprise for you')), false);
  assert.equal(plansSurprise(words('its our little surprise dont tell your mom')), false);
  assert.equal(plansSurprise(words('ich hab eine uberraschung fur dich')), false);
});

test("with the words' ids (the gate read per word) or without, the answer is the pattern's", () => {
  const cases: [string, boolean][] = [
    ['we are planning a surprise for mum', true],
    ['een verrassingsfeest voor papa', true],
    ['dein papa wird 50 nächsten monat', true],
    ['your mum turns 40 on friday', true],
    ['je vader wordt 50 zaterdag', true],
    ['the present for grandma is in my bag', true],
    ['i have a surprise for you', false],
    ['it turns out fine', false],
    ['presentation for school tomorrow', false],
    ['see you at practice', false],
  ];
  const n = defaultMatcher().normaliser;
  for (const [t, expected] of cases) {
    const nt = n.normalise(t);
    assert.equal(plansSurprise(nt.words, nt.text, nt.ids), expected, t);
    assert.equal(plansSurprise(nt.words, nt.text), expected, `${t} (without ids)`);
  }
});

// The lexicons and rules alone (the short-chat model switched off).
const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
const rules = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly }).rules.map((r) => r.rule);

test("the planner's secrecy weighs half: no secrecy-and-picture rule for a surprise; the same without it fires", () => {
  const secret = "send me a pic of you and delete the chat so she doesn't see";
  assert.ok(rules(['a', secret]).includes('secrecy_and_image'));
  assert.ok(!rules(['a', 'we are planning a surprise party for mum on friday'], ['b', 'yes!'], ['a', secret]).includes('secrecy_and_image'));
});

test('German typed without umlauts, and a surprise for a parent named in the possessive, count too', () => {
  assert.equal(plansSurprise(words('wir planen eine ueberraschung fur opas geburtstag')), true);
  assert.equal(plansSurprise(words('ne ueberraschungsparty am samstag')), true);
  assert.equal(plansSurprise(words('a surprise for mums 40th')), true);
  assert.equal(plansSurprise(words('een verrassing voor papas verjaardag')), true);
  // The reader's own parent kept out stays a groomer's secret, in either spelling.
  assert.equal(plansSurprise(words('ich hab ne ueberraschung fur dich sag deiner mama nix')), false);
  assert.equal(plansSurprise(words('a surprise just for you dont tell your moms')), false);
});

test("a surprise for the reader's parent (les 40 ans surprise de ta maman, a surprise for your dad) is the family's", () => {
  assert.equal(plansSurprise(words('on organise les 40 ans surprise de ta maman')), true);
  assert.equal(plansSurprise(words('we got a surprise for your dad')), true);
  assert.equal(plansSurprise(words('una sorpresa para tu madre')), true);
  // Still not when the parent is the one kept out.
  assert.equal(plansSurprise(words('cest notre petite surprise ne dis rien a ta maman')), false);
});

test("a present for someone else, and a parent's or sibling's birthday being planned, count; a present for the reader does not", () => {
  assert.equal(plansSurprise(words('zeg niks tegen je zus over haar verjaardagscadeau')), true);
  assert.equal(plansSurprise(words('we still need a present for grandma')), true);
  assert.equal(plansSurprise(words('je vader wordt 50 niks zeggen')), true);
  assert.equal(plansSurprise(words('your mum turns 40 on sunday')), true);
  assert.equal(plansSurprise(words('i have a present for you dont tell your sister')), false);
  assert.equal(plansSurprise(words('ich hab ein geschenk fur dich')), false);
  assert.equal(plansSurprise(words('your mum turns around')), false);
});
