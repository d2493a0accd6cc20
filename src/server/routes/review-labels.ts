/** GET /v1/review/labels: reviewers' true/false-positive decisions as labelled data (ids and labels only); audited. */
import { z } from 'zod';
import { labelRowView, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const reviewLabels = defineRoute({
  method: 'get',
  path: '/v1/review/labels',
  access: 'cases:read',
  tag: 'cases',
  summary: 'Export decisions as labels for detector evaluation (no content, no text).',
  description: `${reviewerHeadersNote} Needs the supervisor, auditor or admin role; every export is an audit entry.`,
  query: z.object({
    since: z.coerce.number().int().min(0).optional().describe('Epoch ms: cases decided at or after.'),
    until: z.coerce.number().int().min(0).optional().describe('Epoch ms: cases decided before.'),
    limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
  }),
  responses: { 200: { description: 'Labelled decisions, oldest first.', schema: z.object({ items: z.array(labelRowView) }) } },
  async handle({ c, deps, key, query }) {
    const rows = await need(deps.services, 'cases').exportLabels(await reviewerOf(c, deps, key), {
      limit: query.limit,
      ...(query.since !== undefined ? { since: query.since } : {}),
      ...(query.until !== undefined ? { until: query.until } : {}),
    });
    return c.json({ items: rows });
  },
});
