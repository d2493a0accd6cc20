/**
 * The service in a real browser, for the browser tests (console and public pages): the app over a fresh SQLite database, served on
 * 127.0.0.1 at a random port, and Debian's chromium driven by playwright-core (headless, no network of its
 * own). `close` stops all three.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../../src/server/test-app.ts';
import type { Database } from '../../src/store/database.ts';
import { testDatabases } from './databases.ts';

export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The reason to skip a browser test on this machine, or false. */
export const noChromium: string | false = existsSync(chromiumPath) ? false : `needs ${chromiumPath}`;

export interface ConsoleBrowser {
  t: TestApp;
  database: Database;
  /** The service's origin, e.g. http://127.0.0.1:41234. */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the service and a browser. `env` adds to the config (secure cookies are off: the test serves plain
 * HTTP); as a function it receives the origin first (for redirect URLs) and may start what needs it.
 */
export async function startConsoleBrowser(env: Record<string, string> | ((base: string) => Record<string, string> | Promise<Record<string, string>>) = {}): Promise<ConsoleBrowser> {
  const opened = await testDatabases()[0]!.open();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const extra = typeof env === 'function' ? await env(base) : env;
  const t = await createTestApp(opened.database, { env: { LIFEGUARD_CONSOLE_SECURE_COOKIES: 'false', ...extra } });
  server.on('request', getRequestListener(t.app.fetch));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return {
    t,
    database: opened.database,
    base,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
      await opened.cleanup();
    },
  };
}
