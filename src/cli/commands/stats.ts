/**
 * `lifeguard stats --year YYYY --format md|csv|json`: the year's transparency figures from the database, as a
 * platform can publish them. Counting rules: docs/statistics.md.
 */
import { parseArgs } from 'node:util';
import { sexesAsSeen } from '../../core/cases/assessment.ts';
import { statsCsv, transparencyStats, type TransparencyStats } from '../../core/stats/transparency-stats.ts';
import { caseStatesOpenedIn } from '../../store/case-states-in.ts';
import { exitCodes, type CliIo, type Command } from '../command.ts';
import { numberFlag } from '../number-flag.ts';
import { usageError } from '../usage-error.ts';
import { cliConfig, databaseFlags, openCliDatabase } from '../open-cli-database.ts';

const usage = `usage: lifeguard stats --year YYYY [--format md|csv|json] [--data-dir DIR | --database-url URL]

Cases opened in the year: reports, confirmed, actioned, by month, source, UK category, age band and sex,
self-generated share, live-stream captures, time to action, to referral and to referral sent, referrals
marked and sent, age appeals.
Counting rules: docs/statistics.md.`;

const dur = (ms: number | null) => (ms === null ? '—' : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`);

function markdown(s: TransparencyStats, year: number): string {
  const table = (title: string, rec: Record<string, number>) => [`### ${title}`, '', '| | cases |', '|---|---:|', ...Object.entries(rec).map(([k, v]) => `| ${k} | ${v} |`), ''];
  return [
    `# Child-safety transparency report ${year}`,
    '',
    `Reports (cases opened): **${s.reports}**; confirmed: **${s.confirmed}**; actioned: **${s.actioned}**; confirmed images: **${s.confirmedImages}**; referrals: **${s.referrals}**; referrals sent: **${s.referralsSent.cases}**${Object.keys(s.referralsSent.byDestination).length > 0 ? ` (${Object.entries(s.referralsSent.byDestination).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}.`,
    `Self-generated share of confirmed cases (where known): ${s.selfGenerated.share === null ? '—' : `${Math.round(s.selfGenerated.share * 100)}%`}; live-stream captures: ${s.liveStreamCaptures}.`,
    `Time from intake to action: median ${dur(s.timeToActionMs.median)}, p90 ${dur(s.timeToActionMs.p90)}; to referral: median ${dur(s.timeToReferralMs.median)}, p90 ${dur(s.timeToReferralMs.p90)}; to referral sent: median ${dur(s.timeToReferralSentMs.median)}, p90 ${dur(s.timeToReferralSentMs.p90)}.`,
    `Age appeals: ${s.ageAppeals.opened} (upheld ${s.ageAppeals.upheld}, rejected ${s.ageAppeals.rejected}, open ${s.ageAppeals.open}).`,
    '',
    '### By month',
    '',
    '| month | opened | confirmed |',
    '|---|---:|---:|',
    ...s.byMonth.map((m) => `| ${m.month} | ${m.opened} | ${m.confirmed} |`),
    '',
    '### By source',
    '',
    '| source | opened | confirmed |',
    '|---|---:|---:|',
    ...Object.entries(s.bySource).map(([k, v]) => `| ${k} | ${v.opened} | ${v.confirmed} |`),
    '',
    ...table('By UK category (confirmed)', s.byUkCategory),
    ...table('By age band (confirmed)', s.byAgeBand),
    ...table('By sex as seen (confirmed)', s.bySex),
    '### By age band and sex as seen (confirmed)',
    '',
    `| age band | ${sexesAsSeen.join(' | ')} |`,
    `|---|${sexesAsSeen.map(() => '---:').join('|')}|`,
    ...Object.entries(s.byAgeBandAndSex).map(([band, v]) => `| ${band} | ${sexesAsSeen.map((x) => v[x] ?? 0).join(' | ')} |`),
    '',
  ].join('\n');
}

export const command: Command = {
  summary: 'annual transparency figures (md, csv or json)',
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { year: { type: 'string' }, format: { type: 'string' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } }, strict: true });
    } catch (e) {
      throw usageError((e as Error).message);
    }
    const v = parsed.values;
    const year = numberFlag('year', v.year, Number.NaN, true);
    if (!(year >= 2000 && year <= 2100)) throw usageError(`--year YYYY is required\n${usage}`);
    const format = v.format ?? 'md';
    if (!['md', 'csv', 'json'].includes(format)) throw usageError('--format must be md, csv or json');
    const config = cliConfig(io, v);
    const database = await openCliDatabase(config);
    try {
      const from = Date.UTC(year, 0, 1);
      const to = Date.UTC(year + 1, 0, 1);
      const s = transparencyStats(await caseStatesOpenedIn(database, from, to), from, to);
      io.stdout.write(format === 'json' ? `${JSON.stringify(s, null, 2)}\n` : format === 'csv' ? statsCsv(s) : `${markdown(s, year)}\n`);
      return exitCodes.ok;
    } finally {
      await database.close();
    }
  },
};
