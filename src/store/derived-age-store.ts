/**
 * Age entries derived by the workers (ages stated in chat or comments): written with the effects of the event
 * they came from, read by the age read model. Idempotent: an entry id is stored once per scope.
 */
import type { Trx } from '../queue/write-transaction.ts';
import type { Database } from './database.ts';

/** A derived entry as written and read. */
export interface DerivedAgeRow {
  scope: string;
  /** `<source event id>#age`. */
  id: string;
  accountId: string;
  method: string;
  age: number | null;
  /** Event time (epoch ms). */
  at: number;
  eventSeq: number;
  eventId: string;
}

/** Inserts entries not stored before (by scope + id); the rest are left as they are. */
export async function insertDerivedAgeEntries(trx: Trx, rows: readonly DerivedAgeRow[], now: number): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await trx
      .insertInto('derived_age_entries')
      .values(
        chunk.map((r) => ({
          scope: r.scope,
          id: r.id,
          account_id: r.accountId,
          method: r.method,
          age: r.age,
          at: r.at,
          event_seq: r.eventSeq,
          event_id: r.eventId,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['scope', 'id']).doNothing())
      .execute();
  }
}

/** The newest `limit` derived entries of an account in `scope`, oldest first. */
export async function listDerivedAgeEntries(database: Database, scope: string, accountId: string, limit: number): Promise<DerivedAgeRow[]> {
  const rows = await database.db
    .selectFrom('derived_age_entries')
    .selectAll()
    .where('scope', '=', scope)
    .where('account_id', '=', accountId)
    .orderBy('event_seq', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({
    scope: r.scope,
    id: r.id,
    accountId: r.account_id,
    method: r.method,
    age: r.age,
    at: Number(r.at),
    eventSeq: Number(r.event_seq),
    eventId: r.event_id,
  }));
}
