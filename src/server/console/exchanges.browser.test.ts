/**
 * /console/exchanges in a real browser (Debian's chromium via playwright-core) against the service on 127.0.0.1
 * with two exchanges served by a local list server (one works, one answers 503): status, last success, error and
 * counts; an admin fetches one now by keyboard; an auditor sees the page without the button and is refused the
 * POST; strict CSP, same origin only, readable at 320 px. Saves docs/console-exchanges.png.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { noChromium, startConsoleBrowser } from '../../../test/support/console-browser.ts';
import { watchPage } from '../../../test/support/watch-page.ts';
import { hashPassword } from '../../crypto/password-hash.ts';
import { createPeopleStore } from '../../store/people-store.ts';
import type { TestApp } from '../test-app.ts';

const skip = noChromium;
const password = 'correct horse battery staple';
const docs = new URL('../../../docs/', import.meta.url).pathname;

let t: TestApp;
let lists: Server;
let base: string;
let browser: Browser;
let cleanup: () => Promise<void>;

before(async () => {
  if (skip) return;
  // The outside lists: a hotline's JSON list (benign random hashes), and a list server that is down.
  lists = createServer((req, res) => {
    if (req.url === '/hotline.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ entries: [{ type: 'md5', value: '0123456789abcdef0123456789abcdef', id: 'h1' }, { type: 'md5', value: 'fedcba9876543210fedcba9876543210', id: 'h2' }] }));
    res.writeHead(503).end();
  });
  await new Promise<void>((r) => lists.listen(0, '127.0.0.1', r));
  const listBase = `http://127.0.0.1:${(lists.address() as AddressInfo).port}`;
  const c = await startConsoleBrowser();
  ({ t, base, browser } = c);
  cleanup = async () => {
    await c.close();
    lists.closeAllConnections();
    await new Promise<void>((r) => lists.close(() => r()));
  };
  const people = createPeopleStore(c.database);
  const hash = await hashPassword(password);
  await people.add({ email: 'ada@example.org', displayName: 'Ada Admin', roles: ['admin'], passwordHash: hash });
  await people.add({ email: 'audrey@example.org', displayName: 'Audrey Auditor', roles: ['auditor'], passwordHash: hash });
  const token = await t.token('admin');
  for (const [name, path] of [['hotline-x', '/hotline.json'], ['partner-list', '/down.json']] as const) {
    const r = await t.call('POST', '/v1/exchanges', { token, json: { name, kind: 'http_list', bank: name, createBank: true, settings: { url: `${listBase}${path}`, format: 'json', timeoutMs: 500 }, intervalSeconds: 3600 } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
});
after(() => cleanup?.());

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${base}/console`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/console\/(queue|audit|statistics)/);
}

test('exchange status in the console; an admin fetches by keyboard; an auditor only reads', { skip }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const { requests, errors } = watchPage(page);
  await signIn(page, 'ada@example.org');
  await page.getByRole('link', { name: 'Exchanges' }).click();
  await page.waitForURL(`${base}/console/exchanges`);
  const res = await page.reload();
  assert.match(res!.headers()['content-security-policy'] ?? '', /script-src 'self'; style-src 'self'/);
  assert.equal(await page.getByRole('heading', { name: /hotline-x/ }).count(), 1);
  assert.ok(await page.getByText('Not fetched yet').first().isVisible());

  // Fetch now, by keyboard: focus the button and press Enter.
  await page.getByRole('button', { name: 'Fetch hotline-x now' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/console/exchanges?fetched=hotline-x`);
  assert.ok(await page.getByRole('status').filter({ hasText: 'Fetched hotline-x.' }).isVisible());
  const hotline = page.locator('section', { has: page.getByRole('heading', { name: /hotline-x/ }) });
  assert.match(await hotline.innerText(), /\bok\b/i);
  assert.match(await hotline.innerText(), /2 fetched, 2 added, 0 removed, 0 invalid; 2 entries in the bank from it/);
  assert.doesNotMatch(await hotline.locator('dd').nth(2).innerText(), /never/, 'a last success is shown');

  await page.getByRole('button', { name: 'Fetch partner-list now' }).click();
  await page.waitForURL(`${base}/console/exchanges?failed=partner-list`);
  const partner = page.locator('section', { has: page.getByRole('heading', { name: /partner-list/ }) });
  assert.match(await partner.innerText(), /failing/i);
  assert.match(await partner.innerText(), /exchange_http_error: .*answered 503/);
  await page.screenshot({ path: `${docs}console-exchanges.png`, fullPage: true });

  // Readable at 320 px: nothing wider than the screen.
  await page.setViewportSize({ width: 320, height: 700 });
  assert.ok(Number(await page.evaluate('document.documentElement.scrollWidth')) <= 320, 'no horizontal scrolling at 320 px');
  assert.deepEqual([...new Set(requests.map((u) => new URL(u).origin))], [base], 'same origin only');
  assert.deepEqual(errors, []);
  await ctx.close();

  // An auditor reads the same page without the button; the POST itself is refused.
  const actx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const apage = await actx.newPage();
  await signIn(apage, 'audrey@example.org');
  await apage.goto(`${base}/console/exchanges`);
  assert.equal(await apage.getByRole('heading', { name: /partner-list/ }).count(), 1);
  assert.equal(await apage.getByRole('button', { name: /Fetch .* now/ }).count(), 0);
  const csrf = await apage.locator('input[name=csrf]').first().inputValue();
  const post = await apage.request.post(`${base}/console/exchanges/hotline-x/fetch`, { form: { csrf }, headers: { origin: base } });
  assert.equal(post.status(), 403);
  assert.match(await post.text(), /Only admins fetch an exchange now/);
  await actx.close();

  // The admin's fetch request is in the audit log.
  const audit = await t.deps.services.audit!.list({ limit: 50, newestFirst: true });
  assert.ok(audit.entries.some((e) => e.action === 'exchange_fetch_requested' && (e.detail as { exchange?: string }).exchange === 'hotline-x'));
});
