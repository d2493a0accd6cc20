/** POST /v1/cases/:id/age-resolution: a reviewer upholds or overturns an age appeal, with the reason. */
import { ageAppealResolutionSchema, type AgeAppealResolution } from '../../core/age/age-appeal.ts';
import { caseDetailView, caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesAgeResolution = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/age-resolution',
  access: 'cases:write',
  tag: 'cases',
  summary: "Resolve an age-appeal case: uphold the account's age decision, or overturn it with a new tier (or age). A reason is required.",
  description:
    `${reviewerHeadersNote} The reviewer must hold a live claim on a case opened by an age appeal. ` +
    "The resolution is written to the account's age history as a `reviewer` age signal (with the case id, outcome and reason), so GET /v1/accounts/:id/age, GET /v1/accounts/:id/settings and the checks follow at once; " +
    'it is recorded on the case (`age_resolved`), closes it (overturned: `actioned`, upheld: `no_action`) and is audited (`age_appeal_resolved`), in one transaction.',
  params: caseParams,
  body: ageAppealResolutionSchema,
  // The service validates, so a missing reason answers `reason_required` rather than a generic body error.
  parseBody: (value) => value as AgeAppealResolution,
  responses: {
    200: { description: 'The case after the resolution (closed).', schema: caseDetailView },
    400: { description: 'No reason (`reason_required`), overturned without a tier or age, or tier and age disagree (`invalid_resolution`), no or a wrong account (`action_target_missing`, `action_target_invalid`).' },
    404: { description: 'Unknown case (`case_not_found`).' },
    409: { description: 'Not claimed by this reviewer (`claim_required`), closed (`case_closed`), or not an age appeal (`not_age_appeal`).' },
  },
  async handle({ c, deps, key, params, body }) {
    return c.json(await need(deps.services, 'cases').resolveAgeAppeal(params.id, await reviewerOf(c, deps, key), body));
  },
});
