/**
 * Hash banks: banks, their entries, a change log of removals/updates (so an on-disk PDQ index snapshot can be
 * brought up to date without a rebuild) and a small key/value table holding the store's instance id.
 * Runs on SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { SqliteAdapter, type Kysely, type Migration } from 'kysely';

export const m0001Banks: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    // Ids must never be reused: the index snapshot treats "id > last seen id" as "added since". SQLite needs
    // AUTOINCREMENT for that; PostgreSQL sequences never go back.
    const id = (t: string) =>
      db.schema.createTable(t).addColumn('id', sqlite ? 'integer' : 'serial', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()));

    await id('banks')
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await id('bank_entries')
      .addColumn('bank_id', 'integer', (c) => c.notNull().references('banks.id').onDelete('cascade'))
      .addColumn('signal_type', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      // JSON array of source names; duplicates from other sources are merged into it.
      .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('category', 'text')
      .addColumn('quality', 'integer')
      .addColumn('flagged_low_quality', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('added_at', 'text', (c) => c.notNull())
      // One (bank, type, value) per bank. Column order (type, value, bank) lets this one index also serve
      // exact lookups by (type, value) across banks: a second index would double the cost of every insert.
      .addUniqueConstraint('bank_entries_type_value_bank_uq', ['signal_type', 'value', 'bank_id'])
      .execute();
    // Per-bank reads (export, stats, removal). Ids only grow, so inserts append at the index's end: cheap.
    await db.schema.createIndex('bank_entries_bank_id_idx').on('bank_entries').columns(['bank_id', 'id']).execute();

    // Removals and flag changes of entries, in commit order. Additions need no log: entry ids only grow.
    await db.schema
      .createTable('bank_changes')
      .addColumn('seq', sqlite ? 'integer' : 'serial', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('entry_id', 'integer', (c) => c.notNull())
      .addColumn('signal_type', 'text', (c) => c.notNull())
      .addColumn('op', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('bank_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    // Identifies this database, so an index snapshot made from another database is never applied to it.
    await (db as Kysely<{ bank_meta: { key: string; value: string } }>)
      .insertInto('bank_meta')
      .values({ key: 'instance_id', value: randomUUID() })
      .execute();
  },
};
