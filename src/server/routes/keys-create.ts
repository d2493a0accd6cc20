/** POST /v1/keys: create an API key; its token is in this response only. */
import { z } from 'zod';
import { apiScopes } from '../../store/api-key-store.ts';
import { apiKeyView } from '../api-key-view.ts';
import { defineRoute } from '../route.ts';

export const keysCreate = defineRoute({
  method: 'post',
  path: '/v1/keys',
  access: 'admin',
  tag: 'admin',
  summary: 'Create an API key (the token is shown once).',
  body: z.object({ name: z.string().min(1).max(200), scopes: z.array(z.enum(apiScopes)).min(1) }),
  responses: { 201: { description: 'Created; store `token` now, it cannot be read again.', schema: apiKeyView.extend({ token: z.string() }) } },
  async handle({ c, deps, body }) {
    const { key, token } = await deps.keys.create(body);
    deps.logger.info('api key created', { keyId: key.id, scopes: key.scopes, by: c.get('apiKey')?.id });
    return c.json({ ...key, token }, 201);
  },
});
