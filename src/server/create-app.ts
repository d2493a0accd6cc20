/**
 * The HTTP API as a Hono app built from the route registry. Every request gets an id, a JSON log line and a
 * latency observation; every non-public route checks its key, scope and rate limit before its input.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { rateLimited } from '../core/lifeguard-error.ts';
import type { AppDeps, AppRuntime } from './app-deps.ts';
import type { AppEnv } from './app-env.ts';
import { createAuthenticator } from './authenticate.ts';
import { createBackgroundTasks } from './background-tasks.ts';
import { errorResponse } from './error-response.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { readJson, validate } from './request-body.ts';
import type { RouteDef } from './route.ts';
import { routes as defaultRoutes } from './route-registry.ts';
import { mountPages } from './pages/mount-pages.ts';

/** Probes and scrapes are logged at debug level only, so they do not drown the request log. */
const quietRoutes = new Set(['/healthz', '/readyz', '/metrics']);

/** Builds the app; `routes` defaults to the full registry. Test it with `app.request()`. */
export function createApp(deps: AppDeps, routes: readonly RouteDef[] = defaultRoutes): Hono<AppEnv> {
  const runtime: AppRuntime = {
    ...deps,
    now: deps.now ?? Date.now,
    routes,
    tasks: deps.tasks ?? createBackgroundTasks(deps.logger),
    authenticator: createAuthenticator(deps.keys, deps.config.metricsToken === undefined ? {} : { metricsToken: deps.config.metricsToken }),
  };
  const limiter = createRateLimiter(deps.config.rateLimit);
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming !== undefined && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.set('routePath', 'unmatched');
    c.set('log', deps.logger.child({ requestId }));
    await next();
    c.header('x-request-id', requestId);
    const seconds = (performance.now() - started) / 1000;
    const route = c.get('routePath');
    deps.metrics.requestDuration.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    const key = c.get('apiKey');
    const line = { method: c.req.method, route, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1e4) / 10, keyId: key?.id };
    if (c.res.status >= 500) c.get('log').warn('request', line);
    else if (quietRoutes.has(route)) c.get('log').debug('request', line);
    else c.get('log').info('request', line);
  });

  for (const route of routes) app.on(route.method.toUpperCase(), route.path, (c) => handle(route, c, runtime, limiter));
  // Pages for people (the reviewer console, the public report form): HTML, cookies and forms, not the key-scoped API.
  mountPages(app, runtime);

  const methodsAt = allowedMethods(routes);
  app.notFound((c) => {
    // A known path with another method is 405 with Allow, not 404: the path is right, the method is not.
    const allow = methodsAt(c.req.path);
    if (allow.length > 0) {
      c.header('allow', allow.join(', '));
      return c.json({ error: { code: 'method_not_allowed', message: `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allow.join(', ')}` } }, 405);
    }
    return c.json({ error: { code: 'route_not_found', message: `no route ${c.req.method} ${c.req.path}; see /openapi.json` } }, 404);
  });
  app.onError((err, c) => errorResponse(err, c, deps.logger));
  return app;
}

/** For a request path, the methods the registry serves on it (empty when no route has that path). */
export function allowedMethods(routes: readonly RouteDef[]): (path: string) => string[] {
  const patterns = routes.map((r) => ({
    method: r.method.toUpperCase(),
    re: new RegExp(`^${r.path.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`),
  }));
  return (path) => {
    const methods = new Set(patterns.filter((p) => p.re.test(path)).map((p) => p.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

async function handle(route: RouteDef, c: Context<AppEnv>, deps: AppRuntime, limiter: ReturnType<typeof createRateLimiter>): Promise<Response> {
  c.set('routePath', route.path);
  let key;
  if (route.access !== 'public') {
    key = await deps.authenticator.check(c.req.raw.headers, route.access);
    if (key !== undefined) {
      c.set('apiKey', key);
      const wait = limiter.take(key.id);
      if (wait > 0) throw rateLimited(`rate limit of ${deps.config.rateLimit.rps} requests/s for this key exceeded`, { retryAfterSeconds: wait });
    }
  }
  const params = route.params ? validate(route.params, c.req.param(), 'invalid_params', 'path') : undefined;
  const query = route.query ? validate(route.query, c.req.query(), 'invalid_query', 'query') : undefined;
  let body;
  if (route.body) {
    const json = await readJson(c.req.raw, deps.config.limits.maxJsonBytes);
    body = route.parseBody ? route.parseBody(json, deps) : validate(route.body, json, 'invalid_body', 'body');
  }
  return route.handle({ c, deps, key, params, query, body });
}

