import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConversationState, CUE_HOLD, type ConversationStateOptions } from './conversation-state.ts';
import { defaultShortChatModel } from './detector.ts';
import { DEFAULT_MAX_AUTHORS, DEFAULT_MAX_MESSAGES, DEFAULT_MAX_SIGNALS } from './options.ts';
import { shortChatScore } from './short-chat-model.ts';
import { assessConversation } from './index.ts';
import type { ChatMessage } from './types.ts';

const rulesOnly = { version: 'off', threshold: 2, bias: 0, weights: {} };
const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })), { shortChatModel: rulesOnly });

test('the author who answers "papa darf ich …" is that parent: a parent\'s pick-up and check weigh less', () => {
  const asked = chat(['a', 'papa darf ich samstag auf die party'], ['b', 'sind eltern da? ich hol dich um 11 ab']);
  assert.equal(asked.flagged, false);
  // The same words from someone nobody called a parent still fire the rule.
  const stranger = chat(['a', 'hey was machst du samstag'], ['b', 'sind eltern da? ich hol dich um 11 ab']);
  assert.equal(stranger.flagged, true);
  // "mom is home" mentions a parent; it does not address the next author as one.
  const mention = chat(['a', 'mom is home tonight'], ['b', 'are your parents home? ill pick you up at 11, come alone']);
  assert.equal(mention.flagged, true);
});

test('a grandparent who says who they are, or is thanked as one, may ask for a photo and keep a gift secret; a stranger may not', () => {
  const photo = 'can you send me a photo of you in your new school jumper';
  const secret = 'lovely. dont tell your mum about the birthday money, its our secret';
  assert.equal(chat(['a', `grandpa here. ${photo}`], ['b', 'ok'], ['a', secret]).flagged, false);
  assert.equal(chat(['a', `hello. ${photo}`], ['b', 'ok nana one sec'], ['a', secret]).flagged, false);
  assert.equal(chat(['a', `hello. ${photo}`], ['b', 'ok one sec'], ['a', secret]).flagged, true);
});

test('a grandparent asking a grandchild\'s age, a birthday photo and a secret present is family life; a threat from them still flags', () => {
  const age = 'how old are you now, 12 or 13? i lose track';
  const photo = 'send me a photo from your birthday then, for the frame';
  const secret = 'theres a present in the post, dont tell your sister its bigger than hers';
  assert.equal(chat(['a', age], ['b', '12 grandad lol'], ['a', photo], ['a', secret]).flagged, false);
  assert.equal(chat(['a', age], ['b', '12 lol'], ['a', photo], ['a', secret]).flagged, true);
  assert.equal(chat(['a', age], ['b', '12 grandad lol'], ['a', 'send me more pics or i post the ones i have to your whole school']).flagged, true);
});

test('"is your mum home? i\'m trying to call her" is a caller for the parent, not a check of who is watching', () => {
  const cam = 'and point the camera at your face next time we video call';
  assert.equal(chat(['a', 'is your mum home? my phone cant reach her'], ['b', 'no shes at work'], ['a', cam]).flagged, false);
  assert.equal(chat(['a', 'is your mum home?'], ['b', 'no shes at work'], ['a', cam]).flagged, true);
});

test('a babysitter or tutor the parents sent names their arrangement: the check of who is home weighs less', () => {
  const meet = "fine, i'll wait by the gate";
  assert.equal(chat(['a', 'hey are your parents home? your mum said 7'], ['b', 'not yet'], ['a', meet]).rules.length, 0);
  assert.ok(chat(['a', 'hey are your parents home?'], ['b', 'not yet'], ['a', meet]).rules.some((r) => r.rule === 'supervision_and_contact'));
});

test('three strangers each asking one harmless-looking thing flag the chat; two do not; one person asking three is not coordination', () => {
  const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })));
  const three = chat(['a', 'how old are you'], ['c', 'what school do you go to'], ['d', 'are your parents home'], ['b', 'why']);
  assert.ok(three.flagged);
  assert.ok(three.rules.some((r) => r.rule === 'coordinated_asks'));
  assert.equal(chat(['a', 'how old are you'], ['c', 'what school do you go to'], ['b', 'why']).flagged, false);
  // One person asking all three is judged on its own (the short-chat model may flag it), not as coordination.
  assert.ok(!chat(['a', 'how old are you'], ['a', 'what school do you go to'], ['a', 'are your parents home'], ['b', 'why']).rules.some((r) => r.rule === 'coordinated_asks'));
});

test('viewers asking an adult streamer who said her age are not coordination; the same asks of someone who did not say are', () => {
  const chat = (...m: [string, string][]) => assessConversation(m.map(([author, text]) => ({ author, text })));
  const coordinated = (c: ReturnType<typeof chat>) => c.rules.some((r) => r.rule === 'coordinated_asks');
  const asks: [string, string][] = [['d', 'show ur room'], ['s', 'ok one sec'], ['e', 'r u alone']];
  assert.equal(coordinated(chat(['c', 'how old r u'], ['s', '23 haha why does chat always ask'], ...asks)), false);
  assert.equal(coordinated(chat(['c', 'how old r u'], ['s', 'haha why does chat always ask'], ...asks)), true);
  assert.equal(coordinated(chat(['c', 'how old r u'], ['s', '13 haha why does chat always ask'], ...asks)), true);
});

/**
 * Field by field: every own field of `a` and `b` holds the same value, recursively (maps, sets and arrays in
 * order, typed arrays by content). Objects they share (model, matcher, options) are not walked; functions are
 * only checked to be functions (a scorer's visitor is a closure of its own).
 */
function assertSameFields(a: unknown, b: unknown, path = 'state', seen = new Map<object, unknown>()): void {
  if (typeof a === 'function') return assert.equal(typeof b, 'function', path);
  if (a === null || typeof a !== 'object') return assert.ok(Object.is(a, b), `${path}: ${String(a)} vs ${String(b)}`);
  assert.ok(b !== null && typeof b === 'object', `${path}: object vs ${String(b)}`);
  if (a === b || seen.get(a) === b) return;
  seen.set(a, b);
  assert.equal(Object.getPrototypeOf(a), Object.getPrototypeOf(b), `${path}: prototype`);
  if (ArrayBuffer.isView(a)) return assert.deepEqual(Array.from(a as unknown as ArrayLike<number>), Array.from(b as unknown as ArrayLike<number>), path);
  if (a instanceof Map || a instanceof Set) {
    const x = [...a.entries()];
    const y = [...(b as Map<unknown, unknown>).entries()];
    assert.equal(x.length, y.length, `${path}: size`);
    return x.forEach((e, i) => assertSameFields(e, y[i], `${path}[${i}]`, seen));
  }
  // What a state keeps only to reuse (spareAuthor, sparePhrases) is not what it read.
  const keys = Object.keys(a).filter((k) => !k.startsWith('spare')).sort();
  assert.deepEqual(Object.keys(b).filter((k) => !k.startsWith('spare')).sort(), keys, `${path}: fields`);
  for (const k of keys) assertSameFields((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, seen);
}

const fixture = readFileSync(fileURLToPath(new URL('../../../test/fixtures/short-chats/short-chats.jsonl', import.meta.url)), 'utf8');
const fixtureChats = fixture.split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { messages: ChatMessage[] }).messages);

test('a reset state reads a conversation exactly as a new one does: the same assessments, the same fields', () => {
  // A stream viewer's options (one author, small window and evidence list) and a conversation's.
  const viewer: ConversationStateOptions = { threshold: 0.5, maxMessages: 20, maxAuthors: 1, maxSignals: 8, counterpartTier: 'teen' };
  const dm: ConversationStateOptions = { threshold: 0.5, maxMessages: 50, maxAuthors: 32, maxSignals: 64 };
  const tiers = [undefined, 'child', 'adult'] as const;
  for (const opts of [viewer, dm]) {
    const reused = new ConversationState(opts);
    for (let c = 0; c < 120; c++) {
      // Chats of every kind one after the other: each is read by the state the previous one left, reset.
      const chat = fixtureChats[(c * 37) % fixtureChats.length]!.map((m, i) => ({ ...m, ...(i === 1 && tiers[c % 3] ? { authorTier: tiers[c % 3] } : {}) }));
      const fresh = new ConversationState(opts);
      reused.reset();
      chat.forEach((m, i) => {
        fresh.push(m);
        reused.push(m);
        assert.deepEqual(reused.assessment(), fresh.assessment(), `chat ${c}, message ${i}`);
      });
      assertSameFields(reused, fresh, `chat ${c}`);
    }
  }
});

test('an age question turned back: the bare number that answers it is the asker\'s age, so two adults are known', () => {
  const chatOf = (...m: [string, string][]) => m.map(([author, text]) => ({ author, text }));
  const ages = (m: { author: string; text: string }[]) =>
    assessConversation(m, { shortChatModel: rulesOnly }).signals.filter((s) => s.category === 'age_disclosure').map((s) => s.disclosedAge);
  for (const [back, reply] of [['35, you?', '39. send me a pic from today?'], ['35 et toi', '39. envoie une photo de toi'], ['35 y tu', '39. mandame una foto de hoy']] as const) {
    const m = chatOf(['a', 'how old are you?'], ['b', back], ['a', reply]);
    assert.deepEqual(ages(m), [35, 39], back);
    assert.equal(assessConversation(m, { shortChatModel: rulesOnly }).flagged, false, back);
  }
  // Not turned back: the long reply is about something else, and the age ask with a picture still counts.
  const m = chatOf(['a', 'how old are you?'], ['b', '12'], ['a', '39. send me a pic from today?']);
  assert.deepEqual(ages(m), [12]);
  assert.equal(assessConversation(m, { shortChatModel: rulesOnly }).flagged, true);
});

test('an age asked and answered with an adult\'s, then a picture asked for, is no minor\'s: minor_and_image does not fire', () => {
  const adults = chat(['dan', 'how old are you btw, your profile says 31?'], ['kate', '32 last month, i havent updated it'], ['dan', 'ha. send me a pic from your trip?']);
  assert.ok(!adults.rules.some((r) => r.rule === 'minor_and_image'));
  const child = chat(['dan', 'how old are you btw?'], ['kate', '12'], ['dan', 'send me a pic of you']);
  assert.ok(child.rules.some((r) => r.rule === 'minor_and_image'));
});

test('a child answering "15 pap", "haha pake …", "jajaja abue …" addresses family: a parent\'s photo request and secret do not flag', () => {
  const ask = 'stuur me een foto van jou in je nieuwe werkshirt';
  assert.equal(chat(['Pap', 'hoe oud ben je nu?'], ['jesse', '15 sinds 2 weken'], ['Pap', ask]).flagged, true);
  assert.equal(chat(['Pap', 'hoe oud ben je nu?'], ['jesse', '15 pap. sinds 2 weken'], ['Pap', ask]).flagged, false);
  const nan = (reply: string) => chat(['rosa', 'ya me mandas la foto con tu vestido?'], ['valen', reply], ['rosa', 'y no le digas a tu mamá del regalito']).flagged;
  assert.equal(nan('ahorita, me lo estoy probando'), true);
  assert.equal(nan('jajaja abue ahorita, me lo estoy probando'), false);
});

test('a warning keeps the rules that fired it; a warning later messages withdraw is no longer a flag', () => {
  const file = readFileSync(fileURLToPath(new URL('../../../test/fixtures/short-chats/held-out-32.jsonl', import.meta.url)), 'utf8');
  const chats = file.split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { messages: ChatMessage[] }).messages);
  let warned = 0;
  let withdrawn = 0;
  let heldAtHandoff = 0;
  for (const messages of chats) {
    const a = assessConversation(messages);
    if (a.warningAt === null) {
      assert.deepEqual(a.warningRules, []);
      assert.equal(a.flagged, false);
      assert.equal(a.withdrawn, false);
      continue;
    }
    warned++;
    // The rules at the warning are those of the conversation read up to the warning's message (a stream reads so).
    const atWarning = assessConversation(messages.slice(0, a.warningAt + 1));
    assert.deepEqual(a.warningRules, atWarning.rules);
    assert.equal(atWarning.flagged, true, 'read up to its warning, a conversation is flagged');
    assert.equal(a.flagged, !a.withdrawn);
    assert.ok(a.risk >= a.threshold, 'the peak that fired the warning is kept');
    if (a.withdrawn) {
      withdrawn++;
      assert.ok(a.riskNow < a.threshold, `withdrawn at ${a.riskNow}`);
      assert.ok(a.warningRules.length > 0 && a.rules.length === 0, 'withdrawn: the rules that fired no longer hold, and the record says which they were');
    } else if (a.riskNow < a.threshold) heldAtHandoff++;
  }
  assert.ok(warned > 100, `${warned} warned`);
  // Look-alikes warned on their opening ("turn your cam on") and read as harmless after ("…so I can see the cards").
  assert.ok(withdrawn > 0, 'some warnings fired on rules that later messages withdrew');
  // The short-chat model stops once the text is long enough for the learned text model: that is not a withdrawal.
  assert.ok(heldAtHandoff > 0, 'a reading of the short-chat model holds after it hands over to the text model');
});

test('in a chat of a few messages between named authors a flag needs a rule or the short-chat model, not the text and lexicon scores alone', () => {
  const file = readFileSync(fileURLToPath(new URL('../../../test/fixtures/short-chats/held-out-40.jsonl', import.meta.url)), 'utf8');
  const chats = file.split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { messages: ChatMessage[] }).messages);
  let flagged = 0;
  let unattributedOver = 0;
  for (const messages of chats) {
    const a = assessConversation(messages);
    if (a.warningAt !== null) {
      flagged++;
      assert.ok(a.warningRules.length > 0, `a warning names what fired it: ${messages[0]!.text}`);
    }
    // Without authors (a flattened segment) the same words keep the combined score.
    const flat = assessConversation(messages.map((m) => ({ text: m.text })));
    if (flat.warningAt !== null && flat.warningRules.length === 0) unattributedOver++;
  }
  assert.ok(flagged > 100, `${flagged} flagged`);
  assert.ok(unattributedOver > 0, 'unattributed text still flags on the combined scores');
});

test('a playful claim to hold a video makes the same friend\'s threat a few messages later banter, unless it demands compliance', () => {
  const opening: [string, string][] = [
    ['f', 'i still have that video of you singing at camp 😂'],
    ['k', 'delete it NOW'],
    ['f', 'only if you buy my fries tomorrow'],
    ['k', 'you are the worst. deal'],
  ];
  const banter = chat(...opening, ['f', 'otherwise it goes in the group chat on your birthday']);
  assert.ok(!banter.rules.some((r) => r.rule === 'sextortion'), JSON.stringify(banter.rules.map((r) => r.rule)));
  // The same threat with a demand for more pictures is sextortion, the playful opening notwithstanding.
  const coercion = chat(...opening, ['f', 'send me more pics otherwise it goes in the group chat']);
  assert.ok(coercion.rules.some((r) => r.rule === 'sextortion'), JSON.stringify(coercion.rules.map((r) => r.rule)));
  // And without the playful claim before it, the bare threat is read as it stands.
  const bare = chat(['f', 'only if you buy my fries tomorrow'], ['k', 'no'], ['f', 'otherwise your video goes in the group chat']);
  assert.ok(bare.rules.some((r) => r.rule === 'sextortion'), JSON.stringify(bare.rules.map((r) => r.rule)));
});

test('an age that stands apart at the start of a longer reply answers the age question ("29, and no i won\'t tell you where i live")', () => {
  const asked = chat(['v', 'how old are u'], ['s', "29, and no I won't tell you where I live lol"]);
  assert.ok(asked.signals.some((x) => x.category === 'age_disclosure' && x.author === 's'), JSON.stringify(asked.signals.map((x) => x.category)));
  // Run on without a break, the number is not read as the answer.
  const runOn = chat(['v', 'how old are u'], ['s', "29 people asked me that today and no I won't tell you where I live"]);
  assert.ok(!runOn.signals.some((x) => x.category === 'age_disclosure' && x.author === 's'));
});

test('once the short-chat model has counted for an author, a reply that moves their score a little does not withdraw it (CUE_HOLD)', () => {
  const model = defaultShortChatModel();
  const opts: ConversationStateOptions = { threshold: 0.5, maxMessages: DEFAULT_MAX_MESSAGES, maxAuthors: DEFAULT_MAX_AUTHORS, maxSignals: DEFAULT_MAX_SIGNALS };
  let heldInBand = 0;
  let checked = 0;
  for (const name of ['held-out-32', 'held-out-40', 'held-out-45']) {
    const file = readFileSync(fileURLToPath(new URL(`../../../test/fixtures/short-chats/${name}.jsonl`, import.meta.url)), 'utf8');
    for (const line of file.split('\n').filter((l) => l.trim() !== '')) {
      const messages = (JSON.parse(line) as { messages: ChatMessage[] }).messages;
      const state = new ConversationState(opts);
      const reached = new Set<string>();
      for (const m of messages) {
        state.push(m);
        const counted = new Set(state.firedRules().filter((r) => r.rule === 'short_chat_model').map((r) => r.author));
        for (const { author, features } of state.cueFeaturesByAuthor()) {
          const score = shortChatScore(model, features);
          const wasReached = reached.has(author);
          if (score >= model.threshold) reached.add(author);
          if (!counted.has(author)) continue;
          checked++;
          // The model counts at the threshold, or down to CUE_HOLD below it once it has reached it; never lower.
          assert.ok(score >= model.threshold || (wasReached && score >= model.threshold - CUE_HOLD), `${author}: ${score} counted`);
          if (score < model.threshold) heldInBand++;
        }
      }
    }
  }
  assert.ok(checked > 100, `${checked} readings checked`);
  assert.ok(heldInBand > 0, 'some reading holds in the band below the threshold after a reply');
});
