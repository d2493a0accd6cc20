/** POST /v1/cases/:id/release: Give a claim back (the holder or a supervisor). */
import { caseDetailView, caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesRelease = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/release',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Give a claim back (the holder or a supervisor).',
  description: reviewerHeadersNote,
  params: caseParams,
  responses: {
    200: { description: 'The case after the change.', schema: caseDetailView },
    404: { description: 'Unknown case (`case_not_found`).' },
    409: { description: 'The case is claimed by someone else, not claimed by this reviewer, or closed.' },
  },
  async handle({ c, deps, key, params }) {
    const reviewer = await reviewerOf(c, deps, key);
    return c.json(await need(deps.services, 'cases').release(params.id, reviewer));
  },
});
