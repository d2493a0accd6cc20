import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage, LanguageTally } from './detect-language.ts';
import { defaultMatcher } from './detector.ts';

const words = (t: string) => defaultMatcher().normaliser.normalise(t).words;

test('short chat lines are read in their language', () => {
  const lines: [string, string][] = [
    ['what are you doing tonight', 'en'],
    ['did you finish the homework?', 'en'],
    ['was machst du heute abend', 'de'],
    ['hast du die Hausaufgaben schon gemacht?', 'de'],
    ['wat doe jij vanavond', 'nl'],
    ['heb je je huiswerk al gedaan?', 'nl'],
    ['tu fais quoi ce soir', 'fr'],
    ["est-ce que tu as fini tes devoirs ?", 'fr'],
    ['que haces esta noche', 'es'],
    ['terminaste los deberes?', 'es'],
  ];
  for (const [line, lang] of lines) assert.equal(detectLanguage(words(line)).language, lang, line);
});

test('a line with nothing to go on is "other", and is read in the language of its conversation', () => {
  assert.equal(detectLanguage(words('hmm')).language, 'other');
  assert.equal(detectLanguage(words('')).language, 'other');
  const tally = new LanguageTally();
  assert.equal(tally.push(words('hmm')), 'en'); // nothing known yet: English, which is not glossed
  assert.equal(tally.push(words('hoe gaat het met je, wat doe je vandaag?')), 'nl');
  assert.equal(tally.push(words('ja')), 'nl');
  assert.equal(tally.push(words('ok')), 'nl');
  assert.equal(tally.current(), 'nl');
  // A clear line in another language is read as that language, without changing the conversation at once.
  assert.equal(tally.push(words('what are you doing there')), 'en');
  assert.equal(tally.current(), 'nl');
});

test('votes are reported per language', () => {
  const d = detectLanguage(words('ich weiss nicht was du meinst'));
  assert.equal(d.language, 'de');
  assert.ok(d.votes.de > d.votes.nl && d.votes.de > d.votes.en, JSON.stringify(d.votes));
});
