/** GET /openapi.json: the OpenAPI 3.1 document generated from the route registry's schemas. */
import { buildOpenApi } from '../build-openapi.ts';
import { defineRoute } from '../route.ts';

const cache = new WeakMap<object, unknown>();

export const openapi = defineRoute({
  method: 'get',
  path: '/openapi.json',
  access: 'public',
  tag: 'ops',
  summary: 'This API as an OpenAPI 3.1 document.',
  responses: { 200: { description: 'OpenAPI 3.1 JSON.' } },
  handle({ c, deps }) {
    let doc = cache.get(deps.routes);
    if (doc === undefined) cache.set(deps.routes, (doc = buildOpenApi(deps.routes)));
    return c.json(doc as Record<string, unknown>);
  },
});
