/**
 * Sends a confirmed case's referral to the NCMEC CyberTipline: a case action for a child-safety reviewer.
 * The report is built from the case (src/core/referral), sent by the journalled client (so a retry after a
 * crash or a lost answer resumes the same referral and never submits twice), and the finished report's id is
 * recorded on the case as a `referral_sent` event with its audit entry. A failure is audited
 * (`referral_failed`) and leaves nothing half-open (the client retracts what it cannot finish).
 */
import { canWork } from '../core/cases/queue-routing.ts';
import { conflict, forbidden, notFound } from '../core/lifeguard-error.ts';
import { buildCyberTiplineReport } from '../core/referral/cybertipline-report.ts';
import { isRetryableReferralFailure, type RetrySchedule } from '../core/referral/referral-retry.ts';
import type { MediaCipher } from '../crypto/media-cipher.ts';
import type { CaseService, Reviewer } from '../review/case-service.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { ContentStore } from '../store/content-store.ts';
import type { ReferralJournal } from '../store/referral-journal-store.ts';
import type { ReferralQueue } from '../store/referral-queue-store.ts';
import { createCyberTiplineClient, type CyberTiplineClientOptions } from './cybertipline-client.ts';
import { gatherReferralInput } from './gather-referral-input.ts';

/** The configured CyberTipline endpoint and the reporter it names (Config['cybertipline']). */
export interface CyberTiplineEndpoint {
  url: string;
  username: string;
  password: string;
  platform: string;
  email: string;
}

export interface SendReferralDeps {
  cases: CaseService;
  audit: AuditLog;
  content: ContentStore;
  cipher: MediaCipher;
  journal: ReferralJournal;
  /** Undefined when LIFEGUARD_CYBERTIPLINE_URL is unset: sending is refused (409). */
  endpoint: CyberTiplineEndpoint | undefined;
  /** Client tuning (tests: short timeouts and back-off). */
  client?: Pick<CyberTiplineClientOptions, 'timeoutMs' | 'maxAttempts' | 'backoffMs'>;
  /**
   * The send queue: when given, the send is recorded there first, so a crash or an unreachable authority
   * leaves a row the worker resumes later (src/referral/referral-retry-worker.ts).
   */
  queue?: ReferralQueue;
  /** Back-off of the worker's resends (default: from a minute, doubling, ten tries). */
  retry?: RetrySchedule;
  /** True when the worker resends (the count of tries goes on); false when a person asks (it starts afresh). */
  resumed?: boolean;
  now?: () => number;
}

/** How long a sender may work a referral before the worker takes it as dead and resumes it. */
export const referralLeaseMs = 15 * 60_000;

export interface SentReferral {
  destination: 'ncmec_cybertipline';
  referralId: string;
  reportId: string;
  /** True when the case already had this report (nothing was sent again). */
  alreadySent: boolean;
  retracted: string[];
}

const destination = 'ncmec_cybertipline' as const;

/** One referral per case and destination: a retry resumes it from the journal. */
export const referralIdOf = (caseId: string): string => `${caseId}:${destination}`;

/** Sends (or resumes) the case's CyberTipline referral; resolves with the finished report's id. */
export async function sendReferral(deps: SendReferralDeps, caseId: string, reviewer: Reviewer): Promise<SentReferral> {
  if (!reviewer.roles.some((r) => r === 'child_safety_reviewer' || r === 'supervisor')) throw forbidden('a referral needs the child_safety_reviewer role');
  const endpoint = deps.endpoint;
  if (!endpoint) throw conflict('referral_destination_not_configured', 'referral destination not configured: set LIFEGUARD_CYBERTIPLINE_URL and its credentials');
  const detail = await deps.cases.get(caseId);
  if (!detail) throw notFound('case_not_found', `no case ${caseId}`);
  // Checked before anything leaves, so a finished report can always be recorded on the case.
  if (!canWork(reviewer.roles, detail.state.requiredRole) && !reviewer.roles.includes('supervisor')) throw forbidden(`case ${caseId} needs the ${detail.state.requiredRole} role`);
  const referralId = referralIdOf(caseId);
  const done = (detail.state.referrals ?? []).find((r) => r.destination === destination && r.status === 'sent');
  if (done?.reportId) {
    // A crash after the case recorded the report: nothing to send; the queue row is closed.
    const queued = await deps.queue?.get(referralId);
    if (queued && queued.status !== 'done') await deps.queue!.succeeded(referralId, (deps.now ?? Date.now)());
    return { destination, referralId: done.referralId ?? referralId, reportId: done.reportId, alreadySent: true, retracted: [] };
  }

  const now = deps.now ?? Date.now;
  const input = await gatherReferralInput({ cases: deps.cases, audit: deps.audit, content: deps.content }, caseId, { reporter: { platform: endpoint.platform, email: endpoint.email } });
  // Refuses (409 referral_not_confirmed) a case without a confirmed decision.
  const draft = buildCyberTiplineReport(input);
  const client = createCyberTiplineClient({
    baseUrl: endpoint.url,
    username: endpoint.username,
    password: endpoint.password,
    journal: deps.journal,
    // Opened in memory from the sealed store; never written to disk.
    async readFile(contentId) {
      const sealed = await deps.content.getSealedMedia(contentId);
      if (!sealed) throw notFound('media_not_found', `the media of ${contentId} is no longer kept`);
      return deps.cipher.open(sealed, contentId);
    },
    ...deps.client,
  });
  await deps.queue?.begin({ referralId, caseId, destination, requestedBy: reviewer.id, roles: [...reviewer.roles], via: reviewer.via }, now(), referralLeaseMs, deps.resumed !== true);
  let result;
  try {
    result = await client.submit(referralId, draft);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const queued = await deps.queue?.failed(referralId, now(), { error: `${code ?? 'error'}: ${e instanceof Error ? e.message : String(e)}`, retryable: isRetryableReferralFailure(code), ...(deps.retry ? { schedule: deps.retry } : {}) });
    const retry = queued ? { willRetry: queued.status === 'waiting', attempts: queued.attempts, ...(queued.status === 'waiting' ? { nextAt: queued.nextAt } : {}) } : {};
    await deps.audit.append({ actor: reviewer.id, action: 'referral_failed', subject: { type: 'case', id: caseId }, detail: { destination, referralId, code: code ?? 'error', via: reviewer.via, ...retry } });
    throw e;
  }
  await deps.cases.recordReferral(caseId, reviewer, {
    step: 'sent',
    destination,
    referralId,
    reportId: result.reportId,
    detail: { files: draft.files.length, requests: result.requests, retracted: result.retracted, incidentType: draft.incidentType, ...(deps.resumed ? { resumedBy: 'worker' } : {}) },
  });
  // Chain of custody: each file that went to the authority, with its hashes and the authority's file id.
  const fileIds = new Map((await client.records(referralId)).filter((r) => r.step === 'upload' && r.phase === 'ok' && r.reportId === result.reportId && r.contentId && r.fileId).map((r) => [r.contentId!, r.fileId!]));
  for (const f of draft.files) {
    await deps.audit.append({
      actor: reviewer.id,
      action: 'evidence_sent',
      subject: { type: 'content', id: f.contentId },
      detail: { caseId, destination, referralId, reportId: result.reportId, fileId: fileIds.get(f.contentId) ?? null, hashes: Object.fromEntries(f.hashes.map((h) => [h.type, h.value])), via: reviewer.via },
    });
  }
  await deps.queue?.succeeded(referralId, now());
  return { destination, referralId, reportId: result.reportId, alreadySent: false, retracted: result.retracted };
}
