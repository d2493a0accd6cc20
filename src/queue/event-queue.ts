/**
 * The database-backed event queue: `event_queue` holds the seq of every event not yet processed. A worker
 * claims (deletes) a batch inside the write transaction that also commits the batch's effects, so an event
 * leaves the queue exactly when its effects are durable; a crash or rollback leaves it queued.
 *
 * PostgreSQL: the worker locks the `event_partitions` rows of the partitions it takes (FOR UPDATE SKIP
 * LOCKED, oldest pending first), so two workers never process the same partition at once and events of one
 * stream key stay in order. SQLite has one writer at a time (BEGIN IMMEDIATE), so the batch is simply the
 * oldest pending events.
 */
import { sql } from 'kysely';
import type { Database, DatabaseKind } from '../store/database.ts';
import { insertNewEvents, toStoredEvent, type EventRow, type NewEventRow, type StoredEvent } from '../store/event-store.ts';
import { withWriteTransaction, type Trx } from './write-transaction.ts';

export interface ClaimOptions {
  batchSize: number;
  /** PostgreSQL: most partitions locked by one batch (leaves the others to other workers). */
  maxPartitions: number;
  /** Only these partitions. */
  partitions?: number[];
}

/**
 * Writes new events to the log and the queue atomically, skipping ids already stored in their scope; returns
 * id → seq of the rows inserted. PostgreSQL: one statement (a data-modifying CTE, atomic without an explicit
 * transaction, one round trip); SQLite: one write transaction.
 */
export async function appendToLog(database: Database, rows: NewEventRow[], now: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (database.kind === 'postgres') {
    for (let i = 0; i < rows.length; i += 1000) {
      const values = sql.join(
        rows.slice(i, i + 1000).map((r) => sql`(${r.scope}, ${r.id}, ${r.type}, ${r.stream_key}, ${r.partition}, ${r.body}, ${r.digest}, ${r.received_at})`),
      );
      const res = await sql<{ id: string; seq: string | number }>`
        with ins as (
          insert into events (scope, id, type, stream_key, partition, body, digest, received_at) values ${values}
          on conflict (scope, id) do nothing returning seq, id, partition),
        q as (insert into event_queue (seq, partition, enqueued_at) select seq, partition, ${now}::bigint from ins)
        select id, seq from ins`.execute(database.db);
      for (const r of res.rows) out.set(r.id, Number(r.seq));
    }
    return out;
  }
  return withWriteTransaction(database, async (trx) => {
    for (const r of await insertNewEvents(trx, rows)) out.set(r.id, r.seq);
    const byId = new Map(rows.map((r) => [r.id, r]));
    await enqueueEvents(trx, [...out].map(([id, seq]) => ({ seq, partition: byId.get(id)!.partition })), now);
    return out;
  });
}

/** Adds processed-later rows for freshly inserted events. */
export async function enqueueEvents(trx: Trx, rows: { seq: number; partition: number }[], now: number): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('event_queue')
      .values(rows.slice(i, i + 1000).map((r) => ({ seq: r.seq, partition: r.partition, enqueued_at: now })))
      .execute();
  }
}

/**
 * Claims the next batch in seq order and removes it from the queue, inside the caller's transaction (so a
 * rollback puts it back). PostgreSQL: one statement locks the partitions (oldest pending first, skipping
 * those other workers hold), dequeues and returns the events. Empty when nothing is claimable.
 */
export async function claimEventBatch(trx: Trx, kind: DatabaseKind, opts: ClaimOptions): Promise<StoredEvent[]> {
  if (kind === 'postgres') {
    const only = opts.partitions === undefined ? sql`` : sql`and p.partition in (${sql.join(opts.partitions)})`;
    const res = await sql<EventRow>`
      with locked as (
        select p.partition from event_partitions p
        where exists (select 1 from event_queue q where q.partition = p.partition) ${only}
        order by (select min(q.seq) from event_queue q where q.partition = p.partition)
        limit ${opts.maxPartitions}
        for update of p skip locked),
      claimed as (
        delete from event_queue where seq in (
          select seq from event_queue where partition in (select partition from locked) order by seq limit ${opts.batchSize})
        returning seq)
      select e.* from events e join claimed c on c.seq = e.seq order by e.seq`.execute(trx);
    return res.rows.map(toStoredEvent);
  }
  let q = trx
    .selectFrom('event_queue as q')
    .innerJoin('events as e', 'e.seq', 'q.seq')
    .selectAll('e')
    .orderBy('q.seq')
    .limit(opts.batchSize);
  if (opts.partitions !== undefined) q = q.where('q.partition', 'in', opts.partitions);
  const rows = (await q.execute()).map(toStoredEvent);
  await dequeueEvents(trx, rows.map((r) => r.seq));
  return rows;
}

/** True when any event (in `partitions`, when given) waits in the queue; a lock-free read. */
export async function hasQueuedEvents(database: Database, partitions?: number[]): Promise<boolean> {
  let q = database.db.selectFrom('event_queue').select('seq').limit(1);
  if (partitions !== undefined) q = q.where('partition', 'in', partitions);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Removes processed events from the queue. */
export async function dequeueEvents(trx: Trx, seqs: number[]): Promise<void> {
  for (let i = 0; i < seqs.length; i += 1000) {
    await trx.deleteFrom('event_queue').where('seq', 'in', seqs.slice(i, i + 1000)).execute();
  }
}

/** The subset of `seqs` still waiting in the queue. */
export async function stillQueued(database: Database, seqs: number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < seqs.length; i += 1000) {
    const rows = await database.db.selectFrom('event_queue').select('seq').where('seq', 'in', seqs.slice(i, i + 1000)).execute();
    for (const r of rows) out.add(Number(r.seq));
  }
  return out;
}

/** Queue depth and the age of the oldest waiting event, for /metrics and readiness. */
export async function queueDepth(database: Database, now: number = Date.now()): Promise<{ pending: number; oldestAgeMs: number }> {
  const r = await database.db
    .selectFrom('event_queue')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min('enqueued_at').as('oldest')])
    .executeTakeFirstOrThrow();
  const oldest = r.oldest === null || r.oldest === undefined ? null : Number(r.oldest);
  return { pending: Number(r.n), oldestAgeMs: oldest === null ? 0 : Math.max(0, now - oldest) };
}
