import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMatcher } from './detector.ts';
import { defaultGlosser, Glosser, parseGlossMap } from './gloss.ts';

const n = defaultMatcher().normaliser;
const words = (t: string) => n.normalise(t).words;
const gloss = (t: string, lang: 'de' | 'nl' | 'fr' | 'es') => defaultGlosser().gloss(words(t), lang).join(' ');

test('German, Dutch, French and Spanish chat read as English words', () => {
  assert.equal(gloss('wie alt bist du', 'de'), 'how old are you');
  // Word by word, without agreement: "ben" is "am" whoever it goes with.
  assert.equal(gloss('hoe oud ben jij', 'nl'), 'how old am you');
  assert.equal(gloss('sind deine Eltern zuhause', 'de'), 'are your parents home');
  assert.equal(gloss('zijn je ouders thuis', 'nl'), 'are your parents home');
  assert.match(gloss('tu as quel age', 'fr'), /^you have which age$/);
  assert.match(gloss('cuantos anos tienes', 'es'), /^how many years have$/);
});

test('everyday function words carry over: otherwise, your, now', () => {
  assert.equal(gloss('nu anders', 'nl'), 'now otherwise');
  assert.equal(gloss('zahl sonst', 'de'), 'pay otherwise');
  assert.equal(gloss('tus fotos', 'es'), 'your pics');
  assert.equal(gloss('sinon je paie', 'fr'), 'otherwise i pay');
  assert.equal(gloss('grad', 'de'), 'now');
});

test('inflected forms reach their entry through the stemmer, compounds through their parts', () => {
  const g = defaultGlosser();
  assert.deepEqual(g.glossWord('geheimnisses', 'de'), ['secret']);
  assert.deepEqual(g.glossWord('schickst', 'de'), ['send']);
  assert.deepEqual(g.glossWord('handynummer', 'de'), ['phone', 'number']);
  assert.deepEqual(g.glossWord('nacktbilder', 'de'), ['naked', 'pics']);
  assert.deepEqual(g.glossWord('slaapkamerdeur', 'nl'), ['bedroom', 'door']);
  assert.deepEqual(g.glossWord('envoyez', 'fr'), ['send']);
  assert.deepEqual(g.glossWord('secretos', 'es'), ['secret']);
});

test('unknown words, names and numbers pass through; English is never glossed', () => {
  const g = defaultGlosser();
  assert.deepEqual(g.glossWord('xyzzy', 'de'), ['xyzzy']);
  assert.deepEqual(g.glossWord('14', 'nl'), ['14']);
  const en = words('are you home alone');
  assert.equal(g.gloss(en, 'en'), en);
});

test('gloss targets are normalised like the model\'s English ("photo" is read as "pic")', () => {
  assert.deepEqual(defaultGlosser().glossWord('foto', 'de'), words('photo'));
  const map = parseGlossMap('Bild picture | zwei Wörter two words | x', (t) => n.normalise(t).words);
  assert.deepEqual(map.get('bild'), words('picture'));
  assert.equal(map.has('zwei'), true);
  assert.equal(map.size, 2);
  // A glosser over another normaliser is independent of the shared one.
  const plain = new Glosser((t) => t.toLowerCase().split(/\s+/).filter(Boolean));
  assert.deepEqual(plain.glossWord('foto', 'de'), ['photo']);
});
