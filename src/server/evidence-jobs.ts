/**
 * The evidence jobs a worker process runs beside the pipeline: the expiry purge (media of cases whose hold
 * ended; never hashes, never the audit log) every LIFEGUARD_EVIDENCE_PURGE_SECONDS, and the referral resends
 * (unfinished sends, with back-off) every LIFEGUARD_REFERRAL_RETRY_SECONDS. Shared by `lifeguard serve` and
 * `lifeguard worker`; either setting at 0 leaves its job off.
 */
import type { Config } from '../config/read-env.ts';
import type { MediaCipher } from '../crypto/media-cipher.ts';
import { contentIdsOfCase, createEvidenceService } from '../evidence/evidence-service.ts';
import { resendDueReferrals } from '../referral/referral-retry-worker.ts';
import { sendReferral } from '../referral/send-referral.ts';
import type { CaseService } from '../review/case-service.ts';
import type { AuditLog } from '../store/audit-log.ts';
import { createContentStore } from '../store/content-store.ts';
import type { Database } from '../store/database.ts';
import { createEvidenceHoldStore } from '../store/evidence-hold-store.ts';
import { createReferralJournal } from '../store/referral-journal-store.ts';
import { createReferralQueue } from '../store/referral-queue-store.ts';
import { createIntervalWorker, type IntervalWorker } from './interval-worker.ts';
import type { Logger } from './logger.ts';

/** The (unstarted) evidence job workers `config` asks for. The resend job needs the media key (`cipher`). */
export function evidenceJobs(opts: { database: Database; config: Config; logger: Logger; cases: CaseService; audit: AuditLog; cipher?: MediaCipher; now: () => number }): IntervalWorker[] {
  const { database, config, logger, cases, audit, now } = opts;
  const jobs = config.evidenceJobs;
  const out: IntervalWorker[] = [];
  if (jobs.purgeSeconds > 0) {
    const evidence = createEvidenceService({ holds: createEvidenceHoldStore(database), contentIdsOf: contentIdsOfCase(cases), audit, now });
    const purge = async () => {
      const done = await evidence.purge({ actor: 'system', dryRun: false });
      const purged = done.filter((o) => o.decision === 'purge');
      const failed = done.filter((o) => o.decision === 'failed');
      if (purged.length + failed.length > 0) logger.info('evidence purge', { purged: purged.length, removed: purged.reduce((n, o) => n + o.removed, 0), failed: failed.length });
      return false;
    };
    out.push(createIntervalWorker('evidence-purge', jobs.purgeSeconds * 1000, purge, logger));
  }
  const endpoint = config.cybertipline;
  if (jobs.referralRetrySeconds > 0 && endpoint && opts.cipher) {
    const queue = createReferralQueue(database);
    const deps = { cases, audit, content: createContentStore(database), cipher: opts.cipher, journal: createReferralJournal(database), endpoint, queue, resumed: true, now };
    const resend = async () => {
      const pass = await resendDueReferrals({ queue, now, send: (row) => sendReferral(deps, row.caseId, { id: row.requestedBy, roles: row.roles, via: `${row.via} (resent by the worker)` }) });
      if (pass.resumed.length + pass.failed.length > 0) logger.info('referrals resent', { finished: pass.resumed.length, failed: pass.failed });
      return pass.resumed.length > 0;
    };
    out.push(createIntervalWorker('referral-retry', jobs.referralRetrySeconds * 1000, resend, logger));
  }
  return out;
}
