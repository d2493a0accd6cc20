/**
 * Generates the OpenAPI 3.1 document from the route registry: the same zod schemas that validate requests
 * become its parameters, bodies and responses (JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
 */
import { z } from 'zod';
import { errorBody } from './api-schemas.ts';
import type { RouteDef } from './route.ts';

type Json = Record<string, unknown>;

/** The OpenAPI document for `routes`. */
export function buildOpenApi(routes: readonly RouteDef[], info: { version?: string } = {}): Json {
  const components: Record<string, unknown> = {};

  // Schemas with a `meta({id})` land in `$defs`; hoist them into components so `$ref`s resolve document-wide.
  const convert = (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const js = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    delete js.$schema;
    const defs = js.$defs as Record<string, Json> | undefined;
    delete js.$defs;
    if (defs) for (const [id, d] of Object.entries(defs)) components[id] ??= rewriteRefs(d);
    return rewriteRefs(js);
  };
  const errorRef = { $ref: '#/components/schemas/Error' };
  convert(errorBody, 'output');

  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
    const parameters: Json[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const obj = convert(schema, 'input');
      const props = (obj.properties ?? {}) as Record<string, Json>;
      const required = new Set((obj.required ?? []) as string[]);
      for (const [name, s] of Object.entries(props)) {
        parameters.push({ name, in: where, required: where === 'path' || required.has(name), schema: s, ...(s.description ? { description: s.description } : {}) });
      }
    }
    const op: Json = {
      operationId: operationId(r),
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      ...(parameters.length ? { parameters } : {}),
      security: r.access === 'public' ? [] : [{ apiKey: [] }],
      'x-lifeguard-scope': r.access,
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: convert(r.body, 'input') } } };
    else if (r.rawBody) {
      op.requestBody = {
        required: true,
        description: r.rawBody.description,
        content: Object.fromEntries(r.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string', contentMediaType: t, format: 'binary' } }])),
      };
    }
    const responses: Record<string, Json> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      const type = res.contentType ?? 'application/json';
      responses[status] = {
        description: res.description,
        ...(res.schema ? { content: { [type]: { schema: convert(res.schema, 'output') } } } : res.contentType ? { content: { [type]: { schema: { type: 'string' } } } } : {}),
      };
    }
    const errors: [number, string, boolean][] = [
      [400, 'Invalid input (stable `code`: malformed_json, invalid_body, invalid_query, invalid_params, ...).', Boolean(r.body || r.rawBody || r.query || r.params)],
      [401, 'Missing, unknown or revoked API key (`unauthorized`).', r.access !== 'public'],
      [403, `The key lacks the \`${r.access === 'metrics' ? 'admin' : r.access}\` scope (\`forbidden\`).`, r.access !== 'public'],
      [404, 'Unknown id (`not_found`).', Boolean(r.params)],
      [413, 'Body over a size limit (`body_too_large`, `image_too_large`, `batch_too_large`).', Boolean(r.body || r.rawBody)],
      [429, 'Rate limit for this key exceeded (`rate_limited`); see Retry-After.', r.access !== 'public'],
    ];
    for (const [status, description, applies] of errors) {
      if (applies && responses[status] === undefined) responses[status] = { description, content: { 'application/json': { schema: errorRef } } };
    }
    op.responses = responses;
    (paths[path] ??= {})[r.method] = op;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Lifeguard API',
      version: info.version ?? '0.1.0',
      description: 'Child-safety engine: known-content matching, platform events, effects, checks. Every /v1 route needs an API key with a scope.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: components,
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer lg_...` (or the `X-Api-Key` header).' } },
    },
  };
}

function operationId(r: RouteDef): string {
  const words = r.path.split('/').filter((s) => s && s !== 'v1').map((s) => (s.startsWith(':') ? `by-${s.slice(1)}` : s));
  return [r.method, ...words]
    .join('-')
    .replace(/[^A-Za-z0-9]+(.)/g, (_m, ch: string) => ch.toUpperCase());
}

function rewriteRefs<T>(v: T): T {
  if (Array.isArray(v)) return v.map(rewriteRefs) as T;
  if (v !== null && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v as Json)) {
      out[k] = k === '$ref' && typeof x === 'string' ? x.replace('#/$defs/', '#/components/schemas/') : rewriteRefs(x);
    }
    return out as T;
  }
  return v;
}
