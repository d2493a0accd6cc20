/** Where cases come from, and what they are about: declared once, used by routing rules, the API and the console. */
import type { EvidenceRef } from '../effects.ts';

/**
 * What opened a case. `live_stream`: the guardian (frames matching known content, threats, reports on a
 * live stream); `conversation`: the grooming detector; `known_content`: an upload matching a bank;
 * `report`: a user report (API or the public report page); `reported_upload`: an upload sent with
 * `reported=true` that matched nothing; `age_appeal`: an account contesting its age decision; `manual`: opened
 * by a reviewer or a platform over the API.
 */
export const caseSources = ['live_stream', 'conversation', 'known_content', 'report', 'reported_upload', 'age_appeal', 'manual'] as const;
export type CaseSource = (typeof caseSources)[number];

/** What a case can be about. A case has one or more subjects; hashes are subjects too (same picture, same case). */
export const caseSubjectTypes = ['account', 'stream', 'conversation', 'content', 'message', 'comment', 'hash'] as const;
export type CaseSubjectType = (typeof caseSubjectTypes)[number];

export interface CaseSubject {
  type: CaseSubjectType;
  /** For `hash`: `<signal type>:<value>`, e.g. `sha256:ab12…`. */
  id: string;
}

/** One piece of evidence held by a case (a pointer: media stays sealed in the content store). */
export interface CaseEvidence extends EvidenceRef {
  /** Stable key, so the same evidence added twice is kept once: `<kind>:<id>`. */
  key: string;
}

/** The key of a subject in the open-subject index: two cases can never be open on the same key. */
export const subjectKey = (s: CaseSubject): string => `${s.type}:${s.id}`;

/** The evidence key of a reference. */
export const evidenceKey = (e: EvidenceRef): string => `${e.kind}:${e.id}`;
