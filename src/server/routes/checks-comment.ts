/** POST /v1/checks/comment: may this viewer comment on this live stream (with the stream's live restrictions)? */
import { z } from 'zod';
import { accountInput, checkResultView, relationInput, streamFor, streamInput, tierFor } from '../check-schemas.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const checksComment = defineRoute({
  method: 'post',
  path: '/v1/checks/comment',
  access: 'events',
  tag: 'checks',
  summary: 'May the viewer comment on the stream? Uses the streamer’s settings and the guardian’s live restrictions.',
  body: z.object({ viewer: accountInput, relation: relationInput, stream: streamInput }),
  responses: { 200: { description: 'allow or deny, with a code and a reason.', schema: checkResultView } },
  async handle({ c, deps, body }) {
    const safety = need(deps.services, 'safety');
    const [tier, stream] = await Promise.all([tierFor(safety, body.viewer), streamFor(safety, body.stream)]);
    const r = safety.checks.canComment({ id: body.viewer.id, tier, relation: body.relation }, stream);
    deps.metrics.decisions.inc({ source: 'check_comment', kind: r.allow ? 'allow' : 'deny' });
    return c.json(r);
  },
});
