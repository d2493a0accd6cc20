/**
 * Detector snapshots move out of `pipeline_state` into a table of their own. Both databases rewrite a whole
 * row on update, so a large snapshot in the row made every batch's progress-and-summary update copy it, even
 * when the snapshot itself was not due (snapshots are now written every few dozen events, progress every batch).
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const m0005PipelineSnapshots: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('pipeline_snapshots')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('stream_key', 'text', (c) => c.notNull())
      // JSON: {v: 2, seq, count, states}; the processors' states after the key's event `seq`.
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('pipeline_snapshots_pkey', ['stream_key', 'scope'])
      .execute();
    // Old snapshots were taken at the key's progress: record that seq and count with them.
    await sql`insert into pipeline_snapshots (scope, stream_key, snapshot, updated_at)
      select scope, stream_key,
        '{"v":2,"seq":' || last_seq || ',"count":' || event_count || ',"states":' || snapshot || '}', updated_at
      from pipeline_state where snapshot is not null`.execute(db);
    await db.schema.alterTable('pipeline_state').dropColumn('snapshot').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('pipeline_state').addColumn('snapshot', 'text').execute();
    await db.schema.dropTable('pipeline_snapshots').ifExists().execute();
  },
};
