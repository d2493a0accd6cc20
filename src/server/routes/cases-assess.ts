/** POST /v1/cases/:id/assessments: Record an assessment (UK category, age band, NCMEC classification, ...). */
import { assessmentSchema } from '../../core/cases/assessment.ts';
import { caseDetailView, caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesAssess = defineRoute({
  method: 'post',
  path: '/v1/cases/:id/assessments',
  access: 'cases:write',
  tag: 'cases',
  summary: 'Record an assessment (UK category, age band, NCMEC classification, ...).',
  description: reviewerHeadersNote,
  params: caseParams,
  body: assessmentSchema,
  responses: {
    200: { description: 'The case after the change.', schema: caseDetailView },
    404: { description: 'Unknown case (`case_not_found`).' },
    409: { description: 'The case is claimed by someone else, not claimed by this reviewer, or closed.' },
  },
  async handle({ c, deps, key, params, body }) {
    const reviewer = await reviewerOf(c, deps, key);
    return c.json(await need(deps.services, 'cases').assess(params.id, reviewer, body));
  },
});
