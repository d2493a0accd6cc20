/**
 * API keys (stored hashed, with scopes) and the content records of the HTTP API: the hashes and decision of
 * every upload, plus encrypted media for the uploads that matched or were reported (owned by the HTTP API work).
 */
import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

export const m0003Auth: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('api_keys')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('scopes', 'varchar(200)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    // One row at most: whoever inserts it creates the first admin key, so parallel first starts make one.
    await db.schema.createTable('api_key_bootstrap').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('key_id', 'varchar(40)').execute();

    await db.schema
      .createTable('content_items')
      .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('key_id', 'varchar(40)', (c) => c.notNull())
      .addColumn('client_id', 'varchar(200)')
      .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
      .addColumn('byte_length', 'bigint', (c) => c.notNull())
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('md5', 'varchar(32)', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('pdq', 'varchar(64)')
      .addColumn('pdq_quality', 'integer')
      .addColumn('decision', 'varchar(40)', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('matches', 'text', (c) => c.notNull())
      .addColumn('reported', 'integer', (c) => c.notNull())
      .addColumn('retained', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('content_items_sha256').on('content_items').column('sha256').execute();
    await db.schema
      .createTable('content_media')
      .addColumn('content_id', 'varchar(40)', (c) => c.primaryKey().references('content_items.id').onDelete('cascade'))
      .addColumn('ciphertext', bytes, (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of ['content_media', 'content_items', 'api_key_bootstrap', 'api_keys']) await db.schema.dropTable(t).ifExists().execute();
  },
};
