/**
 * POST /v1/cases/:id/reveals: records that the reviewer is about to see a piece of the case's sealed media
 * (and whether the whole file was shown). Refused (403, audited) without a live claim and the case's role. A
 * platform's own console calls it before showing media; Lifeguard's console does the same internally.
 */
import { z } from 'zod';
import { caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesReveal = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/reveals',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Record (and authorise) a reveal of a content item of the case; audited with fullView.',
  description: reviewerHeadersNote,
  params: caseParams,
  body: z.object({
    contentId: z.string().min(1).max(200),
    evidenceKey: z.string().min(1).max(300).optional(),
    fullView: z.boolean().describe('The whole file was shown (not only a blurred or partial view).'),
  }),
  responses: {
    200: { description: 'Recorded.', schema: z.object({ recorded: z.literal(true) }) },
    403: { description: 'No live claim by this reviewer, or without the case role (the refusal is audited).' },
    404: { description: 'Unknown case, or the content is not evidence of it.' },
  },
  async handle({ c, deps, key, params, body }) {
    await need(deps.services, 'cases').recordReveal(params.id, await reviewerOf(c, deps, key), {
      contentId: body.contentId,
      fullView: body.fullView,
      ...(body.evidenceKey !== undefined ? { evidenceKey: body.evidenceKey } : {}),
    });
    return c.json({ recorded: true as const });
  },
});
