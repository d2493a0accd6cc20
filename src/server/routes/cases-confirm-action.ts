/** POST /v1/cases/:id/actions/:actionId/confirm: a second person confirms (or rejects) a pending action. */
import { z } from 'zod';
import { actResultView, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesConfirmAction = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/actions/:actionId/confirm',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Confirm or reject an action waiting for a second person.',
  description: `${reviewerHeadersNote} The confirming reviewer must differ from the one who asked for the action and hold the case's role.`,
  params: z.object({ id: z.string().min(1).max(100), actionId: z.string().min(1).max(40) }),
  body: z.object({ approve: z.boolean(), reason: z.string().max(2000).optional() }),
  responses: {
    200: { description: 'The action done or rejected, with the case.', schema: actResultView },
    403: { description: 'The same person who asked for it, or without the case role.' },
    404: { description: 'Unknown case or action.' },
    409: { description: 'The action is not pending.' },
  },
  async handle({ c, deps, key, params, body }) {
    const decision = { approve: body.approve, ...(body.reason !== undefined ? { reason: body.reason } : {}) };
    return c.json(await need(deps.services, 'cases').confirmAction(params.id, await reviewerOf(c, deps, key), params.actionId, decision));
  },
});
