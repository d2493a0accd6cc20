/**
 * The parts of the bank store added for outside lists (issue 12): reviewers' opinions with the "disabled for
 * us" mark they set, and the URL/keyword entries and their change feed for the in-memory text index. Kept
 * apart from bank-store-kysely.ts (which delegates here) so each file stays small.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { BankEntry, EntryOpinion, EntryOpinionRecord, SignalTypeName, StoreCursor, TextIndexChange } from '../core/banks/types.ts';
import { notFound } from '../core/lifeguard-error.ts';
import type { Schema } from './schema.ts';

/** What these functions need from the store. */
export interface ListStoreContext {
  db: Kysely<Schema>;
  postgres: boolean;
  write<T>(fn: (trx: Transaction<Schema>) => Promise<T>): Promise<T>;
  getEntries(ids: readonly number[]): Promise<BankEntry[]>;
  cursor(): Promise<StoreCursor>;
}

const inChunk = 500;
const pageSize = 5000;
const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

const toOpinion = (r: { id: number; entry_id: number; opinion: string; by: string | null; note: string | null; exchange: string | null; reported_at: string | null; at: string }): EntryOpinionRecord => ({
  id: Number(r.id),
  entryId: Number(r.entry_id),
  opinion: r.opinion as EntryOpinion,
  by: r.by,
  note: r.note,
  exchange: r.exchange,
  reportedAt: r.reported_at,
  at: r.at,
});

/** See BankStore.recordOpinion. */
export async function recordOpinion(ctx: ListStoreContext, entryId: number, opinion: EntryOpinion, opts: { by?: string | null; note?: string | null; exchange?: string | null } = {}): Promise<BankEntry> {
  const entry = await ctx.write(async (trx) => {
    const row = await trx.selectFrom('bank_entries').select(['id', 'signal_type', 'disabled_at']).where('id', '=', entryId).executeTakeFirst();
    if (!row) throw notFound('entry_not_found', `no bank entry ${entryId}`);
    const at = new Date().toISOString();
    await trx
      .insertInto('bank_entry_opinions')
      .values({ entry_id: entryId, opinion, by: opts.by ?? null, note: opts.note ?? null, exchange: opts.exchange ?? null, reported_at: null, at })
      .execute();
    const disabled = opinion === 'false_positive';
    if (disabled !== (row.disabled_at !== null)) {
      await trx.updateTable('bank_entries').set({ disabled_at: disabled ? at : null }).where('id', '=', entryId).execute();
      // Indexes (PDQ, URL, keyword) follow the change log.
      await trx.insertInto('bank_changes').values({ entry_id: entryId, signal_type: row.signal_type, op: 'update', at }).execute();
    }
    return entryId;
  });
  const [e] = await ctx.getEntries([entry]);
  return e!;
}

/** See BankStore.opinions. */
export async function opinions(ctx: ListStoreContext, entryId: number): Promise<EntryOpinionRecord[]> {
  const rows = await ctx.db.selectFrom('bank_entry_opinions').selectAll().where('entry_id', '=', entryId).orderBy('id').execute();
  return rows.map(toOpinion);
}

/** See BankStore.markOpinionsReported. */
export async function markOpinionsReported(ctx: ListStoreContext, ids: readonly number[]): Promise<void> {
  const at = new Date().toISOString();
  for (const part of chunks([...new Set(ids)], inChunk)) {
    await ctx.db.updateTable('bank_entry_opinions').set({ reported_at: at }).where('id', 'in', part).execute();
  }
}

/** See BankStore.unreportedOpinions. */
export async function unreportedOpinions(ctx: ListStoreContext, exchange: string, limit = 500): Promise<(EntryOpinionRecord & { entry: BankEntry | undefined })[]> {
  const rows = await ctx.db
    .selectFrom('bank_entry_opinions')
    .selectAll()
    .where('exchange', '=', exchange)
    .where('reported_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  const entries = new Map((await ctx.getEntries(rows.map((r) => Number(r.entry_id)))).map((e) => [e.id, e]));
  return rows.map((r) => ({ ...toOpinion(r), entry: entries.get(Number(r.entry_id)) }));
}

/** A matchable URL or keyword entry. */
export interface TextEntry {
  id: number;
  bankId: number;
  signalType: SignalTypeName;
  value: string;
}

/** Ids per read of textEntries: a primary-key range, so every page is a range scan on both databases (and
 * small enough for PostgreSQL to sort in memory). */
const idSpan = 20_000;

/** See BankStore.textEntryPages. */
export async function* textEntryPages(ctx: ListStoreContext, types: readonly SignalTypeName[], afterId = 0): AsyncIterable<TextEntry[]> {
  if (types.length === 0) return;
  // Walk id ranges up to the highest id now, rather than `order by id limit n`: with a type filter
  // PostgreSQL may answer that from the (type, value) index and sort every remaining row on each page.
  const top = await ctx.db.selectFrom('bank_entries').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  const last = Number(top?.m ?? 0);
  for (let lo = afterId; lo < last; lo += idSpan) {
    const rows = await ctx.db
      .selectFrom('bank_entries')
      .select(['id', 'bank_id', 'signal_type', 'value'])
      .where('id', '>', lo)
      .where('id', '<=', lo + idSpan)
      // Neither database may use the (type, value) index for the type filter (it would visit every entry of
      // the type for each range): SQLite's unary + and PostgreSQL's `|| ''` make it a plain filter.
      .where(ctx.postgres ? sql<string>`${sql.ref('signal_type')} || ''` : sql<string>`+${sql.ref('signal_type')}`, 'in', [...types])
      .where('flagged_low_quality', '=', 0)
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .execute();
    if (rows.length > 0) yield rows.map((r) => ({ id: Number(r.id), bankId: Number(r.bank_id), signalType: r.signal_type as SignalTypeName, value: r.value }));
  }
}

/** See BankStore.textEntries. */
export async function* textEntries(ctx: ListStoreContext, types: readonly SignalTypeName[], afterId = 0): AsyncIterable<TextEntry> {
  for await (const page of textEntryPages(ctx, types, afterId)) yield* page;
}

/** See BankStore.textDelta. */
export async function textDelta(ctx: ListStoreContext, types: readonly SignalTypeName[], since: StoreCursor): Promise<{ cursor: StoreCursor; changes: AsyncIterable<TextIndexChange> }> {
  const cursor = await ctx.cursor();
  return { cursor, changes: textChanges(ctx, types, since) };
}

async function* textChanges(ctx: ListStoreContext, types: readonly SignalTypeName[], since: StoreCursor): AsyncIterable<TextIndexChange> {
  for await (const e of textEntries(ctx, types, since.entryId)) yield { entryId: e.id, bankId: e.bankId, signalType: e.signalType, value: e.value, present: true };
  let after = since.changeSeq;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('bank_changes as c')
      .leftJoin('bank_entries as e', 'e.id', 'c.entry_id')
      .select(['c.seq', 'c.entry_id', 'c.signal_type', 'e.id as live_id', 'e.bank_id', 'e.value', 'e.flagged_low_quality', 'e.disabled_at'])
      .where('c.seq', '>', after)
      .where('c.signal_type', 'in', [...types])
      .orderBy('c.seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      const present = r.live_id !== null && Number(r.flagged_low_quality) === 0 && r.disabled_at === null;
      const signalType = r.signal_type as SignalTypeName;
      yield present ? { entryId: Number(r.entry_id), bankId: Number(r.bank_id), signalType, value: r.value!, present } : { entryId: Number(r.entry_id), signalType, present };
    }
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}
