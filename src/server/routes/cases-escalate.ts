/** POST /v1/cases/:id/escalate: Hand the case to a supervisor. */
import { z } from 'zod';
import { caseDetailView, caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesEscalate = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/escalate',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Hand the case to a supervisor.',
  description: reviewerHeadersNote,
  params: caseParams,
  body: z.object({ reason: z.string().min(1).max(2000) }),
  responses: {
    200: { description: 'The case after the change.', schema: caseDetailView },
    404: { description: 'Unknown case (`case_not_found`).' },
    409: { description: 'The case is claimed by someone else, not claimed by this reviewer, or closed.' },
  },
  async handle({ c, deps, key, params, body }) {
    const reviewer = await reviewerOf(c, deps, key);
    return c.json(await need(deps.services, 'cases').escalate(params.id, reviewer, body.reason));
  },
});
