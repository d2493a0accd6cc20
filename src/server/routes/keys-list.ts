/** GET /v1/keys: list API keys (never their tokens). */
import { z } from 'zod';
import { apiKeyView } from '../api-key-view.ts';
import { defineRoute } from '../route.ts';

export const keysList = defineRoute({
  method: 'get',
  path: '/v1/keys',
  access: 'admin',
  tag: 'admin',
  summary: 'List API keys.',
  query: z.object({ includeRevoked: z.enum(['true', 'false']).optional() }),
  responses: { 200: { description: 'Keys, newest first.', schema: z.object({ items: z.array(apiKeyView) }) } },
  async handle({ c, deps, query }) {
    return c.json({ items: await deps.keys.list({ includeRevoked: query.includeRevoked === 'true' }) });
  },
});
