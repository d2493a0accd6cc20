/** GET /v1/streams/:id/risk: the current risk of a live stream, or the last state and peak of an ended one. */
import { unavailable } from '../../core/lifeguard-error.ts';
import { idParams } from '../api-schemas.ts';
import { riskView } from '../risk-view.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';
import { unknownId } from '../unknown-id.ts';

export const streamRisk = defineRoute({
  method: 'get',
  path: '/v1/streams/:id/risk',
  access: 'events',
  tag: 'events',
  summary: 'Risk of a live stream (candidate for review), from events processed so far; after it ended, its last state and peak, marked ended.',
  params: idParams,
  responses: { 200: { description: 'Risk summary.', schema: riskView } },
  async handle({ c, deps, params }) {
    const events = need(deps.services, 'events');
    if (!events.streamRisk) throw unavailable('feature_unavailable', 'risk read models are not available in this build');
    const risk = await events.streamRisk(params.id);
    if (risk === null) throw unknownId('stream', params.id);
    const { scope: _scope, ...view } = risk;
    return c.json(view);
  },
});
