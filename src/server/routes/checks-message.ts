/** POST /v1/checks/message: may account A send a direct message to account B? */
import { z } from 'zod';
import { accountInput, checkResultView, relationInput, tierFor } from '../check-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const checksMessage = defineRoute({
  method: 'post',
  path: '/v1/checks/message',
  access: 'events',
  tag: 'checks',
  summary: 'May the sender message the recipient? Both accounts’ child-safe settings must allow it.',
  body: z.object({ sender: accountInput, recipient: accountInput, relation: relationInput }),
  responses: { 200: { description: 'allow or deny, with a code and a reason.', schema: checkResultView } },
  async handle({ c, deps, body }) {
    const safety = need(deps.services, 'safety');
    const [sender, recipient] = await Promise.all([tierFor(safety, body.sender), tierFor(safety, body.recipient)]);
    const r = safety.checks.canMessage({ tier: sender }, { tier: recipient }, body.relation);
    deps.metrics.decisions.inc({ source: 'check_message', kind: r.allow ? 'allow' : 'deny' });
    return c.json(r);
  },
});
