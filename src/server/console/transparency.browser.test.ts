/**
 * The transparency page in a real browser (Debian's chromium via playwright-core) over a generated year of
 * benign cases: an auditor reaches the year form and the CSV link by keyboard, picks the year, downloads the
 * CSV (the API's), every chart is an image named by its title; strict CSP, no other origin, no console errors;
 * at 320 px nothing scrolls sideways. Saves docs/console-statistics.png.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type Browser, type Page } from 'playwright-core';
import { noChromium, startConsoleBrowser } from '../../../test/support/console-browser.ts';
import { generatedYear, seedCases } from '../../../test/support/generated-year.ts';
import { watchPage } from '../../../test/support/watch-page.ts';
import { hashPassword } from '../../crypto/password-hash.ts';
import { createPeopleStore } from '../../store/people-store.ts';
import type { TestApp } from '../test-app.ts';

const skip = noChromium;
const password = 'correct horse battery staple';
const docs = new URL('../../../docs/', import.meta.url).pathname;
const thisYear = new Date().getUTCFullYear();
const year = thisYear - 1;

let t: TestApp;
let base: string;
let browser: Browser;
let cleanup: (() => Promise<void>) | undefined;

before(async () => {
  if (skip) return;
  const c = await startConsoleBrowser();
  ({ t, base, browser } = c);
  cleanup = () => c.close();
  await createPeopleStore(c.database).add({ email: 'audrey@example.org', displayName: 'Audrey Auditor', roles: ['auditor'], passwordHash: await hashPassword(password) });
  await seedCases(c.database, t.deps.services.cases!.policy, generatedYear(year));
});
after(() => cleanup?.());

async function signIn(page: Page, next: string): Promise<void> {
  await page.goto(`${base}${next}`);
  await page.getByLabel('Email address').fill('audrey@example.org');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/console/statistics/transparency');
}

/** Presses Tab until `selector` has the focus (at most `max` times); true when it got there. */
async function tabTo(page: Page, selector: string, max = 60): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`document.activeElement === document.querySelector(${JSON.stringify(selector)})`)) return true;
  }
  return false;
}

test('by keyboard: choose the year, download the CSV; charts are named images; strict CSP, clean console', { skip }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await ctx.newPage();
  const { requests, errors } = watchPage(page);
  await signIn(page, '/console/statistics/transparency');
  const first = await page.reload();
  assert.equal(first?.status(), 200);
  assert.match(first?.headers()['content-security-policy'] ?? '', /^default-src 'none'; script-src 'self'; style-src 'self';/);
  assert.equal(await page.locator('h1').innerText(), `Transparency figures ${thisYear}`);

  // The year form, by keyboard only: Tab to the select, pick last year, Tab to the button, Enter.
  await page.locator('body').focus();
  assert.ok(await tabTo(page, '#year'), 'the year select is reachable by Tab');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#year').inputValue(), String(year));
  assert.ok(await tabTo(page, '#year-form button', 3), 'then its button');
  await Promise.all([page.waitForURL((u) => u.searchParams.get('year') === String(year)), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').innerText(), `Transparency figures ${year}`);
  assert.equal(await page.locator('#fig-reports').innerText(), '54');

  // Every chart is an image named by its title, with its table.
  for (const name of [`Cases opened and confirmed per month, ${year}`, 'Cases opened and confirmed by source', 'Confirmed cases by UK category', 'Confirmed cases by age band, split by sex as seen', 'Confirmed cases by self-generated assessment', 'Median and 90th-percentile time from intake to action and to referral', 'Referrals marked and sent', 'Age appeals by outcome']) {
    assert.equal(await page.getByRole('img', { name, exact: true }).count(), 1, name);
  }
  assert.equal(await page.getByRole('table').count(), 8);
  assert.equal(await page.getByRole('cell', { name: '9' }).count() >= 6, true, '9 cases of each source');

  // The CSV link, by keyboard: Tab to it, Enter downloads the API's CSV.
  await page.locator('body').focus();
  assert.ok(await tabTo(page, '#csv-link'), 'the CSV link is reachable by Tab');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), `lifeguard-statistics-${year}.csv`);
  const api = await t.call('GET', `/v1/stats?year=${year}&format=csv`, { token: await t.token('cases:read') });
  assert.equal(readFileSync((await download.path())!, 'utf8'), api.body);

  await page.screenshot({ path: `${docs}console-statistics.png`, fullPage: true });
  assert.deepEqual(requests.filter((u) => !u.startsWith(base)), [], 'nothing from another origin');
  assert.deepEqual(errors, []);

  // 320 px wide: nothing scrolls sideways, the charts fit, the figures are still there.
  await page.setViewportSize({ width: 320, height: 720 });
  await page.reload();
  const widths = await page.evaluate<{ doc: number; body: number; widest: number; over: string[] }>(`({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    widest: Math.max(...[...document.querySelectorAll('svg.chart')].map((s) => s.getBoundingClientRect().right)),
    over: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 320.5 && !e.closest('.table-scroll')).map((e) => e.tagName + '#' + e.id + '.' + e.getAttribute('class')).slice(0, 8),
  })`);
  assert.ok(widths.doc <= 320 && widths.body <= 320, `no horizontal scroll at 320 px (${JSON.stringify(widths)})`);
  assert.ok(widths.widest <= 320, `charts fit (${widths.widest})`);
  assert.equal(await page.locator('#fig-reports').isVisible(), true);
  await page.locator('section[aria-labelledby=months-h]').screenshot({ path: `${docs}console-statistics-320.png` });
  assert.deepEqual(errors, []);
  await ctx.close();
});
