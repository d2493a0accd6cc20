// The real detectors in the pipeline: grooming flags a conversation once, the guardian acts on a live stream,
// reports are queued for review; and detector state rebuilt by another worker (log replay) gives the same
// risk and effects as one worker seeing everything. Texts are short synthetic examples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlatformEvent } from '../src/core/events.ts';
import { createDefaultDetectors } from '../src/pipeline/default-detectors.ts';
import { createPipeline } from '../src/pipeline/pipeline.ts';
import { getConversationRisk, getStreamRisk } from '../src/pipeline/risk-read-model.ts';
import { listEffects } from '../src/store/effect-store.ts';
import { testDatabases } from './support/databases.ts';

const t0 = Date.UTC(2024, 0, 1);
const conversation = ['hi there', 'how old are you?', 'i am 12', 'you are very mature for your age', "don't tell your parents about me", 'this stays our secret', 'send me a picture of you', 'lets talk on another app'];
const events: PlatformEvent[] = [
  ...conversation.map((text, i): PlatformEvent => ({ id: `m${i}`, type: 'chat.message', conversationId: 'conv-1', author: i === 2 ? { id: 'kid', tier: 'child' } : { id: 'adult-1', tier: 'adult' }, text, ts: t0 + i * 60_000 })),
  { id: 's0', type: 'stream.started', streamId: 'live-1', streamer: { id: 'kid', tier: 'child' }, audience: 'public', ts: t0 },
  { id: 's1', type: 'stream.viewer_joined', streamId: 'live-1', viewer: { id: 'viewer-1', tier: 'adult' }, connection: 'none', ts: t0 + 1000 },
  ...['how old are you', 'send me a picture', 'are you alone right now', 'add me on another app'].map((text, i): PlatformEvent => ({ id: `sc${i}`, type: 'stream.comment', streamId: 'live-1', author: { id: 'viewer-1', tier: 'adult' }, text, ts: t0 + 2000 + i * 1000 })),
  { id: 'rep-1', type: 'report.filed', streamId: 'live-1', subject: { type: 'account', id: 'viewer-1' }, reason: 'grooming', ts: t0 + 9000 },
];

async function runSplit(target: ReturnType<typeof testDatabases>[number], split: number) {
  const { database, cleanup } = await target.open();
  try {
    const pipeline = createPipeline({ database, detectors: createDefaultDetectors() });
    const errors: unknown[] = [];
    // Each part is processed by a fresh worker, so the second has to rebuild state from the log.
    for (const part of [events.slice(0, split), events.slice(split)]) {
      await pipeline.appendEvents('p', part);
      await pipeline.createWorker({ onError: (e) => errors.push(e) }).drain();
    }
    const { effects } = await listEffects(database, { limit: 1000 });
    return {
      errors,
      effects: effects.map((e) => `${e.eventId} ${e.effect.kind} ${e.effect.target.type}:${e.effect.target.id} ${e.effect.dedupeKey}`),
      conversation: await getConversationRisk(database, 'conv-1'),
      stream: await getStreamRisk(database, 'live-1'),
    };
  } finally {
    await cleanup();
  }
}

for (const target of testDatabases()) {
  test(`${target.name}: real detectors produce reviewable effects, identical after a state rebuild`, async () => {
    const whole = await runSplit(target, events.length);
    assert.deepEqual(whole.errors, []);
    const kinds = whole.effects.map((e) => e.split(' ')[1]);
    // Grooming: one review and one evidence hold for the conversation, however many messages follow.
    assert.equal(whole.effects.filter((e) => e.includes('grooming:enqueue_review:conv-1')).length, 1);
    assert.ok(kinds.includes('preserve_evidence'));
    assert.equal(whole.conversation?.flagged, true);
    assert.ok((whole.conversation?.risk ?? 0) >= 0.5);
    assert.ok(whole.conversation?.signals.some((s) => s.category === 'secrecy'));
    // Guardian: a child's public stream with a stranger pressing gets protective effects.
    assert.ok(whole.effects.some((e) => / (hold_comments|remove_viewer|restrict_stream|pause_stream) /.test(e)), whole.effects.join('\n'));
    assert.equal(whole.stream?.eventCount, 7);
    // Reports: one review per report.
    assert.equal(whole.effects.filter((e) => e.endsWith('enqueue_review:report:rep-1')).length, 1);

    for (const split of [3, 9, 12]) {
      const parts = await runSplit(target, split);
      assert.deepEqual(parts.errors, []);
      assert.deepEqual(parts.effects, whole.effects, `split at ${split}`);
      assert.deepEqual({ ...parts.conversation, updatedAt: 0 }, { ...whole.conversation, updatedAt: 0 });
      assert.deepEqual({ ...parts.stream, updatedAt: 0 }, { ...whole.stream, updatedAt: 0 });
    }
  });
}
