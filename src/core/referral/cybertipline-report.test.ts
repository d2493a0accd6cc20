// CyberTipline reports built from cases validate against NCMEC's schema (xmllint), and say what the case and
// the audit log say: incident type, account, hashes, and fileViewedByEsp only for whole-file views by a person.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cyberTiplineSkip, validateCyberTiplineXml } from '../../../test/support/cybertipline-schema.ts';
import { csamCase, groomingCase, liveStreamCase } from '../../../test/support/referral-cases.ts';
import { buildCyberTiplineReport, buildFileDetails, cyberTiplineIncidentTypes } from './cybertipline-report.ts';

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
