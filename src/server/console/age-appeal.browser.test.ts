/**
 * Resolving an age appeal in the console, in a real browser (Debian's chromium via playwright-core) against
 * the service on 127.0.0.1: an account a vendor estimated at 16 appeals; the pipeline opens the case; a
 * reviewer claims it and, by keyboard, first sends the form without a reason (the error summary names the
 * field), then overturns to adult with a reason. The page shows the resolution and the new age record; the
 * API's settings follow. Strict CSP, no other origin, no console errors, readable at 320 px. Saves
 * docs/console-age-appeal.png (the form) and docs/console-age-appeal-resolved.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser } from 'playwright-core';
import { noChromium, startConsoleBrowser } from '../../../test/support/console-browser.ts';
import { watchPage } from '../../../test/support/watch-page.ts';
import { hashPassword } from '../../crypto/password-hash.ts';
import { createPeopleStore } from '../../store/people-store.ts';
import type { TestApp } from '../test-app.ts';

const skip = noChromium;
const password = 'correct horse battery staple';
const docs = new URL('../../../docs/', import.meta.url).pathname;

let t: TestApp;
let base: string;
let browser: Browser;
let caseId: string;
let platform: string;
let cleanup: (() => Promise<void>) | undefined;

before(async () => {
  if (skip) return;
  const c = await startConsoleBrowser();
  ({ t, base, browser } = c);
  cleanup = () => c.close();
  await createPeopleStore(c.database).add({ email: 'rita@example.org', displayName: 'Rita Reviewer', roles: ['reviewer'], passwordHash: await hashPassword(password) });
  platform = await t.token('events', 'age');
  const ts = Date.now() - 60_000;
  const res = await t.call('POST', '/v1/events', {
    token: platform,
    json: {
      events: [
        { id: 'est-1', type: 'age.signal', account: { id: 'user-4711' }, method: 'estimation', age: 16, confidence: 0.9, provider: 'vendor', ts },
        { id: 'appeal-1', type: 'age.appeal', account: { id: 'user-4711' }, claimedAge: 19, ts: ts + 1000 },
      ],
    },
  });
  assert.equal(res.status, 202, JSON.stringify(res.body));
  await t.drain();
  const { cases } = await t.deps.services.cases!.listQueue({ limit: 10, source: 'age_appeal' });
  assert.equal(cases.length, 1);
  caseId = cases[0]!.id;
});
after(() => cleanup?.());

test('claim, a missing reason is named, overturn with a reason — by keyboard; settings follow', { skip }, async () => {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const { requests, errors } = watchPage(page);

  await page.goto(`${base}/console/cases/${caseId}`);
  await page.getByLabel('Email address').fill('rita@example.org');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/console/cases/${caseId}$`));
  assert.match(await page.locator('#age-appeal').innerText(), /Claim the case to uphold or overturn the appeal/);

  await page.getByRole('button', { name: 'Claim this case' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?done=claimed$/);
  await page.screenshot({ path: `${docs}console-age-appeal.png`, fullPage: true });

  // No reason: refused, the summary links to the field, nothing changes.
  await page.getByLabel('Resolution').focus();
  await page.keyboard.press('End'); // the last option: overturn
  await page.getByLabel('New age tier (to overturn)').selectOption('adult');
  await page.getByRole('button', { name: 'Record the resolution' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForLoadState();
  const summary = page.locator('#error-summary');
  assert.match(await summary.innerText(), /Give the reason for your resolution/);
  assert.equal(await summary.locator('a').getAttribute('href'), '#resolution-reason');
  assert.equal((await t.call('GET', '/v1/accounts/user-4711/settings', { token: platform })).body.tier, '16-17');

  await page.getByLabel('Resolution').selectOption('overturned');
  await page.getByLabel('New age tier (to overturn)').selectOption('adult');
  await page.getByLabel('Reason (required; recorded)').focus();
  await page.keyboard.type('Passport checked on a video call; the estimate was wrong.');
  await page.getByRole('button', { name: 'Record the resolution' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?done=resolved$/);
  const res = await page.reload();
  assert.match(res?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
  assert.match(await page.locator('#notice').innerText(), /Age appeal resolved/);
  const section = await page.locator('#age-appeal').innerText();
  assert.match(section, /Decision overturned: Adult \(18 or over\) for user-4711 by /);
  assert.match(section, /Reason: Passport checked on a video call; the estimate was wrong\./);
  assert.match(await page.locator('#ages-h + table').innerText(), /user-4711\s+adult\s+reviewer/);
  assert.match(await page.locator('.timeline').last().innerText(), /Age decision overturned on appeal \(new tier adult\)/);
  assert.equal((await t.call('GET', '/v1/accounts/user-4711/settings', { token: platform })).body.tier, 'adult');
  await page.screenshot({ path: `${docs}console-age-appeal-resolved.png`, fullPage: true });

  await page.setViewportSize({ width: 320, height: 720 });
  const layout = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(`(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }))()`);
  const wide = await page.evaluate<string[]>(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 321).slice(0, 12).map((e) => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`);
  assert.ok(layout.scrollWidth <= layout.clientWidth, `${wide.join(', ')} no horizontal scroll at 320 px (${layout.scrollWidth} > ${layout.clientWidth})`);

  assert.deepEqual(requests.filter((u) => !u.startsWith(base)), [], 'nothing from another origin');
  // The refused form answers 400 on purpose (chromium logs it); nothing else may be logged.
  assert.deepEqual(errors.filter((e) => !/status of 400 \(Bad Request\)/.test(e)), []);
  assert.equal(errors.length, 1);
  await ctx.close();
});
