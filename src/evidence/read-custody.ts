/**
 * The chain of custody of a kept item (upload or stream frame) from the database: its content record (hashes,
 * whether the media is still kept), the cases it is evidence of, and every audit entry about it
 * (src/core/evidence/custody-chain.ts), each checked against its chain hash, with the whole audit log
 * re-verified so a removed or reordered entry shows too. Reading it is audited (`evidence_custody_read`).
 */
import type { ChainVerification } from '../core/audit/verify-chain.ts';
import { custodyLinks, type CustodyLink } from '../core/evidence/custody-chain.ts';
import { notFound } from '../core/lifeguard-error.ts';
import type { CaseService } from '../review/case-service.ts';
import { sha256Hex, type AuditLog } from '../store/audit-log.ts';
import type { ContentStore } from '../store/content-store.ts';
import type { Database } from '../store/database.ts';
import type { AuditEntry } from '../core/audit/audit-entry.ts';

export interface CustodyReport {
  contentId: string;
  item: { sha256: string; md5: string; pdq: string | null; mediaType: string; byteLength: number; keptAt: number; mediaKept: boolean };
  cases: string[];
  links: CustodyLink[];
  /** True when the log verifies end to end and every link's hash matches its content. */
  verified: boolean;
  chain: ChainVerification;
}

async function allAbout(audit: AuditLog, subject: { type: string; id: string }): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (let after = 0; ; ) {
    const page = await audit.list({ subject, after, limit: 1000 });
    out.push(...page.entries);
    if (page.entries.length < 1000) return out;
    after = page.cursor;
  }
}

/** The custody report of `contentId`; 404 for an unknown item. `reader` is audited as having read it. */
export async function readCustody(deps: { database: Database; audit: AuditLog; content: ContentStore; cases: Pick<CaseService, 'get'> }, contentId: string, reader: { id: string; via: string }): Promise<CustodyReport> {
  const rec = await deps.content.get(contentId);
  if (!rec) throw notFound('content_not_found', `no content record '${contentId}'`);
  // Cases naming the item in their events (a text match narrows; the reduced case decides).
  const candidates = await deps.database.db.selectFrom('case_events').select('case_id').distinct().where('data', 'like', `%${contentId}%`).execute();
  const cases: string[] = [];
  for (const { case_id } of candidates) {
    const d = await deps.cases.get(case_id);
    if (d?.state.evidence.some((e) => e.kind === 'content' && e.id === contentId)) cases.push(case_id);
  }
  cases.sort();
  const entries = [...(await allAbout(deps.audit, { type: 'content', id: contentId }))];
  for (const id of cases) entries.push(...(await allAbout(deps.audit, { type: 'case', id })));
  const links = custodyLinks(entries, contentId, cases, sha256Hex);
  const chain = await deps.audit.verify();
  await deps.audit.append({ actor: reader.id, action: 'evidence_custody_read', subject: { type: 'content', id: contentId }, detail: { via: reader.via, links: links.length, verified: chain.ok } });
  return {
    contentId,
    item: { sha256: rec.sha256, md5: rec.md5, pdq: rec.pdq, mediaType: rec.mediaType, byteLength: rec.byteLength, keptAt: rec.createdAt, mediaKept: rec.retained },
    cases,
    links,
    verified: chain.ok && links.every((l) => l.intact),
    chain,
  };
}
