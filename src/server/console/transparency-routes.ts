/**
 * /console/statistics/transparency?year=YYYY: the year's transparency figures as charts and tables, and
 * /console/statistics/transparency.csv?year=YYYY: the same figures as CSV (as GET /v1/stats?format=csv), with
 * the session's sign-in. People who read statistics only (supervisors, auditors, admins): aggregates, but of
 * child-safety assessments, so not every reviewer.
 */
import type { Context, Hono } from 'hono';
import { sql } from 'kysely';
import { canReadStatistics } from '../../core/people/roles.ts';
import { statsCsv, transparencyStats } from '../../core/stats/transparency-stats.ts';
import { caseStatesOpenedIn } from '../../store/case-states-in.ts';
import type { ConsoleContext, ConsoleEnv } from './console-context.ts';
import { consoleHeaders } from './console-html.ts';
import { viewerOf } from './console-viewer.ts';
import { forbiddenPage } from './forbidden-page.ts';
import { transparencyView } from './views/transparency-view.ts';

const denied = 'Transparency figures are for supervisors, auditors and admins.';

export function mountTransparency(app: Hono<ConsoleEnv>, ctx: ConsoleContext): void {
  const { database } = ctx.rt;
  const thisYear = () => new Date(ctx.now()).getUTCFullYear();
  /** The year asked for: absent → this year; otherwise four digits, 2000–2100. */
  const yearOf = (c: Context<ConsoleEnv>): number | undefined => {
    const q = c.req.query('year');
    if (q === undefined || q === '') return thisYear();
    return /^\d{4}$/.test(q) && Number(q) >= 2000 && Number(q) <= 2100 ? Number(q) : undefined;
  };
  const statsOf = async (year: number) => {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    return transparencyStats(await caseStatesOpenedIn(database, from, to), from, to);
  };
  /** From the year of the first case to this year, and the year shown. */
  const yearsFor = async (shown: number) => {
    const first = await database.db.selectFrom('cases').select(sql<number | string | null>`min(opened_at)`.as('at')).executeTakeFirst();
    const now = thisYear();
    const from = first?.at != null ? Math.max(2000, new Date(Number(first.at)).getUTCFullYear()) : now;
    const years = new Set<number>([shown]);
    for (let y = Math.min(from, now); y <= now; y++) years.add(y);
    return [...years].sort((a, b) => b - a);
  };

  app.get('/statistics/transparency', async (c) => {
    if (!canReadStatistics(c.get('person'))) return forbiddenPage(c, denied);
    const year = yearOf(c);
    if (year === undefined) {
      const shown = thisYear();
      return c.html(transparencyView({ viewer: viewerOf(c), year: shown, years: await yearsFor(shown), errors: [{ field: 'year', message: 'Choose a year from the list' }] }), 400, consoleHeaders);
    }
    return c.html(transparencyView({ viewer: viewerOf(c), year, years: await yearsFor(year), stats: await statsOf(year) }), 200, consoleHeaders);
  });

  app.get('/statistics/transparency.csv', async (c) => {
    if (!canReadStatistics(c.get('person'))) return forbiddenPage(c, denied);
    const year = yearOf(c);
    if (year === undefined) return c.text('year must be a four-digit year from 2000 to 2100', 400, consoleHeaders);
    return c.body(statsCsv(await statsOf(year)), 200, {
      ...consoleHeaders,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="lifeguard-statistics-${year}.csv"`,
    });
  });
}
