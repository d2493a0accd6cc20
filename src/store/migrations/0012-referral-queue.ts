/**
 * The referral send queue: one row per referral a person asked to send, so the worker can finish what a crash
 * or an unreachable authority left unfinished (src/referral/referral-retry-worker.ts). `sending` rows carry a
 * lease; a lapsed lease means the sender died. The journal (referral_steps) still decides every request.
 */
import type { Kysely, Migration } from 'kysely';

export const m0012ReferralQueue: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('referral_queue')
      .addColumn('referral_id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_at', 'bigint', (c) => c.notNull())
      .addColumn('lease_until', 'bigint', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('referral_queue_status_idx').on('referral_queue').columns(['status', 'next_at']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('referral_queue').execute();
  },
};
