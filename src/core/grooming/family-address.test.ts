import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMatcher } from './detector.ts';
import { addressesFamily, identifiesAsFamily, opensWithKin } from './family-address.ts';

const words = (text: string) => defaultMatcher().normaliser.normalise(text).words;

test('a parent or grandparent addressed: at either end, or after a greeting or a thanks', () => {
  for (const t of ['ok dad', 'mum, 10 min', 'thanks grandpa!!', 'ok nana one sec', 'love you mum', 'merci papi', 'danke oma', '12 grandad lol', 'ja oma haha xx', '15 pap sinds twee weken', 'haha pake dat is de camera aan de voorkant, druk op het rondje met de pijltjes', 'jajaja abue no la subas', 'aww nana thank u'])
    assert.equal(addressesFamily(words(t)), true, t);
});

test('a parent only named is not addressed: the parent as subject, after a preposition or a possessive, "ma" as "my"', () => {
  for (const t of ['mum says no', 'dad is home', 'i got a text from mum', 'ask your dad', 'i love mum', 'ja mama ist arbeiten', 'haha mama says i can go if your mum drives us there and back', 'ma soeur est là', 'oui ma mère dit non'])
    assert.equal(addressesFamily(words(t)), false, t);
});

test('a message opening by calling someone a parent, with a request after it', () => {
  assert.equal(opensWithKin(words('mom can you come to my room')), true);
  assert.equal(opensWithKin(words('mom is home')), false);
  assert.equal(opensWithKin(words('maman stp je peux avoir tiktok')), true);
});

test('the writer says they are a parent or grandparent: "grandpa here", an opening "its nana", a signature, other languages', () => {
  for (const t of ['grandpa here, how do i open the video', 'hi its nana, how are you', 'this is your gran', 'see you sunday, love grandma xx', 'hier ist oma', 'met opa', 'hola cariño soy la abuela', "c'est mamie"])
    assert.equal(identifiesAsFamily(words(t)), true, t);
});

test('not an introduction: a child answering about a parent, "i love mum", a question about someone\'s mother', () => {
  for (const t of ['its mum who checks it', 'i love mum', 'ist deine mama weg', 'ben je alleen met je mama', 'ask grandma'])
    assert.equal(identifiesAsFamily(words(t)), false, t);
});

test('French "nan" (no) opening a reply does not make the other side a grandmother; "thanks nan" still does', () => {
  assert.equal(addressesFamily(['nan', 'merci', 'tes', 'trop', 'gentil']), false);
  assert.equal(addressesFamily(['thanks', 'nan']), true);
});
