/**
 * Cases from uploads: content matching a bank opens (or joins) a known-content case; content sent with
 * `reported=true` that matches nothing opens a reported-upload case, so a person looks at it. The content id,
 * its SHA-256 and every matched bank entry are subjects, so the same picture uploaded again, or matched in a
 * live stream, joins the same open case.
 */
import type { EvidenceRef } from '../core/effects.ts';
import type { CaseSubject } from '../core/cases/case-sources.ts';
import type { CaseIntake } from './case-service.ts';

export interface UploadForReview {
  contentId: string;
  sha256: string;
  decision: 'allow' | 'hold_for_review' | 'block';
  reasons: string[];
  reported: boolean;
  matches: { bank: string; entryId: number; signalType: string; distance: number; category: string | null }[];
}

/** The case intake for an upload, or undefined when it needs no person (no match, not reported). */
export function intakeFromUpload(u: UploadForReview): CaseIntake | undefined {
  if (u.matches.length === 0 && !u.reported) return undefined;
  const subjects: CaseSubject[] = [
    { type: 'content', id: u.contentId },
    { type: 'hash', id: `sha256:${u.sha256}` },
    ...u.matches.map((m) => ({ type: 'hash' as const, id: `entry:${m.entryId}` })),
  ];
  const evidence: EvidenceRef[] = [
    { kind: 'content', id: u.contentId, summary: `upload ${u.contentId}, kept encrypted${u.reported ? ' (reported by a user)' : ''}` },
    ...u.matches.slice(0, 20).map((m) => ({
      kind: 'bank_match' as const,
      id: String(m.entryId),
      summary: `bank '${m.bank}' entry ${m.entryId}${m.category ? ` (${m.category})` : ''}, ${m.signalType}${m.signalType === 'pdq' ? ` distance ${m.distance}` : ' exact'}`,
    })),
  ];
  if (u.matches.length === 0) {
    return { source: 'reported_upload', severity: 'medium', subjects, evidence, reasons: ['a user reported this upload; it matched no bank'] };
  }
  return {
    source: 'known_content',
    severity: u.decision === 'block' ? 'high' : 'medium',
    subjects,
    evidence,
    reasons: [...u.reasons.slice(0, 5), ...(u.reported ? ['a user reported this upload'] : [])],
  };
}
