/**
 * The guidance pages in a real browser (Debian's chromium via playwright-core) against the service on
 * 127.0.0.1, built over a policy file whose under-13 settings are stricter than the defaults: the page shows
 * the policy's settings, every heading, the places to report; no script, same origin only, no console errors
 * (a CSP violation would be one), no horizontal scroll at 320 px, and keyboard focus reaches the links.
 * Screenshots go to LIFEGUARD_SCREENSHOT_DIR (docs/ when refreshing them) or the temp folder.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { warningSignCategories, warningSigns } from '../../core/guidance/warning-signs.ts';
import { noChromium, startConsoleBrowser } from '../../../test/support/console-browser.ts';
import { watchPage } from '../../../test/support/watch-page.ts';

const skip = noChromium;
const shots = process.env.LIFEGUARD_SCREENSHOT_DIR ?? tmpdir();

let base: string;
let browser: Browser;
let cleanup: () => Promise<void>;

before(async () => {
  if (skip) return;
  const dir = mkdtempSync(join(tmpdir(), 'lifeguard-guidance-'));
  const policyFile = join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ tiers: { under13: { dm: 'nobody' } } }));
  const c = await startConsoleBrowser({ LIFEGUARD_POLICY_FILE: policyFile });
  ({ base, browser } = c);
  cleanup = async () => {
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  };
});
after(() => cleanup?.());

test('headers: HTML, strict CSP without script, public caching', { skip }, async () => {
  for (const path of ['/guidance/parents', '/guidance/schools']) {
    const res = await fetch(`${base}${path}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/);
    assert.doesNotMatch(csp, /script-src/);
    assert.doesNotMatch(await res.text(), /<script/i);
  }
  assert.equal((await fetch(`${base}/guidance/teachers`)).status, 404);
});

for (const audience of ['parents', 'schools'] as const) {
  test(`/guidance/${audience} at 320 px: the policy's settings, every sign, where to report, no script, no scroll`, { skip }, async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const { requests, errors } = watchPage(page);

    const res = await page.goto(`${base}/guidance/${audience}`);
    assert.equal(res?.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.ok(await page.getByRole('heading', { level: 1 }).isVisible());
    for (const name of ['Signs of grooming and coercion', 'Settings that protect children here', 'Where to report and get help', 'More help']) {
      assert.ok(await page.getByRole('heading', { level: 2, name }).isVisible(), name);
    }
    const text = await page.locator('main').innerText();
    for (const c of warningSignCategories) assert.ok(text.includes(warningSigns[c].title), `sign ${c}`);
    // The policy file made under-13s stricter than 13–15: two groups, and the stricter words.
    assert.ok(await page.getByRole('heading', { level: 3, name: 'Ages under 13', exact: true }).isVisible());
    assert.ok(text.includes('No one can send them direct messages.'));
    assert.ok(text.includes('Do not copy, save, screenshot'));
    for (const name of [/ceop\.police\.uk/, /childline\.org\.uk/, /nspcc\.org\.uk/, /report\.cybertip\.org/, /childhelphotline\.org/, /childhelplineinternational\.org/]) {
      assert.ok(await page.getByRole('link', { name }).isVisible(), String(name));
    }
    assert.ok(await page.locator('a[href="tel:08001111"]').isVisible());
    assert.ok(await page.locator('a[href="tel:18004224453"]').isVisible());

    const layout = await page.evaluate<{ scrollWidth: number; clientWidth: number; scripts: number; body: number }>(`(() => {
      const root = document.documentElement;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, scripts: document.scripts.length, body: parseFloat(getComputedStyle(document.body).fontSize) };
    })()`);
    assert.ok(layout.scrollWidth <= layout.clientWidth, `no horizontal scroll at 320 px (${layout.scrollWidth} > ${layout.clientWidth})`);
    assert.equal(layout.scripts, 0);
    assert.ok(layout.body >= 16, 'readable text size');

    await page.screenshot({ path: join(shots, `guidance-${audience}-320.png`), fullPage: true });
    // Keyboard: the first Tab lands on the first in-page link, and Enter follows it.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate<string>('document.activeElement.getAttribute("href")'), '#signs');
    await page.keyboard.press('Enter');
    // Following an in-page link updates the URL asynchronously: wait for it (fails after 5 s if it never does).
    await page.waitForFunction('location.hash === "#signs"', undefined, { timeout: 5000 });
    assert.equal(new URL(page.url()).hash, '#signs');

    const origins = new Set(requests.map((u) => new URL(u).origin));
    assert.deepEqual([...origins], [base], `requests: ${requests.join(', ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
