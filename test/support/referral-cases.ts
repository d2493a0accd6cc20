/** Referral test cases (benign, synthetic): a confirmed CSAM-hash case, a grooming-only case, a live-stream case. */
import type { AuditEntry } from '../../src/core/audit/audit-entry.ts';
import type { CaseEvent, IntakeData } from '../../src/core/cases/case-event.ts';
import { reduceCase } from '../../src/core/cases/reduce-case.ts';
import type { ReferralInput } from '../../src/core/referral/referral-input.ts';
import { defaultPolicy } from '../../src/core/safety-policy/policy-schema.ts';

const policy = defaultPolicy().review;
export const t0 = Date.UTC(2026, 10, 3, 18, 0, 0);
let seq = 0;
const ev = <K extends CaseEvent['kind']>(caseId: string, kind: K, at: number, actor: string, data: Extract<CaseEvent, { kind: K }>['data']): CaseEvent =>
  ({ seq: ++seq, caseId, kind, at, actor, data }) as CaseEvent;
const intake = (over: Partial<IntakeData>): IntakeData => ({
  source: 'known_content',
  priority: 'known_content',
  trigger: { source: 'known_content', severity: 'critical', evidenceKinds: ['content'] },
  subjects: [{ type: 'account', id: 'acct-9' }],
  evidence: [],
  reasons: ['matched a bank'],
  requiredRole: 'child_safety_reviewer',
  ...over,
});
let auditSeq = 0;
const audit = (actor: string, action: AuditEntry['action'], detail: Record<string, unknown>): AuditEntry => ({
  seq: ++auditSeq,
  at: t0 + auditSeq * 1000,
  actor,
  action,
  subject: { type: 'case', id: 'case_csam' },
  detail,
  prevHash: '0'.repeat(64),
  hash: '0'.repeat(64),
});
const hex = (n: number, len: number) => n.toString(16).padStart(2, '0').repeat(len / 2);
const reporter = { platform: 'Example Live', email: 'safety@example.org', firstName: 'Trust', lastName: 'Safety', termsOfServiceUrl: 'https://example.org/terms' };

export function csamCase(): ReferralInput {
  const id = 'case_csam';
  const state = reduceCase(
    [
      ev(id, 'opened', t0, 'system', intake({ evidence: [{ kind: 'content', id: 'ct1', summary: 'upload', key: 'content:ct1' }, { kind: 'content', id: 'ct2', summary: 'upload', key: 'content:ct2' }], subjects: [{ type: 'account', id: 'acct-9' }, { type: 'content', id: 'ct1' }] })),
      ev(id, 'assessed', t0 + 60_000, 'rev-1', { assessment: { ukCategory: 'A', ncmecClassification: 'A1', selfGenerated: 'no' } }),
      ev(id, 'assessed', t0 + 61_000, 'rev-1', { assessment: { evidenceKey: 'content:ct2', ncmecClassification: 'B2', selfGenerated: 'yes' } }),
      ev(id, 'actioned', t0 + 62_000, 'rev-1', { actionId: 'a1', action: { kind: 'ban_account' }, target: { type: 'account', id: 'acct-9' }, status: 'done' }),
    ],
    policy,
  )!;
  return {
    reporter,
    case: state,
    account: { id: 'acct-9', screenName: 'sunny<&>day', displayNames: ['Sunny'], emails: ['u9@example.net'], ips: [{ ip: '203.0.113.7', event: 'Login', at: t0 - 3_600_000 }, { ip: '2001:db8::7', event: 'Upload' }] },
    files: [
      { contentId: 'ct1', sha256: hex(0xab, 64), md5: hex(0xcd, 32), pdq: hex(0x12, 64), uploadedAt: t0 - 1000, publiclyAvailable: false, uploadIp: { ip: '203.0.113.7', event: 'Upload' } },
      { contentId: 'ct2', sha256: hex(0x01, 64), md5: hex(0x02, 32), uploadedAt: t0 - 500, publiclyAvailable: true },
    ],
    audit: [
      audit('system', 'case_opened', {}),
      // ct1: a blurred view, then the whole file by a reviewer.
      audit('rev-1', 'media_revealed', { contentId: 'ct1', fullView: false }),
      audit('rev-1', 'media_revealed', { contentId: 'ct1', fullView: true }),
      // ct2: only ever shown partially; and the pipeline "revealing" it does not count.
      audit('rev-1', 'media_revealed', { contentId: 'ct2', fullView: false }),
      audit('system', 'media_revealed', { contentId: 'ct2', fullView: true }),
    ],
  };
}

export function groomingCase(): ReferralInput {
  const id = 'case_groom';
  const state = reduceCase(
    [
      ev(id, 'opened', t0, 'system', intake({ source: 'conversation', priority: 'grooming', trigger: { source: 'conversation', severity: 'high', evidenceKinds: ['message'] }, subjects: [{ type: 'conversation', id: 'conv-3' }, { type: 'account', id: 'adult-1' }], evidence: [{ kind: 'message', id: 'm2', summary: 'secrecy request', key: 'message:m2' }] })),
      ev(id, 'assessed', t0 + 1000, 'rev-2', { assessment: { groomingCaseType: 'sextortion' } }),
      ev(id, 'actioned', t0 + 2000, 'rev-2', { actionId: 'a1', action: { kind: 'mark_for_referral' }, target: { type: 'case', id }, status: 'done' }),
    ],
    policy,
  )!;
  return {
    reporter,
    case: state,
    account: { id: 'adult-1', ips: [{ ip: '198.51.100.4', event: 'Login' }] },
    recipients: [{ id: 'child-2', age: 13 }],
    files: [],
    chat: [
      { at: t0 - 20_000, from: 'adult-1', text: 'you seem really mature for your age' },
      { at: t0 - 10_000, from: 'adult-1', text: "let's keep this between us, don't tell your parents" },
      { at: t0 - 5_000, from: 'child-2', text: 'ok' },
    ],
    audit: [],
    urgentReason: 'Meeting proposed for tomorrow',
  };
}

export function liveStreamCase(): ReferralInput {
  const id = 'case_live';
  const state = reduceCase(
    [
      ev(id, 'opened', t0, 'system', intake({ source: 'live_stream', priority: 'live_stream', subjects: [{ type: 'stream', id: 'st-5' }, { type: 'account', id: 'host-5' }], evidence: [{ kind: 'frame', id: 'f1', summary: 'frame matched', key: 'frame:f1' }] })),
      ev(id, 'assessed', t0 + 1000, 'rev-3', { assessment: { ukCategory: 'B', capturedFromLiveStream: 'yes', ncmecClassification: 'B1' } }),
      ev(id, 'actioned', t0 + 2000, 'rev-3', { actionId: 'a1', action: { kind: 'end_stream' }, target: { type: 'stream', id: 'st-5' }, status: 'done' }),
    ],
    policy,
  )!;
  return {
    reporter,
    case: state,
    account: { id: 'host-5', profileUrl: 'https://example.org/u/host-5' },
    files: [{ contentId: 'fr-1', evidenceKey: 'frame:f1', sha256: hex(0x33, 64), md5: hex(0x44, 32), fromLiveStream: true, publiclyAvailable: true }],
    audit: [audit('rev-3', 'media_revealed', { contentId: 'fr-1', fullView: true })],
    urls: ['https://example.org/live/st-5'],
  };
}

