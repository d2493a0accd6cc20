/**
 * The reviewer console under /console: sign-in, queue, cases, people, queues, audit log, statistics and
 * personal settings, server-rendered with a strict Content-Security-Policy. Mounted by createApp.
 */
import { Hono, type Context } from 'hono';
import { createAuditLog } from '../../store/audit-log.ts';
import type { AppRuntime } from '../app-deps.ts';
import type { AppEnv } from '../app-env.ts';
import { consoleCss, consoleCssEtag, consoleIcon, consoleIconEtag, consoleJs, consoleJsEtag } from './console-assets.ts';
import { createConsoleContext, type ConsoleContext, type ConsoleEnv } from './console-context.ts';
import { consoleHeaders } from './console-html.ts';
import { homeOf } from './console-nav.ts';
import { mountCases } from './case-routes.ts';
import { mountReferrals } from './referral-routes.ts';
import { mountOversight } from './oversight-routes.ts';
import { mountExchanges } from './exchange-routes.ts';
import { mountPeople } from './people-routes.ts';
import { requirePerson } from './require-person.ts';
import { mountSettings } from './settings-routes.ts';
import { mountSignIn } from './sign-in-routes.ts';
import { mountTransparency } from './transparency-routes.ts';

/** Builds the console app (mount it at /console). */
export function createConsoleApp(rt: AppRuntime): { app: Hono<AppEnv>; ctx: ConsoleContext } {
  const auditLog = rt.services.audit ?? createAuditLog(rt.database, rt.now);
  const ctx = createConsoleContext(rt, async (e) => {
    await auditLog.append(e);
  });
  const app = new Hono<ConsoleEnv>();

  const asset = (body: string, type: string, etag: string) => (c: Context) => {
    const headers = { 'content-type': type, etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(body, 200, headers);
  };
  app.get('/assets/console.css', asset(consoleCss, 'text/css; charset=utf-8', consoleCssEtag));
  app.get('/assets/console.js', asset(consoleJs, 'text/javascript; charset=utf-8', consoleJsEtag));
  app.get('/assets/icon.svg', asset(consoleIcon, 'image/svg+xml', consoleIconEtag));

  mountSignIn(app, ctx);
  const signedIn = new Hono<ConsoleEnv>();
  signedIn.use('*', requirePerson(ctx));
  signedIn.get('/', (c) => c.redirect(homeOf(c.get('person')), 303));
  mountCases(signedIn, ctx);
  mountReferrals(signedIn, ctx);
  mountPeople(signedIn, ctx);
  mountOversight(signedIn, ctx);
  mountTransparency(signedIn, ctx);
  mountExchanges(signedIn, ctx);
  mountSettings(signedIn, ctx);
  app.route('/', signedIn);
  app.notFound((c) => c.text('Not found', 404, consoleHeaders));
  return { app: app as unknown as Hono<AppEnv>, ctx };
}
