/**
 * The chain of custody of one kept item, read from the hash-chained audit log: its intake (who kept it, its
 * hashes), every view and reveal, every hold, legal hold, purge or destruction of a case holding it, every
 * export and every referral upload. Pure: the entries come from the store, and each is checked against its
 * own chain hash (the whole log is verified by the caller too).
 */
import type { AuditAction, AuditEntry } from '../audit/audit-entry.ts';
import { chainHash, type Sha256Hex } from '../audit/chain-hash.ts';

/** Case-level actions that concern every item of the case unless they name items (`contentId`/`contentIds`). */
const caseActions: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'evidence_held',
  'evidence_hold_extended',
  'evidence_legal_hold_set',
  'evidence_legal_hold_lifted',
  'evidence_purged',
  'evidence_destruction_requested',
  'evidence_destroyed',
  'media_revealed',
  'media_reveal_denied',
  'case_viewed',
  'referral_sent',
]);

/** True when `e` belongs to the custody of `contentId`, evidence of the cases `caseIds`. */
export function isCustodyEntry(e: AuditEntry, contentId: string, caseIds: readonly string[]): boolean {
  if (!e.subject) return false;
  if (e.subject.type === 'content') return e.subject.id === contentId;
  if (e.subject.type !== 'case' || !caseIds.includes(e.subject.id) || !caseActions.has(e.action)) return false;
  const d = e.detail;
  if (typeof d.contentId === 'string') return d.contentId === contentId;
  if (Array.isArray(d.contentIds)) return d.contentIds.includes(contentId);
  if (typeof d.evidenceKey === 'string') return d.evidenceKey === `content:${contentId}`;
  // A view of the whole case is not a view of this item's media; reveals always name their item.
  if (e.action === 'case_viewed' || e.action === 'media_revealed' || e.action === 'media_reveal_denied') return false;
  return true;
}

/** One link of the chain as printed: when, who, what, and whether its hash still matches its content. */
export interface CustodyLink {
  seq: number;
  at: number;
  actor: string;
  action: AuditAction;
  subject: { type: string; id: string } | null;
  detail: Record<string, unknown>;
  hash: string;
  intact: boolean;
}

/** The item's links in log order, each checked against its chain hash. */
export function custodyLinks(entries: readonly AuditEntry[], contentId: string, caseIds: readonly string[], sha256: Sha256Hex): CustodyLink[] {
  return entries
    .filter((e) => isCustodyEntry(e, contentId, caseIds))
    .sort((a, b) => a.seq - b.seq)
    .map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, detail: e.detail, hash: e.hash, intact: chainHash(e, sha256) === e.hash }));
}
