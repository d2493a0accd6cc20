/** POST /v1/cases/claim-next: claims the most pressing free case the reviewer may work. */
import { z } from 'zod';
import { caseDetailView, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesClaimNext = defineRoute({
  method: 'post',
  path: '/v1/cases/claim-next',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Claim the next case (two reviewers never get the same one; a claim lapses when abandoned).',
  description: reviewerHeadersNote,
  query: z.object({ queue: z.string().min(1).max(40).optional().describe('Only from this queue.') }),
  responses: {
    200: { description: 'The claimed case, or `case: null` when nothing is waiting for this reviewer.', schema: z.object({ case: caseDetailView.nullable() }) },
  },
  async handle({ c, deps, key, query }) {
    const reviewer = await reviewerOf(c, deps, key);
    const claimed = await need(deps.services, 'cases').claimNext(reviewer, query.queue !== undefined ? { queue: query.queue } : {});
    return c.json({ case: claimed });
  },
});
