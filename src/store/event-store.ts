/**
 * The append-only event log: rows written by intake, read back by workers (to process and to rebuild
 * detector state) and by the API (one event by client id).
 */
import type { PlatformEvent } from '../core/events.ts';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Trx } from '../queue/write-transaction.ts';
import type { Schema } from './schema.ts';
import type { Database } from './database.ts';
import type { EventsTable } from './tables/service-tables.ts';

/** One event as stored. */
export interface StoredEvent {
  seq: number;
  scope: string;
  id: string;
  type: string;
  streamKey: string;
  partition: number;
  receivedAt: number;
  digest: string;
  event: PlatformEvent;
}

/** A row about to be inserted (seq is assigned by the database). */
export type NewEventRow = Omit<Insertable<EventsTable>, 'seq'>;

/** An events row as selected. */
export type EventRow = Selectable<EventsTable>;

/** Decodes an events row. */
export function toStoredEvent(r: EventRow): StoredEvent {
  return {
    seq: Number(r.seq),
    scope: r.scope,
    id: r.id,
    type: r.type,
    streamKey: r.stream_key,
    partition: r.partition,
    receivedAt: Number(r.received_at),
    digest: r.digest,
    event: JSON.parse(r.body) as PlatformEvent,
  };
}

/** Inserts rows, skipping ids already stored in their scope; returns the seq of each row actually inserted. */
export async function insertNewEvents(trx: Trx, rows: NewEventRow[]): Promise<{ id: string; seq: number }[]> {
  const out: { id: string; seq: number }[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await trx
      .insertInto('events')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['scope', 'id']).doNothing())
      .returning(['id', 'seq'])
      .execute();
    for (const r of inserted) out.push({ id: r.id, seq: Number(r.seq) });
  }
  return out;
}

/** Seq and digest of already stored ids in a scope. */
export async function findEventDigests(trx: Kysely<Schema>, scope: string, ids: string[]): Promise<Map<string, { seq: number; digest: string }>> {
  const out = new Map<string, { seq: number; digest: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom('events')
      .select(['id', 'seq', 'digest'])
      .where('scope', '=', scope)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { seq: Number(r.seq), digest: r.digest });
  }
  return out;
}

/** One event by client id (and scope; null scope means ''), or null when unknown. */
export async function getEvent(database: Database, scope: string | null, id: string): Promise<StoredEvent | null> {
  const row = await database.db.selectFrom('events').selectAll().where('scope', '=', scope ?? '').where('id', '=', id).executeTakeFirst();
  return row ? toStoredEvent(row) : null;
}

/**
 * Processed events of one stream key up to `uptoSeq`, in order: the log a worker replays to rebuild detector
 * state it does not hold (after a restart or when the key was last handled by another worker).
 */
export async function loadKeyHistory(trx: Trx, scope: string, streamKey: string, afterSeq: number, uptoSeq: number): Promise<StoredEvent[]> {
  const rows = await trx
    .selectFrom('events')
    .selectAll()
    .where('scope', '=', scope)
    .where('stream_key', '=', streamKey)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', uptoSeq)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('event_queue').select('event_queue.seq').whereRef('event_queue.seq', '=', 'events.seq'))))
    .orderBy('seq')
    .execute();
  return rows.map(toStoredEvent);
}

/** Number of events in the log. */
export async function countEvents(database: Database): Promise<number> {
  const r = await database.db.selectFrom('events').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
