/** The 403 page of the console: what was refused and why, in plain words. */
import type { Context } from 'hono';
import { html } from 'hono/html';
import { viewerOf } from './console-viewer.ts';
import type { ConsoleEnv } from './console-context.ts';
import { consoleHeaders, consolePage } from './console-html.ts';

export function forbiddenPage(c: Context<ConsoleEnv>, reason: string): Response | Promise<Response> {
  return c.html(consolePage({ title: 'Not allowed', path: '', viewer: viewerOf(c), body: html`<h1>Not allowed</h1><p id="denied-reason">${reason}</p><p><a href="/console">Back to the console</a></p>` }), 403, consoleHeaders);
}
