/**
 * Age entries the workers derive from events (an age an account states about itself in a chat message or a
 * stream comment), written in the transaction that commits the event's effects. The age read model folds them
 * in with the account's `age.signal` / `age.appeal` events, ordered by the seq of the event they came from.
 */
import type { Kysely, Migration } from 'kysely';

export const m0004DerivedAge: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('derived_age_entries')
      .addColumn('scope', 'text', (c) => c.notNull())
      // Deterministic (`<event id>#age`), so a reprocessed event writes nothing new.
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('age', 'integer')
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('event_seq', 'bigint', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('derived_age_entries_pkey', ['scope', 'id'])
      .execute();
    await db.schema.createIndex('derived_age_entries_account_idx').on('derived_age_entries').columns(['scope', 'account_id', 'event_seq']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('derived_age_entries').ifExists().execute();
  },
};
