/**
 * Exchange push (issue 12): hashes the platform's reviewers confirmed, queued per exchange that takes shares,
 * with a journal row per (exchange, type, value) so a share is sent at most once — a retry after a lost answer
 * first asks the exchange whether it already holds it. Each exchange remembers how far it has read the cases.
 */
import { SqliteAdapter, type Kysely, type Migration } from 'kysely';

export const m0013ExchangePush: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema
      .createTable('exchange_pushes')
      .addColumn('id', sqlite ? 'integer' : 'serial', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('exchange', 'text', (c) => c.notNull())
      .addColumn('signal_type', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      // The confirmed case the hash came from (the first one, when several).
      .addColumn('case_id', 'text', (c) => c.notNull())
      // pending → sending (request under way or its answer lost) → sent | failed (refused) | cancelled.
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('remote_id', 'text')
      .addColumn('last_error', 'text')
      .addColumn('queued_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addUniqueConstraint('exchange_pushes_exchange_type_value_uq', ['exchange', 'signal_type', 'value'])
      .execute();
    await db.schema.createIndex('exchange_pushes_status_idx').on('exchange_pushes').columns(['exchange', 'status', 'id']).execute();
    // The last case-event seq whose confirmed cases were queued for this exchange.
    await db.schema.alterTable('exchanges').addColumn('push_case_seq', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  },
};
