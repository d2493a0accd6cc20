/** GET /v1/cases/:id/evidence: the case's preservation hold (until, legal hold, purge, destruction). */
import { notFound } from '../../core/lifeguard-error.ts';
import { caseParams } from '../case-schemas.ts';
import { evidenceServiceFor, holdOut, holdView } from '../evidence-schemas.ts';
import { defineRoute } from '../route.ts';

export const evidenceHoldGet = defineRoute({
  method: 'get',
  path: '/v1/cases/:id/evidence',
  access: 'cases:read',
  tag: 'cases',
  summary: "The case's evidence preservation hold and what the purge would do with it now.",
  params: caseParams,
  responses: {
    200: { description: 'The hold.', schema: holdView },
    404: { description: 'Unknown case (`case_not_found`) or a case never held (`no_hold`).' },
  },
  async handle({ c, deps, params }) {
    const s = await (await evidenceServiceFor(deps, params.id)).get(params.id);
    if (!s) throw notFound('no_hold', `case ${params.id} is not held`);
    return c.json(holdOut(s, deps.now()));
  },
});
