/** The page-shell data for the signed-in person. */
import type { Context } from 'hono';
import type { ConsoleEnv } from './console-context.ts';
import type { Viewer } from './console-html.ts';
import { navFor } from './console-nav.ts';

export function viewerOf(c: Context<ConsoleEnv>): Viewer {
  const p = c.get('person');
  return { displayName: p.displayName, roles: p.roles, csrf: c.get('session').csrfToken, nav: navFor(p) };
}
