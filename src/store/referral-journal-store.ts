/**
 * The referral journal on SQLite or PostgreSQL: records are appended with the next seq of their referral and
 * never changed. Two clients working one referral collide on the primary key; the loser gets a 409 and stops
 * before sending anything.
 */
import { conflict } from '../core/lifeguard-error.ts';
import type { JournalRecord, NewJournalRecord, StepPhase, SubmissionStep } from '../core/referral/submission-journal.ts';
import type { Database } from './database.ts';

export interface ReferralJournal {
  /** Appends `rec` as record `seq` (one past the last the caller read); 409 when another writer got there first. */
  append(rec: NewJournalRecord & { seq: number; caseId: string; destination: string }): Promise<JournalRecord>;
  /** The referral's records in order. */
  records(referralId: string): Promise<JournalRecord[]>;
  /** Referral ids of a case with their destination and last report id (the case's referral record). */
  ofCase(caseId: string): Promise<{ referralId: string; destination: string; reportIds: string[] }[]>;
}

const isUniqueViolation = (e: unknown): boolean => {
  const m = e instanceof Error ? `${(e as { code?: string }).code ?? ''} ${e.message}` : '';
  return /SQLITE_CONSTRAINT|23505|UNIQUE constraint|duplicate key/i.test(m);
};

/** A journal over an open database. */
export function createReferralJournal(database: Database): ReferralJournal {
  const { db } = database;
  return {
    async append(rec) {
      try {
        await db
          .insertInto('referral_steps')
          .values({
            referral_id: rec.referralId,
            seq: rec.seq,
            case_id: rec.caseId,
            destination: rec.destination,
            at: rec.at,
            step: rec.step,
            phase: rec.phase,
            report_id: rec.reportId ?? null,
            content_id: rec.contentId ?? null,
            file_id: rec.fileId ?? null,
            request: rec.request,
            response: rec.response ?? null,
          })
          .execute();
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('referral_busy', `referral ${rec.referralId} is being worked by another client`, { seq: rec.seq });
        throw e;
      }
      const { caseId: _c, destination: _d, ...out } = rec;
      return out;
    },
    async records(referralId) {
      const rows = await db.selectFrom('referral_steps').selectAll().where('referral_id', '=', referralId).orderBy('seq').execute();
      return rows.map((r) => ({
        referralId: r.referral_id,
        seq: Number(r.seq),
        at: Number(r.at),
        step: r.step as SubmissionStep,
        phase: r.phase as StepPhase,
        ...(r.report_id !== null ? { reportId: r.report_id } : {}),
        ...(r.content_id !== null ? { contentId: r.content_id } : {}),
        ...(r.file_id !== null ? { fileId: r.file_id } : {}),
        request: r.request,
        ...(r.response !== null ? { response: r.response } : {}),
      }));
    },
    async ofCase(caseId) {
      const rows = await db
        .selectFrom('referral_steps')
        .select(['referral_id', 'destination', 'report_id'])
        .where('case_id', '=', caseId)
        .orderBy('referral_id')
        .orderBy('seq')
        .execute();
      const out = new Map<string, { referralId: string; destination: string; reportIds: string[] }>();
      for (const r of rows) {
        const x = out.get(r.referral_id) ?? { referralId: r.referral_id, destination: r.destination, reportIds: [] };
        if (r.report_id !== null && !x.reportIds.includes(r.report_id)) x.reportIds.push(r.report_id);
        out.set(r.referral_id, x);
      }
      return [...out.values()];
    },
  };
}
