/**
 * Human review: the append-only case event log, the queue's read table derived from it, the open-subject
 * index (one open case per subject, enforced by a primary key), and the hash-chained audit log. Counter rows
 * number cases, case events and audit entries; taking them is also the lock that serialises case writes and
 * audit appends across processes.
 */
import type { Kysely, Migration } from 'kysely';

export const m0006Cases: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('case_events')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_events_case_idx').on('case_events').columns(['case_id', 'seq']).execute();

    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('priority_rank', 'integer', (c) => c.notNull())
      .addColumn('required_role', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('opened_at', 'bigint', (c) => c.notNull())
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('assignee', 'text')
      .addColumn('claim_until', 'bigint', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cases_queue_idx').on('cases').columns(['status', 'priority_rank', 'opened_at']).execute();
    await db.schema.createIndex('cases_updated_idx').on('cases').columns(['updated_at']).execute();

    await db.schema
      .createTable('case_open_subjects')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('subject_key', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_open_subjects_pkey', ['scope', 'subject_key'])
      .execute();
    await db.schema.createIndex('case_open_subjects_case_idx').on('case_open_subjects').columns(['case_id']).execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text')
      .addColumn('subject_id', 'text')
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor', 'seq']).execute();

    await db
      .insertInto('counters' as never)
      .values([
        { name: 'cases', value: 0 },
        { name: 'case_events', value: 0 },
        { name: 'audit', value: 0 },
      ] as never)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const t of ['audit_log', 'case_open_subjects', 'cases', 'case_events']) await db.schema.dropTable(t).ifExists().execute();
    await db.deleteFrom('counters' as never).where('name' as never, 'in', ['cases', 'case_events', 'audit'] as never).execute();
  },
};
