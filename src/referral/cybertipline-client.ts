/**
 * The CyberTipline API client: /submit → report id, /upload each file, /fileinfo, /finish (or /retract).
 * Every request is journalled before it leaves and when its answer is read (src/store/referral-journal-store.ts);
 * what to do next is decided from the journal alone (src/core/referral/submission-journal.ts), so a client
 * killed at any point and started again resumes, retries never submit twice, and every failure ends in a
 * finished or a retracted report.
 */
import { invalidInput, unavailable, isLifeguardError } from '../core/lifeguard-error.ts';
import { buildFileDetails, type CyberTiplineDraft } from '../core/referral/cybertipline-report.ts';
import { nextSubmissionStep, reduceSubmission, type JournalRecord, type NextStep, type SubmissionStep } from '../core/referral/submission-journal.ts';
import type { ReferralJournal } from '../store/referral-journal-store.ts';

export interface CyberTiplineClientOptions {
  /** e.g. https://report.cybertip.org/ispws (test: https://exttest.cybertip.org/ispws). */
  baseUrl: string;
  username: string;
  password: string;
  journal: ReferralJournal;
  /** The clear bytes of a kept file, opened in memory from the sealed store (never written to disk). */
  readFile(contentId: string): Promise<Uint8Array>;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Failed tries in a row before giving up (default 5). */
  maxAttempts?: number;
  /** Most reports started for one referral before giving up (default 4). */
  maxReports?: number;
  /** Wait before a retry, by attempt (default 250 ms × 2^attempt, capped at 10 s). */
  backoffMs?: (attempt: number) => number;
  now?: () => number;
}

export interface SubmissionResult {
  reportId: string;
  /** Reports retracted on the way (an upload whose answer was lost). */
  retracted: string[];
  /** Submits whose answer never came: reports NCMEC deletes unfinished after 24 h. */
  orphans: number;
  requests: number;
}

const destination = 'ncmec_cybertipline';
const tag = (xml: string, name: string): string | undefined => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml)?.[1];

type Answer = { kind: 'ok'; reportId?: string; fileId?: string; hash?: string; body: string } | { kind: 'refused'; status: number; body: string };

/** One referral's submission to the CyberTipline. */
export function createCyberTiplineClient(opts: CyberTiplineClientOptions) {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxAttempts = opts.maxAttempts ?? 5;
  const maxReports = opts.maxReports ?? 4;
  const backoff = opts.backoffMs ?? ((n: number) => Math.min(10_000, 250 * 2 ** n));
  const now = opts.now ?? Date.now;
  const auth = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
  const base = opts.baseUrl.replace(/\/+$/, '');

  /** Sends one request; throws on anything that leaves the outcome unknown (timeout, cut connection, 5xx). */
  async function send(path: string, body: string | FormData | URLSearchParams, contentType?: string): Promise<Answer> {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: auth, ...(contentType ? { 'content-type': contentType } : {}) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.status >= 500) throw unavailable('cybertipline_server_error', `CyberTipline ${path} answered ${res.status}`);
    const code = tag(text, 'responseCode');
    if (res.status >= 400 || code === undefined || code !== '0') return { kind: 'refused', status: res.status, body: text };
    const reportId = tag(text, 'reportId');
    const fileId = tag(text, 'fileId');
    const hash = tag(text, 'hash');
    return { kind: 'ok', body: text, ...(reportId ? { reportId } : {}), ...(fileId ? { fileId } : {}), ...(hash ? { hash } : {}) };
  }

  async function request(draft: CyberTiplineDraft, next: Exclude<NextStep, { step: 'done' }>): Promise<{ path: string; body: string | FormData | URLSearchParams; type?: string; journal: string; contentId?: string; fileId?: string; reportId?: string }> {
    switch (next.step) {
      case 'submit':
        return { path: '/submit', body: draft.reportXml, type: 'text/xml; charset=utf-8', journal: draft.reportXml };
      case 'upload': {
        const facts = draft.files.find((f) => f.contentId === next.contentId)!;
        const bytes = await opts.readFile(next.contentId);
        const form = new FormData();
        form.set('id', next.reportId);
        form.set('file', new Blob([bytes]), facts.fileName);
        const hashes = Object.fromEntries(facts.hashes.map((h) => [h.type, h.value]));
        return { path: '/upload', body: form, journal: JSON.stringify({ id: next.reportId, contentId: next.contentId, fileName: facts.fileName, bytes: bytes.byteLength, ...hashes }), contentId: next.contentId, reportId: next.reportId };
      }
      case 'fileinfo': {
        const facts = draft.files.find((f) => f.contentId === next.contentId)!;
        const xml = buildFileDetails(facts, next.reportId, next.fileId);
        return { path: '/fileinfo', body: xml, type: 'text/xml; charset=utf-8', journal: xml, contentId: next.contentId, fileId: next.fileId, reportId: next.reportId };
      }
      case 'finish':
      case 'retract': {
        const body = new URLSearchParams({ id: next.reportId });
        return { path: `/${next.step}`, body, journal: body.toString(), reportId: next.reportId };
      }
    }
  }

  return {
    /** Sends (or resumes sending) the draft under `referralId`; resolves with the finished report's id. */
    async submit(referralId: string, draft: CyberTiplineDraft): Promise<SubmissionResult> {
      const contentIds = draft.files.map((f) => f.contentId);
      let failures = 0;
      let requests = 0;
      let givingUp: Error | undefined;
      for (;;) {
        const records = await opts.journal.records(referralId);
        const state = reduceSubmission(records);
        let next = nextSubmissionStep(state, contentIds);
        if (next.step === 'done') {
          return { reportId: next.reportId, retracted: state.retracted, orphans: state.orphans, requests };
        }
        if (givingUp || (next.step === 'submit' && state.reportsStarted >= maxReports)) {
          givingUp ??= unavailable('referral_failed', `referral ${referralId} could not be completed after ${state.reportsStarted} report(s)`, { referralId });
          if (state.current && next.step !== 'retract') next = { step: 'retract', reportId: state.current.reportId, reason: 'giving up' };
          if (next.step !== 'retract') throw givingUp;
        }
        const req = await request(draft, next);
        const base = { referralId, caseId: draft.caseId, destination, step: next.step as SubmissionStep, ...(req.reportId ? { reportId: req.reportId } : {}), ...(req.contentId ? { contentId: req.contentId } : {}), ...(req.fileId ? { fileId: req.fileId } : {}) };
        let seq = records.length + 1;
        await opts.journal.append({ ...base, seq: seq++, at: now(), phase: 'sent', request: req.journal });
        requests++;
        let answer: Answer | undefined;
        try {
          answer = await send(req.path, req.body, req.type);
        } catch (e) {
          if (!(isLifeguardError(e) || (e instanceof Error && /abort|timeout|fetch failed|socket|ECONN/i.test(`${e.name} ${e.message} ${String((e as { cause?: unknown }).cause)}`)))) throw e;
        }
        if (answer?.kind === 'ok') {
          await opts.journal.append({ ...base, seq, at: now(), phase: 'ok', request: '', response: answer.body, ...(answer.reportId && next.step === 'submit' ? { reportId: answer.reportId } : {}), ...(answer.fileId ? { fileId: answer.fileId } : {}) });
          failures = 0;
          continue;
        }
        if (answer?.kind === 'refused') {
          await opts.journal.append({ ...base, seq, at: now(), phase: 'refused', request: '', response: answer.body });
          // A report NCMEC refuses as sent will be refused again: stop, with nothing left open.
          if (next.step === 'submit' && answer.status >= 400 && answer.status < 500) throw invalidInput('cybertipline_refused', `CyberTipline refused the report: ${tag(answer.body, 'responseDescription') ?? answer.status}`, { status: answer.status });
        }
        // Unknown outcome (left `sent` in the journal) or a refusal: try again after a pause, then give up.
        if (++failures >= maxAttempts && !givingUp) givingUp = unavailable('referral_failed', `CyberTipline ${req.path} failed ${failures} times`, { referralId, step: next.step });
        if (failures >= maxAttempts * 2) throw givingUp ?? unavailable('referral_failed', 'CyberTipline unreachable');
        await new Promise((r) => setTimeout(r, backoff(failures)));
      }
    },
    /** The journal of a referral (for the console and the case record). */
    records: (referralId: string): Promise<JournalRecord[]> => opts.journal.records(referralId),
  };
}
