/**
 * The help page in a real browser (Debian's chromium via playwright-core) against the service listening on
 * 127.0.0.1: headings and call links visible, nothing fetched from another origin, no console errors (a CSP
 * violation would be one), no horizontal scroll at 320 px, and a plain link to another country works.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { noChromium, startConsoleBrowser } from '../../../test/support/console-browser.ts';
import { watchPage } from '../../../test/support/watch-page.ts';

const skip = noChromium;

let base: string;
let browser: Browser;
let cleanup: () => Promise<void>;

before(async () => {
  if (skip) return;
  const c = await startConsoleBrowser();
  ({ base, browser } = c);
  cleanup = () => c.close();
});
after(() => cleanup?.());

test('GB help page at 320 px: headings, tel: links, same origin only, no console errors, no horizontal scroll', { skip }, async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 700 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const { requests, errors } = watchPage(page);

  const res = await page.goto(`${base}/help/GB`);
  assert.equal(res?.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok(await page.getByRole('heading', { level: 1, name: 'Get help' }).isVisible());
  for (const name of ['If you are in danger right now', 'It is not your fault', 'Talk to someone', 'Report it', 'Help in another country']) {
    assert.ok(await page.getByRole('heading', { level: 2, name }).isVisible(), name);
  }
  for (const [tel, text] of [['999', 'Call 999'], ['08001111', 'Call 0800 1111'], ['08088005000', 'Call 0808 800 5000']] as const) {
    const link = page.locator(`a[href="tel:${tel}"]`);
    assert.ok(await link.isVisible(), tel);
    assert.equal((await link.innerText()).trim(), text);
  }
  assert.ok(await page.getByRole('link', { name: /ceop\.police\.uk/ }).isVisible());

  // Runs in the page (given as text: this project type-checks without the DOM library).
  const layout = await page.evaluate<{ scrollWidth: number; clientWidth: number; h1: number; body: number; scripts: number; callHeight: number }>(`(() => {
    const root = document.documentElement;
    const px = (sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize);
    const call = document.querySelector('a[href="tel:999"]').getBoundingClientRect();
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, h1: px('h1'), body: px('body'), scripts: document.scripts.length, callHeight: call.height };
  })()`);
  assert.ok(layout.scrollWidth <= layout.clientWidth, `no horizontal scroll at 320 px (${layout.scrollWidth} > ${layout.clientWidth})`);
  assert.equal(layout.clientWidth, 320);
  assert.ok(layout.h1 >= 1.6 * layout.body, `big heading (${layout.h1}px vs ${layout.body}px)`);
  assert.ok(layout.callHeight >= 44, `the emergency call link is a large target (${layout.callHeight}px)`);
  assert.equal(layout.scripts, 0);
  await page.screenshot({ path: '/tmp/help-gb.png', fullPage: true });

  // A plain link, no script: the US page.
  await page.getByRole('link', { name: 'United States' }).click();
  await page.waitForURL(`${base}/help/US`);
  assert.ok(await page.locator('a[href="tel:911"]').isVisible());
  assert.ok(await page.locator('a[href="tel:18008435678"]').isVisible());

  const origins = new Set(requests.map((u) => new URL(u).origin));
  assert.deepEqual([...origins], [base], `requests: ${requests.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
