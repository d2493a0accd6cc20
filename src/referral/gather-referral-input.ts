/**
 * Gathers a referral's input from the service: the case (reduced from its events), the audit entries about
 * it (reveals with `fullView`, decisions), and each content evidence item's hashes from the content store.
 * Media stays sealed: only hashes are read. IPs, e-mails and chat text are what the caller adds (Lifeguard
 * keeps no copy of them today).
 */
import type { AuditEntry } from '../core/audit/audit-entry.ts';
import { notFound } from '../core/lifeguard-error.ts';
import type { ReferralAccount, ReferralFile, ReferralInput, Reporter } from '../core/referral/referral-input.ts';
import type { CaseService } from '../review/case-service.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { ContentStore } from '../store/content-store.ts';

/** Builds the input for `caseId`; 404 for an unknown case. */
export async function gatherReferralInput(
  deps: { cases: CaseService; audit: AuditLog; content: ContentStore },
  caseId: string,
  extra: { reporter: Reporter; account?: Partial<ReferralAccount>; urls?: string[]; urgentReason?: string },
): Promise<ReferralInput> {
  const detail = await deps.cases.get(caseId);
  if (!detail) throw notFound('case_not_found', `no case ${caseId}`);
  const s = detail.state;
  const audit: AuditEntry[] = [];
  for (let after = 0; ; ) {
    const page = await deps.audit.list({ subject: { type: 'case', id: caseId }, after, limit: 1000 });
    audit.push(...page.entries);
    if (page.entries.length < 1000) break;
    after = page.cursor;
  }
  const files: ReferralFile[] = [];
  for (const e of s.evidence) {
    if (e.kind !== 'content') continue;
    const rec = await deps.content.get(e.id);
    if (!rec || !rec.retained) continue;
    files.push({
      contentId: rec.id,
      evidenceKey: e.key,
      sha256: rec.sha256,
      md5: rec.md5,
      ...(rec.pdq ? { pdq: rec.pdq } : {}),
      uploadedAt: rec.createdAt,
      ...(s.sources.includes('live_stream') ? { fromLiveStream: true } : {}),
    });
  }
  const subject = s.subjects.find((x) => x.type === 'account');
  const accountId = extra.account?.id ?? subject?.id;
  return {
    reporter: extra.reporter,
    case: s,
    ...(accountId ? { account: { ...extra.account, id: accountId } } : {}),
    files,
    audit,
    ...(extra.urls ? { urls: extra.urls } : {}),
    ...(extra.urgentReason ? { urgentReason: extra.urgentReason } : {}),
  };
}
