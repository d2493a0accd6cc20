/**
 * BankStore over Kysely: one implementation for SQLite and PostgreSQL. Large reads are keyset-paginated (never
 * one long-lived cursor), so a reader never holds SQLite's single connection and never loads a bank at once.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { validateBankName } from '../core/banks/bank-name.ts';
import { isLowQuality, mergeEntryMetadata, type EntryMetadata } from '../core/banks/merge-entry.ts';
import type {
  AddEntriesResult,
  Bank,
  BankEntry,
  BankStats,
  BankSummary,
  EntryOpinion,
  EntryOpinionRecord,
  NewBankEntry,
  PdqIndexChange,
  SignalTypeName,
  StoreCursor,
  TextIndexChange,
} from '../core/banks/types.ts';
import { conflict, notFound } from '../core/lifeguard-error.ts';
import { signalTypeNames } from '../core/signal-types.ts';
import type { BankStore, LookupOptions } from './bank-store.ts';
import * as lists from './bank-store-lists.ts';
import type { ListStoreContext } from './bank-store-lists.ts';
import type { Database } from './database.ts';
import type { Schema } from './schema.ts';
import type { BankEntriesTable } from './tables/bank-tables.ts';
import { insertEntryRows, type EntryRow } from './insert-entry-rows.ts';

/** Values per IN (...) list. */
const inChunk = 500;
/** Rows per page of a streamed read. */
const pageSize = 5000;
/** PostgreSQL advisory lock taken by every bank write, so ids and change seqs become visible in order. */
const writeLockKey = 0x4c47_4231; // "LGB1"

type EntryRowWithBank = Selectable<BankEntriesTable> & { bank_name: string };

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** An entry's `sources` column (a JSON array of source names); anything else reads as none. */
export const parseSources = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
};

const toEntry = (r: EntryRowWithBank): BankEntry => ({
  id: Number(r.id),
  bankId: Number(r.bank_id),
  bankName: r.bank_name,
  signalType: r.signal_type as SignalTypeName,
  value: r.value,
  externalId: r.external_id,
  sources: parseSources(r.sources),
  category: r.category,
  quality: r.quality === null ? null : Number(r.quality),
  flaggedLowQuality: Number(r.flagged_low_quality) === 1,
  addedAt: r.added_at,
  language: r.language ?? null,
  disabled: r.disabled_at !== null && r.disabled_at !== undefined,
});

const toBank = (r: { id: number; name: string; description: string | null; created_at: string }): Bank => ({
  id: Number(r.id),
  name: r.name,
  description: r.description,
  createdAt: r.created_at,
});

const typeOrder = (t: string) => {
  const i = (signalTypeNames as readonly string[]).indexOf(t);
  return i === -1 ? signalTypeNames.length : i;
};

const keyOf = (type: string, value: string) => `${type}\u0000${value}`;

export class KyselyBankStore implements BankStore {
  readonly #db: Kysely<Schema>;
  readonly #postgres: boolean;

  constructor(database: Database) {
    this.#db = database.db;
    this.#postgres = database.kind === 'postgres';
    this.#lists.db = this.#db;
    this.#lists.postgres = this.#postgres;
  }

  async #write<T>(fn: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
    return this.#db.transaction().execute(async (trx) => {
      if (this.#postgres) await sql`select pg_advisory_xact_lock(${writeLockKey})`.execute(trx);
      return fn(trx);
    });
  }

  #entries(db: Kysely<Schema> = this.#db) {
    return db
      .selectFrom('bank_entries as e')
      .innerJoin('banks as b', 'b.id', 'e.bank_id')
      .select([
        'e.id',
        'e.bank_id',
        'e.signal_type',
        'e.value',
        'e.external_id',
        'e.sources',
        'e.category',
        'e.quality',
        'e.flagged_low_quality',
        'e.added_at',
        'e.language',
        'e.disabled_at',
        'b.name as bank_name',
      ]);
  }

  async createBank(name: string, description: string | null = null): Promise<Bank> {
    validateBankName(name);
    return this.#write(async (trx) => {
      const existing = await trx.selectFrom('banks').select('id').where('name', '=', name).executeTakeFirst();
      if (existing) throw conflict('bank_exists', `bank '${name}' already exists`);
      const row = await trx
        .insertInto('banks')
        .values({ name, description, created_at: new Date().toISOString() })
        .returning(['id', 'name', 'description', 'created_at'])
        .executeTakeFirstOrThrow();
      return toBank(row);
    });
  }

  async listBanks(): Promise<BankSummary[]> {
    const counts = this.#db.selectFrom('bank_entries').select(['bank_id', (eb) => eb.fn.countAll<string | number>().as('n')]).groupBy('bank_id');
    const rows = await this.#db
      .selectFrom('banks as b')
      .leftJoin(counts.as('c'), 'c.bank_id', 'b.id')
      .select(['b.id', 'b.name', 'b.description', 'b.created_at', 'c.n'])
      .orderBy('b.name')
      .execute();
    return rows.map((r) => ({ ...toBank(r), entries: Number(r.n ?? 0) }));
  }

  async getBank(name: string): Promise<Bank | undefined> {
    const row = await this.#db.selectFrom('banks').selectAll().where('name', '=', name).executeTakeFirst();
    return row && toBank(row);
  }

  async requireBank(name: string): Promise<Bank> {
    const bank = await this.getBank(name);
    if (!bank) throw notFound('bank_not_found', `no bank named '${name.slice(0, 80)}'`);
    return bank;
  }

  async removeBank(name: string): Promise<{ removedEntries: number }> {
    const bank = await this.requireBank(name);
    return this.#write(async (trx) => {
      const at = new Date().toISOString();
      // Log first (a write, so SQLite takes its write lock at once), then delete.
      await trx
        .insertInto('bank_changes')
        .columns(['entry_id', 'signal_type', 'op', 'at'])
        .expression((eb) =>
          eb.selectFrom('bank_entries').select(['id', 'signal_type', sql.lit('remove').as('op'), sql.val(at).as('at')]).where('bank_id', '=', bank.id),
        )
        .execute();
      const del = await trx.deleteFrom('bank_entries').where('bank_id', '=', bank.id).executeTakeFirst();
      await trx.deleteFrom('banks').where('id', '=', bank.id).execute();
      return { removedEntries: Number(del.numDeletedRows) };
    });
  }

  async addEntries(bankId: number, entries: readonly NewBankEntry[]): Promise<AddEntriesResult> {
    // Merge duplicates inside the batch first, so each (type, value) is written once.
    const batch = new Map<string, { signalType: string; value: string; meta: EntryMetadata; language: string | null }>();
    let merged = 0;
    for (const e of entries) {
      const meta: EntryMetadata = {
        externalId: e.externalId ?? null,
        sources: e.sources ? [...new Set(e.sources)] : [],
        category: e.category ?? null,
        quality: e.quality ?? null,
      };
      const key = keyOf(e.signalType, e.value);
      const prev = batch.get(key);
      if (prev) {
        prev.meta = mergeEntryMetadata(prev.meta, meta).merged;
        merged++;
      } else {
        batch.set(key, { signalType: e.signalType, value: e.value, meta, language: e.language ?? null });
      }
    }
    if (batch.size === 0) return { added: 0, merged, flagged: 0 };

    return this.#write(async (trx) => {
      const at = new Date().toISOString();
      let flagged = 0;
      // Inserted in list order, so entry ids (and exports) follow the order of the list.
      const rows: EntryRow[] = [];
      for (const r of batch.values()) {
        const flag = isLowQuality(r.signalType, r.meta.quality) ? 1 : 0;
        rows.push({
          signalType: r.signalType,
          value: r.value,
          externalId: r.meta.externalId,
          sources: JSON.stringify(r.meta.sources),
          category: r.meta.category,
          quality: r.meta.quality,
          flagged: flag,
          language: r.language,
        });
      }
      const { added, existing } = await insertEntryRows(trx, this.#postgres, bankId, rows, at);
      if (existing.length === 0) for (const r of rows) flagged += r.flagged;
      else {
        const old = new Set(existing.map((r) => keyOf(r.signalType, r.value)));
        for (const r of rows) if (!old.has(keyOf(r.signalType, r.value))) flagged += r.flagged;
      }
      merged += existing.length;
      await this.#mergeExisting(
        trx,
        bankId,
        existing.map((r) => batch.get(keyOf(r.signalType, r.value))!),
        at,
      );
      return { added, merged, flagged };
    });
  }

  /** Merges metadata into rows that already existed; logs a flag change so PDQ indexes follow it. */
  async #mergeExisting(
    trx: Transaction<Schema>,
    bankId: number,
    incoming: { signalType: string; value: string; meta: EntryMetadata }[],
    at: string,
  ): Promise<void> {
    const byType = new Map<string, typeof incoming>();
    for (const r of incoming) byType.set(r.signalType, [...(byType.get(r.signalType) ?? []), r]);
    for (const [type, list] of byType) {
      for (const part of chunks(list, inChunk)) {
        const rows = await trx
          .selectFrom('bank_entries')
          .select(['id', 'value', 'external_id', 'sources', 'category', 'quality', 'flagged_low_quality'])
          .where('bank_id', '=', bankId)
          .where('signal_type', '=', type)
          .where('value', 'in', part.map((r) => r.value))
          .execute();
        const stored = new Map(rows.map((r) => [r.value, r]));
        for (const r of part) {
          const row = stored.get(r.value);
          if (!row) continue;
          const before: EntryMetadata = {
            externalId: row.external_id,
            sources: parseSources(row.sources),
            category: row.category,
            quality: row.quality === null ? null : Number(row.quality),
          };
          const { merged, changed } = mergeEntryMetadata(before, r.meta);
          if (!changed) continue;
          const flag = isLowQuality(type, merged.quality) ? 1 : 0;
          await trx
            .updateTable('bank_entries')
            .set({
              external_id: merged.externalId,
              sources: JSON.stringify(merged.sources),
              category: merged.category,
              quality: merged.quality,
              flagged_low_quality: flag,
            })
            .where('id', '=', row.id)
            .execute();
          if (flag !== Number(row.flagged_low_quality)) {
            await trx.insertInto('bank_changes').values({ entry_id: row.id, signal_type: type, op: 'update', at }).execute();
          }
        }
      }
    }
  }

  async removeEntries(bankId: number, ids: readonly number[]): Promise<number> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return 0;
    return this.#write(async (trx) => {
      const at = new Date().toISOString();
      let removed = 0;
      for (const part of chunks(unique, inChunk)) {
        await trx
          .insertInto('bank_changes')
          .columns(['entry_id', 'signal_type', 'op', 'at'])
          .expression((eb) =>
            eb
              .selectFrom('bank_entries')
              .select(['id', 'signal_type', sql.lit('remove').as('op'), sql.val(at).as('at')])
              .where('bank_id', '=', bankId)
              .where('id', 'in', part),
          )
          .execute();
        const del = await trx.deleteFrom('bank_entries').where('bank_id', '=', bankId).where('id', 'in', part).executeTakeFirst();
        removed += Number(del.numDeletedRows);
      }
      return removed;
    });
  }

  async getEntries(ids: readonly number[]): Promise<BankEntry[]> {
    const out: BankEntry[] = [];
    for (const part of chunks([...new Set(ids)], inChunk)) {
      const rows = await this.#entries().where('e.id', 'in', part).execute();
      out.push(...rows.map(toEntry));
    }
    return out;
  }

  async lookup(signalType: SignalTypeName, values: readonly string[], opts: LookupOptions = {}): Promise<BankEntry[]> {
    if (opts.bankIds && opts.bankIds.length === 0) return [];
    const out: BankEntry[] = [];
    for (const part of chunks([...new Set(values)], inChunk)) {
      let q = this.#entries().where('e.signal_type', '=', signalType).where('e.value', 'in', part);
      if (opts.bankIds) q = q.where('e.bank_id', 'in', [...opts.bankIds]);
      if (opts.includeDisabled !== true) q = q.where('e.disabled_at', 'is', null);
      out.push(...(await q.orderBy('e.id').execute()).map(toEntry));
    }
    // Sources are a JSON array per entry: filtered here rather than in SQL (lookups return few rows).
    const wanted = opts.sources;
    return wanted && wanted.length > 0 ? out.filter((e) => e.sources.some((x) => wanted.includes(x))) : out;
  }

  readonly #lists: ListStoreContext = {
    db: undefined as unknown as Kysely<Schema>,
    postgres: false,
    write: (fn) => this.#write(fn),
    getEntries: (ids) => this.getEntries(ids),
    cursor: () => this.cursor(),
  };

  recordOpinion(entryId: number, opinion: EntryOpinion, opts?: { by?: string | null; note?: string | null; exchange?: string | null }): Promise<BankEntry> {
    return lists.recordOpinion(this.#lists, entryId, opinion, opts);
  }

  opinions(entryId: number): Promise<EntryOpinionRecord[]> {
    return lists.opinions(this.#lists, entryId);
  }

  markOpinionsReported(ids: readonly number[]): Promise<void> {
    return lists.markOpinionsReported(this.#lists, ids);
  }

  unreportedOpinions(exchange: string, limit?: number): Promise<(EntryOpinionRecord & { entry: BankEntry | undefined })[]> {
    return lists.unreportedOpinions(this.#lists, exchange, limit);
  }

  textEntries(types: readonly SignalTypeName[], afterId?: number): AsyncIterable<{ id: number; bankId: number; signalType: SignalTypeName; value: string }> {
    return lists.textEntries(this.#lists, types, afterId);
  }

  textEntryPages(types: readonly SignalTypeName[], afterId?: number): AsyncIterable<{ id: number; bankId: number; signalType: SignalTypeName; value: string }[]> {
    return lists.textEntryPages(this.#lists, types, afterId);
  }

  textDelta(types: readonly SignalTypeName[], since: StoreCursor): Promise<{ cursor: StoreCursor; changes: AsyncIterable<TextIndexChange> }> {
    return lists.textDelta(this.#lists, types, since);
  }

  async stats(bankName?: string): Promise<BankStats> {
    const bank = bankName === undefined ? undefined : await this.requireBank(bankName);
    let q = this.#db
      .selectFrom('bank_entries')
      .select(['signal_type', 'category', 'flagged_low_quality', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy(['signal_type', 'category', 'flagged_low_quality']);
    if (bank) q = q.where('bank_id', '=', bank.id);
    const rows = await q.execute();
    const stats: BankStats = { banks: 1, entries: 0, byType: {}, byCategory: {}, flaggedLowQuality: 0 };
    if (bank) stats.bank = bank.name;
    else {
      const c = await this.#db.selectFrom('banks').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
      stats.banks = Number(c.n);
    }
    // Stable output: types in registry order, categories alphabetically.
    rows.sort((a, b) => typeOrder(a.signal_type) - typeOrder(b.signal_type) || (a.category ?? '').localeCompare(b.category ?? ''));
    for (const r of rows) {
      const n = Number(r.n);
      stats.entries += n;
      stats.byType[r.signal_type] = (stats.byType[r.signal_type] ?? 0) + n;
      const cat = r.category ?? '(none)';
      stats.byCategory[cat] = (stats.byCategory[cat] ?? 0) + n;
      if (Number(r.flagged_low_quality) === 1) stats.flaggedLowQuality += n;
    }
    return stats;
  }

  async *exportEntries(bankId: number): AsyncIterable<BankEntry> {
    let after = 0;
    for (;;) {
      const rows = await this.#entries().where('e.bank_id', '=', bankId).where('e.id', '>', after).orderBy('e.id').limit(pageSize).execute();
      for (const r of rows) yield toEntry(r);
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]!.id);
    }
  }

  async *pdqEntries(afterId = 0): AsyncIterable<{ id: number; value: string }> {
    let after = afterId;
    for (;;) {
      const rows = await this.#db
        .selectFrom('bank_entries')
        .select(['id', 'value'])
        .where('id', '>', after)
        // SQLite would pick the (type, value, bank) index for this equality and sort every PDQ row on each
        // page; unary + (SQLite's idiom) makes it walk the primary key. PostgreSQL's planner already does.
        .where(this.#postgres ? sql.ref('signal_type') : sql<string>`+${sql.ref('signal_type')}`, '=', 'pdq')
        .where('flagged_low_quality', '=', 0)
        .where('disabled_at', 'is', null)
        .orderBy('id')
        .limit(pageSize)
        .execute();
      for (const r of rows) yield { id: Number(r.id), value: r.value };
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]!.id);
    }
  }

  async *videoFrameEntries(): AsyncIterable<{ id: number; bank: string; category: string | null; sources: string[] }> {
    let after = 0;
    for (;;) {
      const rows = await this.#db
        .selectFrom('bank_entries as e')
        .innerJoin('banks as b', 'b.id', 'e.bank_id')
        .select(['e.id', 'e.sources', 'e.category', 'b.name as bank_name'])
        .where('e.id', '>', after)
        .where('e.signal_type', '=', 'pdq')
        .where('e.sources', 'like', '%"video:%')
        .where('e.flagged_low_quality', '=', 0)
        .where('e.disabled_at', 'is', null)
        .orderBy('e.id')
        .limit(pageSize)
        .execute();
      for (const r of rows) yield { id: Number(r.id), bank: r.bank_name, category: r.category, sources: parseSources(r.sources) };
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]!.id);
    }
  }

  async cursor(): Promise<StoreCursor> {
    const e = await this.#db.selectFrom('bank_entries').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    const c = await this.#db.selectFrom('bank_changes').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirst();
    return { entryId: Number(e?.m ?? 0), changeSeq: Number(c?.m ?? 0) };
  }

  async pdqDelta(since: StoreCursor): Promise<{ cursor: StoreCursor; changes: AsyncIterable<PdqIndexChange> }> {
    const cursor = await this.cursor();
    return { cursor, changes: this.#pdqChanges(since) };
  }

  async *#pdqChanges(since: StoreCursor): AsyncIterable<PdqIndexChange> {
    // Additions: ids never go back, so everything above the old high-water mark is new.
    for await (const e of this.pdqEntries(since.entryId)) yield { entryId: e.id, value: e.value, present: true };
    // Removals and flag changes: look at each entry's state now (later changes win; repeats are harmless).
    let after = since.changeSeq;
    for (;;) {
      const rows = await this.#db
        .selectFrom('bank_changes as c')
        .leftJoin('bank_entries as e', 'e.id', 'c.entry_id')
        .select(['c.seq', 'c.entry_id', 'e.id as live_id', 'e.value', 'e.flagged_low_quality', 'e.disabled_at'])
        .where('c.seq', '>', after)
        .where('c.signal_type', '=', 'pdq')
        .orderBy('c.seq')
        .limit(pageSize)
        .execute();
      for (const r of rows) {
        const present = r.live_id !== null && Number(r.flagged_low_quality) === 0 && r.disabled_at === null;
        yield present ? { entryId: Number(r.entry_id), value: r.value!, present } : { entryId: Number(r.entry_id), present };
      }
      if (rows.length < pageSize) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  async instanceId(): Promise<string> {
    const row = await this.#db.selectFrom('bank_meta').select('value').where('key', '=', 'instance_id').executeTakeFirstOrThrow();
    return row.value;
  }
}
