/** POST /v1/cases/:id/close: Close the case (its subjects are free for new cases). */
import { z } from 'zod';
import { caseDetailView, caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesClose = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/close',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Close the case (its subjects are free for new cases).',
  description: reviewerHeadersNote,
  params: caseParams,
  body: z.object({ outcome: z.enum(['actioned', 'no_action']).optional(), note: z.string().max(2000).optional() }),
  responses: {
    200: { description: 'The case after the change.', schema: caseDetailView },
    404: { description: 'Unknown case (`case_not_found`).' },
    409: { description: 'The case is claimed by someone else, not claimed by this reviewer, or closed.' },
  },
  async handle({ c, deps, key, params, body }) {
    const reviewer = await reviewerOf(c, deps, key);
    return c.json(await need(deps.services, 'cases').close(params.id, reviewer, { ...(body.outcome !== undefined ? { outcome: body.outcome } : {}), ...(body.note !== undefined ? { note: body.note } : {}) }));
  },
});
