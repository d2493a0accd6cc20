// Worker contract on SQLite and PostgreSQL: exactly-once in effect, order per key, state rebuilt after a
// restart (by snapshot and by replay), idempotent effects, read models, effect polling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventProcessor } from '../src/pipeline/event-processor.ts';
import { createPipeline, createWorker } from '../src/pipeline/pipeline.ts';
import { createReportProcessor } from '../src/pipeline/report-processor.ts';
import { getConversationRisk, getStreamRisk } from '../src/pipeline/risk-read-model.ts';
import { queueDepth } from '../src/queue/event-queue.ts';
import { createLocalBus } from '../src/queue/event-bus.ts';
import { listEffects, getEffect, countEffectsByKind } from '../src/store/effect-store.ts';
import { countProcessedEvents } from '../src/store/state-store.ts';
import { testDatabases } from './support/databases.ts';
import { chat, comment, counterProcessor, report, type CounterState } from './pipeline-fixtures.ts';

for (const target of testDatabases()) {
  test(`${target.name}: snapshots are stored every few events; a new worker restores one and replays only the log after it`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const detectors = [counterProcessor({ snapshots: true })];
      const pipeline = createPipeline({ database, detectors });
      const a = pipeline.createWorker({ batchSize: 1, snapshotEvery: 3 });
      for (let i = 1; i <= 5; i++) {
        await pipeline.appendEvents('k', [chat(`m${i}`, 'c1', `hello ${i}`)]);
        await a.drain();
      }
      // Snapshots after the 1st and the 4th event; the 5th only moved the key's progress on.
      const row = await database.db.selectFrom('pipeline_state').select(['last_seq', 'event_count']).where('scope', '=', 'k').executeTakeFirstOrThrow();
      const stored = await database.db.selectFrom('pipeline_snapshots').select('snapshot').where('scope', '=', 'k').executeTakeFirstOrThrow();
      const snap = JSON.parse(stored.snapshot) as { seq: number; count: number; states: { counter: CounterState } };
      assert.equal(Number(row.event_count), 5);
      assert.equal(snap.count, 4);
      assert.equal(snap.states.counter.count, 4);
      assert.ok(snap.seq < Number(row.last_seq));

      await pipeline.appendEvents('k', [chat('m6', 'c1', 'FLAG six')]);
      const b = pipeline.createWorker({ snapshotEvery: 3 });
      await b.drain();
      assert.equal(b.stats().rebuilt, 1);
      const { effects } = await listEffects(database, { limit: 10 });
      assert.deepEqual(effects.map((e) => e.effect.reasons[0]), ['test flag #1 after 6 events']);
      const risk = await getConversationRisk(database, 'c1', 'k');
      assert.deepEqual(risk?.detail, { count: 6, outOfOrder: 0 });
    } finally {
      await cleanup();
    }
  });

  for (const snapshots of [true, false]) {
    test(`${target.name}: a new worker resumes detector state (${snapshots ? 'snapshot' : 'replay'}) and effects stay unique`, async () => {
      const { database, cleanup } = await target.open();
      try {
        const detectors = [counterProcessor({ snapshots }), createReportProcessor()];
        const pipeline = createPipeline({ database, detectors });
        await pipeline.appendEvents('k', [chat('m1', 'c1', 'hi'), chat('m2', 'c1', 'FLAG one'), chat('m3', 'c2', 'hello'), report('r1', 's1', 'spam')]);
        const a = pipeline.createWorker({ batchSize: 2 });
        await a.drain();
        assert.equal(a.stats().events, 4);

        // A different worker (empty memory) continues c1: its count must include the first two messages.
        await pipeline.appendEvents('k', [chat('m4', 'c1', 'FLAG two'), chat('m5', 'c1', 'FLAG one')]);
        const b = pipeline.createWorker();
        await b.drain();
        assert.equal(b.stats().rebuilt, 1);

        const { effects } = await listEffects(database, { limit: 100 });
        assert.deepEqual(effects.map((e) => e.effect.dedupeKey), ['hold:FLAG one', 'enqueue_review:report:r1', 'hold:FLAG two']);
        assert.match(effects[2]!.effect.reasons[0]!, /after 3 events/);
        assert.equal(effects[1]!.effect.target.id, 's1');
        assert.equal(effects[0]!.delivery?.status, 'pending');

        const risk = await getConversationRisk(database, 'c1');
        assert.ok(risk);
        assert.equal(risk.eventCount, 4);
        assert.equal(risk.flagged, true);
        assert.equal(risk.risk, 3 / 4);
        assert.equal(risk.stage, 'flagged');
        assert.equal((await getConversationRisk(database, 'c1', 'k'))?.eventCount, 4);
        assert.equal(await getConversationRisk(database, 'c1', 'other-scope'), null);
        assert.equal(await getConversationRisk(database, 'no-such-conversation'), null);
        const stream = await getStreamRisk(database, 's1');
        assert.equal(stream?.eventCount, 1);
        assert.equal(stream?.flagged, false);
        assert.equal(await getStreamRisk(database, 'c1'), null);
        assert.equal(await countProcessedEvents(database), 6);
        assert.equal((await queueDepth(database)).pending, 0);
      } finally {
        await cleanup();
      }
    });
  }

  test(`${target.name}: listEffects pages by cursor and filters by kind and target`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const pipeline = createPipeline({ database, detectors: [counterProcessor({ snapshots: true }), createReportProcessor()] });
      await pipeline.appendEvents(null, Array.from({ length: 5 }, (_, i) => chat(`m${i}`, 'c', `FLAG ${i}`)));
      await pipeline.appendEvents(null, [report('r1', 's9')]);
      await pipeline.createWorker().drain();
      const page1 = await listEffects(database, { limit: 4 });
      assert.equal(page1.effects.length, 4);
      const page2 = await listEffects(database, { after: page1.cursor, limit: 4 });
      assert.equal(page2.effects.length, 2);
      const page3 = await listEffects(database, { after: page2.cursor, limit: 4 });
      assert.deepEqual(page3, { effects: [], cursor: page2.cursor });
      const seqs = [...page1.effects, ...page2.effects].map((e) => e.seq);
      assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y));
      assert.deepEqual((await listEffects(database, { limit: 10, kind: 'enqueue_review' })).effects.map((e) => e.eventId), ['r1']);
      assert.equal((await listEffects(database, { limit: 10, target: { type: 'stream', id: 's9' } })).effects.length, 1);
      assert.equal((await listEffects(database, { limit: 10, target: 'm3' })).effects[0]?.effect.kind, 'hold_message');
      assert.equal((await listEffects(database, { limit: 10, target: 'nobody' })).effects.length, 0);
      assert.deepEqual(await countEffectsByKind(database), { hold_message: 5, enqueue_review: 1 });
      assert.equal((await getEffect(database, seqs[0]!))?.eventId, 'm0');
      assert.equal(await getEffect(database, 999_999), null);
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: a failing detector is reported and does not block its conversation`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const broken: EventProcessor<null> = {
        name: 'broken',
        accepts: (e) => e.type === 'chat.message',
        init: () => null,
        handle: (_s, e) => {
          if (e.type === 'chat.message' && e.text === 'boom') throw new Error('detector failure');
          return [{ kind: 'nudge_user', target: { type: 'account', id: 'u1' }, severity: 'low', reasons: [], evidence: [], dedupeKey: '' }];
        },
      };
      const errors: string[] = [];
      const worker = createWorker({ database, detectors: [broken, counterProcessor({ snapshots: false })], onError: (e, c) => errors.push(`${c.processor}:${(e as Error).message}`) });
      const pipeline = createPipeline({ database, detectors: [] });
      await pipeline.appendEvents(null, [chat('a', 'c', 'boom'), chat('b', 'c', 'FLAG after')]);
      await worker.drain();
      assert.equal(errors.length, 2);
      assert.match(errors[0]!, /^broken:detector failure/);
      assert.match(errors[1]!, /^broken:malformed effect/);
      assert.equal((await listEffects(database, { limit: 10 })).effects.length, 1);
      assert.equal((await getConversationRisk(database, 'c'))?.eventCount, 2);
    } finally {
      await cleanup();
    }
  });

  test(`${target.name}: two workers at once process every event once, in order per key`, async () => {
    const { database, cleanup } = await target.open();
    try {
      const bus = createLocalBus();
      const counter = counterProcessor({ snapshots: false });
      const pipeline = createPipeline({ database, bus, detectors: [counter, createReportProcessor()] });
      const workers = [pipeline.createWorker({ batchSize: 16, maxPartitions: 2 }), pipeline.createWorker({ batchSize: 16, maxPartitions: 2 })];
      await Promise.all(workers.map((w) => w.start()));
      const streams = 12;
      let n = 0;
      for (let round = 0; round < 20; round++) {
        const batch = Array.from({ length: streams }, (_, s) => comment(`e${n++}`, `s${s}`, n % 7 === 0 ? `FLAG ${n}` : `ok ${n}`));
        await pipeline.appendEvents('t', batch);
      }
      await Promise.all(workers.map((w) => w.drain()));
      await Promise.all(workers.map((w) => w.stop()));
      const total = workers.reduce((s, w) => s + w.stats().events, 0);
      assert.equal(total, n);
      assert.equal(await countProcessedEvents(database), n);
      for (let s = 0; s < streams; s++) {
        const risk = await getStreamRisk(database, `s${s}`, 't');
        assert.equal(risk?.eventCount, 20);
        assert.equal((risk?.detail?.counter as CounterState | undefined)?.count ?? (risk?.detail as { count?: number } | undefined)?.count, 20);
        assert.equal((risk?.detail as { outOfOrder?: number } | undefined)?.outOfOrder, 0);
      }
      const { effects } = await listEffects(database, { limit: 1000 });
      assert.equal(effects.length, Math.floor(n / 7));
    } finally {
      await cleanup();
    }
  });
}
