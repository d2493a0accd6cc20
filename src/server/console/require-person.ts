/**
 * The console's gate: a live session from the cookie (else to the sign-in page), and on every POST the
 * session's synchronizer CSRF token in the form (else 403). Form bodies are small and bounded.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { ConsoleContext, ConsoleEnv } from './console-context.ts';
import { sameToken } from './console-cookies.ts';
import { consoleHeaders } from './console-html.ts';

/** Largest console form body (bytes). */
export const maxFormBytes = 64 * 1024;

/** A path inside the console to return to after sign-in; anything else becomes /console. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/console(\/[\w\-./?=&%]*)?$/.test(next) && !next.includes('//') && !next.includes('..') ? next : '/console';
}

/** The form fields of a POST, each as one string (repeated fields: the last). */
export async function formOf(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof last === 'string') out[k] = last;
  }
  return out;
}

/** Every value of a repeated form field (checkboxes). */
export async function formAll(c: Context, name: string): Promise<string[]> {
  const body = await c.req.parseBody({ all: true });
  const v = body[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
}

/** Rejects form bodies that are too large or not forms, before anything parses them. */
export async function boundedForm(c: Context): Promise<Response | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return c.text('expected a form', 415, consoleHeaders);
  const length = Number(c.req.header('content-length') ?? NaN);
  if (!Number.isFinite(length) || length > maxFormBytes) return c.text('form too large', 413, consoleHeaders);
  return undefined;
}

export function requirePerson(ctx: ConsoleContext): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const id = ctx.jar.get(c, 'session');
    const found = id === undefined ? undefined : await ctx.sessions.lookup(id);
    if (found === undefined || id === undefined) {
      if (id !== undefined) ctx.jar.clear(c, 'session');
      const target = c.req.method === 'GET' ? safeNext(c.req.path + (new URL(c.req.url).search || '')) : '/console';
      return c.redirect(`/console/sign-in?next=${encodeURIComponent(target)}`, 303);
    }
    c.set('person', found.person);
    c.set('session', found.session);
    c.set('sessionId', id);
    if (c.req.method === 'POST') {
      const bad = await boundedForm(c);
      if (bad) return bad;
      const form = await formOf(c);
      if (!sameToken(found.session.csrfToken, form.csrf)) return c.text('This form has expired or did not come from the console. Go back, reload the page and try again.', 403, consoleHeaders);
    }
    await next();
    for (const [k, v] of Object.entries(consoleHeaders)) if (!c.res.headers.has(k)) c.res.headers.set(k, v);
  };
}
