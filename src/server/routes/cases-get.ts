/** GET /v1/cases/:id: a case with its timeline; recorded (and audited) as a view by the named reviewer. */
import { notFound } from '../../core/lifeguard-error.ts';
import { caseDetailView, caseParams, reviewerHeadersNote } from '../case-schemas.ts';
import { reviewerOf } from '../reviewer-of.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const casesGet = defineRoute({
  method: 'get',
  path: '/v1/cases/:id',
  access: 'cases:read',
  tag: 'cases',
  summary: 'A case: derived state, evidence (pointers, never media) and its append-only timeline.',
  description: `${reviewerHeadersNote} Reading a case is a view: it is recorded on the case and in the audit log.`,
  params: caseParams,
  responses: {
    200: { description: 'The case.', schema: caseDetailView },
    400: { description: 'No reviewer named (`reviewer_required`).' },
    404: { description: 'Unknown case (`case_not_found`).' },
  },
  async handle({ c, deps, key, params }) {
    const reviewer = await reviewerOf(c, deps, key);
    const cases = need(deps.services, 'cases');
    if ((await cases.get(params.id)) === undefined) throw notFound('case_not_found', `no case '${params.id}'`);
    await cases.recordView(params.id, reviewer);
    return c.json((await cases.get(params.id))!);
  },
});
