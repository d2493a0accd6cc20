// CyberTipline reports built from cases validate against NCMEC's schema (xmllint), and say what the case and
// the audit log say: incident type, account, hashes, and fileViewedByEsp only for whole-file views by a person.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cyberTiplineSkip, validateCyberTiplineXml } from '../../../test/support/cybertipline-schema.ts';
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { CaseEvent, IntakeData } from '../cases/case-event.ts';
import { reduceCase } from '../cases/reduce-case.ts';
import { defaultPolicy } from '../safety-policy/policy-schema.ts';
import { buildCyberTiplineReport, buildFileDetails, cyberTiplineIncidentTypes } from './cybertipline-report.ts';
import type { ReferralInput } from './referral-input.ts';

const policy = defaultPolicy().review;
const t0 = Date.UTC(2026, 10, 3, 18, 0, 0);
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
  subject: { type: 'case', id: 'c' },
  detail,
  prevHash: '0'.repeat(64),
  hash: '0'.repeat(64),
});
const hex = (n: number, len: number) => n.toString(16).padStart(2, '0').repeat(len / 2);
const reporter = { platform: 'Example Live', email: 'safety@example.org', firstName: 'Trust', lastName: 'Safety', termsOfServiceUrl: 'https://example.org/terms' };

function csamCase(): ReferralInput {
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

function groomingCase(): ReferralInput {
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

function liveStreamCase(): ReferralInput {
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

const valid = (xml: string) => {
  const r = validateCyberTiplineXml(xml);
  assert.ok(r.ok, `xmllint rejected:\n${r.errors}\n${xml}`);
};

test('a CSAM case: report and each fileDetails validate; fileViewedByEsp only for the whole-file view by a person', { skip: cyberTiplineSkip }, () => {
  const d = buildCyberTiplineReport(csamCase());
  valid(d.reportXml);
  assert.equal(d.incidentType, cyberTiplineIncidentTypes.csam);
  assert.match(d.reportXml, /<espIdentifier>acct-9<\/espIdentifier>/);
  assert.match(d.reportXml, /<screenName>sunny&lt;&amp;&gt;day<\/screenName>/);
  assert.match(d.reportXml, /<ipAddress>203\.0\.113\.7<\/ipAddress>\s*<eventName>Login<\/eventName>/);
  assert.match(d.reportXml, /<accountPermanentlyDisabled disabledDate="2026-11-03T18:01:02.000Z">true</);
  assert.match(d.reportXml, /<incidentDateTime>2026-11-03T17:59:59.000Z<\/incidentDateTime>/, 'earliest upload');
  const [f1, f2] = d.files;
  assert.equal(f1!.fileViewedByEsp, true);
  assert.equal(f1!.viewedBy!.actor, 'rev-1');
  assert.equal(f2!.fileViewedByEsp, false, 'partial views and system reveals do not count');
  assert.equal(f1!.industryClassification, 'A1');
  assert.equal(f2!.industryClassification, 'B2', "the file's own assessment overrides the case's");
  assert.equal(f1!.possibleSelfProduction, false);
  assert.equal(f2!.possibleSelfProduction, true);
  const x1 = buildFileDetails(f1!, '123456', 'file-abc');
  const x2 = buildFileDetails(f2!, '123456', 'file-def');
  valid(x1);
  valid(x2);
  assert.match(x1, /<fileViewedByEsp>true<\/fileViewedByEsp>/);
  assert.match(x1, /<originalFileHash hashType="SHA256">ab{1}(ab){31}<\/originalFileHash>/);
  assert.match(x1, /<originalFileHash hashType="PDQ">/);
  assert.match(x2, /<fileViewedByEsp>false<\/fileViewedByEsp>/);
  assert.match(x2, /<publiclyAvailable>true<\/publiclyAvailable>/);
  assert.match(x2, /<possibleSelfProduction>true<\/possibleSelfProduction>/);
});

test('a grooming case without media is Online Enticement, with the chat quoted and the child as intended recipient', { skip: cyberTiplineSkip }, () => {
  const d = buildCyberTiplineReport(groomingCase());
  valid(d.reportXml);
  assert.equal(d.incidentType, cyberTiplineIncidentTypes.enticement);
  assert.equal(d.files.length, 0);
  assert.match(d.reportXml, /<chatImIncident>[\s\S]*keep this between us, don&apos;t|keep this between us, don't tell/);
  assert.match(d.reportXml, /<sextortion>true<\/sextortion>/);
  assert.match(d.reportXml, /<escalateToHighPriority>Meeting proposed for tomorrow<\/escalateToHighPriority>/);
  assert.match(d.reportXml, /<intendedRecipient>[\s\S]*<age>13<\/age>[\s\S]*<espIdentifier>child-2<\/espIdentifier>/);
  assert.match(d.reportXml, /<incidentDateTime>2026-11-03T17:59:40.000Z</, 'first message');
});

test('a live-stream case: web page incident with the stream, liveStreaming annotation on the frame', { skip: cyberTiplineSkip }, () => {
  const d = buildCyberTiplineReport(liveStreamCase());
  valid(d.reportXml);
  assert.match(d.reportXml, /<url>https:\/\/example.org\/live\/st-5<\/url>/);
  assert.match(d.reportXml, /live stream \(stream st-5\)/);
  const x = buildFileDetails(d.files[0]!, '77', 'f-1');
  valid(x);
  assert.match(x, /<liveStreaming>true<\/liveStreaming>/);
  assert.match(x, /<industryClassification>B1<\/industryClassification>/);
  assert.match(x, /<fileViewedByEsp>true</);
});

test('the schema check is real: a report with an unknown incident type is rejected by xmllint', { skip: cyberTiplineSkip }, () => {
  const xml = buildCyberTiplineReport(csamCase()).reportXml.replace(cyberTiplineIncidentTypes.csam, 'Something Else');
  assert.equal(validateCyberTiplineXml(xml).ok, false);
});

test('unconfirmed cases, cases with nothing to report and bad hashes are refused', () => {
  const unconfirmed = csamCase();
  unconfirmed.case = { ...unconfirmed.case };
  delete unconfirmed.case.label;
  assert.throws(() => buildCyberTiplineReport(unconfirmed), { code: 'referral_not_confirmed', status: 409 });
  const empty = csamCase();
  empty.files = [];
  assert.throws(() => buildCyberTiplineReport(empty), { code: 'referral_nothing_to_report' });
  const bad = csamCase();
  bad.files[0] = { ...bad.files[0]!, md5: 'xyz' };
  assert.throws(() => buildCyberTiplineReport(bad), { code: 'referral_bad_hash' });
  assert.throws(() => buildFileDetails(buildCyberTiplineReport(csamCase()).files[0]!, 'abc', 'f'), { code: 'referral_bad_report_id' });
});
