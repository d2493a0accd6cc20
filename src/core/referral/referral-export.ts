/**
 * The JSON referral export for destinations other than NCMEC (the UK's National Crime Agency, other
 * hotlines): the case, the reviewers' assessment, each file's hashes and facts, the accounts' identifiers,
 * chat excerpts for grooming cases and a timeline with the audit entries' hashes (the chain of custody).
 * Media never appears here: each file names its sealed copy, which travels encrypted beside the manifest.
 * Documented in docs/referral.md. Pure.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import { conflict } from '../lifeguard-error.ts';
import { assessmentFor, fileFacts } from './file-facts.ts';
import { isGroomingCase } from './cybertipline-report.ts';
import type { ReferralAccount, ReferralInput } from './referral-input.ts';

export const referralExportFormat = 'lifeguard-referral' as const;
export const referralExportVersion = 1 as const;

export interface ReferralExport {
  format: typeof referralExportFormat;
  version: typeof referralExportVersion;
  destination: string;
  createdAt: string;
  reporter: { platform: string; email: string; name?: string };
  case: {
    id: string;
    kind: 'images' | 'grooming' | 'images_and_grooming';
    sources: string[];
    priority: string;
    openedAt: string;
    closedAt?: string;
    outcome?: string;
    reasons: string[];
    actions: { kind: string; target: { type: string; id: string }; at: string; by: string; confirmedBy?: string }[];
  };
  /** The case-wide assessment (latest values of each field). */
  assessment: Record<string, string>;
  files: {
    contentId: string;
    fileName: string;
    sha256: string;
    md5: string;
    pdq?: string;
    uploadedAt?: string;
    publiclyAvailable?: boolean;
    /** A person at the platform viewed the whole file (from the audit log). */
    viewedByPerson: boolean;
    assessment: Record<string, string>;
    /** The sealed copy in the package (`media/<contentId>.sealed`), or null when media is not sent. */
    sealedMedia: string | null;
  }[];
  accounts: (ReferralAccountOut & { role: 'reported' | 'recipient' })[];
  chat: { at: string; from: string; text: string }[];
  /** Audit entries about the case and its media, with their chain hashes (verifiable against the platform's log). */
  timeline: { seq: number; at: string; actor: string; action: string; hash: string }[];
}
type ReferralAccountOut = Omit<ReferralAccount, 'ips'> & { ips: { ip: string; event?: string; at?: string; port?: number }[] };

const iso = (ms: number) => new Date(ms).toISOString();
const strings = (o: object): Record<string, string> => Object.fromEntries(Object.entries(o).filter(([k, v]) => typeof v === 'string' && k !== 'evidenceKey')) as Record<string, string>;

function account(a: ReferralAccount, role: 'reported' | 'recipient'): ReferralExport['accounts'][number] {
  return { role, ...a, ips: (a.ips ?? []).map((ip) => ({ ip: ip.ip, ...(ip.event ? { event: ip.event } : {}), ...(ip.at !== undefined ? { at: iso(ip.at) } : {}), ...(ip.port !== undefined ? { port: ip.port } : {}) })) };
}

/** Builds the export for `destination`; `sealedMedia`: whether the package carries the files' sealed copies. */
export function buildReferralExport(input: ReferralInput, destination: string, opts: { now: number; sealedMedia: boolean }): ReferralExport {
  const s = input.case;
  if (s.label !== 'true_positive') throw conflict('referral_not_confirmed', `case ${s.id} has no confirmed decision; a reviewer must confirm abuse before a referral`, { caseId: s.id });
  const facts = fileFacts(s, input.files, input.audit);
  const grooming = isGroomingCase(input);
  const mediaIds = new Set(input.files.map((f) => f.contentId));
  const about = (e: AuditEntry) => (e.subject?.type === 'case' && e.subject.id === s.id) || mediaIds.has(String(e.detail.contentId ?? ''));
  return {
    format: referralExportFormat,
    version: referralExportVersion,
    destination,
    createdAt: iso(opts.now),
    reporter: { platform: input.reporter.platform, email: input.reporter.email, ...(input.reporter.firstName || input.reporter.lastName ? { name: [input.reporter.firstName, input.reporter.lastName].filter(Boolean).join(' ') } : {}) },
    case: {
      id: s.id,
      kind: input.files.length > 0 ? (grooming ? 'images_and_grooming' : 'images') : 'grooming',
      sources: [...s.sources],
      priority: s.priority,
      openedAt: iso(s.openedAt),
      ...(s.closedAt !== undefined ? { closedAt: iso(s.closedAt) } : {}),
      ...(s.outcome ? { outcome: s.outcome } : {}),
      reasons: [...s.reasons],
      actions: s.actions.filter((a) => a.status === 'done').map((a) => ({ kind: a.action.kind, target: a.target, at: iso(a.at), by: a.by, ...(a.confirmedBy ? { confirmedBy: a.confirmedBy } : {}) })),
    },
    assessment: strings(assessmentFor(s, '\u0000case')),
    files: facts.map((f, i) => {
      const src = input.files[i]!;
      return {
        contentId: f.contentId,
        fileName: f.fileName,
        sha256: src.sha256.toLowerCase(),
        md5: src.md5.toLowerCase(),
        ...(src.pdq ? { pdq: src.pdq.toLowerCase() } : {}),
        ...(src.uploadedAt !== undefined ? { uploadedAt: iso(src.uploadedAt) } : {}),
        ...(src.publiclyAvailable !== undefined ? { publiclyAvailable: src.publiclyAvailable } : {}),
        viewedByPerson: f.fileViewedByEsp,
        assessment: strings(assessmentFor(s, src.evidenceKey ?? `content:${src.contentId}`)),
        sealedMedia: opts.sealedMedia ? `media/${f.contentId}.sealed` : null,
      };
    }),
    accounts: [...(input.account ? [account(input.account, 'reported')] : []), ...(input.recipients ?? []).map((a) => account(a, 'recipient'))],
    chat: grooming ? [...(input.chat ?? [])].sort((a, b) => a.at - b.at).map((m) => ({ at: iso(m.at), from: m.from, text: m.text })) : [],
    timeline: [...input.audit].filter(about).sort((a, b) => a.seq - b.seq).map((e) => ({ seq: e.seq, at: iso(e.at), actor: e.actor, action: e.action, hash: e.hash })),
  };
}
