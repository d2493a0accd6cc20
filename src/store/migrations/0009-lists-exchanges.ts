/**
 * Outside lists and exchanges (issue 12): a per-entry language (keyword lists), a local "disabled for us" mark
 * on bank entries with the append-only history of reviewers' opinions behind it, and the exchanges (outside
 * hash lists fetched on a schedule) with their encrypted credentials, checkpoint and status.
 */
import { SqliteAdapter, type Kysely, type Migration } from 'kysely';

export const m0009ListsExchanges: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    const id = (t: string) =>
      db.schema.createTable(t).addColumn('id', sqlite ? 'integer' : 'serial', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()));

    await db.schema.alterTable('bank_entries').addColumn('language', 'text').execute();
    // Set while the latest opinion on the entry is a false positive: the entry is kept but never matched.
    await db.schema.alterTable('bank_entries').addColumn('disabled_at', 'text').execute();

    await id('bank_entry_opinions')
      .addColumn('entry_id', 'integer', (c) => c.notNull())
      // 'false_positive' (disables), 'true_positive' (confirms; re-enables), 'cleared' (re-enables).
      .addColumn('opinion', 'text', (c) => c.notNull())
      .addColumn('by', 'text')
      .addColumn('note', 'text')
      // Whether (and when) the opinion was reported back to the exchange the entry came from.
      .addColumn('exchange', 'text')
      .addColumn('reported_at', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('bank_entry_opinions_entry_idx').on('bank_entry_opinions').columns(['entry_id', 'id']).execute();

    await id('exchanges')
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('bank_id', 'integer', (c) => c.notNull())
      // JSON of the non-secret settings (URL, format, privacy group, ...).
      .addColumn('settings', 'text', (c) => c.notNull())
      // AES-256-GCM sealed JSON of the credentials (base64), or null.
      .addColumn('credentials', 'text')
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('interval_seconds', 'integer', (c) => c.notNull())
      // Opaque checkpoint of the last complete fetch (a cursor, a timestamp), as the exchange needs it.
      .addColumn('checkpoint', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('idle'))
      .addColumn('last_attempt_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
      // JSON counts of the last fetch: fetched, added, removed, invalid, total.
      .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('next_run_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
