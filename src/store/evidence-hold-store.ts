/**
 * Evidence preservation on SQLite or PostgreSQL: hold events appended per case (a second writer of the same
 * event number gets 409), and the purge itself — the case's sealed media rows deleted and the content records
 * marked not retained, in the transaction that records the `purged` event. Hashes and the audit log stay.
 * Every hold event is written with its audit entry (src/core/evidence/preservation.ts `holdAuditActions`) in
 * one transaction, so the hash-chained log holds the chain of custody of each hold, purge and destruction.
 */
import { autoHold, holdAuditActions, reduceHold, type HoldEvent, type HoldEventKind, type NewHoldEvent } from '../core/evidence/preservation.ts';
import { sql } from 'kysely';
import { conflict } from '../core/lifeguard-error.ts';
import { withWriteTransaction, type Trx } from '../queue/write-transaction.ts';
import { appendAudit } from './audit-log.ts';
import type { Database } from './database.ts';

export interface EvidenceHoldStore {
  events(caseId: string): Promise<HoldEvent[]>;
  /** Case ids with any hold event. */
  cases(): Promise<string[]>;
  /** Appends `e` as event `n` (one past the last the caller read), with its audit entry. */
  append(e: NewHoldEvent, n: number, audit?: { via?: string }): Promise<HoldEvent>;
  /** Deletes the sealed media of `contentIds` and appends the `purged`/`destruction_confirmed` event and its audit entry, atomically. */
  removeMedia(e: NewHoldEvent & { kind: 'purged' | 'destruction_confirmed' }, n: number, contentIds: string[], audit?: { via?: string }): Promise<{ removed: number }>;
}

const unique = (e: unknown) => /SQLITE_CONSTRAINT|23505|UNIQUE constraint|duplicate key/i.test(e instanceof Error ? `${(e as { code?: string }).code ?? ''} ${e.message}` : '');

const row = (e: NewHoldEvent, n: number) => ({ case_id: e.caseId, n, kind: e.kind, at: e.at, actor: e.actor, data: JSON.stringify(e.data) });

/** Reads a case's hold events (inside a transaction or not). */
async function readEvents(db: Trx, caseId: string): Promise<HoldEvent[]> {
  const rows = await db.selectFrom('evidence_hold_events').selectAll().where('case_id', '=', caseId).orderBy('n').execute();
  return rows.map((r) => ({ caseId: r.case_id, n: Number(r.n), kind: r.kind as HoldEventKind, at: Number(r.at), actor: r.actor, data: JSON.parse(r.data) as HoldEvent['data'] }));
}

/**
 * Serialises hold writers of one case until commit. PostgreSQL: a transaction-scoped advisory lock, so the
 * automatic hold (which reads the events inside the case transaction) waits for a concurrent hold change and
 * then sees it, instead of colliding on the event number. SQLite: the write transaction already serialises.
 */
async function lockHold(trx: Trx, kind: Database['kind'], caseId: string): Promise<void> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`evidence_hold:${caseId}`}))`.execute(trx);
}

/** Inserts hold event `n` and its audit entry within `trx`. */
export async function appendHoldIn(trx: Trx, kind: Database['kind'], e: NewHoldEvent, n: number, extra: Record<string, unknown> = {}): Promise<HoldEvent> {
  await lockHold(trx, kind, e.caseId);
  await trx.insertInto('evidence_hold_events').values(row(e, n)).execute();
  await appendAudit(trx, kind, { actor: e.actor, at: e.at, action: holdAuditActions[e.kind], subject: { type: 'case', id: e.caseId }, detail: { n, ...e.data, ...extra } }, () => e.at);
  return { ...e, n };
}

/**
 * The automatic preservation hold within a case transaction (abuse confirmed, referral sent): holds or extends
 * the case for `days`, audited; nothing when already held long enough or the media is gone.
 */
export async function autoHoldIn(trx: Trx, kind: Database['kind'], caseId: string, actor: string, at: number, days: number, reason: string, extra: Record<string, unknown> = {}): Promise<HoldEvent | undefined> {
  await lockHold(trx, kind, caseId);
  const events = await readEvents(trx, caseId);
  const e = autoHold(reduceHold(events), caseId, actor, at, days, reason);
  return e ? appendHoldIn(trx, kind, e, events.length + 1, extra) : undefined;
}

export function createEvidenceHoldStore(database: Database): EvidenceHoldStore {
  const { db } = database;
  const busy = (e: NewHoldEvent) => conflict('hold_busy', `case ${e.caseId}'s hold changed meanwhile; read it again`);
  const via = (a?: { via?: string }) => (a?.via !== undefined ? { via: a.via } : {});
  return {
    events: (caseId) => readEvents(db, caseId),
    async cases() {
      const rows = await db.selectFrom('evidence_hold_events').select('case_id').distinct().orderBy('case_id').execute();
      return rows.map((r) => r.case_id);
    },
    async append(e, n, audit) {
      try {
        return await withWriteTransaction(database, (trx) => appendHoldIn(trx, database.kind, e, n, via(audit)));
      } catch (err) {
        if (unique(err)) throw busy(e);
        throw err;
      }
    },
    async removeMedia(e, n, contentIds, audit) {
      try {
        // One transaction per case: a purge killed half way has either removed a case's media and recorded it
        // (event + audit entry), or changed nothing for that case; the next run carries on from there.
        return await withWriteTransaction(database, async (trx) => {
          await lockHold(trx, database.kind, e.caseId);
          let removed = 0;
          if (contentIds.length > 0) {
            const res = await trx.deleteFrom('content_media').where('content_id', 'in', contentIds).executeTakeFirst();
            await trx.updateTable('content_items').set({ retained: 0 }).where('id', 'in', contentIds).execute();
            removed = Number(res.numDeletedRows);
          }
          await appendHoldIn(trx, database.kind, e, n, { ...via(audit), removed });
          return { removed };
        });
      } catch (err) {
        if (unique(err)) throw busy(e);
        throw err;
      }
    },
  };
}
