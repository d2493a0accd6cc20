/**
 * A route declared as data: method, path, scope, request schemas, response schemas and a handler. The same
 * declaration mounts the route, enforces its scope, validates its input and generates /openapi.json.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { ApiKey, ApiScope } from '../store/api-key-store.ts';
import type { AppRuntime } from './app-deps.ts';
import type { AppEnv } from './app-env.ts';

/** Who may call a route: a key scope, `metrics` (admin key or the metrics token) or `public`. */
export type RouteAccess = ApiScope | 'metrics' | 'public';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

/** What a handler receives: validated params, query and JSON body. */
export interface RouteInput<P, Q, B> {
  c: Context<AppEnv>;
  deps: AppRuntime;
  /** The calling key (undefined only on public routes). */
  key: ApiKey | undefined;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
}

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  /** Content type when not JSON (e.g. text/plain for /metrics). */
  contentType?: string;
}

export interface RouteDef<P extends z.ZodType | undefined = z.ZodType | undefined, Q extends z.ZodType | undefined = z.ZodType | undefined, B extends z.ZodType | undefined = z.ZodType | undefined> {
  method: HttpMethod;
  /** Hono path pattern, e.g. `/v1/banks/:id`. */
  path: string;
  access: RouteAccess;
  /** OpenAPI tag (API area). */
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  /** A JSON body, parsed and validated before the handler runs (limit: config maxJsonBytes). */
  body?: B;
  /** Replaces the default `body.safeParse` (e.g. for per-item error messages); `body` still documents the route. */
  parseBody?(value: unknown, deps: AppRuntime): Infer<B>;
  /** Non-JSON bodies the handler reads itself (documented in OpenAPI), e.g. multipart or raw images. */
  rawBody?: { contentTypes: string[]; description: string };
  responses: Record<number, RouteResponse>;
  handle(input: RouteInput<P, Q, B>): Promise<Response> | Response;
}

/** Declares a route with its types inferred from its schemas. */
export function defineRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  def: RouteDef<P, Q, B>,
): RouteDef {
  return def as unknown as RouteDef;
}
