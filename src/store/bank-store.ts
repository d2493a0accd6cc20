/**
 * The hash-bank store: banks of known content and their entries, behind one interface so SQLite and
 * PostgreSQL (and any later backend) pass the same contract suite (bank-store.test.ts).
 *
 * Duplicates: adding an existing (bank, signal type, value) merges into the stored entry — the first
 * non-empty external id, category and quality are kept, sources are united (see core/banks/merge-entry.ts).
 *
 * History: entry ids only grow, and removals and low-quality flag changes are appended to a change log, so
 * a PDQ index snapshot taken at a `StoreCursor` is brought up to date with `pdqDelta(cursor)`.
 */
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
import type { Database } from './database.ts';
import { KyselyBankStore } from './bank-store-kysely.ts';

export interface LookupOptions {
  bankIds?: readonly number[];
  /** Keep only entries with one of these sources (e.g. `exchange:ncmec`). */
  sources?: readonly string[];
  includeDisabled?: boolean;
}

export interface BankStore {
  /** Creates a bank; `bank_exists` (409) when the name is taken, `invalid_bank_name` (400) when malformed. */
  createBank(name: string, description?: string | null): Promise<Bank>;
  /** Every bank with its entry count, by name. */
  listBanks(): Promise<BankSummary[]>;
  getBank(name: string): Promise<Bank | undefined>;
  /** The bank, or `bank_not_found` (404). */
  requireBank(name: string): Promise<Bank>;
  /** Removes a bank and all its entries (recorded in the change log). */
  removeBank(name: string): Promise<{ removedEntries: number }>;
  /** Adds a batch in one transaction, merging duplicates. Values must be normalised already. */
  addEntries(bankId: number, entries: readonly NewBankEntry[]): Promise<AddEntriesResult>;
  /** Removes entries of a bank by id; returns how many existed. */
  removeEntries(bankId: number, ids: readonly number[]): Promise<number>;
  /** Entries by id (any bank), in no particular order; unknown ids are skipped. */
  getEntries(ids: readonly number[]): Promise<BankEntry[]>;
  /**
   * Exact lookup of values of one signal type across banks (or only `bankIds`), skipping entries marked
   * false positive unless `includeDisabled`, and (with `sources`) entries from none of those sources.
   */
  lookup(signalType: SignalTypeName, values: readonly string[], opts?: LookupOptions): Promise<BankEntry[]>;
  /** Records a reviewer's opinion on an entry (append-only) and updates its disabled mark; returns the entry. */
  recordOpinion(entryId: number, opinion: EntryOpinion, opts?: { by?: string | null; note?: string | null; exchange?: string | null }): Promise<BankEntry>;
  /** The opinions recorded on an entry, oldest first. */
  opinions(entryId: number): Promise<EntryOpinionRecord[]>;
  /** Marks opinions as reported back to their exchange. */
  markOpinionsReported(ids: readonly number[]): Promise<void>;
  /** Opinions not yet reported to `exchange`, oldest first. */
  unreportedOpinions(exchange: string, limit?: number): Promise<(EntryOpinionRecord & { entry: BankEntry | undefined })[]>;
  /** Matchable (not flagged, not disabled) entries of text types (url, keyword) with id > afterId, page by page. */
  textEntries(types: readonly SignalTypeName[], afterId?: number): AsyncIterable<{ id: number; bankId: number; signalType: SignalTypeName; value: string }>;
  /** textEntries a page (an id range) at a time: for loading a whole index without a wait per entry. */
  textEntryPages(types: readonly SignalTypeName[], afterId?: number): AsyncIterable<{ id: number; bankId: number; signalType: SignalTypeName; value: string }[]>;
  /** Like pdqDelta, for the text types `types`. */
  textDelta(types: readonly SignalTypeName[], since: StoreCursor): Promise<{ cursor: StoreCursor; changes: AsyncIterable<TextIndexChange> }>;
  /** Counts of one bank, or totals over all banks. */
  stats(bankName?: string): Promise<BankStats>;
  /** Every entry of a bank, in id order, read page by page. */
  exportEntries(bankId: number): AsyncIterable<BankEntry>;
  /** Every matchable (not flagged) PDQ entry with id > afterId, in id order, page by page. */
  pdqEntries(afterId?: number): AsyncIterable<{ id: number; value: string }>;
  /** Matchable PDQ entries that are frames of banked videos (a `video:<id>:<n>` source), with their sources. */
  videoFrameEntries(): AsyncIterable<{ id: number; bank: string; category: string | null; sources: string[] }>;
  /** Where the store's history stands now. */
  cursor(): Promise<StoreCursor>;
  /**
   * What changed for a PDQ index since `since`: `cursor` is read first, then the changes are streamed, so
   * applying them and saving `cursor` never misses a write (some may be seen twice: apply idempotently).
   */
  pdqDelta(since: StoreCursor): Promise<{ cursor: StoreCursor; changes: AsyncIterable<PdqIndexChange> }>;
  /** A random id fixed when the database was created (an index snapshot belongs to one database). */
  instanceId(): Promise<string>;
}

/** The bank store over an open Lifeguard database (SQLite or PostgreSQL). */
export function createBankStore(database: Database): BankStore {
  return new KyselyBankStore(database);
}
