/**
 * What a browser page did while a test drove it: every request's URL (to assert no cross-origin request) and
 * every console error or warning and uncaught page error (to assert a clean page, CSP violations included).
 */
import type { Page } from 'playwright-core';

export interface PageWatch {
  requests: string[];
  errors: string[];
}

/** Starts recording `page`'s requests and errors; the arrays fill as the page runs. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { requests: [], errors: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.errors.push(`pageerror: ${e.message}`));
  return watch;
}
