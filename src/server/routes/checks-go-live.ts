/** POST /v1/checks/go-live: may this account go live to this audience? */
import { z } from 'zod';
import { streamAudiences } from '../../core/safety-policy/relations.ts';
import { accountInput, checkResultView, tierFor } from '../check-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const checksGoLive = defineRoute({
  method: 'post',
  path: '/v1/checks/go-live',
  access: 'events',
  tag: 'checks',
  summary: 'May the account go live to the audience (minimum ages from the policy)?',
  body: z.object({ account: accountInput, audience: z.enum(streamAudiences).default('public') }),
  responses: { 200: { description: 'allow or deny, with a code and a reason.', schema: checkResultView } },
  async handle({ c, deps, body }) {
    const safety = need(deps.services, 'safety');
    const r = safety.checks.canGoLive({ tier: await tierFor(safety, body.account) }, body.audience);
    deps.metrics.decisions.inc({ source: 'check_go_live', kind: r.allow ? 'allow' : 'deny' });
    return c.json(r);
  },
});
