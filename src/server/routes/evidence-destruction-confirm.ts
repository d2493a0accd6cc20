/** POST /v1/cases/:id/evidence/destruction/confirm: a second, different supervisor confirms; the media is removed. */
import { z } from 'zod';
import { caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { evidenceServiceFor } from '../evidence-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';

export const evidenceDestructionConfirm = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/evidence/destruction/confirm',
  access: 'cases:write',
  tag: 'cases',
  summary: "Confirm a recorded law-enforcement destruction request: the case's media is removed (hashes and the audit log stay).",
  description: `${reviewerHeadersNote} Needs the supervisor role and a different person from the one who recorded the request. Audited.`,
  params: caseParams,
  responses: {
    200: { description: 'Sealed media items removed.', schema: z.object({ removed: z.number().int() }) },
    403: { description: 'Not a supervisor, or the same person who recorded the request.' },
    404: { description: 'Unknown case, or a case never held (`no_hold`).' },
    409: { description: 'No pending destruction request (`no_destruction_request`).' },
  },
  async handle({ c, deps, key, params }) {
    const reviewer = await reviewerOf(c, deps, key);
    const svc = await evidenceServiceFor(deps, params.id);
    return c.json(await svc.confirmDestruction(params.id, reviewer));
  },
});
