/**
 * Referrals: the journal of every request a referral client made to an authority (CyberTipline /submit,
 * /upload, /fileinfo, /finish, /retract), written before each request and after its answer so a restarted
 * client resumes without sending anything twice. The primary key makes two writers of one referral collide.
 * Evidence holds: the append-only hold events of each case (preservation, legal hold, purge, destruction).
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

    // Evidence preservation: hold events per case (src/core/evidence/preservation.ts), append-only.
    await db.schema
      .createTable('evidence_hold_events')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('evidence_hold_events_pkey', ['case_id', 'n'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('evidence_hold_events').execute();
    await db.schema.dropTable('referral_steps').execute();
  },
};
