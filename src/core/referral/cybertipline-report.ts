/**
 * The NCMEC CyberTipline report of a confirmed case, as XML valid against NCMEC's published schema
 * (`report` for /submit, one `fileDetails` per file for /fileinfo). Pure: the case, its audit entries and the
 * gathered facts in, XML text out. Element order follows the schema's sequences.
 */
import { conflict, invalidInput } from '../lifeguard-error.ts';
import { fileFacts, type FileFacts } from './file-facts.ts';
import type { IpCapture, ReferralAccount, ReferralInput } from './referral-input.ts';
import { el, leaf, toXml, type XmlElement } from './xml-writer.ts';

/** The schema's incident types Lifeguard reports, declared once. */
export const cyberTiplineIncidentTypes = {
  csam: 'Child Pornography (possession, manufacture, and distribution)',
  enticement: 'Online Enticement of Children for Sexual Acts',
} as const;
export type CyberTiplineIncidentType = (typeof cyberTiplineIncidentTypes)[keyof typeof cyberTiplineIncidentTypes];

/** A draft report: the XML for /submit and what each file's /fileinfo will say. */
export interface CyberTiplineDraft {
  caseId: string;
  incidentType: CyberTiplineIncidentType;
  incidentAt: number;
  reportXml: string;
  files: FileFacts[];
}

/** Most chat messages quoted in a report (the latest ones; the whole conversation stays with the platform). */
export const chatExcerptCap = 200;

const iso = (ms: number): string => new Date(ms).toISOString();

/** True when the case is about a conversation (the grooming detector, or a reviewer's grooming assessment). */
export function isGroomingCase(input: ReferralInput): boolean {
  const s = input.case;
  return s.sources.includes('conversation') || s.assessments.some((a) => a.assessment.groomingCaseType !== undefined && a.assessment.groomingCaseType !== 'none');
}

const isLiveStreamCase = (input: ReferralInput): boolean =>
  input.case.sources.includes('live_stream') || input.files.some((f) => f.fromLiveStream) || input.case.assessments.some((a) => a.assessment.capturedFromLiveStream === 'yes');

/** Builds the report. Throws 409 for a case no reviewer confirmed, 400 when there is nothing to report. */
export function buildCyberTiplineReport(input: ReferralInput): CyberTiplineDraft {
  const s = input.case;
  if (s.label !== 'true_positive') {
    throw conflict('referral_not_confirmed', `case ${s.id} has no confirmed decision; a reviewer must confirm abuse before a referral`, { caseId: s.id });
  }
  const grooming = isGroomingCase(input);
  if (input.files.length === 0 && !grooming) {
    throw invalidInput('referral_nothing_to_report', `case ${s.id} has no files and is not a grooming case`, { caseId: s.id });
  }
  for (const f of input.files) {
    if (!/^[0-9a-f]{64}$/i.test(f.sha256) || !/^[0-9a-f]{32}$/i.test(f.md5)) {
      throw invalidInput('referral_bad_hash', `file ${f.contentId} needs its SHA-256 and MD5 in hex`, { contentId: f.contentId });
    }
  }
  const incidentType = input.files.length > 0 ? cyberTiplineIncidentTypes.csam : cyberTiplineIncidentTypes.enticement;
  const files = fileFacts(s, input.files, input.audit);
  const chat = [...(input.chat ?? [])].sort((a, b) => a.at - b.at).slice(-chatExcerptCap);

  const times = [...input.files.map((f) => f.uploadedAt), ...chat.map((m) => m.at)].filter((t): t is number => t !== undefined);
  const incidentAt = input.incidentAt ?? (times.length ? Math.min(...times) : s.openedAt);
  const incidentWhy =
    input.incidentAt !== undefined ? 'given by the platform' : times.length ? 'earliest upload or message in the case' : 'when the case was opened';

  const types = new Set(s.assessments.map((a) => a.assessment.groomingCaseType));
  const annotations = el(
    'reportAnnotations',
    null,
    types.has('sextortion') && leaf('sextortion', true),
    types.has('image_solicitation') && leaf('csamSolicitation', true),
  );

  const summary = el(
    'incidentSummary',
    null,
    leaf('incidentType', incidentType),
    leaf('platform', input.reporter.platform),
    leaf('escalateToHighPriority', input.urgentReason),
    annotations.children.length > 0 && annotations,
    leaf('incidentDateTime', iso(incidentAt)),
    leaf('incidentDateTimeDescription', `Time of the incident: ${incidentWhy}.`),
  );

  const details: XmlElement[] = [];
  if (grooming && chat.length > 0) {
    const content = chat.map((m) => `[${iso(m.at)}] ${m.from}: ${m.text}`).join('\n');
    details.push(
      el(
        'internetDetails',
        null,
        el(
          'chatImIncident',
          null,
          leaf('chatClient', input.reporter.platform),
          leaf('content', content),
          leaf('additionalInfo', `${chat.length} message(s) quoted from the conversation the platform's detector flagged and a reviewer confirmed.`),
        ),
      ),
    );
  }
  if (isLiveStreamCase(input) || (input.urls?.length ?? 0) > 0 || input.files.length > 0) {
    const live = isLiveStreamCase(input);
    const stream = s.subjects.find((x) => x.type === 'stream');
    details.push(
      el(
        'internetDetails',
        null,
        el(
          'webPageIncident',
          null,
          (input.urls ?? []).map((u) => leaf('url', u)),
          leaf('additionalInfo', live ? `Captured from a live stream${stream ? ` (stream ${stream.id})` : ''} on the platform.` : 'Uploaded to the platform.'),
        ),
      ),
    );
  }

  const r = input.reporter;
  const reporter = el(
    'reporter',
    null,
    el('reportingPerson', null, leaf('firstName', r.firstName), leaf('lastName', r.lastName), leaf('phone', r.phone), leaf('email', r.email)),
    leaf('termsOfService', r.termsOfServiceUrl),
    leaf('legalURL', r.legalUrl),
  );

  const disabled = accountActions(input);
  const reported = input.account ? [el('personOrUserReported', null, accountBody('personOrUserReportedPerson', input.account, input.reporter.platform, disabled))] : [];
  const recipients = (input.recipients ?? []).map((a) => el('intendedRecipient', null, accountBody('intendedRecipientPerson', a, input.reporter.platform, {})));

  const report = el(
    'report',
    null,
    summary,
    details,
    reporter,
    reported,
    recipients,
    leaf('additionalInfo', `Lifeguard case ${s.id}; sources: ${s.sources.join(', ')}; confirmed by the platform's child-safety reviewers.`),
  );
  return { caseId: s.id, incidentType, incidentAt, reportXml: toXml(report), files };
}

function ipEvent(ip: IpCapture): XmlElement {
  return el('ipCaptureEvent', null, leaf('ipAddress', ip.ip), leaf('eventName', ip.event), ip.at !== undefined && leaf('dateTime', iso(ip.at)), leaf('port', ip.port));
}

/** Account suspensions and bans done on the case (the schema's accountTemporarilyDisabled / accountPermanentlyDisabled). */
function accountActions(input: ReferralInput): { temporarily?: number; permanently?: number } {
  const out: { temporarily?: number; permanently?: number } = {};
  for (const a of input.case.actions) {
    if (a.status !== 'done' || a.target.type !== 'account' || a.target.id !== input.account?.id) continue;
    if (a.action.kind === 'ban_account') out.permanently ??= a.at;
    if (a.action.kind === 'suspend_account') out.temporarily ??= a.at;
  }
  return out;
}

/** The shared body of personOrUserReported and intendedRecipient, in the schema's order. */
function accountBody(personTag: string, a: ReferralAccount, platform: string, disabled: { temporarily?: number; permanently?: number }): (XmlElement | undefined | false)[] {
  const person = el(
    personTag,
    null,
    (a.phones ?? []).map((p) => leaf('phone', p)),
    (a.emails ?? []).map((e) => leaf('email', e)),
    leaf('age', a.age),
  );
  return [
    person.children.length > 0 && person,
    leaf('espIdentifier', a.id),
    leaf('espService', platform),
    leaf('screenName', a.screenName),
    ...(a.displayNames ?? []).map((d) => leaf('displayName', d)),
    leaf('profileUrl', a.profileUrl),
    ...(a.ips ?? []).map(ipEvent),
    ...(a.devices ?? []).map((d) => el('deviceId', null, leaf('idType', d.type), leaf('idValue', d.value))),
    disabled.temporarily !== undefined && leaf('accountTemporarilyDisabled', true, { disabledDate: iso(disabled.temporarily) }),
    disabled.permanently !== undefined && leaf('accountPermanentlyDisabled', true, { disabledDate: iso(disabled.permanently) }),
  ];
}

/** The `fileDetails` document for /fileinfo once the server has given the report and file ids. */
export function buildFileDetails(f: FileFacts, reportId: string, fileId: string): string {
  if (!/^[0-9]{1,18}$/.test(reportId)) throw invalidInput('referral_bad_report_id', `report id ${JSON.stringify(reportId)} is not a number`);
  const annotations = el('fileAnnotations', null, f.possibleSelfProduction && leaf('possibleSelfProduction', true), f.liveStreaming && leaf('liveStreaming', true));
  return toXml(
    el(
      'fileDetails',
      null,
      leaf('reportId', reportId),
      leaf('fileId', fileId),
      leaf('fileName', f.fileName),
      f.uploadedAt !== undefined && leaf('uploadedToEspTimestamp', iso(f.uploadedAt)),
      leaf('locationOfFile', f.location),
      leaf('fileViewedByEsp', f.fileViewedByEsp),
      leaf('publiclyAvailable', f.publiclyAvailable),
      leaf('fileRelevance', 'Reported'),
      annotations.children.length > 0 && annotations,
      leaf('industryClassification', f.industryClassification),
      f.hashes.map((h) => leaf('originalFileHash', h.value, { hashType: h.type })),
      f.uploadIp && ipEvent(f.uploadIp),
    ),
  );
}
