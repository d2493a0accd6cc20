/**
 * Service tables (owned by the service pipeline work): the append-only event log and its work queue, the
 * per-stream/conversation pipeline state, effects and their webhook outbox, and durable jobs.
 * Runs on SQLite and PostgreSQL alike; the only dialect difference is how an auto-increment key is declared.
 */
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/** Fixed number of event partitions (src/queue/partition.ts reads the same number). */
const partitions = 32;

export const m0002Service: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const pg = db.getExecutor().adapter instanceof PostgresAdapter;

    // Append-only event log. `seq` orders processing; (scope, id) makes client ids idempotent.
    await db.schema
      .createTable('events')
      .addColumn('seq', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('stream_key', 'text', (c) => c.notNull())
      .addColumn('partition', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('events_scope_id_key', ['scope', 'id'])
      .execute();
    await db.schema.createIndex('events_stream_key_idx').on('events').columns(['scope', 'stream_key', 'seq']).execute();

    // Work queue: one row per event not yet processed; deleted in the transaction that commits its effects.
    await db.schema
      .createTable('event_queue')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('partition', 'integer', (c) => c.notNull())
      .addColumn('enqueued_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('event_queue_partition_idx').on('event_queue').columns(['partition', 'seq']).execute();

    // One row per partition: workers lock rows (FOR UPDATE SKIP LOCKED) so one worker at a time owns a partition.
    await db.schema.createTable('event_partitions').addColumn('partition', 'integer', (c) => c.primaryKey()).execute();
    await db
      .insertInto('event_partitions' as never)
      .values(Array.from({ length: partitions }, (_, partition) => ({ partition })) as never)
      .execute();

    // Latest state per conversation/stream: how far it was processed and the risk summary read by the API.
    await db.schema
      .createTable('pipeline_state')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('stream_key', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .addColumn('event_count', 'bigint', (c) => c.notNull())
      .addColumn('summary', 'text')
      // Optional processor snapshot at last_seq, so another worker resumes without replaying the log.
      .addColumn('snapshot', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      // Key first: the read models look a conversation/stream up by key alone when no scope is given.
      .addPrimaryKeyConstraint('pipeline_state_pkey', ['stream_key', 'scope'])
      .execute();
    // Rewritten every batch without touching indexed columns: leave room on each page for HOT updates.
    if (pg) await sql`alter table pipeline_state set (fillfactor = 70)`.execute(db);

    // Monotonic counters taken under a row lock, so effect seqs follow commit order (safe polling cursors).
    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .execute();
    await db.insertInto('counters' as never).values({ name: 'effects', value: 0 } as never).execute();

    await db.schema
      .createTable('effects')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('event_seq', 'bigint', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('effects_scope_dedupe_key', ['scope', 'dedupe_key'])
      .execute();
    await db.schema.createIndex('effects_kind_idx').on('effects').columns(['kind', 'seq']).execute();
    await db.schema.createIndex('effects_target_idx').on('effects').columns(['target_id', 'seq']).execute();

    // Webhook outbox: one row per effect, written in the effect's transaction; never deleted.
    await db.schema
      .createTable('outbox')
      .addColumn('effect_seq', 'bigint', (c) => c.primaryKey())
      .addColumn('delivery_id', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('lease_until', 'bigint', (c) => c.notNull())
      .addColumn('last_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('delivered_at', 'bigint')
      .execute();
    await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();

    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('done', 'bigint', (c) => c.notNull())
      .addColumn('total', 'bigint')
      .addColumn('input', 'text')
      .addColumn('result', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint')
      .execute();
    await db.schema.createIndex('jobs_status_idx').on('jobs').columns(['status', 'created_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of ['jobs', 'outbox', 'effects', 'counters', 'pipeline_state', 'event_partitions', 'event_queue', 'events']) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};
