/** POST /v1/cases/:id/actions: decide an action; its effect goes out through the webhook outbox. */
import { caseActionSchema } from '../../core/cases/case-actions.ts';
import { actResultView, caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesAct = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/actions',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Act on a case: remove content, end stream, suspend/ban, restrict features, add to a bank, dismiss, escalate, mark for referral.',
  description: `${reviewerHeadersNote} The reviewer must hold a live claim. Actions named in the policy's review.confirmActions wait (status pending) for a second person (POST …/actions/:actionId/confirm). add_to_bank adds the content's SHA-256, MD5 and PDQ to the bank, so the next upload or frame of it is blocked.`,
  params: caseParams,
  body: caseActionSchema,
  responses: {
    200: { description: 'What was done (or is pending), with the case after it.', schema: actResultView },
    400: { description: 'Invalid action or target (`invalid_action`, `action_target_missing`, `action_target_invalid`).' },
    404: { description: 'Unknown case, content or bank.' },
    409: { description: 'Not claimed by this reviewer (`claim_required`), or closed.' },
  },
  async handle({ c, deps, key, params, body }) {
    return c.json(await need(deps.services, 'cases').act(params.id, await reviewerOf(c, deps, key), body));
  },
});
