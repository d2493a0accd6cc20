/**
 * Transparency statistics from cases, pure: what a platform can publish each year. The counting rules are
 * written down in docs/statistics.md; each figure here follows them:
 * - a report is a case opened in the period (one case per subject, so repeats of one picture count once);
 * - confirmed: a reviewer's decision labelled the case a true positive; actioned: at least one action done
 *   other than dismiss, escalate or mark for referral;
 * - category, age band, sex and self-generated come from the latest case-wide assessment of confirmed cases;
 * - a confirmed image is a content evidence item of a confirmed case;
 * - time to action: from the case opening to its first action done (confirmed cases); time to referral: to its
 *   first `mark_for_referral` done; time to referral sent: to the first referral sent to a destination;
 * - a public report is a user report written by the public form (its event id carries the form's prefix).
 */
import { ageBands, sexesAsSeen, ukCategories, type Assessment } from '../cases/assessment.ts';
import type { CaseSource } from '../cases/case-sources.ts';
import type { CaseState } from '../cases/reduce-case.ts';
import { publicReportIdPrefix } from '../support/public-report-choices.ts';

/** How sources are reported: the reader's words, not the engine's. */
export const statSources = { known_content: 'hash_match', conversation: 'grooming', live_stream: 'guardian', report: 'user_report', reported_upload: 'user_report', age_appeal: 'age_appeal', manual: 'manual' } as const satisfies Record<CaseSource, string>;
/** Every source key of the figures, in the order they are shown: the case sources' words, plus `public_report`. */
export const statSourceKeys = ['hash_match', 'grooming', 'guardian', 'user_report', 'public_report', 'age_appeal', 'manual'] as const;
export type StatSource = (typeof statSourceKeys)[number];

/** The source a case is counted under: its opening source, with reports from the public form apart. */
export function statSourceOf(c: CaseState): StatSource {
  if (c.source === 'report' && c.evidence.find((e) => e.kind === 'report')?.id.startsWith(publicReportIdPrefix)) return 'public_report';
  return statSources[c.source];
}

export interface TransparencyStats {
  from: string;
  to: string;
  reports: number;
  confirmed: number;
  actioned: number;
  confirmedImages: number;
  byMonth: { month: string; opened: number; confirmed: number }[];
  bySource: Record<string, { opened: number; confirmed: number }>;
  byUkCategory: Record<string, number>;
  byAgeBand: Record<string, number>;
  bySex: Record<string, number>;
  /** Confirmed cases by age band, then sex as seen (both assessed; `unknown`/`unclear` kept as given). */
  byAgeBandAndSex: Record<string, Record<string, number>>;
  selfGenerated: { yes: number; no: number; unknown: number; share: number | null };
  liveStreamCaptures: number;
  timeToActionMs: { median: number | null; p90: number | null };
  timeToReferralMs: { median: number | null; p90: number | null };
  referrals: number;
  /** Cases with a referral sent and finished, and sent referrals by destination (a case may go to several). */
  referralsSent: { cases: number; byDestination: Record<string, number> };
  timeToReferralSentMs: { median: number | null; p90: number | null };
  ageAppeals: { opened: number; upheld: number; rejected: number; open: number };
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;

/** Nearest-rank percentile of sorted values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const caseWide = (s: CaseState): Assessment => Object.assign({}, ...[...s.assessments].sort((a, b) => a.at - b.at).filter((a) => a.assessment.evidenceKey === undefined).map((a) => a.assessment)) as Assessment;
const noDecision = new Set(['dismiss', 'escalate', 'mark_for_referral']);

/** Statistics of the cases opened in [from, to). */
export function transparencyStats(cases: readonly CaseState[], from: number, to: number): TransparencyStats {
  const inPeriod = cases.filter((c) => c.openedAt >= from && c.openedAt < to);
  const months = new Map<string, { opened: number; confirmed: number }>();
  for (let d = new Date(from); d.getTime() < to; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) months.set(d.toISOString().slice(0, 7), { opened: 0, confirmed: 0 });
  const bySource: Record<string, { opened: number; confirmed: number }> = Object.fromEntries(statSourceKeys.map((k) => [k, { opened: 0, confirmed: 0 }]));
  const out: TransparencyStats = {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    reports: inPeriod.length,
    confirmed: 0,
    actioned: 0,
    confirmedImages: 0,
    byMonth: [],
    bySource,
    byUkCategory: zeros(ukCategories),
    byAgeBand: zeros(ageBands),
    bySex: zeros(sexesAsSeen),
    byAgeBandAndSex: Object.fromEntries(ageBands.map((b) => [b, zeros(sexesAsSeen)])),
    selfGenerated: { yes: 0, no: 0, unknown: 0, share: null },
    liveStreamCaptures: 0,
    timeToActionMs: { median: null, p90: null },
    timeToReferralMs: { median: null, p90: null },
    referrals: 0,
    referralsSent: { cases: 0, byDestination: {} },
    timeToReferralSentMs: { median: null, p90: null },
    ageAppeals: { opened: 0, upheld: 0, rejected: 0, open: 0 },
  };
  const toAction: number[] = [];
  const toReferral: number[] = [];
  const toSent: number[] = [];
  for (const c of inPeriod) {
    const month = months.get(new Date(c.openedAt).toISOString().slice(0, 7));
    const src = statSourceOf(c);
    if (month) month.opened++;
    bySource[src]!.opened++;
    const done = c.actions.filter((a) => a.status === 'done').sort((a, b) => a.at - b.at);
    if (done.some((a) => !noDecision.has(a.action.kind))) out.actioned++;
    const referral = done.find((a) => a.action.kind === 'mark_for_referral');
    if (referral) {
      out.referrals++;
      toReferral.push(referral.at - c.openedAt);
    }
    const sent = (c.referrals ?? []).filter((r) => r.status === 'sent');
    if (sent.length > 0) {
      out.referralsSent.cases++;
      for (const r of sent) out.referralsSent.byDestination[r.destination] = (out.referralsSent.byDestination[r.destination] ?? 0) + 1;
      toSent.push(Math.min(...sent.map((r) => r.at)) - c.openedAt);
    }
    if (c.source === 'age_appeal') {
      out.ageAppeals.opened++;
      if (c.closedAt === undefined) out.ageAppeals.open++;
      else if (c.label === 'true_positive' || c.outcome === 'actioned') out.ageAppeals.upheld++;
      else out.ageAppeals.rejected++;
    }
    if (c.label !== 'true_positive') continue;
    out.confirmed++;
    if (month) month.confirmed++;
    bySource[src]!.confirmed++;
    out.confirmedImages += c.evidence.filter((e) => e.kind === 'content' || e.kind === 'frame').length;
    const a = caseWide(c);
    if (a.ukCategory) out.byUkCategory[a.ukCategory]!++;
    if (a.ageBand) out.byAgeBand[a.ageBand]!++;
    if (a.sexAsSeen) out.bySex[a.sexAsSeen]!++;
    if (a.ageBand && a.sexAsSeen) out.byAgeBandAndSex[a.ageBand]![a.sexAsSeen]!++;
    if (a.selfGenerated) out.selfGenerated[a.selfGenerated]++;
    if (c.source === 'live_stream' || a.capturedFromLiveStream === 'yes') out.liveStreamCaptures++;
    const first = done.find((x) => x.action.kind !== 'escalate');
    if (first) toAction.push(first.at - c.openedAt);
  }
  const known = out.selfGenerated.yes + out.selfGenerated.no;
  out.selfGenerated.share = known === 0 ? null : out.selfGenerated.yes / known;
  out.byMonth = [...months].map(([month, v]) => ({ month, ...v }));
  toAction.sort((x, y) => x - y);
  toReferral.sort((x, y) => x - y);
  toSent.sort((x, y) => x - y);
  out.timeToActionMs = { median: percentile(toAction, 50), p90: percentile(toAction, 90) };
  out.timeToReferralMs = { median: percentile(toReferral, 50), p90: percentile(toReferral, 90) };
  out.timeToReferralSentMs = { median: percentile(toSent, 50), p90: percentile(toSent, 90) };
  return out;
}

/** The statistics as CSV rows `metric,key,value` (one figure a row). */
export function statsCsv(s: TransparencyStats): string {
  const rows: [string, string, string | number | null][] = [
    ['reports', '', s.reports],
    ['confirmed', '', s.confirmed],
    ['actioned', '', s.actioned],
    ['confirmed_images', '', s.confirmedImages],
    ...s.byMonth.flatMap((m) => [['opened_by_month', m.month, m.opened], ['confirmed_by_month', m.month, m.confirmed]] as [string, string, number][]),
    ...Object.entries(s.bySource).flatMap(([k, v]) => [['opened_by_source', k, v.opened], ['confirmed_by_source', k, v.confirmed]] as [string, string, number][]),
    ...Object.entries(s.byUkCategory).map(([k, v]) => ['uk_category', k, v] as [string, string, number]),
    ...Object.entries(s.byAgeBand).map(([k, v]) => ['age_band', k, v] as [string, string, number]),
    ...Object.entries(s.bySex).map(([k, v]) => ['sex', k, v] as [string, string, number]),
    ...Object.entries(s.byAgeBandAndSex).flatMap(([band, bySex]) => Object.entries(bySex).map(([sex, v]) => ['age_band_sex', `${band}/${sex}`, v] as [string, string, number])),
    ['self_generated', 'yes', s.selfGenerated.yes],
    ['self_generated', 'no', s.selfGenerated.no],
    ['self_generated', 'unknown', s.selfGenerated.unknown],
    ['self_generated', 'share', s.selfGenerated.share],
    ['live_stream_captures', '', s.liveStreamCaptures],
    ['time_to_action_ms', 'median', s.timeToActionMs.median],
    ['time_to_action_ms', 'p90', s.timeToActionMs.p90],
    ['time_to_referral_ms', 'median', s.timeToReferralMs.median],
    ['time_to_referral_ms', 'p90', s.timeToReferralMs.p90],
    ['referrals', '', s.referrals],
    ['referrals_sent', '', s.referralsSent.cases],
    ...Object.entries(s.referralsSent.byDestination).map(([k, v]) => ['referrals_sent_to', k, v] as [string, string, number]),
    ['time_to_referral_sent_ms', 'median', s.timeToReferralSentMs.median],
    ['time_to_referral_sent_ms', 'p90', s.timeToReferralSentMs.p90],
    ...Object.entries(s.ageAppeals).map(([k, v]) => ['age_appeals', k, v] as [string, string, number]),
  ];
  return `metric,key,value\n${rows.map(([m, k, v]) => `${m},${k},${v ?? ''}`).join('\n')}\n`;
}
