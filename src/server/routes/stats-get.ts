/**
 * GET /v1/stats?year=YYYY[&format=csv]: the year's transparency figures (counting rules: docs/statistics.md),
 * as JSON or CSV. Aggregates only: no case ids, no subjects.
 */
import { z } from 'zod';
import { statsCsv, transparencyStats } from '../../core/stats/transparency-stats.ts';
import { caseStatesOpenedIn } from '../../store/case-states-in.ts';
import { defineRoute } from '../route.ts';

export const statsGet = defineRoute({
  method: 'get',
  path: '/v1/stats',
  access: 'cases:read',
  tag: 'cases',
  summary: 'Transparency statistics of the cases opened in a year (JSON, or CSV with format=csv).',
  description: 'Reports, confirmed and actioned cases, by month, source (public-form reports apart from other user reports), UK category, age band, sex and age band × sex; self-generated share; live-stream captures; median and p90 time to action, to referral and to referral sent; referrals marked, and sent by destination; age appeals. Counting rules: docs/statistics.md.',
  query: z.object({
    year: z.coerce.number().int().min(2000).max(2100).describe('Calendar year (UTC).'),
    format: z.enum(['json', 'csv']).default('json'),
  }),
  responses: { 200: { description: 'The figures (JSON object, or CSV `metric,key,value`).' } },
  async handle({ c, deps, query }) {
    const from = Date.UTC(query.year, 0, 1);
    const to = Date.UTC(query.year + 1, 0, 1);
    const s = transparencyStats(await caseStatesOpenedIn(deps.database, from, to), from, to);
    if (query.format === 'csv') return c.body(statsCsv(s), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.json(s);
  },
});
