// Intake contract on SQLite and PostgreSQL: durable append, idempotent ids, conflicts, bad input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLifeguardError } from '../src/core/lifeguard-error.ts';
import { appendEvents } from '../src/pipeline/event-intake.ts';
import { getEvent, countEvents } from '../src/store/event-store.ts';
import { queueDepth } from '../src/queue/event-queue.ts';
import { testDatabases } from './support/databases.ts';
import { chat, report } from './pipeline-fixtures.ts';

for (const target of testDatabases()) {
  test(`${target.name}: appendEvents stores, dedupes replays and reports conflicting ids`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const first = await appendEvents(database, 'key-a', [chat('e1', 'c1', 'hello'), chat('e2', 'c1', 'how are you'), report('e3', 's1')]);
      assert.deepEqual(first.accepted.map((a) => a.id), ['e1', 'e2', 'e3']);
      assert.ok(first.accepted[0]!.seq < first.accepted[1]!.seq && first.accepted[1]!.seq < first.accepted[2]!.seq);
      assert.deepEqual(first.duplicates, []);

      const replay = await appendEvents(database, 'key-a', [chat('e1', 'c1', 'hello'), chat('e2', 'c1', 'changed text'), chat('e4', 'c1', 'new')]);
      assert.deepEqual(replay.accepted.map((a) => a.id), ['e4']);
      assert.deepEqual(replay.duplicates, [{ id: 'e1', seq: first.accepted[0]!.seq }]);
      assert.deepEqual(replay.conflicts, [{ id: 'e2', seq: first.accepted[1]!.seq, code: 'event_id_conflict' }]);
      // The first version stays authoritative.
      const stored = await getEvent(database, 'key-a', 'e2');
      assert.equal(stored?.event.type === 'chat.message' ? stored.event.text : undefined, 'how are you');

      // Same id in another scope is a different event.
      const other = await appendEvents(database, 'key-b', [chat('e1', 'c1', 'hello')]);
      assert.equal(other.accepted.length, 1);
      assert.equal(await countEvents(database), 5);
      assert.equal((await queueDepth(database)).pending, 5);
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: an id repeated inside one batch is stored once`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const r = await appendEvents(database, null, [chat('x', 'c', 'a'), chat('x', 'c', 'a'), chat('x', 'c', 'b')]);
      assert.equal(r.accepted.length, 1);
      assert.deepEqual(r.duplicates.map((d) => d.seq), [r.accepted[0]!.seq]);
      assert.deepEqual(r.conflicts.map((d) => d.id), ['x']);
      assert.equal(await countEvents(database), 1);
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: invalid events reject the whole batch with a stable code`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const bad = [chat('ok', 'c', 'fine'), { id: 'b', type: 'chat.message', text: 5 }] as never[];
      await assert.rejects(appendEvents(database, null, bad), (e) => isLifeguardError(e) && e.code === 'invalid_event' && e.status === 400 && e.detail?.index === 1);
      await assert.rejects(appendEvents(database, null, [{ id: 'u', type: 'no.such.type' }] as never[]), (e) => isLifeguardError(e) && e.code === 'invalid_event');
      const frame = { id: 'f', type: 'stream.frame', streamId: 's', imageBase64: 'aGVsbG8=' } as never;
      await assert.rejects(appendEvents(database, null, [frame]), (e) => isLifeguardError(e) && e.code === 'frame_not_hashed');
      assert.equal(await countEvents(database), 0);
      assert.equal(await getEvent(database, null, 'ok'), null);
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: frame image bytes are hashed by the caller's hasher and never stored`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const pdq = 'a'.repeat(64);
      const frames = [
        { id: 'f1', type: 'stream.frame', streamId: 's', imageBase64: 'aGVsbG8=' },
        { id: 'f2', type: 'stream.frame', streamId: 's', pdq, imageBase64: 'aGVsbG8=' },
      ] as never[];
      const r = await appendEvents(database, null, frames, { hashFrame: async () => ({ pdq, quality: 90 }) });
      assert.equal(r.accepted.length, 2);
      for (const id of ['f1', 'f2']) {
        const e = await getEvent(database, null, id);
        assert.ok(e && e.event.type === 'stream.frame');
        assert.equal(e.event.pdq, pdq);
        assert.equal(e.event.imageBase64, undefined);
      }
      const blank = [{ id: 'f3', type: 'stream.frame', streamId: 's', imageBase64: 'aGVsbG8=' }] as never[];
      await assert.rejects(appendEvents(database, null, blank, { hashFrame: async () => ({ pdq: null }) }), (e) => isLifeguardError(e) && e.code === 'frame_unhashable');
      assert.equal(await getEvent(database, null, 'f3'), null);
    } finally {
      await cleanup();
    }
  });
}

test('too many events in one call is refused before touching the database', async () => {
  const events = Array.from({ length: 10_001 }, (_, i) => chat(`e${i}`, 'c', 't'));
  await assert.rejects(appendEvents({} as never, null, events), (e) => isLifeguardError(e) && e.code === 'too_many_events' && e.status === 413);
});
