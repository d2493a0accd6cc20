/** Reads the reduced states of the cases opened in [from, to) from the queue's read table (for statistics). */
import type { CaseState } from '../core/cases/reduce-case.ts';
import type { Database } from './database.ts';

/** Every case opened in the period, in pages (the read table holds each case's reduced state as JSON). */
export async function caseStatesOpenedIn(database: Database, from: number, to: number): Promise<CaseState[]> {
  const out: CaseState[] = [];
  let after = '';
  for (;;) {
    const rows = await database.db.selectFrom('cases').select(['id', 'state']).where('opened_at', '>=', from).where('opened_at', '<', to).where('id', '>', after).orderBy('id').limit(1000).execute();
    for (const r of rows) out.push(JSON.parse(r.state) as CaseState);
    if (rows.length < 1000) return out;
    after = rows[rows.length - 1]!.id;
  }
}
