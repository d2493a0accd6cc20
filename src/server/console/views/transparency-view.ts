/**
 * The transparency figures of a year (counting rules: docs/statistics.md) as charts, each followed by its
 * figures in a table, with a year selector (a plain GET form) and a CSV download. Plain data in, markup out.
 */
import { html } from 'hono/html';
import { sexesAsSeen } from '../../../core/cases/assessment.ts';
import { referralDestination } from '../../../core/referral/referral-destinations.ts';
import type { StatSource, TransparencyStats } from '../../../core/stats/transparency-stats.ts';
import { consolePage, duration, errorSummary, selectField, type FieldError, type Html, type Viewer } from '../console-html.ts';
import { barChart, columnChart, figuresTable, type ChartRow } from './svg-charts.ts';

/** The words for each source key. */
export const statSourceWords: Readonly<Record<StatSource, string>> = {
  hash_match: 'Hash match (known content)',
  grooming: 'Grooming detector',
  guardian: 'Live-stream guardian',
  user_report: 'User report',
  public_report: 'Public report form',
  age_appeal: 'Age appeal',
  manual: 'Opened by a person',
};

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthOf = (ym: string) => monthNames[Number(ym.slice(5, 7)) - 1] ?? ym;
const words = (k: string) => k.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
const pct = (x: number | null) => (x === null ? 'not known' : `${Math.round(x * 100)}%`);
const sum = (rec: Record<string, number>) => Object.values(rec).reduce((a, b) => a + b, 0);
const single = (rec: Record<string, number>, label: (k: string) => string = words): ChartRow[] => Object.entries(rec).map(([k, v]) => ({ label: label(k), values: [v] }));
const listed = (rows: readonly ChartRow[], fmt: (n: number) => string = String) => rows.map((r) => `${r.label}: ${r.values.map((v) => (v === null ? 'none' : fmt(v))).join(', ')}`).join('; ');

export interface TransparencyPage {
  viewer: Viewer;
  year: number;
  years: readonly number[];
  stats?: TransparencyStats;
  errors?: FieldError[];
}

/** One chart and its table under a heading. */
function section(id: string, heading: string, intro: Html | string, chart: Html, table: Html): Html {
  return html`<section class="chart-block" aria-labelledby="${id}-h"><h2 id="${id}-h">${heading}</h2>${intro ? html`<p>${intro}</p>` : ''}${chart}${table}</section>`;
}

export function transparencyView(v: TransparencyPage): Html {
  const s = v.stats;
  const form = html`<form method="get" action="/console/statistics/transparency" class="panel actions-row" id="year-form">
${selectField({ id: 'year', label: 'Year', options: v.years.map((y) => [String(y), String(y)] as [string, string]), value: String(v.year), ...(v.errors ? { errors: v.errors } : {}) })}
<button type="submit" class="secondary">Show the year</button>
</form>`;
  return consolePage({
    title: `Transparency figures ${v.year}`,
    path: '/console/statistics/transparency',
    viewer: v.viewer,
    body: html`${errorSummary(v.errors ?? [])}<h1>Transparency figures ${v.year}</h1>
<p>Cases opened in ${v.year} (UTC), counted by the rules in <code>docs/statistics.md</code>: what a platform publishes each year. Aggregates only; no case, account or picture is shown.</p>
${form}
<p><a href="/console/statistics/transparency.csv?year=${v.year}" id="csv-link" download>Download the ${v.year} figures as CSV</a> <span class="muted">(one figure a row: metric, key, value)</span></p>
${s ? body(s, v.year) : ''}`,
  });
}

function body(s: TransparencyStats, year: number): Html {
  const months: ChartRow[] = s.byMonth.map((m) => ({ label: monthOf(m.month), values: [m.opened, m.confirmed] }));
  const sources: ChartRow[] = Object.entries(s.bySource).map(([k, v]) => ({ label: statSourceWords[k as StatSource] ?? k, values: [v.opened, v.confirmed] }));
  const categories = single(s.byUkCategory, (k) => (k === 'not_illegal' ? 'Not illegal' : `Category ${k}`));
  const bandWords = (band: string) => (band === 'unknown' ? 'Age unknown' : band === 'adult' ? 'Adult' : `${band} years`);
  const bands: ChartRow[] = Object.entries(s.byAgeBandAndSex).map(([band, bySex]) => ({ label: bandWords(band), values: sexesAsSeen.map((x) => bySex[x] ?? 0) }));
  // The table adds every confirmed case with the band, sex assessed or not.
  const bandRows: ChartRow[] = Object.entries(s.byAgeBandAndSex).map(([band, bySex]) => ({ label: bandWords(band), values: [...sexesAsSeen.map((x) => bySex[x] ?? 0), s.byAgeBand[band] ?? 0] }));
  const self = single({ yes: s.selfGenerated.yes, no: s.selfGenerated.no, unknown: s.selfGenerated.unknown }, (k) => ({ yes: 'Self-generated', no: 'Not self-generated', unknown: 'Not known' })[k] ?? k);
  const ms = (n: number) => duration(n);
  const times: ChartRow[] = [
    { label: 'Intake to first action', values: [s.timeToActionMs.median, s.timeToActionMs.p90] },
    { label: 'Intake to marked for referral', values: [s.timeToReferralMs.median, s.timeToReferralMs.p90] },
    { label: 'Intake to referral sent', values: [s.timeToReferralSentMs.median, s.timeToReferralSentMs.p90] },
  ];
  const referrals: ChartRow[] = [
    { label: 'Cases marked for referral', values: [s.referrals] },
    { label: 'Cases with a referral sent', values: [s.referralsSent.cases] },
    ...Object.entries(s.referralsSent.byDestination).map(([d, n]) => ({ label: `Sent to ${referralDestination(d)?.name ?? d}`, values: [n] })),
  ];
  const appeals = single({ upheld: s.ageAppeals.upheld, rejected: s.ageAppeals.rejected, open: s.ageAppeals.open }, (k) => ({ upheld: 'Upheld', rejected: 'Rejected', open: 'Still open' })[k] ?? k);
  const sexWords = sexesAsSeen.map(words);
  return html`<h2 id="key-figures">Key figures</h2>
<dl class="facts key-figures">
<dt>Reports (cases opened)</dt><dd id="fig-reports">${s.reports}</dd>
<dt>Confirmed</dt><dd id="fig-confirmed">${s.confirmed}</dd>
<dt>Actioned</dt><dd id="fig-actioned">${s.actioned}</dd>
<dt>Confirmed images</dt><dd id="fig-images">${s.confirmedImages}</dd>
<dt>Live-stream captures</dt><dd id="fig-live">${s.liveStreamCaptures}</dd>
<dt>Self-generated share (where known)</dt><dd id="fig-self">${pct(s.selfGenerated.share)}</dd>
<dt>Referrals sent</dt><dd id="fig-sent">${s.referralsSent.cases}</dd>
<dt>Age appeals</dt><dd id="fig-appeals">${s.ageAppeals.opened}</dd>
</dl>
<div class="charts">
${section(
  'months',
  'Cases opened and confirmed per month',
  '',
  columnChart({ id: 'chart-months', title: `Cases opened and confirmed per month, ${year}`, summary: `${s.reports} opened and ${s.confirmed} confirmed in the year; each month's figures are in the table that follows.`, series: ['Opened', 'Confirmed'], rows: months, tickLabel: (r) => r.label.slice(0, 1) }),
  figuresTable({ caption: `Cases per month, ${year}`, head: ['Month', 'Opened', 'Confirmed'], rows: months }),
)}
${section(
  'sources',
  'By source',
  'What opened the case.',
  barChart({ id: 'chart-sources', title: 'Cases opened and confirmed by source', summary: listed(sources), series: ['Opened', 'Confirmed'], rows: sources }),
  figuresTable({ caption: 'Cases by source', head: ['Source', 'Opened', 'Confirmed'], rows: sources }),
)}
${section(
  'categories',
  'By UK category',
  'Confirmed cases, by the reviewer’s assessment.',
  barChart({ id: 'chart-categories', title: 'Confirmed cases by UK category', summary: listed(categories), series: ['Confirmed cases'], rows: categories }),
  figuresTable({ caption: 'Confirmed cases by UK category', head: ['Category', 'Cases'], rows: categories }),
)}
${section(
  'ages',
  'By age band and sex',
  `Confirmed cases with both assessed (${sum(s.byAgeBand)} with an age band, ${sum(s.bySex)} with a sex as seen).`,
  barChart({ id: 'chart-ages', title: 'Confirmed cases by age band, split by sex as seen', summary: listed(bands.filter((b) => b.values.some((x) => (x ?? 0) > 0))) || 'No confirmed case has both an age band and a sex assessed.', series: sexWords, rows: bands, stacked: true }),
  figuresTable({ caption: 'Confirmed cases by age band and sex as seen', head: ['Age band', ...sexWords, 'All with this band'], rows: bandRows, scroll: 'ages-table' }),
)}
${section(
  'self',
  'Self-generated',
  `Share of confirmed cases assessed as self-generated, where known: ${pct(s.selfGenerated.share)}. Live-stream captures: ${s.liveStreamCaptures}.`,
  barChart({ id: 'chart-self', title: 'Confirmed cases by self-generated assessment', summary: `${listed(self)}. Share where known: ${pct(s.selfGenerated.share)}.`, series: ['Confirmed cases'], rows: self }),
  figuresTable({ caption: 'Confirmed cases by self-generated assessment', head: ['Assessment', 'Cases'], rows: [...self, { label: 'Live-stream captures', values: [s.liveStreamCaptures] }] }),
)}
${section(
  'times',
  'Time from intake to action and to referral',
  'Median and 90th percentile (nearest rank); intake is the case’s opening.',
  barChart({ id: 'chart-times', title: 'Median and 90th-percentile time from intake to action and to referral', summary: listed(times, ms), series: ['Median', '90th percentile'], rows: times, format: ms }),
  figuresTable({ caption: 'Time from intake', head: ['Step', 'Median', '90th percentile'], rows: times, format: ms }),
)}
${section(
  'referrals',
  'Referrals',
  'Cases marked for referral, and referrals sent to an authority and finished.',
  barChart({ id: 'chart-referrals', title: 'Referrals marked and sent', summary: listed(referrals), series: ['Cases'], rows: referrals }),
  figuresTable({ caption: 'Referrals', head: ['Referrals', 'Cases'], rows: referrals }),
)}
${section(
  'appeals',
  'Appeals and their outcomes',
  `Accounts contesting their age decision: ${s.ageAppeals.opened} in ${year}.`,
  barChart({ id: 'chart-appeals', title: 'Age appeals by outcome', summary: listed(appeals), series: ['Appeals'], rows: appeals }),
  figuresTable({ caption: 'Age appeals by outcome', head: ['Outcome', 'Appeals'], rows: appeals }),
)}
</div>`;
}
