/** DELETE /v1/keys/:id: revoke an API key (effective at once here, within seconds in other processes). */
import { conflict } from '../../core/lifeguard-error.ts';
import { apiKeyView } from '../api-key-view.ts';
import { idParams } from '../api-schemas.ts';
import { defineRoute } from '../route.ts';
import { unknownId } from '../unknown-id.ts';

export const keysRevoke = defineRoute({
  method: 'delete',
  path: '/v1/keys/:id',
  access: 'admin',
  tag: 'admin',
  summary: 'Revoke an API key.',
  params: idParams,
  responses: { 200: { description: 'The revoked key.', schema: apiKeyView }, 409: { description: 'The last active admin key cannot be revoked (`last_admin_key`).' } },
  async handle({ c, deps, params }) {
    const target = await deps.keys.get(params.id);
    if (target === undefined) throw unknownId('API key', params.id);
    if (target.revokedAt === null && target.scopes.includes('admin')) {
      const admins = (await deps.keys.list()).filter((k) => k.scopes.includes('admin'));
      // Keep one way in: the last admin key can only be replaced, not removed (`lifeguard keys` can still act offline).
      if (admins.length <= 1) throw conflict('last_admin_key', 'this is the last active admin key; create another admin key first');
    }
    const key = await deps.keys.revoke(params.id);
    deps.authenticator.forget();
    deps.logger.info('api key revoked', { keyId: key.id, by: c.get('apiKey')?.id });
    return c.json(key);
  },
});
