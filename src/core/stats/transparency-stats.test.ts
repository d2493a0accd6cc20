// Statistics over a generated year of cases whose counts are known by construction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseEvent, IntakeData } from '../cases/case-event.ts';
import type { CaseEvidence, CaseSource } from '../cases/case-sources.ts';
import { reduceCase, type CaseState } from '../cases/reduce-case.ts';
import { defaultPolicy } from '../safety-policy/policy-schema.ts';
import { publicReportIdPrefix } from '../support/public-report-choices.ts';
import { percentile, statsCsv, transparencyStats } from './transparency-stats.ts';

const policy = defaultPolicy().review;
const min = 60_000;
let seq = 0;

function makeCase(i: number, openedAt: number, source: CaseSource, more: (ev: (kind: CaseEvent['kind'], dt: number, data: unknown) => void) => void, given?: CaseEvidence[]): CaseState {
  const id = `case_${i}`;
  const evidence = given ?? (source === 'known_content' ? [{ kind: 'content' as const, id: `c${i}`, summary: 's', key: `content:c${i}` }] : source === 'live_stream' ? [{ kind: 'frame' as const, id: `f${i}`, summary: 's', key: `frame:f${i}` }] : []);
  const intake: IntakeData = { source, priority: 'other', trigger: { source, severity: 'high', evidenceKinds: [] }, subjects: [{ type: 'account', id: `a${i}` }], evidence, reasons: ['r'], requiredRole: 'child_safety_reviewer' };
  const events: CaseEvent[] = [{ seq: ++seq, caseId: id, kind: 'opened', at: openedAt, actor: 'system', data: intake }];
  more((kind, dt, data) => events.push({ seq: ++seq, caseId: id, kind, at: openedAt + dt, actor: 'rev', data } as CaseEvent));
  return reduceCase(events, policy)!;
}

function year(): CaseState[] {
  const sources: CaseSource[] = ['known_content', 'conversation', 'live_stream', 'report'];
  const cases: CaseState[] = [];
  for (let i = 0; i < 12; i++) {
    cases.push(
      makeCase(i, Date.UTC(2026, i, 10), sources[i % 4]!, (ev) => {
        if (i % 2 === 0) {
          ev('assessed', 30_000, { assessment: { ukCategory: i % 4 === 0 ? 'A' : 'B', ageBand: i === 10 ? '14-15' : '11-13', sexAsSeen: i <= 4 ? 'female' : 'male', selfGenerated: i < 4 ? 'yes' : i < 8 ? 'no' : 'unknown' } });
          ev('actioned', (i + 1) * min, { actionId: 'x', action: { kind: 'remove_content' }, target: { type: 'content', id: 'c' }, status: 'done' });
          if (i === 0 || i === 4) ev('actioned', (i + 1) * 10 * min, { actionId: 'y', action: { kind: 'mark_for_referral' }, target: { type: 'case', id: 'c' }, status: 'done' });
          // Sent: case 0 to one destination at 20 min; case 4 to two, the first at 60 min.
          if (i === 0) ev('referral_sent', 20 * min, { destination: 'cybertipline', referralId: 'r0', reportId: 't0' });
          if (i === 4) {
            ev('referral_drafted', 55 * min, { destination: 'nca' });
            ev('referral_sent', 60 * min, { destination: 'cybertipline', referralId: 'r4', reportId: 't4' });
            ev('referral_sent', 70 * min, { destination: 'nca', referralId: 'r5', reportId: 'n4' });
          }
          if (i === 8) ev('referral_drafted', 90 * min, { destination: 'cybertipline' }); // drafted, never sent: not counted
        } else {
          ev('actioned', 2 * min, { actionId: 'x', action: { kind: 'dismiss', reason: 'not_violating' }, target: { type: 'case', id: 'c' }, status: 'done' });
        }
      }),
    );
  }
  cases.push(makeCase(100, Date.UTC(2025, 11, 20), 'known_content', () => {})); // last year: not counted
  cases.push(makeCase(101, Date.UTC(2026, 2, 1), 'age_appeal', (ev) => ev('closed', min, { outcome: 'no_action' })));
  // A report from the public form (its event id carries the form's prefix), dismissed.
  const publicReport = [{ kind: 'report' as const, id: `${publicReportIdPrefix}abc`, summary: 's', key: `report:${publicReportIdPrefix}abc` }];
  cases.push(makeCase(102, Date.UTC(2026, 3, 20), 'report', (ev) => ev('actioned', min, { actionId: 'x', action: { kind: 'dismiss', reason: 'not_violating' }, target: { type: 'case', id: 'c' }, status: 'done' }), publicReport));
  return cases;
}

test('a generated year: every figure is what the cases were built to give', () => {
  const s = transparencyStats(year(), Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
  assert.equal(s.reports, 14);
  assert.equal(s.confirmed, 6);
  assert.equal(s.actioned, 6, 'dismissals are not actions on abuse');
  assert.equal(s.confirmedImages, 6, '3 uploads + 3 live frames');
  assert.equal(s.byMonth.length, 12);
  assert.deepEqual(s.byMonth[0], { month: '2026-01', opened: 1, confirmed: 1 });
  assert.deepEqual(s.byMonth[2], { month: '2026-03', opened: 2, confirmed: 1 }, 'the age appeal opened in March');
  assert.deepEqual(s.byMonth[3], { month: '2026-04', opened: 2, confirmed: 0 }, 'the public report opened in April');
  assert.deepEqual(s.bySource.hash_match, { opened: 3, confirmed: 3 });
  assert.deepEqual(s.bySource.guardian, { opened: 3, confirmed: 3 });
  assert.deepEqual(s.bySource.grooming, { opened: 3, confirmed: 0 });
  assert.deepEqual(s.bySource.user_report, { opened: 3, confirmed: 0 });
  assert.deepEqual(s.bySource.public_report, { opened: 1, confirmed: 0 }, 'the public form counted apart from other user reports');
  assert.deepEqual(Object.keys(s.bySource), ['hash_match', 'grooming', 'guardian', 'user_report', 'public_report', 'age_appeal', 'manual']);
  assert.equal(s.byUkCategory.A, 3);
  assert.equal(s.byUkCategory.B, 3);
  assert.equal(s.byAgeBand['11-13'], 5);
  assert.equal(s.byAgeBand['14-15'], 1);
  assert.deepEqual([s.bySex.female, s.bySex.male], [3, 3]);
  assert.deepEqual(s.byAgeBandAndSex['11-13'], { female: 3, male: 2, both: 0, unclear: 0 });
  assert.deepEqual(s.byAgeBandAndSex['14-15'], { female: 0, male: 1, both: 0, unclear: 0 });
  assert.equal(Object.values(s.byAgeBandAndSex).flatMap((x) => Object.values(x)).reduce((a, b) => a + b, 0), 6, 'every confirmed case once');
  assert.deepEqual(s.selfGenerated, { yes: 2, no: 2, unknown: 2, share: 0.5 });
  assert.equal(s.liveStreamCaptures, 3);
  assert.deepEqual(s.timeToActionMs, { median: 5 * min, p90: 11 * min }, 'actions at 1,3,5,7,9,11 min');
  assert.equal(s.referrals, 2);
  assert.deepEqual(s.timeToReferralMs, { median: 10 * min, p90: 50 * min });
  assert.deepEqual(s.referralsSent, { cases: 2, byDestination: { cybertipline: 2, nca: 1 } }, 'drafts are not sent referrals');
  assert.deepEqual(s.timeToReferralSentMs, { median: 20 * min, p90: 60 * min }, 'to the first destination sent');
  assert.deepEqual(s.ageAppeals, { opened: 1, upheld: 0, rejected: 1, open: 0 });
  const csv = statsCsv(s);
  assert.match(csv, /^metric,key,value\n/);
  assert.match(csv, /\nconfirmed_by_source,hash_match,3\n/);
  assert.match(csv, /\nself_generated,share,0.5\n/);
  assert.match(csv, /\nage_band_sex,14-15\/male,1\n/);
  assert.match(csv, /\nreferrals_sent_to,nca,1\n/);
  assert.match(csv, /\ntime_to_referral_sent_ms,p90,3600000\n/);
  // header, 4 totals, 12×2 months, 7×2 sources, 4 categories, 8 bands, 4 sexes, 8×4 band×sex, 4 self-generated,
  // captures, 2+2 times, referrals, sent, 2 destinations, 2 sent times, 4 appeals
  assert.equal(csv.trim().split('\n').length, 1 + 4 + 24 + 14 + 4 + 8 + 4 + 32 + 4 + 1 + 4 + 1 + 1 + 2 + 2 + 4, 'one row per figure');
});

test('percentile is nearest-rank; empty is null', () => {
  assert.equal(percentile([], 50), null);
  assert.equal(percentile([1, 2, 3, 4], 50), 2);
  assert.equal(percentile([1, 2, 3, 4], 90), 4);
});
