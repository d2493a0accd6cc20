import assert from 'node:assert/strict';
import { test } from 'node:test';
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
