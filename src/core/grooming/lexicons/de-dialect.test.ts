import assert from 'node:assert/strict';
import { test } from 'node:test';
import { de as deGloss } from '../gloss-maps/de.ts';
import { es as esGloss } from '../gloss-maps/es.ts';
import { fr as frGloss } from '../gloss-maps/fr.ts';
import { nl as nlGloss } from '../gloss-maps/nl.ts';
import { detectSignals } from '../index.ts';
import { wordMapEntries } from '../word-map-entries.ts';
import { deDialect, withDialect } from './de-dialect.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);
const glossKeys = (map: string) => new Set(wordMapEntries(map).map(([k]) => k));
const glossValues = (map: string) => wordsOf(wordMapEntries(map).flatMap(([, v]) => v).join(' '));

test('dialect keys are folded lower-case words', () => {
  for (const k of Object.keys(deDialect)) assert.match(k, /^[a-z]+$/, k);
});

test('no dialect key is a word of another language the normaliser also reads (its tables are shared)', () => {
  const others: [string, Set<string>][] = [
    ['en lexicon', wordsOf(JSON.stringify(en))],
    ['nl lexicon', wordsOf(JSON.stringify(nl))],
    ['fr lexicon', wordsOf(JSON.stringify(fr))],
    ['es lexicon', wordsOf(JSON.stringify(es))],
    ['nl gloss', glossKeys(nlGloss)],
    ['fr gloss', glossKeys(frGloss)],
    ['es gloss', glossKeys(esGloss)],
    ['English of the glosses', new Set([...glossValues(deGloss), ...glossValues(nlGloss), ...glossValues(frGloss), ...glossValues(esGloss)])],
  ];
  const clashes = Object.keys(deDialect).flatMap((k) => others.filter(([, words]) => words.has(k)).map(([name]) => `${k} (${name})`));
  assert.deepEqual(clashes, []);
});

test('no dialect key is a standard German word of the lexicon or gloss (that would be rewritten too)', () => {
  const { abbreviations: _, ...rest } = de;
  const german = new Set([...wordsOf(JSON.stringify(rest)), ...glossKeys(deGloss)]);
  assert.deepEqual(Object.keys(deDialect).filter((k) => german.has(k)), []);
});

const categories = (t: string) => new Set(detectSignals(t).map((s) => s.category));

test('dialect secrecy, being alone and supervision read as their standard German', () => {
  assert.ok(categories('säg niemertem nüt gäll').has('secrecy'));
  assert.ok(categories('verzell dine eltere nüt vo dem').has('secrecy'));
  assert.ok(categories('sog koana wos').has('secrecy'));
  assert.ok(categories('des muass neamd wissen').has('secrecy'));
  assert.ok(categories('bisch hüt elei dihei?').has('supervision_check'));
  assert.ok(categories('bist heid alloa dahoam?').has('supervision_check'));
});

test('the same words in ordinary dialect sentences stay quiet', () => {
  for (const t of ['isch nöd so schlimm', 'i woas ned wos ma heid essen', 'chunsch au as fescht?', 'mami seit i muess d zimmer ufruume']) assert.equal(detectSignals(t).length, 0, t);
});

test('withDialect lets a German pattern read the dialect forms other languages share, and nothing else', () => {
  assert.equal(withDialect('ich hol dich ab'), '(ich|i|ig) hol (dich|di) ab');
  assert.equal(withDialect('sag ({ELTERN}) nichts'), 'sag ({ELTERN}) nichts');
  assert.equal(withDialect('dichter bei mich*'), 'dichter bei mich*');
  assert.ok(categories('i hol di ab, kimm alloa').has('meeting'));
  // The same short words in English or Dutch stay what they were: the rest of a German pattern is German.
  for (const t of ['i will pick up the kids at 5', 'de kinderen zijn op school', 'mi casa es tu casa']) assert.equal(detectSignals(t).length, 0, t);
});
