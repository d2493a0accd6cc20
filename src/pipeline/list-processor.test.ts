import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlatformEvent } from '../core/events.ts';
import { normaliseTerm } from '../core/keyword-lists/keyword-text.ts';
import { TextListMatcher } from '../core/text-lists/text-list-matcher.ts';
import { normaliseUrlPattern } from '../core/url-lists/url-pattern.ts';
import type { ProcessorContext } from './event-processor.ts';
import { createListProcessor } from './list-processor.ts';

const lists = new TextListMatcher();
lists.add(7, 'url', normaliseUrlPattern('*.listed.example'), 1);
lists.add(8, 'keyword', normaliseTerm('purple lantern'), 2);
const p = createListProcessor((text) => lists.match(text).hits);
const ctx = (replay = false) => ({ scope: '', seq: 1, key: { kind: 'conversation', id: 'c' }, now: 0, receivedAt: 0, replay }) as unknown as ProcessorContext;
const run = (e: Record<string, unknown>, replay = false) => p.handle(null, e as unknown as PlatformEvent, ctx(replay));

test('a chat message with a listed URL is held and a case opened, with the entry as evidence', () => {
  const fx = run({ id: 'e1', type: 'chat.message', conversationId: 'c1', messageId: 'm1', author: { id: 'a' }, text: 'go to www.cdn.listed[.]example/x' });
  assert.deepEqual(fx.map((e) => [e.kind, e.target, e.scope, e.dedupeKey]), [
    ['hold_message', { type: 'message', id: 'm1' }, { type: 'conversation', id: 'c1' }, 'lists:hold_message:message:m1'],
    ['open_case', { type: 'message', id: 'm1' }, { type: 'conversation', id: 'c1' }, 'lists:open_case:message:m1'],
  ]);
  assert.deepEqual(fx[0]!.evidence.map((e) => [e.kind, e.id]), [['bank_match', '7']]);
  assert.match(fx[0]!.evidence[0]!.summary, /disguised/);
});

test('comments with a listed term are held in their stream; titles open a case; other text and replays ask for nothing', () => {
  const c = run({ id: 'e2', type: 'stream.comment', streamId: 's1', author: { id: 'a' }, text: 'the PURPLE lantern' });
  assert.deepEqual(c.map((e) => [e.kind, e.target, e.scope]), [
    ['hold_message', { type: 'comment', id: 'e2' }, { type: 'stream', id: 's1' }],
    ['open_case', { type: 'comment', id: 'e2' }, { type: 'stream', id: 's1' }],
  ]);
  const t = run({ id: 'e3', type: 'stream.started', streamId: 's2', streamer: { id: 'b' }, audience: 'public', title: 'see listed.example' });
  assert.deepEqual(t.map((e) => [e.kind, e.target]), [['open_case', { type: 'stream', id: 's2' }]]);
  assert.deepEqual(run({ id: 'e4', type: 'chat.message', conversationId: 'c1', author: { id: 'a' }, text: 'purple lanterns at example.org' }), []);
  assert.deepEqual(run({ id: 'e1', type: 'chat.message', conversationId: 'c1', author: { id: 'a' }, text: 'listed.example' }, true), []);
  assert.equal(p.accepts({ type: 'stream.started', streamId: 's', streamer: { id: 'x' }, audience: 'public' } as unknown as PlatformEvent), false);
});

test('an account profile with a listed link or term opens a case about the account; a clean profile asks for nothing', () => {
  const fx = run({ id: 'p1', type: 'account.profile', account: { id: 'acct-9' }, displayName: 'Lantern fan', bio: 'ask me about the purple lantern', links: ['hxxps://shop.listed.example/x', 'https://example.org'] });
  assert.deepEqual(fx.map((e) => [e.kind, e.target, e.dedupeKey]), [['open_case', { type: 'account', id: 'acct-9' }, 'lists:open_case:profile:acct-9:p1']]);
  assert.deepEqual(fx[0]!.evidence.map((e) => e.id).sort(), ['7', '8'], 'the keyword in the bio and the URL among the links');
  assert.match(fx[0]!.reasons[0]!, /profile of acct-9/);
  assert.deepEqual(run({ id: 'p2', type: 'account.profile', account: { id: 'acct-9' }, displayName: 'purple', bio: 'lantern' }), [], 'words split across fields do not make a phrase');
  assert.equal(p.accepts({ type: 'account.profile', account: { id: 'x' } } as unknown as PlatformEvent), true);
});
