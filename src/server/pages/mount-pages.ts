/**
 * Pages for people rather than platforms, mounted beside the API: the reviewer console (/console, signed-in
 * people with roles) and the public report form (/report, no account). Both are HTML with forms, cookies,
 * CSRF tokens and a strict Content-Security-Policy; neither accepts API keys.
 */
import type { Hono } from 'hono';
import type { AppRuntime } from '../app-deps.ts';
import type { AppEnv } from '../app-env.ts';
import { createConsoleApp } from '../console/console-app.ts';
import { createReportApp } from '../report/report-routes.ts';

export function mountPages(app: Hono<AppEnv>, rt: AppRuntime): void {
  const console = createConsoleApp(rt);
  app.route('/console', console.app);
  app.route('/report', createReportApp(rt, console.ctx.forms));
}
