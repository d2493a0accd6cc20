/**
 * Evidence preservation on SQLite or PostgreSQL: hold events appended per case (a second writer of the same
 * event number gets 409), and the purge itself — the case's sealed media rows deleted and the content records
 * marked not retained, in the transaction that records the `purged` event. Hashes and the audit log stay.
 */
import { conflict } from '../core/lifeguard-error.ts';
import type { HoldEvent, HoldEventKind, NewHoldEvent } from '../core/evidence/preservation.ts';
import type { Database } from './database.ts';

export interface EvidenceHoldStore {
  events(caseId: string): Promise<HoldEvent[]>;
  /** Case ids with any hold event. */
  cases(): Promise<string[]>;
  /** Appends `e` as event `n` (one past the last the caller read). */
  append(e: NewHoldEvent, n: number): Promise<HoldEvent>;
  /** Deletes the sealed media of `contentIds` and appends the `purged`/`destruction_confirmed` event, atomically. */
  removeMedia(e: NewHoldEvent & { kind: 'purged' | 'destruction_confirmed' }, n: number, contentIds: string[]): Promise<{ removed: number }>;
}

const unique = (e: unknown) => /SQLITE_CONSTRAINT|23505|UNIQUE constraint|duplicate key/i.test(e instanceof Error ? `${(e as { code?: string }).code ?? ''} ${e.message}` : '');

export function createEvidenceHoldStore(database: Database): EvidenceHoldStore {
  const { db } = database;
  const row = (e: NewHoldEvent, n: number) => ({ case_id: e.caseId, n, kind: e.kind, at: e.at, actor: e.actor, data: JSON.stringify(e.data) });
  const busy = (e: NewHoldEvent) => conflict('hold_busy', `case ${e.caseId}'s hold changed meanwhile; read it again`);
  return {
    async events(caseId) {
      const rows = await db.selectFrom('evidence_hold_events').selectAll().where('case_id', '=', caseId).orderBy('n').execute();
      return rows.map((r) => ({ caseId: r.case_id, n: Number(r.n), kind: r.kind as HoldEventKind, at: Number(r.at), actor: r.actor, data: JSON.parse(r.data) as HoldEvent['data'] }));
    },
    async cases() {
      const rows = await db.selectFrom('evidence_hold_events').select('case_id').distinct().orderBy('case_id').execute();
      return rows.map((r) => r.case_id);
    },
    async append(e, n) {
      try {
        await db.insertInto('evidence_hold_events').values(row(e, n)).execute();
      } catch (err) {
        if (unique(err)) throw busy(e);
        throw err;
      }
      return { ...e, n };
    },
    async removeMedia(e, n, contentIds) {
      try {
        return await db.transaction().execute(async (tx) => {
          await tx.insertInto('evidence_hold_events').values(row(e, n)).execute();
          if (contentIds.length === 0) return { removed: 0 };
          const res = await tx.deleteFrom('content_media').where('content_id', 'in', contentIds).executeTakeFirst();
          await tx.updateTable('content_items').set({ retained: 0 }).where('id', 'in', contentIds).execute();
          return { removed: Number(res.numDeletedRows) };
        });
      } catch (err) {
        if (unique(err)) throw busy(e);
        throw err;
      }
    },
  };
}
