/** GET /v1/effects: poll effects in commit order (`after` = the `cursor` of the previous page). */
import { z } from 'zod';
import { effectKinds } from '../../core/effects.ts';
import { effectView } from '../effect-view.ts';
import { defineRoute } from '../route.ts';
import { need } from '../services.ts';

export const effectsList = defineRoute({
  method: 'get',
  path: '/v1/effects',
  access: 'events',
  tag: 'events',
  summary: 'Poll effects (the same ones the webhook delivers), oldest first.',
  query: z.object({
    after: z.coerce.number().int().min(0).optional().describe('Only effects with a larger seq (the previous `cursor`).'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    kind: z.enum(effectKinds).optional(),
    target: z.string().min(1).max(200).optional().describe('Only effects on this target id.'),
  }),
  responses: { 200: { description: 'A page of effects and the cursor for the next poll.', schema: z.object({ items: z.array(effectView), cursor: z.number().int() }) } },
  async handle({ c, deps, query }) {
    const page = await need(deps.services, 'events').listEffects({
      limit: query.limit,
      ...(query.after !== undefined ? { after: query.after } : {}),
      ...(query.kind !== undefined ? { kind: query.kind } : {}),
      ...(query.target !== undefined ? { target: query.target } : {}),
    });
    return c.json({ items: page.effects.map(({ scope: _scope, ...e }) => e), cursor: page.cursor });
  },
});
