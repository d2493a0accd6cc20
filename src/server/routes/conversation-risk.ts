/** GET /v1/conversations/:id/risk: the current risk of a conversation from the processed events. */
import { unavailable } from '../../core/lifeguard-error.ts';
import { idParams } from '../api-schemas.ts';
import { riskView } from '../risk-view.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';
import { unknownId } from '../unknown-id.ts';

export const conversationRisk = defineRoute({
  method: 'get',
  path: '/v1/conversations/:id/risk',
  access: 'events',
  tag: 'events',
  summary: 'Risk of a conversation (candidate for review), from events processed so far.',
  params: idParams,
  responses: { 200: { description: 'Risk summary.', schema: riskView } },
  async handle({ c, deps, params }) {
    const events = need(deps.services, 'events');
    if (!events.conversationRisk) throw unavailable('feature_unavailable', 'risk read models are not available in this build');
    const risk = await events.conversationRisk(params.id);
    if (risk === null) throw unknownId('conversation', params.id);
    const { scope: _scope, ...view } = risk;
    return c.json(view);
  },
});
