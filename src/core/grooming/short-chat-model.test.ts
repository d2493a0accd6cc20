import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { assessConversation } from './assess-conversation.ts';
import { createConversationMonitor } from './conversation-monitor.ts';
import { ConversationState, PARTNER_WORDS_MAX_AUTHORS } from './conversation-state.ts';
import { defaultCueIndex, defaultMatcher, defaultShortChatModel } from './detector.ts';
import { AuthorCues, CueIndex, shortChatFeatures, shortChatScore, WORDS_KEPT, type ShortChatModel } from './short-chat-model.ts';
import type { SignalCategory } from './types.ts';
import { wordId } from './word-ids.ts';

const words = (t: string) => defaultMatcher().normaliser.normalise(t).words;

test('cue index: words map to their cue classes, through the same normalisation as messages', () => {
  const idx = new CueIndex(words);
  const plain = idx.mask(words('send a pic tonight'), words('send a pic tonight'));
  const spaced = idx.mask(words('s e n d a p i c tonight'), words('s e n d a p i c tonight'));
  assert.notEqual(plain, 0);
  assert.equal(spaced, plain, 'spaced letters fold to the same cues');
  assert.equal(idx.mask(words('the weather is nice'), words('the weather is nice')), 0);
});

test('author cues: pairs are kept per message, and a repeat adds nothing new', () => {
  const idx = defaultCueIndex();
  const ac = new AuthorCues();
  const m1 = idx.mask(words('send a pic'), words('send a pic'));
  const m2 = idx.mask(words('is your mom home'), words('is your mom home'));
  assert.equal(ac.add(m1), true);
  assert.equal(ac.add(m1), false, 'the same message again changes nothing');
  assert.equal(ac.add(m2), true);
  const f = shortChatFeatures(ac, () => 0);
  assert.ok(f.includes('m:picture+send'), 'picture and send in one message');
  assert.ok(!f.some((x) => x.startsWith('m:') && x.includes('parent') && x.includes('picture')), 'words of different messages make no message pair');
  assert.ok(f.includes('a:c:picture+c:parent'), 'but they pair at the author level');
});

test('features include the lexicon categories the author reached (at the floor or above)', () => {
  const ac = new AuthorCues();
  const s = (c: SignalCategory) => (c === 'secrecy' ? 0.8 : c === 'meeting' ? 0.3 : 0);
  const f = shortChatFeatures(ac, s);
  assert.deepEqual(f, ['s:secrecy']);
});

test('score: logistic over the weights', () => {
  const m: ShortChatModel = { version: 't', threshold: 0.5, bias: -2, weights: { 'c:picture': 1, 'c:secret': 3, 'c:laughter': -2 } };
  assert.ok(Math.abs(shortChatScore(m, ['c:picture', 'c:secret']) - 1 / (1 + Math.exp(-2))) < 1e-12);
  assert.ok(shortChatScore(m, ['c:picture', 'c:laughter']) < shortChatScore(m, ['c:picture']));
});

const strict: ShortChatModel = { version: 'test', threshold: 0.6, bias: -3, weights: { 'c:picture': 1.5, 'c:alone': 1, 'c:urgency': 1, 's:supervision_check': 0.5 } };

test('the model counts for an author with a readable signal: flag, named rule, visible evidence', () => {
  const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64, shortChatModel: strict });
  state.push({ author: 'x', text: 'is anyone home with you' });
  state.push({ author: 'x', text: 'i want a new photo tonight in your room' });
  const a = state.assessment();
  const rule = a.rules.find((r) => r.rule === 'short_chat_model');
  assert.ok(rule, `expected the short-chat model rule, got ${JSON.stringify(a.rules)}`);
  assert.equal(rule.author, 'x');
  assert.match(rule.description, /supervision check/);
  assert.equal(a.flagged, true);
  assert.ok(a.signals.some((s) => s.category !== 'age_disclosure' && s.category !== 'learned_phrase'), 'a flag shows a lexicon signal');
});

test('cue words alone never flag: no readable signal, no flag', () => {
  const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64, shortChatModel: strict });
  state.push({ author: 'x', text: 'photo of the room tonight' });
  const a = state.assessment();
  assert.equal(a.rules.some((r) => r.rule === 'short_chat_model'), false);
  assert.equal(a.flagged, false);
});

test('a minor author (platform-known) is not scored by the model: peers are judged by the rules', () => {
  const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64, shortChatModel: strict });
  state.push({ author: 'x', authorTier: 'teen', text: 'is anyone home with you' });
  state.push({ author: 'x', authorTier: 'teen', text: 'i want a new photo tonight in your room' });
  assert.equal(state.assessment().rules.some((r) => r.rule === 'short_chat_model'), false);
});

test('the shipped model is fitted (not the placeholder) and its threshold is a probability', () => {
  const m = defaultShortChatModel();
  assert.notEqual(m.version, 'untrained');
  // The training grid starts at 0.5: never flag an author the model reads as more likely ordinary than not.
  assert.ok(m.threshold >= 0.5 && m.threshold < 1);
  assert.ok(Object.keys(m.weights).length > 50);
});

test('shipped model on sober synthetic look-alikes: a coach and a parent stay quiet', () => {
  const coach = assessConversation([
    { author: 'c', text: 'great game today! send me the team photo from the match' },
    { author: 'c', text: 'training moved to 5, tell your parents pls' },
  ]);
  assert.equal(coach.flagged, false);
  const parent = assessConversation([
    { author: 'p', text: 'are you home yet? send me a pic of the cake' },
    { author: 'k', text: 'ok mum' },
  ]);
  assert.equal(parent.flagged, false);
});

const wordy: ShortChatModel = { version: 'test-words', threshold: 0.6, bias: -4, weights: { 'w:lantern': 2, 'w:harbour': 2, 'w:violet': 2, 'w:tonight': 0.5 } };

test('without a lexicon signal the model counts only on at least three of its own words, shown with their spans', () => {
  const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64, shortChatModel: wordy });
  state.push({ author: 'x', text: 'Lantern by the HARBOUR' });
  state.push({ author: 'y', text: 'ok' });
  assert.equal(state.assessment().flagged, false, 'two evidence words are not enough');
  state.push({ author: 'x', text: 'and violet tonight' });
  const a = state.assessment();
  assert.equal(a.flagged, true);
  const words = a.signals.filter((s) => s.category === 'learned_phrase').map((s) => s.text);
  assert.deepEqual(words.slice().sort(), ['HARBOUR', 'Lantern', 'tonight', 'violet'].sort());
  const texts = ['Lantern by the HARBOUR', 'ok', 'and violet tonight'];
  for (const s of a.signals) assert.equal(texts[s.messageIndex]!.slice(s.start, s.end), s.text, 'each span points into its message');
  assert.ok(a.rules.some((r) => r.rule === 'short_chat_model' && r.author === 'x'));
});

test('unattributed text is left to the rules: the model never counts without authors', () => {
  const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64, shortChatModel: wordy });
  state.push({ text: 'lantern by the harbour' });
  state.push({ text: 'and violet tonight' });
  assert.equal(state.assessment().flagged, false);
});

test('the running score equals the score of the full feature list (shipped model, a two-author chat)', () => {
  const m = defaultShortChatModel();
  const idx = defaultCueIndex();
  const ac = new AuthorCues(m);
  const texts = ['hey u home alone rn', 'send a new pic tonight', 'dont tell your mum, delete this after'];
  texts.forEach((t, k) => {
    const w = words(t);
    ac.add(idx.mask(w, w));
    ac.addWords(w, (i) => k * 4096 + i);
  });
  const strength = (c: SignalCategory) => (c === 'secrecy' ? 0.9 : c === 'supervision_check' ? 0.6 : 0);
  const running = ac.score(strength);
  const full = shortChatScore(m, shortChatFeatures(ac, strength));
  assert.ok(Math.abs(running - full) < 1e-9, `${running} vs ${full}`);
  assert.ok(running > 0 && running < 1);
});

test('a platform may pass its own threshold: above 1 the model never counts, in batch or streaming', () => {
  const file = fileURLToPath(new URL('../../../test/fixtures/short-chats/short-chats.jsonl', import.meta.url));
  const chats = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { id: string; messages: { author: string; text: string }[] });
  const byModel = chats.filter((c) => assessConversation(c.messages).rules.some((r) => r.rule === 'short_chat_model'));
  assert.ok(byModel.length > 0, 'some tuning chats are flagged by the model');
  const off = { ...defaultShortChatModel(), threshold: 2 };
  for (const c of byModel) {
    assert.ok(!assessConversation(c.messages, { shortChatModel: off }).rules.some((r) => r.rule === 'short_chat_model'), c.id);
    const m = createConversationMonitor({ shortChatModel: off });
    for (const msg of c.messages) m.push(msg);
    assert.ok(!m.current().rules.some((r) => r.rule === 'short_chat_model'), c.id);
  }
});

test('words run together are read as the words the detector splits them into, at the token as written', () => {
  const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64 });
  state.push({ author: 'a', text: 'ok sendmeapic tonight' });
  const f = state.cueFeaturesByAuthor().find((x) => x.author === 'a')!.features;
  assert.ok(f.includes('c:picture') && f.includes('c:send'), f.join(' '));
  const plain = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64 });
  plain.push({ author: 'a', text: 'ok send me a pic tonight' });
  const g = plain.cueFeaturesByAuthor().find((x) => x.author === 'a')!.features;
  for (const c of ['c:picture', 'c:send']) assert.ok(g.includes(c));
});

test('word pairs within a message are features, shown as evidence with the span of both words; no pair across messages', () => {
  const paired: ShortChatModel = { version: 'test-pairs', threshold: 0.6, bias: -4, weights: { 'w:lantern harbour': 3, 'w:violet': 1, 'w:tonight': 1, 'w:harbour violet': 5 } };
  const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64, shortChatModel: paired });
  state.push({ author: 'x', text: 'the Lantern  Harbour' });
  state.push({ author: 'x', text: 'violet tonight' });
  const a = state.assessment();
  assert.equal(a.flagged, true);
  const shown = a.signals.filter((s) => s.category === 'learned_phrase').map((s) => s.text);
  assert.ok(shown.includes('Lantern  Harbour'), shown.join(' | '));
  const f = state.cueFeaturesByAuthor()[0]!.features;
  assert.ok(f.includes('w:lantern harbour') && !f.includes('w:harbour violet'), f.join(' '));
  // The running score (pairs included) equals the score of the full feature list.
  const ac = new AuthorCues(paired);
  ['the lantern harbour', 'violet tonight'].forEach((t, k) => ac.addWords(words(t), (i) => k * 4096 + i));
  assert.ok(Math.abs(ac.score(() => 0) - shortChatScore(paired, shortChatFeatures(ac, () => 0))) < 1e-12);
});

test('an author who only says they are a minor is still read by the model (a platform-known minor is not)', () => {
  const chat = (tier?: 'teen') => {
    const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64, shortChatModel: strict });
    state.push({ author: 'x', ...(tier ? { authorTier: tier } : {}), text: 'im 15 too lol. is anyone home with you' });
    state.push({ author: 'x', ...(tier ? { authorTier: tier } : {}), text: 'i want a new photo tonight in your room' });
    return state.assessment().rules.some((r) => r.rule === 'short_chat_model');
  };
  assert.equal(chat(), true);
  assert.equal(chat('teen'), false);
});

test('rule gate: in a short chat a rule that is not strong needs the model not to read the author as ordinary; a threat always counts', () => {
  // A model that reads everyone as ordinary (score ~0.02) and never counts itself.
  const ordinary: ShortChatModel = { version: 'test-gate', threshold: 2, bias: -4, weights: {} };
  const run = (model: ShortChatModel, text: string) => assessConversation([{ author: 'a', text }, { author: 'b', text: 'ok' }], { shortChatModel: model });
  const weak = 'dont tell anyone about this and send me a pic tonight';
  assert.ok(run(ordinary, weak).rules.some((r) => r.rule === 'secrecy_and_image'), 'no gate: the rule counts');
  const gated = run({ ...ordinary, ruleGate: 0.3 }, weak);
  assert.equal(gated.flagged, false);
  assert.equal(gated.rules.length, 0);
  assert.ok(run({ ...ordinary, bias: 0, ruleGate: 0.3 }, weak).flagged, 'a model score at the gate lets the rule count');
  const threat = run({ ...ordinary, ruleGate: 0.3 }, 'pay 50 or i send your pics to your whole school');
  assert.equal(threat.flagged, true);
  assert.ok(threat.rules.some((r) => r.rule === 'sextortion'));
});

/** The words and pairs addWords keeps, read straight from the model's weights (each looked up by its text). */
function referenceWords(model: ShortChatModel, messages: readonly (readonly string[])[]): { words: string[]; z: number; partner: number } {
  const kept = (w: string) => w.length >= 2 && !/[0-9]/.test(w);
  const out: string[] = [];
  let z = 0;
  let partner = 0;
  const keep = (w: string) => {
    if (out.includes(w)) return;
    out.push(w);
    z += model.weights[`w:${w}`] ?? 0;
    partner += model.weights[`pw:${w}`] ?? 0;
  };
  // A single word is kept when the model weighs it as the author's (w:) or as someone else's (pw:); a pair as w: only.
  const weighed = (w: string) => model.weights[`w:${w}`] !== undefined || model.weights[`pw:${w}`] !== undefined;
  for (const m of messages) {
    for (const w of m) if (out.length < WORDS_KEPT && weighed(w) && kept(w)) keep(w);
    for (let i = 1; i < m.length; i++) {
      const pair = `${m[i - 1]} ${m[i]}`;
      if (out.length < WORDS_KEPT && model.weights[`w:${pair}`] !== undefined && kept(m[i - 1]!) && kept(m[i]!)) keep(pair);
    }
  }
  return { words: out, z, partner };
}

test('the model reads its words and word pairs by id as by text, as the weights say (shipped model)', () => {
  const m = defaultShortChatModel();
  const keys = Object.keys(m.weights).filter((k) => k.startsWith('w:') || k.startsWith('pw:')).map((k) => k.slice(k.indexOf(':') + 1));
  assert.ok(keys.some((k) => k.includes(' ')), 'the model weighs word pairs');
  assert.ok(Object.keys(m.weights).some((k) => k.startsWith('pw:') && m.weights[`w:${k.slice(3)}`] === undefined), 'some words weigh only as partner words');
  let seed = 3;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  // Messages of the model's words and pairs, with words it does not know and numbers in between.
  const message = () => Array.from({ length: 2 + Math.floor(rnd() * 10) }, () => (rnd() < 0.15 ? ['zzqx', '42', 'a'][Math.floor(rnd() * 3)]! : keys[Math.floor(rnd() * keys.length)]!)).join(' ').split(' ');
  for (let author = 0; author < 200; author++) {
    const messages = Array.from({ length: 1 + (author % 6) }, message);
    const byId = new AuthorCues(m);
    const byText = new AuthorCues(m);
    messages.forEach((w, k) => {
      byId.addWords(w, (i) => k * 4096 + i, '', w.map((x) => wordId(x)));
      byText.addWords(w, (i) => k * 4096 + i);
    });
    const expected = referenceWords(m, messages);
    assert.deepEqual(byId.words, expected.words);
    assert.deepEqual(byText.words, expected.words);
    assert.deepEqual(byId.topWord.slice(0, byId.topCount), byText.topWord.slice(0, byText.topCount));
    assert.equal(byId.scoreWith(0), byText.scoreWith(0));
    const bias = 1 / (1 + Math.exp(-(m.bias + expected.z)));
    assert.ok(Math.abs(byId.scoreWith(0) - bias) < 1e-9);
    assert.ok(Math.abs(byId.partnerZ - expected.partner) < 1e-9 && Math.abs(byText.partnerZ - expected.partner) < 1e-9);
  }
});

test('partner words: what the others say weighs on an author\'s score, as the feature list says; words of the author alone do not', () => {
  const model: ShortChatModel = { version: 'test-partner', threshold: 0.6, bias: -1, weights: { 'w:lantern': 0.5, 'pw:harbour': -2, 'pw:violet': 1.5 } };
  const asker = new AuthorCues(model);
  const other = new AuthorCues(model);
  asker.addWords(words('the lantern harbour'), (i) => i);
  other.addWords(words('harbour violet violet'), (i) => 4096 + i);
  // Only the other's words count as partner words, each distinct word once ("violet" twice adds it once).
  assert.ok(Math.abs(other.partnerZ - (-2 + 1.5)) < 1e-12, String(other.partnerZ));
  const partner = { cues: 0, cats: 0, words: other.partnerZ };
  const running = asker.score(() => 0, partner);
  const full = shortChatScore(model, shortChatFeatures(asker, () => 0, partner, [other]));
  assert.ok(Math.abs(running - full) < 1e-12, `${running} vs ${full}`);
  assert.ok(Math.abs(running - 1 / (1 + Math.exp(-(-1 + 0.5 - 0.5)))) < 1e-12, String(running));
  // The asker's own "harbour" (pw: −2) weighs on the others, not on the asker (the exact score above).
  assert.ok(Math.abs(asker.partnerZ - -2) < 1e-12, String(asker.partnerZ));
  // In a chat, the reply moves the asker's score the same way.
  const chat = (reply: string) => {
    const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 8, maxSignals: 64, shortChatModel: model });
    state.push({ author: 'x', text: 'send a pic of the lantern' });
    state.push({ author: 'y', text: reply });
    return state.cueFeaturesByAuthor().find((a) => a.author === 'x')!.features;
  };
  assert.ok(chat('violet').includes('pw:violet'));
  assert.ok(!chat('something else').includes('pw:violet'));
});

test('partner words count in a chat of at most PARTNER_WORDS_MAX_AUTHORS authors; in a larger group they are left out', () => {
  const model: ShortChatModel = { version: 'test-partner-group', threshold: 0.6, bias: -1, weights: { 'pw:violet': 1.5 } };
  const featuresWith = (n: number) => {
    const state = new ConversationState({ threshold: 0.5, maxMessages: 50, maxAuthors: 32, maxSignals: 64, shortChatModel: model });
    state.push({ author: 'x', text: 'send a pic of the lantern' });
    for (let k = 1; k < n; k++) state.push({ author: `y${k}`, text: 'violet' });
    return state.cueFeaturesByAuthor().find((a) => a.author === 'x')!.features.filter((f) => f === 'pw:violet').length;
  };
  assert.equal(featuresWith(2), 1);
  assert.equal(featuresWith(PARTNER_WORDS_MAX_AUTHORS), PARTNER_WORDS_MAX_AUTHORS - 1);
  assert.equal(featuresWith(PARTNER_WORDS_MAX_AUTHORS + 1), 0);
});

test("every word pair the shipped model weighs is found when written, and a pair it does not weigh is not", () => {
  const model = defaultShortChatModel();
  const kept = (w: string) => w.length >= 2 && !/\d/.test(w);
  const pairs = Object.keys(model.weights)
    .filter((k) => k.startsWith('w:') && k.indexOf(' ') > 0 && k.indexOf(' ') === k.lastIndexOf(' '))
    .map((k) => k.slice(2).split(' ') as [string, string])
    .filter(([a, b]) => kept(a) && kept(b));
  assert.ok(pairs.length > 10_000, `the model weighs word pairs (${pairs.length})`);
  // Every 7th pair: a fresh author writing the two words keeps the pair among their words.
  let checked = 0;
  for (let i = 0; i < pairs.length; i += 7) {
    const [a, b] = pairs[i]!;
    const cues = new AuthorCues(model);
    cues.addWords([a, b], () => 0);
    assert.ok(cues.words.includes(`${a} ${b}`), `pair "${a} ${b}" found`);
    checked++;
  }
  assert.ok(checked > 1000);
  // Two model words the model never weighs as a pair: each is kept alone, the pair is not.
  const weighed = new Set(pairs.map(([a, b]) => `${a} ${b}`));
  const singles = Object.keys(model.weights).filter((k) => k.startsWith('w:') && !k.includes(' ')).map((k) => k.slice(2)).filter(kept);
  let missing: [string, string] | undefined;
  for (let i = 0; i < singles.length && missing === undefined; i++) {
    const a = singles[i]!;
    const b = singles[(i * 31 + 17) % singles.length]!;
    if (!weighed.has(`${a} ${b}`)) missing = [a, b];
  }
  assert.ok(missing);
  const cues = new AuthorCues(model);
  cues.addWords(missing, () => 0);
  assert.ok(!cues.words.includes(missing.join(' ')), `"${missing.join(' ')}" is not a pair of the model`);
});
