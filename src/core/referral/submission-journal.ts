/**
 * A CyberTipline submission as an append-only journal of steps, and the pure decision of what to do next.
 * Every request is journalled as `sent` before it leaves and as `ok`/`refused` when its answer is read, so a
 * restarted client knows exactly which requests may have landed. The rules that keep a report from being
 * sent twice:
 * - a report is finished at most once: `finish` is only asked for the one current report;
 * - an `upload` whose answer was lost may have added the file: that report is retracted and a fresh one
 *   submitted, so no report carries a file twice;
 * - a `submit` whose answer was lost left a report whose id nobody knows; it is never finished, and NCMEC
 *   deletes unfinished reports after 24 h. The next submit starts a new report (recorded as an orphan);
 * - `fileinfo`, `finish` and `retract` of a known report id are safe to repeat.
 */

export const submissionSteps = ['submit', 'upload', 'fileinfo', 'finish', 'retract'] as const;
export type SubmissionStep = (typeof submissionSteps)[number];
/** `sent`: written before the request; `ok`: accepted; `refused`: a definite "no" (nothing changed on the server). */
export const stepPhases = ['sent', 'ok', 'refused'] as const;
export type StepPhase = (typeof stepPhases)[number];

/** One journal record. `request`/`response` keep what was sent and read (never media bytes: uploads keep the file's hashes). */
export interface JournalRecord {
  referralId: string;
  seq: number;
  at: number;
  step: SubmissionStep;
  phase: StepPhase;
  reportId?: string;
  contentId?: string;
  fileId?: string;
  request: string;
  response?: string;
}
export type NewJournalRecord = Omit<JournalRecord, 'seq'>;

/** What the journal says about a submission. */
export interface SubmissionState {
  /** The report being built (submitted, not retracted, not abandoned). */
  current?: { reportId: string; files: Map<string, string>; described: Set<string>; tainted: boolean; finishSent: boolean };
  /** Report ids finished (at most one). */
  finished: string[];
  retracted: string[];
  /** Report ids waiting for a retract that has not been confirmed. */
  toRetract: string[];
  /** Submits whose answer was lost: reports that exist unknown to us and are never finished. */
  orphans: number;
  /** Reports started so far (known and orphaned). */
  reportsStarted: number;
}

/** Folds journal records (ascending seq) into the submission's state. */
export function reduceSubmission(records: readonly JournalRecord[]): SubmissionState {
  const s: SubmissionState = { finished: [], retracted: [], toRetract: [], orphans: 0, reportsStarted: 0 };
  let submitOpen = false;
  const uploadsOpen = new Set<string>();
  for (const r of records) {
    const cur = s.current && r.reportId === s.current.reportId ? s.current : undefined;
    switch (r.step) {
      case 'submit':
        if (r.phase === 'sent') {
          if (submitOpen) s.orphans++; // the previous submit's answer never came
          submitOpen = true;
          s.reportsStarted++;
        } else {
          submitOpen = false;
          if (r.phase === 'ok' && r.reportId) s.current = { reportId: r.reportId, files: new Map(), described: new Set(), tainted: false, finishSent: false };
          else s.reportsStarted--;
        }
        break;
      case 'upload':
        if (!cur || !r.contentId) break;
        if (r.phase === 'sent') {
          uploadsOpen.add(r.contentId);
        } else {
          uploadsOpen.delete(r.contentId);
          if (r.phase === 'ok' && r.fileId) cur.files.set(r.contentId, r.fileId);
        }
        break;
      case 'fileinfo':
        if (cur && r.phase === 'ok' && r.contentId) cur.described.add(r.contentId);
        break;
      case 'finish':
        if (!cur) break;
        if (r.phase === 'sent') cur.finishSent = true;
        if (r.phase === 'ok') {
          s.finished.push(cur.reportId);
          delete s.current;
        }
        break;
      case 'retract':
        if (!r.reportId) break;
        if (r.phase === 'sent' && !s.toRetract.includes(r.reportId)) s.toRetract.push(r.reportId);
        if (r.phase === 'ok') {
          s.toRetract = s.toRetract.filter((x) => x !== r.reportId);
          if (!s.retracted.includes(r.reportId)) s.retracted.push(r.reportId);
        }
        if (cur) {
          delete s.current;
          uploadsOpen.clear();
        }
        break;
    }
    // An upload still open when the next record is not its answer may have landed: the report is tainted.
    if (s.current && uploadsOpen.size > 0 && !(r.step === 'upload' && r.phase === 'sent')) s.current.tainted = true;
  }
  if (s.current && uploadsOpen.size > 0) s.current.tainted = true;
  if (submitOpen) s.orphans++;
  return s;
}

/** The next request to make. */
export type NextStep =
  | { step: 'done'; reportId: string }
  | { step: 'retract'; reportId: string; reason: string }
  | { step: 'submit' }
  | { step: 'upload'; reportId: string; contentId: string }
  | { step: 'fileinfo'; reportId: string; contentId: string; fileId: string }
  | { step: 'finish'; reportId: string };

/** Decides the next step for a report of `contentIds` files from the journal's state. Pure. */
export function nextSubmissionStep(s: SubmissionState, contentIds: readonly string[]): NextStep {
  if (s.finished[0] !== undefined) return s.toRetract[0] !== undefined ? { step: 'retract', reportId: s.toRetract[0], reason: 'retract not yet confirmed' } : { step: 'done', reportId: s.finished[0] };
  const pending = s.toRetract[0];
  if (pending !== undefined) return { step: 'retract', reportId: pending, reason: 'retract not yet confirmed' };
  const c = s.current;
  if (!c) return { step: 'submit' };
  if (c.tainted && !c.finishSent) return { step: 'retract', reportId: c.reportId, reason: 'an upload may have landed without its answer; the report could hold a file twice' };
  for (const id of contentIds) if (!c.files.has(id)) return { step: 'upload', reportId: c.reportId, contentId: id };
  for (const id of contentIds) if (!c.described.has(id)) return { step: 'fileinfo', reportId: c.reportId, contentId: id, fileId: c.files.get(id)! };
  return { step: 'finish', reportId: c.reportId };
}
