import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessConversation } from './index.ts';
import { defaultMatcher, defaultModel } from './detector.ts';
import { defaultGlosser } from './gloss.ts';
import { loadModel, TextScorer, textLogit } from './learned-model.ts';
import { groomingModel } from './model/grooming-model.ts';
import { FeatureStream } from './text-features.ts';

const words = (t: string) => defaultMatcher().normaliser.normalise(t).words;

/** The case from issue 8: 200 ordinary messages cycling through 20 greetings, each with a number. */
const greetings = ['hello there', 'hi there', 'hey there', 'hello friend', 'hi friend', 'hey friend', 'hello everyone', 'hi everyone', 'hey everyone', 'good morning', 'good afternoon', 'good evening', 'hello again', 'hi again', 'hey again', 'greetings', 'howdy', 'hiya', 'welcome', 'how are you'];
const cycling = Array.from({ length: 200 }, (_, i) => ({ author: i % 2 ? 'a' : 'b', text: `${greetings[i % 20]} ${i + 1}` }));

test('a repeated message adds no features; a number above 25 is read by its length', () => {
  const s = new FeatureStream(18);
  const first = s.push(words('see you tomorrow at school'));
  assert.ok(first >= 9, `features ${first}`);
  assert.equal(s.push(words('see you tomorrow at school')), 1); // only the pair across the two messages is new
  assert.equal(s.push(words('see you tomorrow at school')), 0);
  const seen: string[] = [];
  s.push(words('room 52 and room 4417'), (_b, read, i, bigram) => {
    if (!bigram) seen.push(read[i]!);
  });
  assert.deepEqual(seen, ['room', '#2', 'and', '#4']);
  const ages: string[] = [];
  s.push(words('i am 13'), (_b, read, i, bigram) => !bigram && ages.push(read[i]!));
  assert.ok(ages.includes('13'));
});

test('200 cycling greetings with numbers: the learned score stays low and nothing is flagged', () => {
  const a = assessConversation(cycling);
  assert.equal(a.flagged, false);
  assert.ok(a.learnedScore < 0.3, `learned ${a.learnedScore}`);
  assert.ok(a.risk < 0.5, `risk ${a.risk}`);
  // Two hundred messages, but few distinct words and pairs, and almost none that raise the score: the
  // learned part has nothing to show a reviewer, so it cannot stand as evidence on its own.
  const t = new TextScorer(defaultModel(), defaultGlosser(), 50);
  for (const m of cycling) t.push(words(m.text));
  assert.ok(t.topFeatures().length < 3, JSON.stringify(t.topFeatures()));
  assert.equal(t.hasEvidence(), false);
});

test('length alone does not raise the learned score: the same chat told once or three times scores alike', () => {
  const chat = ['hey how was school today', 'boring, we had a maths test', 'ugh i hate tests, did it go ok?', 'i think so, the last question was hard', 'want to play later?', 'yes after dinner', 'cool, same server as yesterday', 'ok see you there'];
  const once = new TextScorer(defaultModel(), defaultGlosser(), 50);
  for (const m of chat) once.push(words(m));
  const thrice = new TextScorer(defaultModel(), defaultGlosser(), 50);
  for (let r = 0; r < 3; r++) for (const m of chat) thrice.push(words(m));
  assert.ok(Math.abs(thrice.logit() - once.logit()) < 0.05, `${once.logit()} vs ${thrice.logit()}`);
});

test('the learned score lists the features that raised it, strongest first, with their message', () => {
  const chat = [
    'hey, you seem really mature for your age',
    'thanks i guess',
    'how old are you',
    '13',
    'are your parents home right now?',
    'no they are at work',
    'you can tell me anything, i will keep it a secret',
    'ok',
    'delete our messages after, they would not understand us',
    'why',
    'add me on another app where we can talk alone',
  ];
  const a = assessConversation(chat.map((text, i) => ({ author: i % 2 ? 'kid' : 'adult', text })));
  const f = a.learnedFeatures!;
  assert.ok(f.length > 0);
  for (let i = 1; i < f.length; i++) assert.ok(f[i - 1]!.weight >= f[i]!.weight);
  for (const x of f) {
    assert.ok(x.weight > 0);
    assert.ok(x.messageIndex >= 0 && x.messageIndex < chat.length);
    // Each feature is a word or a word pair of the message it names (or spans into it from the one before).
    const around = words(`${chat[x.messageIndex - 1] ?? ''} ${chat[x.messageIndex]!}`);
    for (const w of x.feature.split(' ')) assert.ok(around.includes(w) || /^#\d$/.test(w), `${x.feature} not in message ${x.messageIndex}`);
  }
  assert.equal(a.language, 'en');
});

test('a German chat is read in German and scored on English features', () => {
  const chat = ['hallo, wie alt bist du?', '13 und du?', 'sind deine eltern zuhause?', 'nein, ich bin allein', 'schick mir ein foto von dir', 'warum?', 'sag es niemandem, das ist unser geheimnis'];
  const a = assessConversation(chat.map((text, i) => ({ author: i % 2 ? 'kid' : 'adult', text })));
  assert.equal(a.language, 'de');
  const english = new Set(['how', 'old', 'are', 'you', 'your', 'parents', 'home', 'send', 'me', 'pic', 'a', 'of', 'secret', 'our', 'nobody', 'say', 'alone', 'i', 'am', 'no', 'why', 'and', 'the', 'is', 'hello', 'that']);
  for (const x of a.learnedFeatures!) for (const w of x.feature.split(' ')) assert.ok(english.has(w) || /^\d+$/.test(w), `"${w}" in "${x.feature}" is not glossed`);
  // Glossed, the German chat scores close to its English version (unglossed, it would look like noise).
  const en = ['hello, how old are you?', '13 and you?', 'are your parents home?', 'no, i am alone', 'send me a picture of you', 'why?', 'tell nobody, that is our secret'];
  const score = (lines: string[], glossed: boolean) => {
    const t = new TextScorer(defaultModel(), glossed ? defaultGlosser() : undefined, 50);
    for (const l of lines) t.push(words(l));
    return t.logit();
  };
  const gap = Math.abs(score(chat, true) - score(en, true));
  assert.ok(gap < Math.abs(score(chat, false) - score(en, true)), 'glossing brings the German chat closer to the English one');
});

test('the committed model holds numbers only: sorted bucket indices in range and finite weights', () => {
  const m = groomingModel;
  assert.equal(m.version, 2);
  assert.equal(m.indices.length, m.values.length);
  for (let i = 0; i < m.indices.length; i++) {
    assert.ok(Number.isInteger(m.indices[i]) && m.indices[i]! >= 0 && m.indices[i]! < 1 << m.featureBits);
    if (i > 0) assert.ok(m.indices[i]! > m.indices[i - 1]!);
    assert.ok(Number.isFinite(m.values[i]));
  }
  const lm = loadModel(m);
  assert.equal(textLogit(lm, 0, 0), m.textPrior);
});
