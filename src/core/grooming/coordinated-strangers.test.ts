// Coordinated strangers at conversation level: several drive-by authors each asking one harmless-looking thing add
// up; fans asking a stated adult, platform-known classmates and a single kind of question do not. Short synthetic
// chats written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coordinatedStrangers, type StrangerAsker } from './coordinated-strangers.ts';
import { assessConversation, createCommentStreamMonitor, detectSignals } from './index.ts';

const asker = (author: string, askWeight: number, askCategory: StrangerAsker['askCategory'], extra: Partial<StrangerAsker> = {}): StrangerAsker => ({ author, askWeight, askCategory, messages: 1, tier: 'unknown', tierKnown: false, ...extra });

test('three drive-by askers of two kinds add up; one kind, two askers or weak asks do not', () => {
  const three = [asker('a', 0.75, 'age_probe'), asker('b', 0.35, 'personal_info'), asker('c', 0.55, 'personal_info')];
  assert.deepEqual(coordinatedStrangers(three)?.map((a) => a.author), ['a', 'b', 'c']);
  assert.equal(coordinatedStrangers(three.slice(0, 2)), null);
  assert.equal(coordinatedStrangers([asker('a', 0.6, 'personal_info'), asker('b', 0.6, 'personal_info'), asker('c', 0.6, 'personal_info')]), null);
  assert.equal(coordinatedStrangers([asker('a', 0.35, 'age_probe'), asker('b', 0.35, 'personal_info'), asker('c', 0.35, 'personal_info')]), null);
});

test('asked of a stated adult, by platform-known minors, or by people who talk at length: not the pattern', () => {
  const three = [asker('a', 0.75, 'age_probe'), asker('b', 0.6, 'personal_info'), asker('c', 0.85, 'supervision_check')];
  assert.equal(coordinatedStrangers([...three, asker('s', 0, undefined, { tier: 'adult' })]), null);
  assert.equal(coordinatedStrangers(three, 'adult'), null);
  assert.equal(coordinatedStrangers(three.map((a) => ({ ...a, tier: 'teen' as const, tierKnown: true }))), null);
  assert.equal(coordinatedStrangers(three.map((a) => ({ ...a, messages: 4 }))), null);
  assert.notEqual(coordinatedStrangers(three, 'teen'), null);
});

test('a chat of viewers each asking one thing flags with the viewers named; the same asks of a grown-up streamer stay quiet', () => {
  const viewers = [
    { author: 'v1', text: 'how old r u' },
    { author: 'v2', text: 'what city' },
    { author: 'v3', text: 'which school' },
    { author: 'lia', text: 'lol why' },
  ];
  const a = assessConversation(viewers);
  const rule = a.rules.find((r) => r.rule === 'coordinated_strangers');
  assert.ok(a.flagged);
  assert.deepEqual(rule?.authors?.sort(), ['v1', 'v2', 'v3']);
  assert.match(rule!.description, /v1 \(age probe\)/);
  const adult = assessConversation([viewers[0]!, { author: 'lia', text: '27 lol why does everyone ask' }, ...viewers.slice(1, 3)]);
  assert.equal(adult.flagged, false);
  // German viewers: age, town, alone.
  const de = assessConversation([{ author: 'a', text: 'wie alt bist du' }, { author: 'b', text: 'wohnst du in köln?' }, { author: 'c', text: 'bist du grad alleine zuhause?' }]);
  assert.ok(de.rules.some((r) => r.rule === 'coordinated_strangers'));
});

test('the comment-stream monitor reads the same asks of a young streamer together, and not of an adult streamer', () => {
  const comments = [
    { author: 'v1', text: 'how old r u' },
    { author: 'v2', text: 'what city' },
    { author: 'v3', text: 'is that ur bedroom' },
  ];
  const teen = createCommentStreamMonitor({ streamerTier: 'teen' });
  let last;
  for (const c of comments) last = teen.push(c);
  assert.deepEqual([...last!.stream.coordinatedViewers].sort(), ['v1', 'v2', 'v3']);
  assert.ok(last!.stream.risk >= 0.5);
  const adult = createCommentStreamMonitor({ streamerTier: 'adult' });
  for (const c of comments) last = adult.push(c);
  assert.deepEqual(last!.stream.coordinatedViewers, []);
  assert.ok(last!.stream.risk < 0.5);
});

test('what strangers ask a streamer, in five languages', () => {
  const cases: [string, string][] = [
    ['tu prends quel bus le matin', 'personal_info'],
    ['welchen bus nimmst du', 'personal_info'],
    ['welke klas', 'age_probe'],
    ['woon je in utrecht?', 'personal_info'],
    ['what do u wear to bed', 'image_request'],
    ['ta porte elle est fermée à clé', 'supervision_check'],
    ['que llevas para dormir', 'image_request'],
  ];
  for (const [text, category] of cases) assert.ok(detectSignals(text).some((s) => s.category === category), `${text} → ${category}`);
});
