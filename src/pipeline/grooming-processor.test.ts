import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { assessConversation } from '../core/grooming/index.ts';
import type { PlatformEvent } from '../core/events.ts';
import type { ProcessorContext } from './event-processor.ts';
import { createGroomingProcessor } from './grooming-processor.ts';

const key = { kind: 'conversation', id: 'c1' } as unknown as ProcessorContext['key'];
const ctx = { scope: '', seq: 1, key: { kind: 'conversation', id: 'c1' }, now: 0, receivedAt: 0, replay: false } as unknown as ProcessorContext;
const message = (id: string, author: string, text: string) => ({ id, type: 'chat.message', conversationId: 'c1', messageId: id, author: { id: author }, text }) as unknown as PlatformEvent;

test('the review a flag asks for names the rules that fired it, and the summary keeps them', () => {
  const p = createGroomingProcessor();
  const state = p.init(key);
  const chat = [
    ['m1', 'stranger', 'how old are you?'],
    ['m2', 'kid', '12'],
    ['m3', 'stranger', 'send me a pic of just you, and dont tell your mum, its our secret'],
  ] as const;
  const effects = chat.flatMap(([id, author, text]) => p.handle(state, message(id, author, text), ctx));
  const review = effects.find((e) => e.kind === 'enqueue_review');
  assert.ok(review, 'a review is asked for');
  const ruleReasons = review.reasons.filter((r) => r.startsWith('rule '));
  assert.ok(ruleReasons.length > 0, 'the rules behind the flag are in the reasons');
  assert.ok(ruleReasons.every((r) => r.includes('(stranger)')), 'each names the author it was read for');
  const summary = p.summarize!(state, key)!;
  const detail = summary.detail as { warningRules: string[]; rules: string[] };
  assert.deepEqual(detail.warningRules, ruleReasons.map((r) => r.split(' ')[1]));
  assert.ok(Array.isArray(detail.rules));
});

test('a conversation that never flags asks for no review and names no rule', () => {
  const p = createGroomingProcessor();
  const state = p.init(key);
  const effects = p.handle(state, message('m1', 'a', 'see you at practice tomorrow, bring your boots'), ctx);
  assert.deepEqual(effects, []);
  assert.deepEqual((p.summarize!(state, key)!.detail as { warningRules: string[] }).warningRules, []);
});

test('a warning that later messages withdraw lowers its review to informational; holding again raises it', () => {
  // A look-alike of our own synthetic set whose warning later replies withdraw (found, not hand-picked).
  const file = readFileSync(fileURLToPath(new URL('../../test/fixtures/short-chats/held-out-32.jsonl', import.meta.url)), 'utf8');
  const chats = file.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { label: string; messages: { author: string; text: string }[] });
  const chat = chats.find((c) => c.label === 'benign' && assessConversation(c.messages).withdrawn);
  assert.ok(chat, 'the set has a look-alike whose warning was withdrawn');
  const p = createGroomingProcessor();
  const state = p.init(key);
  const effects = chat.messages.flatMap((m, i) => p.handle(state, message(`m${i}`, m.author, m.text), ctx).map((e) => ({ ...e, at: i })));
  const reviews = effects.filter((e) => e.kind === 'enqueue_review');
  assert.equal(reviews.length, 2, 'the review at the warning, then its withdrawal');
  const [first, withdrawal] = reviews as [(typeof reviews)[0], (typeof reviews)[0]];
  assert.notEqual(first.severity, 'info');
  assert.equal(withdrawal.severity, 'info');
  assert.equal(withdrawal.reading, first.reading, 'the same reading: the withdrawal replaces the warning in the case priority');
  assert.equal(first.reading, 'grooming:c1');
  assert.ok(withdrawal.at > first.at);
  assert.notEqual(withdrawal.dedupeKey, first.dedupeKey);
  assert.match(withdrawal.reasons[0]!, /withdrew the reading/);
  const summary = p.summarize!(state, key)!;
  assert.equal(summary.flagged, false, 'no longer a flag');
  assert.equal((summary.detail as { withdrawn: boolean }).withdrawn, true);
  // The same author then threatens: the reading holds again and the review is raised again.
  const author = chat.messages[first.at]!.author;
  const again = p.handle(state, message('m-threat', author, 'send me more pics or i post the ones you sent to everyone at your school'), ctx);
  const raised = again.find((e) => e.kind === 'enqueue_review');
  assert.ok(raised, 'raised again');
  assert.notEqual(raised.severity, 'info');
  assert.equal(raised.reading, 'grooming:c1');
  assert.equal(p.summarize!(state, key)!.flagged, true);
});
