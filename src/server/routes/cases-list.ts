/** GET /v1/cases: the review queue (most pressing priority first, then longest waiting), filterable by queue. */
import { z } from 'zod';
import { caseSources } from '../../core/cases/case-sources.ts';
import { caseStatuses, type CaseStatus } from '../../core/cases/reduce-case.ts';
import { invalidInput } from '../../core/lifeguard-error.ts';
import { caseSummaryView } from '../case-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesList = defineRoute({
  method: 'get',
  path: '/v1/cases',
  access: 'cases:read',
  tag: 'cases',
  summary: 'The review queue: cases with their waiting time against their priority target.',
  query: z.object({
    queue: z.string().min(1).max(40).optional().describe('A queue id from the policy (`review.queues`).'),
    status: z.string().max(200).optional().describe(`Comma-separated statuses (${caseStatuses.join(', ')}); default every status but closed.`),
    priority: z.string().min(1).max(40).optional(),
    source: z.enum(caseSources).optional(),
    assignee: z.string().min(1).max(200).optional().describe('Only cases this reviewer holds a live claim on.'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().max(20).optional().describe('The `cursor` of the previous page.'),
  }),
  responses: { 200: { description: 'A page of the queue.', schema: z.object({ items: z.array(caseSummaryView), cursor: z.string().nullable() }) } },
  async handle({ c, deps, query }) {
    let status: CaseStatus[] | undefined;
    if (query.status !== undefined) {
      const list = query.status.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = list.find((s) => !(caseStatuses as readonly string[]).includes(s));
      if (bad !== undefined) throw invalidInput('invalid_query', `unknown status '${bad}' (${caseStatuses.join(', ')})`);
      status = list as CaseStatus[];
    }
    const page = await need(deps.services, 'cases').listQueue({
      limit: query.limit,
      ...(query.queue !== undefined ? { queue: query.queue } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(query.priority !== undefined ? { priority: query.priority } : {}),
      ...(query.source !== undefined ? { source: query.source } : {}),
      ...(query.assignee !== undefined ? { assignee: query.assignee } : {}),
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    });
    return c.json({ items: page.cases, cursor: page.cursor });
  },
});
