/**
 * Referrals: the journal of every request a referral client made to an authority (CyberTipline /submit,
 * /upload, /fileinfo, /finish, /retract), written before each request and after its answer so a restarted
 * client resumes without sending anything twice. The primary key makes two writers of one referral collide.
 */
import type { Kysely, Migration } from 'kysely';

export const m0011Referrals: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('referral_steps')
      .addColumn('referral_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('step', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('report_id', 'text')
      .addColumn('content_id', 'text')
      .addColumn('file_id', 'text')
      .addColumn('request', 'text', (c) => c.notNull())
      .addColumn('response', 'text')
      .addPrimaryKeyConstraint('referral_steps_pkey', ['referral_id', 'seq'])
      .execute();
    await db.schema.createIndex('referral_steps_case_idx').on('referral_steps').columns(['case_id']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('referral_steps').execute();
  },
};
