// Conversation assessment and streaming: the look-alikes that must not flag, combinations that must, the
// one-time warning, bounded memory of both monitors, per-viewer and per-stream aggregation, and options.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  assessConversation,
  createCommentStreamMonitor,
  createConversationMonitor,
  DEFAULT_THRESHOLD,
  groomingStages,
  type ChatMessage,
} from '../src/core/grooming/index.ts';
import { evalShortChats, loadShortChats, shortChatFiles } from '../scripts/eval-short-chats.ts';

const fixtures = readFileSync(new URL('./fixtures/grooming-synthetic.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; label: 0 | 1; kind: string; messages: ChatMessage[] });

const shortChats = loadShortChats(shortChatFiles.tuning);

const say = (author: string, text: string, authorTier?: ChatMessage['authorTier']): ChatMessage =>
  authorTier ? { author, text, authorTier } : { author, text };

test('look-alikes named in the issue are not flagged', () => {
  const lookAlikes: [string, ChatMessage[]][] = [
    ['adults flirting', [say('a', 'you look so hot tonight', 'adult'), say('b', 'haha thanks, wanna come over to my place?', 'adult'), say('a', "can't wait to see you, kiss", 'adult')]],
    ['parent asks child to come home', [say('m', 'where are you? come home now please, dinner is ready', 'adult'), say('k', 'at the park, 10 min', 'child'), say('m', 'ok, I can pick you up', 'adult'), say('k', 'ok mom', 'child')]],
    ['friends meet at school', [say('a', 'meet at school before class?', 'teen'), say('b', 'yes at the gate at 8, see you there', 'teen')]],
    ['gamer asks a same-age friend onto discord', [say('a', 'gg, add me on discord', 'teen'), say('b', 'ok whats your name there', 'teen'), say('a', 'same as here, im 14 too', 'teen')]],
    ['sex-education question', [say('k', 'how does contraception work? is it normal to have questions about sex at my age?', 'teen'), say('n', 'yes, very normal. a school nurse can explain the options.', 'adult')]],
    ['medical question', [say('k', "i'm 13 and have a rash, should i see a doctor?"), say('d', 'yes, please ask your parents to book an appointment.')]],
  ];
  for (const [name, conv] of lookAlikes) {
    const a = assessConversation(conv);
    assert.equal(a.flagged, false, `${name}: risk ${a.risk}`);
    assert.equal(a.warningAt, null, name);
    assert.ok(a.risk < DEFAULT_THRESHOLD, name);
  }
});

test('grooming combinations are flagged with evidence, stage and the author who produced them', () => {
  const conv = [
    say('a', 'hey, how old are you?', 'adult'),
    say('k', '12', 'child'),
    say('a', 'are your parents home?', 'adult'),
    say('k', 'no', 'child'),
    say('a', 'send me a pic of you. its our secret ok', 'adult'),
  ];
  const a = assessConversation(conv);
  assert.equal(a.flagged, true);
  assert.ok(a.risk >= DEFAULT_THRESHOLD && a.risk <= 1);
  // By the picture request at the latest (the short-chat model may warn earlier: an adult checking whether a
  // 12-year-old's parents are home).
  assert.ok(a.warningAt !== null && a.warningAt >= 2 && a.warningAt <= 4, String(a.warningAt));
  assert.equal(a.stage, 'image_request');
  assert.equal(a.messageCount, 5);
  assert.equal(a.authors[0]?.author, 'a');
  assert.ok(a.authors[0]!.categories.includes('secrecy'));
  const cats = new Set(a.signals.map((s) => s.category));
  for (const c of ['age_probe', 'age_disclosure', 'supervision_check', 'image_request', 'secrecy'] as const) assert.ok(cats.has(c), c);
  // The bare "12" answering "how old are you" is an age disclosure.
  const reply = a.signals.find((s) => s.category === 'age_disclosure');
  assert.equal(reply?.disclosedAge, 12);
  assert.equal(reply?.messageIndex, 1);
  assert.ok(a.learnedScore >= 0 && a.learnedScore <= 1);
});

test('who says it matters: the same words from a peer weigh less than from an adult to a child', () => {
  const words = ['are you home alone?', 'send me a pic', 'dont tell anyone'];
  const fromAdult = assessConversation([say('k', 'hi', 'child'), ...words.map((w) => say('a', w, 'adult'))]);
  const fromPeer = assessConversation([say('k', 'hi', 'teen'), ...words.map((w) => say('a', w, 'teen'))]);
  assert.ok(fromAdult.risk > fromPeer.risk, `${fromAdult.risk} > ${fromPeer.risk}`);
  assert.equal(fromAdult.flagged, true);
});

test('a flattened segment is scored as one message', () => {
  const a = assessConversation('how old r u? are your parents home? send me a pic and dont tell anyone');
  assert.equal(a.messageCount, 1);
  assert.ok(a.signals.every((s) => s.messageIndex === 0));
  assert.equal(a.flagged, true);
  assert.equal(a.warningAt, 0);
  const calm = assessConversation('good luck with the exam tomorrow, see you at practice');
  assert.equal(calm.flagged, false);
  assert.equal(calm.stage, 'none');
});

test('synthetic fixtures: positives warn, look-alike negatives do not', () => {
  for (const c of fixtures) {
    const a = assessConversation(c.messages);
    assert.equal(a.flagged, c.label === 1, `${c.id} (${c.kind}): risk ${a.risk.toFixed(3)}`);
    if (a.flagged) assert.ok(a.signals.length > 0, `${c.id}: a flag carries evidence`);
    assert.ok((groomingStages as readonly string[]).includes(a.stage));
  }
});

test('the streaming warning fires once, at the same message as the batch assessment says', () => {
  const conv = fixtures.find((c) => c.id === 'pos-01')!.messages;
  const monitor = createConversationMonitor();
  const warnings: number[] = [];
  conv.forEach((m, i) => {
    const u = monitor.push(m);
    if (u.warning) warnings.push(i);
    assert.equal(u.assessment.messageCount, i + 1);
  });
  for (let i = 0; i < 20; i++) assert.equal(monitor.push(say('a', 'send me a pic, its our secret', 'adult')).warning, false);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0], assessConversation(conv).warningAt);
  assert.equal(monitor.current().warningAt, warnings[0]);
});

test('newSignals are the signals of the pushed message only', () => {
  const monitor = createConversationMonitor();
  assert.deepEqual(monitor.push(say('a', 'hello there')).newSignals, []);
  const u = monitor.push(say('a', 'how old are you'));
  assert.deepEqual(u.newSignals.map((s) => [s.category, s.messageIndex, s.author]), [['age_probe', 1, 'a']]);
});

test('conversation monitor memory is bounded whatever the number of messages and authors', () => {
  const monitor = createConversationMonitor({ maxMessages: 10, maxSignals: 16, maxAuthors: 4 });
  const texts = ['how old are you', 'send me a pic', 'dont tell anyone', 'are your parents home', 'add me on snap', 'nice weather'];
  for (let i = 0; i < 3000; i++) monitor.push(say(`u${i % 50}`, texts[i % texts.length]!));
  const st = monitor.stats();
  assert.equal(st.messages, 3000);
  assert.ok(st.trackedAuthors <= 4, `authors ${st.trackedAuthors}`);
  assert.ok(st.keptSignals <= 16, `signals ${st.keptSignals}`);
  assert.equal(st.windowSlots, 10);
  const a = monitor.current();
  assert.ok(a.signals.length <= 16);
  // Evidence keeps at least one signal of every category seen.
  assert.deepEqual([...new Set(a.signals.map((s) => s.category))].sort(), ['age_probe', 'image_request', 'platform_move', 'secrecy', 'supervision_check']);
});

test('comment stream: per-viewer warning, stream warning, top viewers', () => {
  const stream = createCommentStreamMonitor({ streamerTier: 'teen' });
  const calm = ['hi!', 'love this song', 'what game is this', 'gg'];
  for (let i = 0; i < 40; i++) {
    const u = stream.push({ author: `fan${i}`, text: calm[i % calm.length]! });
    assert.equal(u.viewer.warning, false);
    assert.equal(u.stream.warning, false);
  }
  const first = stream.push({ author: 'v1', text: 'go to the bathroom and take off your socks' });
  assert.equal(first.viewer.id, 'v1');
  assert.ok(first.viewer.newSignals.some((s) => s.category === 'stream_pressure'));
  const second = stream.push({ author: 'v1', text: 'do it for 100 likes' });
  const warned = [first, second].filter((u) => u.viewer.warning);
  assert.equal(warned.length, 1, 'viewer warning fires once');
  assert.equal([first, second].filter((u) => u.stream.warning).length, 1, 'stream warning fires once');
  assert.equal(second.stream.topViewers[0]?.id, 'v1');
  assert.ok(second.stream.topViewers[0]!.categories.includes('stream_pressure'));
  assert.ok(second.stream.risk >= DEFAULT_THRESHOLD);
  assert.equal(stream.push({ author: 'v1', text: 'take it off' }).viewer.warning, false);
  assert.ok(stream.viewer('v1')!.flagged);
  assert.equal(stream.viewer('fan1')!.flagged, false);
});

test('comment stream: several viewers pressing at once raise the stream, not each viewer', () => {
  const stream = createCommentStreamMonitor({ streamerTier: 'unknown' });
  let last;
  for (let i = 0; i < 6; i++) last = stream.push({ author: `p${i}`, text: 'turn around' });
  assert.equal(last!.stream.pressingViewers, 6);
  assert.ok(last!.stream.risk > last!.viewer.risk);
  assert.ok(last!.stream.risk >= DEFAULT_THRESHOLD);
});

test('comment stream memory is bounded: least recently active viewers are forgotten', () => {
  const stream = createCommentStreamMonitor({ maxViewers: 100, pileOnWindow: 50 });
  for (let i = 0; i < 5000; i++) stream.push({ author: `v${i}`, text: i % 7 === 0 ? 'show us your feet' : 'hello' });
  const cur = stream.current();
  assert.equal(cur.comments, 5000);
  assert.ok(cur.trackedViewers <= 100 && cur.trackedViewers >= 90, `tracked ${cur.trackedViewers}`);
  assert.ok(cur.pressingViewers <= 50);
  assert.ok(cur.topViewers.length <= 5);
  assert.equal(stream.viewer('v0'), undefined);
  assert.ok(stream.viewer('v4999'));
});

test('options are validated', () => {
  assert.throws(() => assessConversation('x', { threshold: 2 }), { code: 'invalid_threshold' });
  assert.throws(() => createConversationMonitor({ maxMessages: 0 }), { code: 'invalid_option' });
  assert.throws(() => createCommentStreamMonitor({ maxViewers: 1.5 }), { code: 'invalid_option' });
  assert.throws(() => assessConversation([{ text: 'hi', authorTier: 'elder' as never }]), { code: 'invalid_message' });
  assert.throws(() => createConversationMonitor().push({ text: null } as unknown as ChatMessage), { code: 'invalid_message' });
  const low = assessConversation([say('a', 'how old are you'), say('a', 'where do you live')], { threshold: 0.05 });
  assert.equal(low.threshold, 0.05);
  assert.equal(low.flagged, low.risk >= 0.05);
});

test('a benign message repeated many times adds no text evidence and is not flagged', () => {
  const once = [say('a', 'ok see you tomorrow at school'), say('b', 'yes see you tomorrow, bring the book')];
  const many = Array.from({ length: 8 }, () => once).flat();
  const short = assessConversation(once);
  const long = assessConversation(many);
  assert.equal(long.flagged, false);
  // The repeats add nothing to the learned score: risk stays near where two messages put it (the repeated
  // "see you tomorrow" signals still add a little lexicon evidence, which saturates).
  assert.ok(long.risk < short.risk + 0.05, `risk ${short.risk} → ${long.risk}`);
  // A new message after the repeats is still scored.
  const more = assessConversation([...many, say('a', 'did you finish the maths homework for tomorrow?')]);
  assert.notEqual(more.risk, long.risk);
});

// --- Short chats, sextortion and evidence (issue 8).

test("the README's example flags on its own, with its rule and signals", () => {
  const a = assessConversation('are your parents home? dont tell anyone');
  assert.equal(a.flagged, true);
  assert.deepEqual(a.signals.map((s) => s.category), ['supervision_check', 'secrecy']);
  assert.equal(a.rules[0]?.rule, 'supervision_and_contact');
  assert.deepEqual(a.rules[0]?.categories, ['supervision_check', 'secrecy']);
});

test('one clear sextortion threat flags a two-message chat with no ages known', () => {
  const chats: ChatMessage[][] = [
    [say('x', 'i recorded your stream'), say('x', 'do what i say or i send it to everyone at your school')],
    [say('x', 'who is this?'), say('y', 'pay 100 in gift cards or your family sees your pics')],
    [say('x', 'ich hab deine bilder'), say('x', 'zahl oder deine familie sieht sie')],
    [say('x', 'ik heb je fotos'), say('x', 'als je niet betaalt krijgt je hele klas ze')],
  ];
  for (const chat of chats) {
    const a = assessConversation(chat);
    assert.equal(a.flagged, true, chat.map((m) => m.text).join(' / '));
    assert.ok(a.signals.some((s) => s.category === 'sextortion'));
    assert.equal(a.rules[0]?.rule, 'sextortion');
    assert.equal(a.stage, 'meeting_or_coercion');
  }
});

test('a few strong signals flag a short chat: each rule names its categories and author', () => {
  const cases: [ChatMessage[], string][] = [
    [[say('a', 'send me a pic'), say('a', 'dont tell anyone we talk')], 'secrecy_and_image'],
    [[say('a', 'you home alone?'), say('a', 'lets talk on snap instead')], 'supervision_and_contact'],
    [[say('a', 'how old are you'), say('b', '13'), say('a', 'turn ur cam on')], 'minor_and_image'],
    [[say('a', 'i can give you robux'), say('a', 'just send me a pic')], 'offer_for_images'],
    [[say('a', 'age is just a number'), say('a', 'whats your snap')], 'presumed_minor_and_contact'],
  ];
  for (const [chat, rule] of cases) {
    const a = assessConversation(chat);
    assert.equal(a.flagged, true, rule);
    const fired = a.rules.find((r) => r.rule === rule);
    assert.ok(fired, `${rule} in ${a.rules.map((r) => r.rule)}`);
    assert.equal(fired.author, 'a');
    for (const c of fired.categories) assert.ok(a.signals.some((s) => s.category === c && s.author === 'a'), `${rule}: evidence of ${c}`);
  }
});

test('benign look-alikes of the short-chat rules stay quiet', () => {
  const chats: ChatMessage[][] = [
    [say('g', 'turn your camera on darling so i can see you'), say('k', 'hi grandma')],
    [say('f', 'send me a pic of your puppy'), say('k', 'he is asleep on my bed')],
    [say('s', 'dont tell mum about the surprise party'), say('b', 'ok')],
    [say('c', 'how old are you for the league registration'), say('k', '12'), say('c', 'thanks, u12 team then')],
    [say('f', 'lol i screenshotted that'), say('f', 'sending it to the group chat')],
    [say('p', 'our agency is looking for adult models for a catalogue'), say('m', "i'm 27, do you need a portfolio")],
  ];
  for (const chat of chats) {
    const a = assessConversation(chat);
    assert.equal(a.flagged, false, `${chat.map((m) => m.text).join(' / ')}: ${a.rules.map((r) => r.rule)}`);
  }
});

test('stages: a picture or camera request is its own stage; "sexual" comes only from sexual words', () => {
  // A picture of a pet or of homework is not a picture of the person: no image request at all.
  assert.equal(assessConversation([say('a', 'send me a pic of your puppy')]).stage, 'none');
  assert.equal(assessConversation([say('a', 'send me a selfie')]).stage, 'image_request');
  assert.equal(assessConversation([say('g', 'turn your camera on so i can see you sweetie')]).stage, 'image_request');
  assert.equal(assessConversation([say('a', 'have you ever had sex')]).stage, 'sexual');
  assert.ok(groomingStages.indexOf('image_request') < groomingStages.indexOf('sexual'));
});

test('who is who: a compliment that states the recipient’s age does not mark or damp the sender', () => {
  const about = assessConversation([say('a', 'nice figure for a 13 yr old'), say('b', 'thanks i guess'), say('a', 'send me a pic')]);
  const own = assessConversation([say('a', "nice figure, i'm 13 too"), say('b', 'thanks i guess'), say('a', 'send me a pic')]);
  assert.equal(about.flagged, true, 'the sender presumes a minor and asks for a picture');
  assert.ok(about.risk > own.risk, `about ${about.risk} vs own ${own.risk}`);
  assert.ok(!about.signals.some((s) => s.author === 'a' && s.disclosedAge !== undefined));
});

test('no flag without evidence: 200 ordinary greetings with numbers do not flag', () => {
  const greetings = ['hello there', 'hi', 'hey', 'good morning', 'good evening', 'howdy', 'hiya', 'yo', 'hey hey', 'morning', 'evening all', 'hi again', 'hello', 'sup', 'greetings', 'hey you', 'hi friend', 'hello hello', 'good day', 'heya'];
  const msgs = Array.from({ length: 200 }, (_, i) => say(i % 2 ? 'b' : 'a', `${greetings[i % 20]} ${i + 1}`));
  for (const a of [assessConversation(msgs), assessConversation(msgs.map((m) => m.text).join('\n'))]) {
    assert.equal(a.flagged, false, `risk ${a.risk}`);
    assert.ok(a.risk < DEFAULT_THRESHOLD);
  }
});

test('every flag carries evidence: signals of the fired rule or the phrases the learned model weighed', () => {
  const chats: ChatMessage[][] = [...fixtures.map((f) => f.messages), ...shortChats.map((c) => c.messages)];
  let flagged = 0;
  for (const chat of chats) {
    const a = assessConversation(chat);
    if (!a.flagged) continue;
    flagged++;
    assert.ok(a.signals.length > 0, 'a flag has signals');
    for (const r of a.rules) for (const c of r.categories) assert.ok(a.signals.some((s) => s.category === c), `rule ${r.rule} shows ${c}`);
    for (const s of a.signals) assert.equal(chat[s.messageIndex]!.text.slice(s.start, s.end), s.text);
  }
  assert.ok(flagged > 100, `${flagged} flagged`);
});

test('short-chat evaluation set: recall ≥ 0.9 at a false-positive rate ≤ 0.03 over every evasion', () => {
  const f = evalShortChats(shortChatFiles.tuning);
  assert.ok(f.overall.recall >= 0.9, `recall ${f.overall.recall}`);
  assert.ok(f.overall.fpr <= 0.03, `FPR ${f.overall.fpr}`);
  assert.ok(f.chats >= 300 && f.variants === f.chats * 14);
});
