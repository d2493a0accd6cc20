/**
 * Per-file facts of a referral, derived rather than typed in: whether a person viewed the whole file (from
 * the audit log's media_revealed entries), and the reviewer's assessment of that file (or of the case).
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { Assessment } from '../cases/assessment.ts';
import type { CaseState } from '../cases/reduce-case.ts';
import type { IpCapture, ReferralFile } from './referral-input.ts';

export interface FileFacts {
  contentId: string;
  fileName: string;
  /** True only when an audit entry records a person (not `system`) revealing the whole file. */
  fileViewedByEsp: boolean;
  /** Who viewed the whole file first and when (for the chain of custody), when anyone did. */
  viewedBy?: { actor: string; at: number; auditSeq: number };
  publiclyAvailable?: boolean;
  possibleSelfProduction: boolean;
  liveStreaming: boolean;
  industryClassification?: 'A1' | 'A2' | 'B1' | 'B2';
  hashes: { type: 'MD5' | 'SHA256' | 'PDQ'; value: string }[];
  uploadedAt?: number;
  location?: string;
  uploadIp?: IpCapture;
  /** The UK category the reviewer gave (export destinations use it; CyberTipline has no field for it). */
  ukCategory?: string;
}

/** True for an actor that is a person (console user, reviewer or an API key acting for one), not the pipeline. */
const isPerson = (actor: string): boolean => actor !== 'system' && actor.trim() !== '';

/** The first full view of `contentId` by a person, from the audit log. */
export function firstFullView(audit: readonly AuditEntry[], contentId: string): FileFacts['viewedBy'] {
  for (const e of [...audit].sort((a, b) => a.seq - b.seq)) {
    if (e.action !== 'media_revealed' || !isPerson(e.actor)) continue;
    if (e.detail.contentId === contentId && e.detail.fullView === true) return { actor: e.actor, at: e.at, auditSeq: e.seq };
  }
  return undefined;
}

/** The assessment that applies to one file: the latest case-wide one, overridden field by field by the latest about that file. */
export function assessmentFor(state: CaseState, evidenceKey: string): Assessment {
  const byTime = [...state.assessments].sort((a, b) => a.at - b.at);
  const general = byTime.filter((a) => a.assessment.evidenceKey === undefined).map((a) => a.assessment);
  const own = byTime.filter((a) => a.assessment.evidenceKey === evidenceKey).map((a) => a.assessment);
  return Object.assign({}, ...general, ...own) as Assessment;
}

/** Derives the facts of each file of a referral. */
export function fileFacts(state: CaseState, files: readonly ReferralFile[], audit: readonly AuditEntry[]): FileFacts[] {
  return files.map((f, i) => {
    const a = assessmentFor(state, f.evidenceKey ?? `content:${f.contentId}`);
    const viewedBy = firstFullView(audit, f.contentId);
    const hashes: FileFacts['hashes'] = [
      { type: 'MD5', value: f.md5.toLowerCase() },
      { type: 'SHA256', value: f.sha256.toLowerCase() },
      ...(f.pdq ? [{ type: 'PDQ' as const, value: f.pdq.toLowerCase() }] : []),
    ];
    return {
      contentId: f.contentId,
      fileName: f.fileName ?? `${state.id}-${i + 1}`,
      fileViewedByEsp: viewedBy !== undefined,
      ...(viewedBy ? { viewedBy } : {}),
      ...(f.publiclyAvailable !== undefined ? { publiclyAvailable: f.publiclyAvailable } : {}),
      possibleSelfProduction: a.selfGenerated === 'yes',
      liveStreaming: f.fromLiveStream === true || a.capturedFromLiveStream === 'yes',
      ...(a.ncmecClassification ? { industryClassification: a.ncmecClassification } : {}),
      ...(a.ukCategory ? { ukCategory: a.ukCategory } : {}),
      hashes,
      ...(f.uploadedAt !== undefined ? { uploadedAt: f.uploadedAt } : {}),
      ...(f.location ? { location: f.location } : {}),
      ...(f.uploadIp ? { uploadIp: f.uploadIp } : {}),
    };
  });
}
