/** POST /v1/cases/:id/evidence/destruction: records a law-enforcement request to destroy the case's media (first person). */
import { z } from 'zod';
import { caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { evidenceServiceFor, holdOut, holdView } from '../evidence-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';

export const evidenceDestruction = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/evidence/destruction',
  access: 'cases:write',
  tag: 'cases',
  summary: "Record a law-enforcement request to destroy the case's media at once; a second supervisor must confirm it.",
  description: `${reviewerHeadersNote} Needs the supervisor role. Nothing is removed until a different supervisor confirms (POST …/destruction/confirm). Audited.`,
  params: caseParams,
  body: z.object({ requestRef: z.string().min(1).max(200).describe("The authority's request reference.") }),
  responses: {
    200: { description: 'The hold, with the pending destruction request.', schema: holdView },
    403: { description: 'The reviewer is not a supervisor.' },
    404: { description: 'Unknown case, or a case never held (`no_hold`).' },
  },
  async handle({ c, deps, key, params, body }) {
    const reviewer = await reviewerOf(c, deps, key);
    const svc = await evidenceServiceFor(deps, params.id);
    return c.json(holdOut(await svc.requestDestruction(params.id, reviewer, body.requestRef), deps.now()));
  },
});
